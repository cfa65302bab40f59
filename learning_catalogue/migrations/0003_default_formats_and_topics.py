from django.db import migrations

from learning_catalogue.defaults import DEFAULT_FORMATS, DEFAULT_TOPICS


def add_defaults(apps, schema_editor):
    Organisation = apps.get_model("teams", "Organisation")
    Format = apps.get_model("learning_catalogue", "Format")
    Topic = apps.get_model("learning_catalogue", "Topic")
    for organisation in Organisation.objects.all():
        if not Format.objects.filter(organisation=organisation).exists():
            Format.objects.bulk_create(
                Format(organisation=organisation, name=name, position=position)
                for position, name in enumerate(DEFAULT_FORMATS)
            )
        if not Topic.objects.filter(organisation=organisation).exists():
            Topic.objects.bulk_create(
                Topic(organisation=organisation, name=name) for name in DEFAULT_TOPICS
            )


class Migration(migrations.Migration):
    dependencies = [("learning_catalogue", "0002_lists_ratings_suggestions_needs")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
