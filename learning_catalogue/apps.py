from django.apps import AppConfig
from django.db.models.signals import post_save


def _new_organisation_defaults(
    sender: type, instance: object, created: bool, **kwargs: object
) -> None:
    from learning_catalogue.defaults import ensure_defaults

    if created and not kwargs.get("raw"):
        ensure_defaults(instance)


class LearningCatalogueConfig(AppConfig):
    name = "learning_catalogue"
    verbose_name = "Learning catalogue"

    def ready(self) -> None:
        # Every organisation, however it is made (admin, seed, tests), starts with the lists.
        post_save.connect(
            _new_organisation_defaults,
            sender="teams.Organisation",
            dispatch_uid="learning_catalogue_defaults",
        )
