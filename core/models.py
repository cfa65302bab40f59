"""Rows that every app's background work shares: the workers' heartbeats."""

from __future__ import annotations

from django.db import models


class WorkerHeartbeat(models.Model):
    """A task worker saying it is alive. A worker that stops beating (killed, out of memory, host
    lost) has its running tasks handed back to the queue by the others (``core.worker``)."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    beat_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.worker_id} at {self.beat_at:%Y-%m-%d %H:%M:%S}"
