"""Cancelling protected time that still holds time: by the person or their manager with a
reason (optionally rebooking it at new times), or because the provider called the learning off.
The person's time is released and everyone concerned is told."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from planner import access as planner_access
from planner.models import Booking, BookingStatus, CancellationReason
from planner.models.bookings import HOLDING_STATUSES
from planner.notifications import BookingNotice
from planner.services.bookings import change_status, create_booking, locked_in, refuse_unless
from planner.tasks import queue_booking_notice
from teams.models import Person


def _cancel(*, actor: Person, booking: Booking, reason: str, note: str) -> Booking:
    booking = locked_in(
        booking,
        HOLDING_STATUSES,
        "Only a requested, approved or confirmed booking can be cancelled.",
    )
    note = (note or "").strip()
    label = CancellationReason(reason).label
    change_status(
        actor=actor,
        booking=booking,
        status=BookingStatus.CANCELLED,
        action="booking.cancel",
        note=f"{label}: {note}" if note else label,
        cancelled_by=actor,
        cancelled_at=timezone.now(),
        cancellation_reason=reason,
        cancellation_note=note,
    )
    queue_booking_notice(booking, BookingNotice.CANCELLED)
    return booking


@transaction.atomic
def booking_cancel_by_provider(*, actor: Person, booking: Booking, note: str = "") -> Booking:
    """The provider called the learning off (a catalogue session cancelled by L&D): the
    person's time is released with the reason "provider cancelled". Beyond the person and
    their manager, L&D leads and org admins of the organisation may do this."""
    refuse_unless(
        planner_access.can_cancel_for_provider(actor, booking),
        "Only L&D, the person or their manager can cancel this protected time.",
    )
    return _cancel(
        actor=actor, booking=booking, reason=CancellationReason.PROVIDER_CANCELLED, note=note
    )


@transaction.atomic
def booking_cancel(
    *,
    actor: Person,
    booking: Booking,
    reason: str,
    note: str = "",
    reschedule_start: datetime.datetime | None = None,
    reschedule_end: datetime.datetime | None = None,
) -> Booking:
    """Cancels a booking that still holds time, by the person or their manager, with a reason
    category and a note. With new times it is rebooked as a new booking linked to this one
    (``rescheduled_to``), approved when the manager rebooks it and requested when the person
    does. Returns the cancelled booking."""
    refuse_unless(
        planner_access.can_cancel(actor, booking),
        "Only the person or their manager can cancel this protected time.",
    )
    errors: dict[str, str] = {}
    if reason not in CancellationReason.values:
        errors["reason"] = "Choose why it is cancelled."
    rescheduling = reschedule_start is not None or reschedule_end is not None
    if reschedule_start is not None and reschedule_end is None:
        errors["reschedule_end"] = "Enter the new end time."
    if reschedule_end is not None and reschedule_start is None:
        errors["reschedule_start"] = "Enter the new start time."
    if errors:
        raise ValidationError(errors)
    booking = _cancel(actor=actor, booking=booking, reason=reason, note=note)
    if rescheduling:
        try:
            create_booking(
                actor=actor,
                person=booking.person,
                start=reschedule_start,
                end=reschedule_end,
                title=booking.title,
                purpose=booking.purpose,
                notes=booking.notes,
                rescheduled_from=booking,
            )
        except ValidationError as error:
            # The new booking's fields are the form's reschedule fields.
            raise ValidationError(
                {f"reschedule_{key}": value for key, value in error.message_dict.items()}
            ) from error
    return booking
