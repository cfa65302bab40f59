"""Recording whether people attended their protected time, once it has started: attended (all
its minutes), partly attended (the minutes given) or did not attend."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from planner import access as planner_access
from planner.models import Booking, BookingStatus
from planner.models.bookings import ATTENDANCE_STATUSES
from planner.services.bookings import change_status, locked_in
from teams.models import Person


@transaction.atomic
def booking_record_attendance(
    *,
    actor: Person,
    booking: Booking,
    status: str,
    attended_minutes: int | None = None,
    now: datetime.datetime | None = None,
) -> Booking:
    """Attended (all its minutes), partly attended (the minutes given) or did not attend (0),
    once the booking has started; a later correction is recorded the same way."""
    planner_access.require_decider(actor, booking, what="protected time")
    if status not in ATTENDANCE_STATUSES:
        raise ValidationError({"status": "Choose whether they attended."})
    booking = locked_in(
        booking,
        (BookingStatus.APPROVED, BookingStatus.CONFIRMED, *ATTENDANCE_STATUSES),
        "Attendance can be recorded only for an approved or confirmed booking.",
    )
    if booking.start > (now or timezone.now()):
        raise ValidationError(
            {"status": "Attendance can be recorded once the booking has started."}
        )
    if status == BookingStatus.PARTLY_ATTENDED:
        if attended_minutes is None:
            raise ValidationError({"attended_minutes": "Enter how many minutes they attended."})
        if not 0 < attended_minutes < booking.minutes:
            raise ValidationError(
                {
                    "attended_minutes": (
                        f"Minutes attended must be between 1 and {booking.minutes - 1}; "
                        f"choose “attended” if they stayed for all {booking.minutes}."
                    )
                }
            )
        minutes = attended_minutes
    else:
        minutes = booking.minutes if status == BookingStatus.ATTENDED else 0
    return change_status(
        actor=actor,
        booking=booking,
        status=status,
        action="booking.attendance",
        note=f"{minutes} of {booking.minutes} minutes attended",
        attended_minutes=minutes,
    )
