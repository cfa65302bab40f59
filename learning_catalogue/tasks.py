"""Background work for the catalogue, run by Django's task framework like ``planner.tasks``:
emails after the change commits, and expiring an offer when its time is up."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.tasks import default_task_backend, task

from learning_catalogue import notifications as notify


@task
def send_place_offered(*, place_id: int) -> int:
    return notify.send_place_offered(place_id=place_id)


@task
def send_session_cancelled(*, session_id: int, people_ids: list[int]) -> int:
    return notify.send_session_cancelled(session_id=session_id, people_ids=people_ids)


@task
def expire_offers() -> int:
    """Passes on every offer past its time; returns how many expired."""
    from learning_catalogue.services.places import offers_expire

    return offers_expire()


def queue_place_offered(place_id: int, expires_at: datetime.datetime) -> None:
    """Tells the person of the offer, and, where the backend can run work later, passes the
    place on when the offer runs out. Without a deferring backend (tests) expiry still happens:
    every booking change expires overdue offers of its session first."""

    def enqueue() -> None:
        send_place_offered.enqueue(place_id=place_id)
        if default_task_backend.supports_defer:
            expire_offers.using(run_after=expires_at).enqueue()

    transaction.on_commit(enqueue, robust=True)


def queue_session_cancelled(session_id: int, people_ids: list[int]) -> None:
    transaction.on_commit(
        lambda: send_session_cancelled.enqueue(session_id=session_id, people_ids=people_ids),
        robust=True,
    )
