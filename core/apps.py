from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares and no domain owns; listed first so its template tags load."""

    name = "core"
