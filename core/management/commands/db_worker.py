"""``manage.py db_worker``: django-tasks-db's worker with a lease (see ``core.worker``).

It takes the name of the command it extends, so every way of starting a worker (``make run``,
the production steps, an existing process manager) gets the lease; ``core`` is listed before
``django_tasks_db`` in ``INSTALLED_APPS`` so this command is the one found.
"""

from __future__ import annotations

from django_tasks_db.management.commands import db_worker

from core.worker import Heartbeat


class Command(db_worker.Command):
    help = "Run a database background worker that hands back the tasks of workers that died"

    def handle(self, *args: object, **options: object) -> None:
        heartbeat = Heartbeat(str(options["worker_id"]))
        heartbeat.start()
        try:
            super().handle(*args, **options)
        finally:
            heartbeat.stop()
