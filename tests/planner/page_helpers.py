"""Rows for the planner page tests, written directly (no services, no audit) so a test can set
up any situation in a few lines; the behaviour under test always goes through the pages."""

from __future__ import annotations

import datetime

from django.utils import timezone

from core.time import LONDON
from planner.models import Absence, AbsenceKind, Booking, BookingPurpose, CoverAssignment
from teams.models import Person


def london(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def this_monday() -> datetime.date:
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


def make_booking(
    person: Person,
    day: datetime.date,
    *,
    start_hour: int = 9,
    end_hour: int = 12,
    status: str = "approved",
    title: str = "Motivational interviewing",
    **fields: object,
) -> Booking:
    return Booking.objects.create(
        organisation=person.organisation,
        person=person,
        start=fields.pop("start", london(day, start_hour)),
        end=fields.pop("end", london(day, end_hour)),
        title=title,
        purpose=fields.pop("purpose", BookingPurpose.CATALOGUE),
        status=status,
        requested_by=fields.pop("requested_by", person),
        **fields,
    )


def make_cover(booking: Booking, colleague: Person, **fields: object) -> CoverAssignment:
    return CoverAssignment.objects.create(
        booking=booking,
        colleague=colleague,
        start=booking.start,
        end=booking.end,
        duties=fields.pop("duties", ["duty"]),
        **fields,
    )


def make_absence(
    person: Person, first: datetime.date, last: datetime.date, kind: str = AbsenceKind.ANNUAL_LEAVE
) -> Absence:
    return Absence.objects.create(person=person, kind=kind, start_date=first, end_date=last)
