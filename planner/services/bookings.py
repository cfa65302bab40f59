"""Bookings of protected learning time: request, approve or decline, confirm; what they share
with recording attendance (``planner.services.attendance``) and cancelling
(``planner.services.cancellation``).

Every status change writes a ``BookingEvent`` (the history people see) and an audit entry, and
queues its email for after the transaction commits. Time a person has booked is theirs alone:
a new booking is checked for overlaps with the person's row locked, so two requests at the same
moment cannot both pass.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core.time import LONDON, minutes_by_local_day
from planner import access as planner_access
from planner.conflicts import cover_conflicts, london_span
from planner.models import (
    Booking,
    BookingEvent,
    BookingPurpose,
    BookingStatus,
    CoverStatus,
)
from planner.models.bookings import HOLDING_STATUSES
from planner.notifications import BookingNotice
from planner.tasks import queue_booking_notice
from planner.worktime import calendar_for
from teams.audit import snapshot
from teams.models import Person
from teams.services.common import audit_snapshot

BOOKING_FIELDS = (
    "person",
    "start",
    "end",
    "title",
    "purpose",
    "notes",
    "status",
    "requested_by",
    "decided_by",
    "decline_reason",
    "no_cover_needed_reason",
    "outside_working_minutes",
    "attended_minutes",
    "cancelled_by",
    "cancelled_at",
    "cancellation_reason",
    "cancellation_note",
    "rescheduled_from",
)
OUTSIDE_WORKING_TIME = "outside working time — TOIL due"
# Other learning the same day that uses up the day's contracted minutes first: everything that
# holds or held the person's time.
COUNTED_STATUSES = (*HOLDING_STATUSES, BookingStatus.ATTENDED, BookingStatus.PARTLY_ATTENDED)
TITLE_MAX_LENGTH = Booking._meta.get_field("title").max_length


def refuse_unless(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def as_utc(value: datetime.datetime) -> datetime.datetime:
    """In UTC, as stored. A naive time is read as London time, which is what people type.

    Converting matters before the row is saved: Python subtracts two datetimes sharing one
    tzinfo as wall-clock times, so a London-zoned booking across a clock change would report
    the wrong length until it is read back from the database."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value, LONDON)
    return value.astimezone(datetime.UTC)


