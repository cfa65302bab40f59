"""Why a colleague may not be free to cover a booking, each reason in words a manager can act on.

Conflicts are shown, never silently ignored: ``planner.services.cover.cover_assign`` refuses a
colleague with conflicts unless the manager accepts them with a reason, and a booking is
confirmed only when every conflict of its cover is resolved or accepted.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from core.time import LONDON, ONE_DAY, local_midnight, minutes_by_local_day
from planner.models import (
    Absence,
    Booking,
    BookingStatus,
    CoverAssignment,
    CoverConflictKind,
    CoverStatus,
)
from planner.models.bookings import HOLDING_STATUSES
from planner.worktime import WorkingCalendar
from teams.models import Membership, Person, Team

# Bookings that take a person away from their work: planned (even if not yet approved, since a
# manager planning cover should know) or already happened.
LEARNING_STATUSES = (*HOLDING_STATUSES, BookingStatus.ATTENDED, BookingStatus.PARTLY_ATTENDED)
# Cover given for a booking that was cancelled or declined no longer takes anyone's time.
ENDED_BOOKING_STATUSES = (BookingStatus.CANCELLED, BookingStatus.DECLINED)


@dataclass(frozen=True)
class CoverConflict:
    kind: CoverConflictKind
    message: str

    def __str__(self) -> str:
        return self.message


def london_day(day: datetime.date) -> str:
    """ "Tuesday 8 December 2026"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def london_span(start: datetime.datetime, end: datetime.datetime) -> str:
    """A time range in London time: "Tuesday 8 December 2026, 09:30 to 12:30"."""
    start, end = timezone.localtime(start, LONDON), timezone.localtime(end, LONDON)
    if start.date() == end.date():
        return f"{london_day(start.date())}, {start:%H:%M} to {end:%H:%M}"
    return f"{london_day(start.date())}, {start:%H:%M} to {london_day(end.date())}, {end:%H:%M}"


def booking_days(booking: Booking) -> list[datetime.date]:
    """The London days a booking touches."""
    return sorted(minutes_by_local_day(booking.start, booking.end))


def cover_conflicts(*, booking: Booking, colleague: Person) -> list[CoverConflict]:
    """Every reason ``colleague`` may not be free to cover ``booking``, in a fixed order."""
    days = booking_days(booking)
    calendar = WorkingCalendar.load(person_ids=[colleague.pk], first_day=days[0], last_day=days[-1])
    return [
        *_learning(booking, colleague),
        *_absent(booking, colleague),
        *_not_working(calendar, colleague, days),
        *_covering(booking, colleague),
        *_team_below_minimum(booking, days),
    ]


def _learning(booking: Booking, colleague: Person) -> list[CoverConflict]:
    clashes = (
        Booking.objects.filter(
            person=colleague,
            status__in=LEARNING_STATUSES,
            start__lt=booking.end,
            end__gt=booking.start,
        )
        .exclude(pk=booking.pk)
        .order_by("start", "id")
    )
    return [
        CoverConflict(
            CoverConflictKind.COLLEAGUE_LEARNING,
            f"{colleague} is booked on learning (“{clash.title}”) "
            f"{london_span(clash.start, clash.end)}.",
        )
        for clash in clashes
    ]


def _absent(booking: Booking, colleague: Person) -> list[CoverConflict]:
    days = booking_days(booking)
    absences = Absence.objects.filter(
        person=colleague, start_date__lte=days[-1], end_date__gte=days[0]
    ).order_by("start_date", "id")
    found = []
    for absence in absences:
        kind = absence.get_kind_display().lower()
        if absence.start_date == absence.end_date:
            when = f"on {london_day(absence.start_date)}"
        else:
            when = f"from {london_day(absence.start_date)} to {london_day(absence.end_date)}"
        found.append(
            CoverConflict(
                CoverConflictKind.COLLEAGUE_ABSENT, f"{colleague} is absent ({kind}) {when}."
            )
        )
    return found


def _not_working(
    calendar: WorkingCalendar, colleague: Person, days: list[datetime.date]
) -> list[CoverConflict]:
    """Days off by pattern, bank holiday or closure day; absences are their own conflict."""
    found = []
    for day in days:
        if day in calendar.bank_holidays:
            reason = "it is a bank holiday"
        elif calendar.is_closed(colleague.pk, day):
            reason = "the organisation is closed"
        elif calendar.pattern_minutes(colleague.pk, day) == 0:
            reason = "it is not one of their working days"
        else:
            continue
        found.append(
            CoverConflict(
                CoverConflictKind.COLLEAGUE_NOT_WORKING,
                f"{colleague} does not work on {london_day(day)}: {reason}.",
            )
        )
    return found


def _covering(booking: Booking, colleague: Person) -> list[CoverConflict]:
    others = (
        CoverAssignment.objects.filter(
            colleague=colleague, start__lt=booking.end, end__gt=booking.start
        )
        .exclude(status=CoverStatus.WITHDRAWN)
        .exclude(booking__status__in=ENDED_BOOKING_STATUSES)
        .exclude(booking_id=booking.pk)
        .select_related("booking__person")
        .order_by("start", "id")
    )
    return [
        CoverConflict(
            CoverConflictKind.COLLEAGUE_COVERING,
            f"{colleague} is already covering {other.booking.person} "
            f"{london_span(other.start, other.end)}.",
        )
        for other in others
    ]


def _team_below_minimum(booking: Booking, days: list[datetime.date]) -> list[CoverConflict]:
    """People expected at work in the learner's team each day, counting the learner as away:
    members with contracted minutes that day (not on a bank holiday or absent) and not on
    learning that day."""
    found = []
    for day in days:
        teams = Team.objects.filter(
            minimum_staff_on_duty__gt=0,
            pk__in=Membership.objects.current(on=day)
            .filter(person_id=booking.person_id)
            .values("team_id"),
        ).order_by("path")
        for team in teams:
            members = set(
                Membership.objects.current(on=day)
                .filter(team=team, person__is_active=True)
                .values_list("person_id", flat=True)
            )
            calendar = WorkingCalendar.load(person_ids=members, first_day=day, last_day=day)
            day_start, day_end = local_midnight(day), local_midnight(day + ONE_DAY)
            learning = set(
                Booking.objects.filter(
                    person_id__in=members,
                    status__in=LEARNING_STATUSES,
                    start__lt=day_end,
                    end__gt=day_start,
                ).values_list("person_id", flat=True)
            ) | {booking.person_id}
            on_duty = sum(
                1
                for person_id in members - learning
                if calendar.contracted_minutes(person_id, day) > 0
            )
            if on_duty < team.minimum_staff_on_duty:
                people = "person" if on_duty == 1 else "people"
                found.append(
                    CoverConflict(
                        CoverConflictKind.TEAM_BELOW_MINIMUM,
                        f"{team} would have {on_duty} {people} on duty on {london_day(day)}, "
                        f"below its minimum of {team.minimum_staff_on_duty}.",
                    )
                )
    return found
