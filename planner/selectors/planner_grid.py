"""The team planner: a people-by-days grid for a week or a month, read in a fixed number of
queries whatever the size of the team.

Each cell says, in words, whether the person works that day (working pattern, weekends, bank
holidays, closure days, absences), what protected time they have booked, whose work they cover
and any conflict, so the page never relies on colour alone. Everything is loaded in bulk
(``WorkingCalendar.load``, with bank holiday and closure day names, plus one query each for the
team's people, bookings with their cover, and the cover the people give) and then arranged in
memory.
"""

from __future__ import annotations

import datetime
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from core.time import ONE_DAY, Period, PeriodUnit, local_date, local_midnight
from planner import access as planner_access
from planner.models import (
    Absence,
    Booking,
    BookingStatus,
    CoverAssignment,
    CoverConflictKind,
    CoverStatus,
)
from planner.worktime import WorkingCalendar
from teams import access
from teams.access import Viewer
from teams.models import Membership, Person, Team

# Declined requests never held time; everything else (cancelled too) is shown with its status.
HIDDEN_STATUSES = (BookingStatus.DECLINED,)
# Bookings during which the person is away from their work, so someone may need to cover it.
AWAY_STATUSES = (
    BookingStatus.APPROVED,
    BookingStatus.CONFIRMED,
    BookingStatus.ATTENDED,
    BookingStatus.PARTLY_ATTENDED,
)


# The planner shows a week or a month; the units are core.time's.
View = PeriodUnit


def planner_period(view: str, around: datetime.date) -> Period:
    """The week (Monday to Sunday) or calendar month containing ``around``; an unknown view is
    a week."""
    return Period.containing(View.MONTH if view == View.MONTH else View.WEEK, around)


@dataclass
class Conflict:
    """Something on a day that needs a manager's eye, in words."""

    text: str
    accepted_reason: str = ""


@dataclass
class Cell:
    day: datetime.date
    contracted_minutes: int
    # Why nobody expects the person at work, in words: "Weekend", "Bank holiday: ...",
    # "Closure day: ...", "Annual leave", "Not a working day"; empty on a working day.
    not_working_reason: str
    absence: Absence | None
    bookings: list[Booking] = field(default_factory=list)
    covering: list[CoverAssignment] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def working(self) -> bool:
        return self.contracted_minutes > 0


@dataclass
class Row:
    person: Person
    cells: list[Cell]


@dataclass
class DayTotal:
    """People expected at work on a day, and whether that is below the team's minimum."""

    day: datetime.date
    available: int
    below_minimum: bool


@dataclass
class PlannerGrid:
    team: Team
    period: Period
    rows: list[Row]  # the people on this page
    page: Page  # which page of the team's people, for the pagination links
    totals: list[DayTotal]  # the whole team
    # People whose names the viewer may read: someone in the team may cover a person outside
    # it, who is then shown as "a colleague".
    visible_person_ids: frozenset[int]

    @property
    def days(self) -> list[datetime.date]:
        return self.period.days


def teams_for_planner(user: Viewer) -> QuerySet[Team]:
    """Teams whose planner the user may open, in tree order."""
    return planner_access.teams_planned_by(user).order_by("path")


def planner_team(user: Viewer, pk: int) -> Team:
    """A team whose planner the user may open; 404 for any other."""
    return get_object_or_404(planner_access.teams_planned_by(user), pk=pk)


def team_people(
    user: Viewer, team: Team, first_day: datetime.date, last_day: datetime.date
) -> QuerySet[Person]:
    """People in the team (or a team below it) at any time in the period whom the user may
    see, by name. One query when evaluated."""
    in_team = (
        Membership.objects.overlapping(first_day, last_day)
        .filter(team__path__startswith=team.path)
        .values("person_id")
    )
    return (
        access.people_visible_to(user)
        .filter(pk__in=in_team)
        .only("id", "full_name", "organisation_id")
        .order_by("full_name", "id")
    )


def _range_instants(period: Period) -> tuple[datetime.datetime, datetime.datetime]:
    return local_midnight(period.first_day), local_midnight(period.last_day + ONE_DAY)


def _local_days(start: datetime.datetime, end: datetime.datetime) -> list[datetime.date]:
    """London days that [start, end) touches."""
    first = local_date(start)
    last = local_date(end - datetime.timedelta(microseconds=1))
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def _not_working_reason(calendar_: WorkingCalendar, person_id: int, day: datetime.date) -> str:
    absence = calendar_.absence_on(person_id, day)
    if absence is not None:
        return absence.get_kind_display()
    if closed := calendar_.closure_on(person_id, day):
        return closed
    if calendar_.pattern_minutes(person_id, day) > 0:
        return ""
    return "Weekend" if day.weekday() >= 5 else "Not a working day"


PEOPLE_PER_PAGE = 50


