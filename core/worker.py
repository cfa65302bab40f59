"""A task worker that holds a lease on what it runs, so a task whose worker died runs again.

django-tasks-db's worker marks a task RUNNING before running it and only ever picks READY tasks:
a worker killed mid-task (SIGKILL, out of memory, host lost) would leave that task RUNNING for
ever, and its email or offer expiry would never happen. Here every worker beats a heartbeat row
from a side thread while it lives, and on each beat hands back to the queue every RUNNING task
whose worker has not beaten for ``TASKS_LEASE_SECONDS``. A task can therefore run more than once
(a worker that stalls for longer than the lease is taken for dead), so every task must be safe to
run twice: emails are sent once per task and recipient, and state changes check the state they
change.
"""

from __future__ import annotations

import datetime
import logging
import threading

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.db.models import Q
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.TASKS_LEASE_SECONDS)


def beat(worker_id: str, *, now: datetime.datetime | None = None) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"beat_at": now or timezone.now()}
    )


def requeue_abandoned(*, now: datetime.datetime | None = None) -> list[str]:
    """Hands back to the queue every running task whose worker has stopped beating; returns
    their ids. A task's worker is the last id in its ``worker_ids``."""
    now = now or timezone.now()
    stale_before = now - lease()
    with transaction.atomic():
        alive = set(
            WorkerHeartbeat.objects.filter(beat_at__gte=stale_before).values_list(
                "worker_id", flat=True
            )
        )
        running = (
            DBTaskResult.objects.select_for_update(skip_locked=True)
            .filter(status=TaskResultStatus.RUNNING)
            .filter(Q(started_at__lt=stale_before) | Q(started_at__isnull=True))
            .values_list("pk", "worker_ids")
        )
        abandoned = [
            str(pk) for pk, worker_ids in running if not worker_ids or worker_ids[-1] not in alive
        ]
        DBTaskResult.objects.filter(pk__in=abandoned).update(status=TaskResultStatus.READY)
        # Heartbeats of workers long gone are of no further use.
        WorkerHeartbeat.objects.filter(beat_at__lt=now - 10 * lease()).delete()
    for pk in abandoned:
        logger.warning("Task %s was running on a worker that stopped: queued again.", pk)
    return abandoned


class Heartbeat:
    """Beats for one worker from a side thread, sweeping abandoned tasks on every beat."""

    def __init__(self, worker_id: str) -> None:
        self.worker_id = worker_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="heartbeat")

    def start(self) -> None:
        self.beat_once()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        # A third of the lease, so a live worker is never taken for dead over one slow beat.
        interval = settings.TASKS_LEASE_SECONDS / 3
        while not self._stop.wait(interval):
            self.beat_once()
        connection.close()

    def beat_once(self) -> None:
        close_old_connections()
        try:
            beat(self.worker_id)
            requeue_abandoned()
        except DatabaseError:
            # A busy database (SQLite's lock, a failover) only delays the beat; the lease allows
            # for a few missed ones.
            logger.warning("Worker %s could not beat; trying again.", self.worker_id)
