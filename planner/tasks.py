"""Background work for protected time, run by Django's task framework (``db_worker`` in
production, the immediate backend in tests).

Services queue emails with ``transaction.on_commit``: a change that rolls back sends nothing,
and each committed change queues its email exactly once. Tasks take ids, not objects, because
they run later in another process and read the rows as they are then.
"""

from __future__ import annotations

from django.db import transaction
from django.tasks import task

from planner import notifications as notify
from planner.models import Booking, CoverAssignment


@task
def send_booking_notice(*, notice: str, booking_id: int) -> int:
    """Emails one booking event; returns how many messages were sent."""
    return notify.send_booking_notice(notice=notify.BookingNotice(notice), booking_id=booking_id)


@task
def send_cover_request(*, assignment_id: int) -> int:
    """Emails the colleague asked to cover; returns how many messages were sent."""
    return notify.send_cover_request(assignment_id=assignment_id)


def queue_booking_notice(booking: Booking, notice: notify.BookingNotice) -> None:
    """Queues the email for ``notice`` once the surrounding transaction commits."""
    booking_id = booking.pk
    transaction.on_commit(
        lambda: send_booking_notice.enqueue(notice=notice.value, booking_id=booking_id),
        robust=True,
    )


def queue_cover_request(assignment: CoverAssignment) -> None:
    """Queues the cover request email once the surrounding transaction commits."""
    assignment_id = assignment.pk
    transaction.on_commit(
        lambda: send_cover_request.enqueue(assignment_id=assignment_id), robust=True
    )
