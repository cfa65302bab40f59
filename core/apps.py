from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares and no domain owns."""

    name = "core"

    def ready(self) -> None:
        from django.tasks.signals import task_finished, task_started

        from core import tasks

        task_started.connect(tasks.task_started, dispatch_uid="core.current_task_started")
        task_finished.connect(tasks.task_finished, dispatch_uid="core.current_task_finished")