def _validate_details(
    *,
    start: datetime.datetime | None,
    end: datetime.datetime | None,
    title: str,
    purpose: str,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = "Enter what the time is for."
    elif len(title) > TITLE_MAX_LENGTH:
        errors["title"] = f"What the time is for must be {TITLE_MAX_LENGTH} characters or fewer."
    if purpose not in BookingPurpose.values:
        errors["purpose"] = "Choose the kind of learning."
    if start is None:
        errors["start"] = "Enter the start time."
    if end is None:
        errors["end"] = "Enter the end time."
    elif start is not None and end <= start:
        errors["end"] = "The end time must be after the start time."
    return errors


def _refuse_overlap(person: Person, start: datetime.datetime, end: datetime.datetime) -> None:
    """Call with the person's row locked, so nobody books the same time in between."""
    clash = (
        Booking.objects.filter(
            person=person, status__in=HOLDING_STATUSES, start__lt=end, end__gt=start
        )
        .order_by("start", "id")
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {
                "start": (
                    f"{person} already has “{clash.title}” booked "
                    f"{london_span(clash.start, clash.end)}. Choose a time that does not overlap."
                )
            }
        )


def _outside_working_minutes(
    person: Person, start: datetime.datetime, end: datetime.datetime
) -> int:
    """Minutes outside the person's working time, counting other learning on the same days
    first: two bookings on a day can together go beyond the contracted minutes."""
    calendar = calendar_for(person, start, end)
    days = minutes_by_local_day(start, end)
    first, last = min(days), max(days)
    already: dict[datetime.date, int] = defaultdict(int)
    others = Booking.objects.filter(
        person=person,
        status__in=COUNTED_STATUSES,
        start__lt=end + datetime.timedelta(days=1),
        end__gt=start - datetime.timedelta(days=1),
    ).values_list("start", "end")
    for other_start, other_end in others:
        for day, minutes in minutes_by_local_day(other_start, other_end).items():
            if first <= day <= last:
                already[day] += minutes
    return calendar.outside_minutes(person.pk, start, end, already_booked=already)


def record_change(
    *,
    actor: Person,
    booking: Booking,
    from_status: str,
    action: str,
    note: str = "",
    before: dict[str, object] | None = None,
) -> None:
    BookingEvent.objects.create(
        booking=booking,
        actor=actor,
        from_status=from_status,
        to_status=booking.status,
        note=note,
    )
    audit_snapshot(
        actor, action, booking, BOOKING_FIELDS, before, organisation=booking.organisation
    )


def change_status(
    *,
    actor: Person,
    booking: Booking,
    status: str,
    action: str,
    note: str = "",
    **fields: object,
) -> Booking:
    """Moves a locked booking (``locked_in``) to ``status`` with the fields that go with it,
    and records the change in its history and the audit log."""
    before = snapshot(booking, BOOKING_FIELDS)
    from_status = booking.status
    booking.status = status
    for name, value in fields.items():
        setattr(booking, name, value)
    booking.save()
    record_change(
        actor=actor,
        booking=booking,
        from_status=from_status,
        action=action,
        note=note,
        before=before,
    )
    return booking


def create_booking(
    *,
    actor: Person,
    person: Person,
    start: datetime.datetime | None,
    end: datetime.datetime | None,
    title: str,
    purpose: str,
    notes: str,
    rescheduled_from: Booking | None = None,
) -> Booking:
    """Validates and writes a new booking; the caller has checked permission and is inside a
    transaction."""
    title = (title or "").strip()
    start = as_utc(start) if start is not None else None
    end = as_utc(end) if end is not None else None
    errors = _validate_details(start=start, end=end, title=title, purpose=purpose)
    if errors:
        raise ValidationError(errors)
    # Lock the person so a concurrent request for them waits here until this one commits.
    Person.objects.select_for_update().get(pk=person.pk)
    _refuse_overlap(person, start, end)
    # A manager booking for one of their people decides it there and then; anyone asking for
    # themselves (a manager too) waits for their own manager.
    decided_by_manager = person.pk != actor.pk
    booking = Booking.objects.create(
        organisation_id=person.organisation_id,
        person=person,
        start=start,
        end=end,
        title=title,
        purpose=purpose,
        notes=(notes or "").strip(),
        status=BookingStatus.APPROVED if decided_by_manager else BookingStatus.REQUESTED,
        requested_by=actor,
        decided_by=actor if decided_by_manager else None,
        outside_working_minutes=_outside_working_minutes(person, start, end),
        rescheduled_from=rescheduled_from,
    )
    notes_for_history = []
    if rescheduled_from is not None:
        notes_for_history.append(
            f"Rebooked from {london_span(rescheduled_from.start, rescheduled_from.end)}"
        )
    if booking.outside_working_minutes:
        notes_for_history.append(
            f"{booking.outside_working_minutes} minutes {OUTSIDE_WORKING_TIME}"
        )
    record_change(
        actor=actor,
        booking=booking,
        from_status="",
        action="booking.create",
        note=". ".join(notes_for_history),
    )
    queue_booking_notice(
        booking,
        BookingNotice.APPROVED if decided_by_manager else BookingNotice.REQUESTED,
    )
    return booking


@transaction.atomic
def booking_request(
    *,
    actor: Person,
    person: Person,
    start: datetime.datetime,
    end: datetime.datetime,
    title: str,
    purpose: str,
    notes: str = "",
) -> Booking:
    """A practitioner asking for time for themselves (requested), or a manager booking it for
    one of their people (approved, decided by the manager).

    Overlaps with the person's other requested, approved or confirmed bookings are refused;
    time outside their working pattern is allowed and flagged as TOIL due.
    """
    refuse_unless(
        planner_access.can_request_for(actor, person),
        "You can book protected time only for yourself or for people in the teams you manage.",
    )
    return create_booking(
        actor=actor, person=person, start=start, end=end, title=title, purpose=purpose, notes=notes
    )


def locked_in(booking: Booking, allowed: tuple[str, ...], refusal: str) -> Booking:
    """The booking's row, locked for this transaction, if its status allows the change."""
    locked = Booking.objects.select_for_update().get(pk=booking.pk)
    if locked.status not in allowed:
        raise ValidationError(
            {"status": f"{refusal} This booking is {locked.get_status_display().lower()}."}
        )
    return locked


def _decide_request(
    *, actor: Person, booking: Booking, status: str, action: str, note: str = "", **fields: object
) -> Booking:
    """Approves or declines a requested booking (refused once it is no longer requested) as the
    manager who decides, and tells the person."""
    verb = BookingStatus(status).label.lower()
    booking = locked_in(
        booking, (BookingStatus.REQUESTED,), f"Only a requested booking can be {verb}."
    )
    change_status(
        actor=actor,
        booking=booking,
        status=status,
        action=action,
        note=note,
        decided_by=actor,
        **fields,
    )
    queue_booking_notice(booking, BookingNotice(status))
    return booking


@transaction.atomic
def booking_approve(*, actor: Person, booking: Booking) -> Booking:
    planner_access.require_decider(actor, booking, what="protected time")
    return _decide_request(
        actor=actor, booking=booking, status=BookingStatus.APPROVED, action="booking.approve"
    )


@transaction.atomic
def booking_decline(*, actor: Person, booking: Booking, reason: str) -> Booking:
    planner_access.require_decider(actor, booking, what="protected time")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why you are declining the request."})
    return _decide_request(
        actor=actor,
        booking=booking,
        status=BookingStatus.DECLINED,
        action="booking.decline",
        note=reason,
        decline_reason=reason,
    )


def unresolved_cover_problems(booking: Booking) -> list[str]:
    """Why the booking's cover is not yet arranged: no cover at all, or a conflict of a
    colleague's cover, found now, that the manager has not accepted with a reason."""
    assignments = list(
        booking.cover_assignments.exclude(status=CoverStatus.WITHDRAWN).select_related("colleague")
    )
    if not assignments:
        return ["Arrange cover, or say why no cover is needed."]
    problems = []
    for assignment in assignments:
        accepted = set(assignment.conflicts) if assignment.conflicts_accepted_reason else set()
        problems.extend(
            f"{conflict.message} Resolve it, or withdraw this cover and assign it again "
            "accepting the conflict with a reason."
            for conflict in cover_conflicts(booking=booking, colleague=assignment.colleague)
            if conflict.kind not in accepted
        )
    return problems


@transaction.atomic
def booking_confirm(
    *, actor: Person, booking: Booking, no_cover_needed_reason: str = ""
) -> Booking:
    """Confirms an approved booking once cover is arranged (at least one colleague, every
    conflict resolved or accepted), or with the manager's reason why no cover is needed."""
    planner_access.require_decider(actor, booking, what="protected time")
    booking = locked_in(
        booking, (BookingStatus.APPROVED,), "Only an approved booking can be confirmed."
    )
    no_cover_needed_reason = (no_cover_needed_reason or "").strip()
    if not no_cover_needed_reason:
        problems = unresolved_cover_problems(booking)
        if problems:
            raise ValidationError({"no_cover_needed_reason": problems})
    return change_status(
        actor=actor,
        booking=booking,
        status=BookingStatus.CONFIRMED,
        action="booking.confirm",
        note=(
            f"No cover needed: {no_cover_needed_reason}"
            if no_cover_needed_reason
            else "Cover arranged"
        ),
        no_cover_needed_reason=no_cover_needed_reason,
    )
