"""Team metrics beside the planner: cover rate against the national figure, cancellations and
their reasons, time used against allowance per person, and who has had no protected time this
quarter.

Read in a fixed number of queries whatever the size of the team: the team's people, one pass
over their bookings in the period (with whether cover was arranged), one for who had protected
time this quarter, the organisation's planner settings, and the allowance summaries.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Exists, OuterRef

from core.time import ONE_DAY, Period, PeriodUnit, local_midnight
from planner.allowances import AllowanceSummary, allowances_for, summarise
from planner.models import (
    AllowancePeriod,
    Booking,
    BookingStatus,
    CancellationReason,
    CoverAssignment,
    CoverStatus,
    PlannerSettings,
)
from planner.models.bookings import ATTENDANCE_STATUSES, HOLDING_STATUSES
from planner.selectors.planner_grid import team_people
from teams.access import Viewer
from teams.models import Person, Team

# Learning that went ahead or was firmly planned: what the cover rate is a share of, as in the
# national survey ("had their workload covered while training").
LEARNING_STATUSES = (BookingStatus.CONFIRMED, *ATTENDANCE_STATUSES)
# Protected time someone actually had, or has firmly in the diary, this quarter.
HAD_TIME_STATUSES = (
    BookingStatus.APPROVED,
    BookingStatus.CONFIRMED,
    BookingStatus.ATTENDED,
    BookingStatus.PARTLY_ATTENDED,
)
# Bookings that were agreed at some point (or cancelled before a decision): the share cancelled
# is taken of these, leaving out declined requests and those still waiting.
CANCELLABLE_STATUSES = (
    BookingStatus.APPROVED,
    BookingStatus.CONFIRMED,
    *ATTENDANCE_STATUSES,
    BookingStatus.CANCELLED,
)
PERCENT = Decimal("0.1")


def national_cover_rate() -> Decimal:
    """The share of social workers whose workload was covered while training (docs/domain.md), kept
    in settings so it is updated when a newer survey is published."""
    return Decimal(str(settings.PLANNER_NATIONAL_COVER_RATE_PERCENT))


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(PERCENT, rounding=ROUND_HALF_UP)


def quarter_containing(day: datetime.date, year_starts_month: int) -> Period:
    """The quarter of the organisation's year that contains ``day``."""
    return Period.containing(PeriodUnit.QUARTER, day, year_starts_month=year_starts_month)


def year_containing(day: datetime.date, year_starts_month: int) -> Period:
    return Period.containing(PeriodUnit.YEAR, day, year_starts_month=year_starts_month)


def planner_settings_for(organisation_id: int) -> PlannerSettings:
    """The organisation's planner settings, or the defaults when none are saved yet (a read
    never creates the row)."""
    found = PlannerSettings.objects.filter(organisation_id=organisation_id).first()
    return found or PlannerSettings(organisation_id=organisation_id)


def allowance_period_containing(day: datetime.date, planner: PlannerSettings) -> Period:
    if planner.allowance_period == AllowancePeriod.YEAR:
        return year_containing(day, planner.year_starts_month)
    return quarter_containing(day, planner.year_starts_month)


@dataclass
class PersonUse:
    """One person's protected time in the period, in minutes."""

    person: Person
    booked_minutes: int = 0
    used_minutes: int = 0
    lost_minutes: int = 0
    allowance: AllowanceSummary | None = None


@dataclass
class ReasonCount:
    reason: str
    label: str
    count: int


@dataclass
class TeamMetrics:
    team: Team
    period: Period
    quarter: Period
    learning_bookings: int
    covered: int
    no_cover_needed: int
    agreed_bookings: int
    cancelled: int
    reasons: list[ReasonCount]
    people: list[PersonUse]
    without_protected_time: list[Person]

    @property
    def cover_rate(self) -> Decimal | None:
        return percent(self.covered, self.learning_bookings)

    @property
    def national_cover_rate(self) -> Decimal:
        return national_cover_rate()

    @property
    def cancellation_rate(self) -> Decimal | None:
        return percent(self.cancelled, self.agreed_bookings)


@dataclass
class Tally:
    """Counts over a set of people's bookings in a period."""

    learning: int = 0
    covered: int = 0
    no_cover_needed: int = 0
    agreed: int = 0
    cancelled: int = 0
    reasons: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(CancellationReason.values, 0)
    )


