from django.apps import AppConfig


class LearningCatalogueConfig(AppConfig):
    name = "learning_catalogue"
    verbose_name = "Learning catalogue"