def planner_grid(
    *, user: Viewer, team: Team, period: Period, page: object = 1, per_page: int = PEOPLE_PER_PAGE
) -> PlannerGrid:
    """The grid for ``team`` over ``period``, as far as ``user`` may see it.

    People are paged (a service can hold hundreds): the page's people get full cells, while the
    day totals count the whole team from a light query, so both the query count and the cost of
    building the page stay flat as the team grows.
    """
    everyone = list(team_people(user, team, period.first_day, period.last_day))
    people_page = Paginator(everyone, per_page).get_page(page)
    people = list(people_page.object_list)
    all_ids = [person.pk for person in everyone]
    ids = [person.pk for person in people]
    calendar_ = WorkingCalendar.load(
        person_ids=all_ids, first_day=period.first_day, last_day=period.last_day
    )
    range_start, range_end = _range_instants(period)
    away: set[tuple[int, datetime.date]] = set()
    for person_id, start, end in Booking.objects.filter(
        person_id__in=all_ids,
        start__lt=range_end,
        end__gt=range_start,
        status__in=AWAY_STATUSES,
    ).values_list("person_id", "start", "end"):
        away.update((person_id, day) for day in _local_days(start, end))
    bookings = (
        Booking.objects.filter(person_id__in=ids, start__lt=range_end, end__gt=range_start)
        .exclude(status__in=HIDDEN_STATUSES)
        .prefetch_related(
            Prefetch(
                "cover_assignments",
                queryset=CoverAssignment.objects.exclude(
                    status=CoverStatus.WITHDRAWN
                ).select_related("colleague"),
                to_attr="active_cover",
            )
        )
        .order_by("start", "id")
    )
    covering = (
        CoverAssignment.objects.filter(
            colleague_id__in=ids, start__lt=range_end, end__gt=range_start
        )
        .exclude(status=CoverStatus.WITHDRAWN)
        .exclude(booking__status__in=(BookingStatus.CANCELLED, BookingStatus.DECLINED))
        .select_related("booking__person")
        .order_by("start", "id")
    )

    bookings_by_day: dict[tuple[int, datetime.date], list[Booking]] = defaultdict(list)
    for booking in bookings:
        for day in _local_days(booking.start, booking.end):
            bookings_by_day[booking.person_id, day].append(booking)
    covering_by_day: dict[tuple[int, datetime.date], list[CoverAssignment]] = defaultdict(list)
    for assignment in covering:
        for day in _local_days(assignment.start, assignment.end):
            covering_by_day[assignment.colleague_id, day].append(assignment)

    outside_people = {a.booking.person_id for a in covering} - set(all_ids)
    visible = frozenset(all_ids) | frozenset(
        access.people_visible_to(user).filter(pk__in=outside_people).values_list("pk", flat=True)
    )

    rows = []
    for person in people:
        cells = []
        for day in period.days:
            cell = Cell(
                day=day,
                contracted_minutes=calendar_.contracted_minutes(person.pk, day),
                not_working_reason=_not_working_reason(calendar_, person.pk, day),
                absence=calendar_.absence_on(person.pk, day),
                bookings=bookings_by_day.get((person.pk, day), []),
                covering=covering_by_day.get((person.pk, day), []),
            )
            cell.conflicts = _conflicts(cell)
            cells.append(cell)
        rows.append(Row(person=person, cells=cells))

    totals = []
    for day in period.days:
        available = sum(
            1
            for person_id in all_ids
            if (person_id, day) not in away and calendar_.contracted_minutes(person_id, day) > 0
        )
        below = bool(team.minimum_staff_on_duty) and available < team.minimum_staff_on_duty
        totals.append(DayTotal(day=day, available=available, below_minimum=below))
    return PlannerGrid(
        team=team,
        period=period,
        rows=rows,
        page=people_page,
        totals=totals,
        visible_person_ids=visible,
    )


def _conflicts(cell: Cell) -> list[Conflict]:
    """What a manager should look at in one cell: cover given while absent, not working or
    learning, overlapping cover, and conflicts recorded when cover was assigned."""
    found: list[Conflict] = []
    if cell.covering:
        if cell.absence is not None:
            found.append(Conflict(f"Covering while on {cell.absence.get_kind_display().lower()}"))
        elif not cell.working:
            found.append(Conflict("Covering on a day they do not work"))
        if any(
            booking.status in AWAY_STATUSES
            and any(a.start < booking.end and booking.start < a.end for a in cell.covering)
            for booking in cell.bookings
        ):
            found.append(Conflict("Covering while booked on learning"))
        ordered = sorted(cell.covering, key=lambda a: a.start)
        if any(later.start < earlier.end for earlier, later in itertools.pairwise(ordered)):
            found.append(Conflict("Covering two people at the same time"))
        labels = dict(CoverConflictKind.choices)
        for assignment in cell.covering:
            for kind in assignment.conflicts:
                found.append(
                    Conflict(
                        labels.get(kind, kind),
                        accepted_reason=assignment.conflicts_accepted_reason,
                    )
                )
    # The same conflict on several cover duties that day is one thing to look at.
    unique: dict[tuple[str, str], Conflict] = {}
    for conflict in found:
        unique.setdefault((conflict.text, conflict.accepted_reason), conflict)
    return list(unique.values())