def _tally(people: list[Person], period: Period) -> tuple[dict[int, PersonUse], Tally]:
    """Each person's booked, used and lost minutes and the team's counts, from one query."""
    usage = {person.pk: PersonUse(person=person) for person in people}
    tally = Tally()
    cover_arranged = CoverAssignment.objects.filter(booking=OuterRef("pk")).exclude(
        status=CoverStatus.WITHDRAWN
    )
    # Plain tuples, not model instances: a service's quarter is thousands of bookings.
    bookings = (
        Booking.objects.filter(
            person_id__in=list(usage),
            start__gte=local_midnight(period.first_day),
            start__lt=local_midnight(period.last_day + ONE_DAY),
        )
        .annotate(has_cover=Exists(cover_arranged))
        .values_list(
            "person_id",
            "status",
            "start",
            "end",
            "attended_minutes",
            "cancellation_reason",
            "no_cover_needed_reason",
            "has_cover",
        )
    )
    for person_id, status, start, end, attended, reason, no_cover_reason, has_cover in bookings:
        use = usage[person_id]
        minutes = int((end - start).total_seconds() // 60)
        if status in HOLDING_STATUSES:
            use.booked_minutes += minutes
        if status == BookingStatus.ATTENDED:
            use.used_minutes += minutes if attended is None else attended
        elif status == BookingStatus.PARTLY_ATTENDED:
            use.used_minutes += attended or 0
        if status in LEARNING_STATUSES:
            tally.learning += 1
            if has_cover:
                tally.covered += 1
            elif no_cover_reason:
                tally.no_cover_needed += 1
        if status in CANCELLABLE_STATUSES:
            tally.agreed += 1
        if status == BookingStatus.CANCELLED:
            tally.cancelled += 1
            use.lost_minutes += minutes
            if reason in tally.reasons:
                tally.reasons[reason] += 1
    return usage, tally


def team_metrics(
    *, user: Viewer, team: Team, on: datetime.date, today: datetime.date
) -> TeamMetrics:
    """Metrics for ``team`` over the allowance period containing ``on``, as far as ``user``
    may see; "no protected time" is over the quarter containing ``today``."""
    planner = planner_settings_for(team.organisation_id)
    period = allowance_period_containing(on, planner)
    quarter = quarter_containing(today, planner.year_starts_month)
    people = list(team_people(user, team, period.first_day, period.last_day))
    usage, tally = _tally(people, period)
    _add_allowances(usage, period)
    had_time = set(
        Booking.objects.filter(
            person_id__in=list(usage),
            status__in=HAD_TIME_STATUSES,
            start__gte=local_midnight(quarter.first_day),
            start__lt=local_midnight(quarter.last_day + ONE_DAY),
        ).values_list("person_id", flat=True)
    )
    labels = dict(CancellationReason.choices)
    return TeamMetrics(
        team=team,
        period=period,
        quarter=quarter,
        learning_bookings=tally.learning,
        covered=tally.covered,
        no_cover_needed=tally.no_cover_needed,
        agreed_bookings=tally.agreed,
        cancelled=tally.cancelled,
        reasons=[
            ReasonCount(reason=reason, label=labels[reason], count=count)
            for reason, count in tally.reasons.items()
        ],
        people=list(usage.values()),
        without_protected_time=[person for person in people if person.pk not in had_time],
    )


def _add_allowances(usage: dict[int, PersonUse], period: Period) -> None:
    """Sets each person's allowance summary for the period (a fixed number of queries)."""
    people = [use.person for use in usage.values()]
    for person_id, allowance in allowances_for(people, period.first_day, period.last_day).items():
        use = usage[person_id]
        if allowance is not None:
            use.allowance = summarise(
                allowance,
                booked=use.booked_minutes,
                used=use.used_minutes,
                lost=use.lost_minutes,
            )


@dataclass
class OwnAllowance:
    period: Period
    use: PersonUse

    @property
    def summary(self) -> AllowanceSummary | None:
        return self.use.allowance


def person_allowance(person: Person, *, on: datetime.date) -> OwnAllowance:
    """A person's allowance, booked, used and lost time in the allowance period containing
    ``on``; the caller has checked the person is visible."""
    period = allowance_period_containing(on, planner_settings_for(person.organisation_id))
    usage, _tally_unused = _tally([person], period)
    _add_allowances(usage, period)
    return OwnAllowance(period=period, use=usage[person.pk])
