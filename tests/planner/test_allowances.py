"""Allowance arithmetic, table-driven: pro rata to the working pattern, the newly qualified
default, overrides by career stage, team and person, effective dates, and cancelled time counted
as lost, never used. The period is October to December 2026 (92 days; 64 weekdays once
Christmas Day and the substitute Boxing Day, Monday 28 December, are taken out)."""

import datetime
from decimal import Decimal

import pytest

from core.time import Period as MetricsPeriod
from planner.allowances import NEWLY_QUALIFIED_DEFAULT, allowances_for
from planner.models import AllowanceRule, AllowanceScope
from planner.selectors.metrics import person_allowance, team_metrics
from teams.models import CareerStage
from tests.factories import WorkingPatternFactory, london, make_booking

FIRST, LAST = datetime.date(2026, 10, 1), datetime.date(2026, 12, 31)
FULL_TIME = (444, 444, 444, 444, 444)
THREE_DAYS = (444, 444, 444, 0, 0)
COMPRESSED = (555, 555, 555, 555, 0)


def pattern(person, minutes):
    fields = ["monday", "tuesday", "wednesday", "thursday", "friday"]
    WorkingPatternFactory(
        person=person,
        **{f"{day}_minutes": value for day, value in zip(fields, minutes, strict=True)},
    )


def rule(world, scope=AllowanceScope.ORGANISATION, *, percent=None, minutes=None, **target):
    return AllowanceRule.objects.create(
        organisation=world.organisation,
        scope=scope,
        effective_from=target.pop("effective_from", datetime.date(2020, 1, 1)),
        percent_of_contracted=None if percent is None else Decimal(percent),
        full_time_minutes_per_period=minutes,
        **target,
    )


def allowance_of(person):
    return allowances_for([person], FIRST, LAST)[person.pk]


@pytest.mark.parametrize(
    ("stage", "minutes", "expected"),
    [
        # 10% of 64 days of 444 minutes = 2,841.6
        (CareerStage.NEWLY_QUALIFIED, FULL_TIME, 2842),
        # Monday to Wednesday: 10% of 38 of those days of 444 minutes
        (CareerStage.NEWLY_QUALIFIED, THREE_DAYS, 1687),
        (CareerStage.EXPERIENCED, FULL_TIME, None),
    ],
)
def test_newly_qualified_staff_get_ten_percent_of_contracted_time_by_default(
    world, stage, minutes, expected
):
    person = world.practitioner_a
    person.career_stage = stage
    person.save()
    pattern(person, minutes)
    found = allowance_of(person)
    if expected is None:
        assert found is None
    else:
        assert (found.minutes, found.source) == (expected, NEWLY_QUALIFIED_DEFAULT)


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (FULL_TIME, 1200),
        (THREE_DAYS, 720),  # 1,332 of a 2,220-minute standard week
        (COMPRESSED, 1200),  # 37 hours in four days is full time
    ],
)
def test_a_full_time_allowance_is_pro_rata_to_the_working_pattern(world, minutes, expected):
    rule(world, minutes=1200)
    pattern(world.practitioner_a, minutes)
    assert allowance_of(world.practitioner_a).minutes == expected


def test_overrides_go_person_then_team_then_career_stage_then_organisation(world):
    for person in (world.practitioner_a, world.practitioner_a2, world.practitioner_b):
        pattern(person, FULL_TIME)
    world.practitioner_b.career_stage = CareerStage.NEWLY_QUALIFIED
    world.practitioner_b.save()
    rule(world, minutes=1200)
    rule(world, AllowanceScope.CAREER_STAGE, percent=20, career_stage=CareerStage.NEWLY_QUALIFIED)
    rule(world, AllowanceScope.TEAM, minutes=600, team=world.assessment)
    rule(world, AllowanceScope.TEAM, minutes=900, team=world.team_a)
    rule(world, AllowanceScope.PERSON, minutes=1500, person=world.practitioner_a)
    found = allowances_for(
        [world.practitioner_a, world.practitioner_a2, world.practitioner_b, world.practitioner_c],
        FIRST,
        LAST,
    )
    assert found[world.practitioner_a.pk].minutes == 1500  # their own rule
    assert found[world.practitioner_a2.pk].minutes == 900  # Team A's, nearer than Assessment's
    assert found[world.practitioner_b.pk].minutes == 600  # Team B has none: Assessment's
    assert found[world.practitioner_c.pk].minutes == 0  # no working pattern, nothing contracted
    pattern(world.practitioner_c, FULL_TIME)
    assert allowance_of(world.practitioner_c).minutes == 1200  # the organisation's


def test_a_career_stage_rule_replaces_the_newly_qualified_default(world):
    person = world.practitioner_c
    person.career_stage = CareerStage.NEWLY_QUALIFIED
    person.save()
    pattern(person, FULL_TIME)
    rule(world, AllowanceScope.CAREER_STAGE, percent=20, career_stage=CareerStage.NEWLY_QUALIFIED)
    assert allowance_of(person).minutes == 5683  # 20% of 28,416


@pytest.mark.parametrize(
    ("effective_from", "expected"),
    [
        (datetime.date(2026, 10, 1), 1200),
        (datetime.date(2026, 11, 16), 600),  # in force for 46 of the 92 days
        (datetime.date(2027, 1, 1), None),  # not yet in force
    ],
)
def test_a_rule_counts_from_its_effective_date(world, effective_from, expected):
    pattern(world.practitioner_c, FULL_TIME)
    rule(world, minutes=1200, effective_from=effective_from)
    found = allowance_of(world.practitioner_c)
    assert (found.minutes if found else None) == expected


def test_a_newer_rule_replaces_an_older_one_from_its_date(world):
    pattern(world.practitioner_c, FULL_TIME)
    rule(world, minutes=1200, effective_from=datetime.date(2020, 1, 1))
    rule(world, minutes=1840, effective_from=datetime.date(2026, 11, 16))
    assert allowance_of(world.practitioner_c).minutes == 600 + 920


def test_a_starter_part_way_through_gets_the_days_they_are_employed(world):
    person = world.practitioner_c
    person.employment_start = datetime.date(2026, 11, 16)
    person.save()
    pattern(person, FULL_TIME)
    rule(world, minutes=1200)
    assert allowance_of(person).minutes == 600


def test_cancelled_time_is_lost_not_used_and_remaining_takes_booked_and_used(world):
    person = world.practitioner_a
    pattern(person, FULL_TIME)
    rule(world, minutes=1200)
    make_booking(person, datetime.date(2026, 10, 6), status="attended", attended_minutes=180)
    make_booking(
        person,
        datetime.date(2026, 10, 7),
        status="partly_attended",
        start=london(datetime.date(2026, 10, 7), 9),
        end=london(datetime.date(2026, 10, 7), 12),
        attended_minutes=90,
    )
    make_booking(
        person,
        datetime.date(2026, 10, 8),
        status="cancelled",
        cancellation_reason="work_crisis",
        start_hour=10,
        end_hour=12,
    )
    make_booking(person, datetime.date(2026, 12, 1), status="requested", start_hour=9, end_hour=10)
    summary = person_allowance(person, on=datetime.date(2026, 11, 1)).summary
    assert (
        summary.allowance_minutes,
        summary.booked_minutes,
        summary.used_minutes,
        summary.lost_minutes,
        summary.remaining_minutes,
    ) == (1200, 60, 270, 120, 870)


def test_team_metrics_show_each_persons_allowance(world):
    for person in (world.practitioner_a, world.practitioner_a2):
        pattern(person, FULL_TIME)
    rule(world, minutes=1200)
    make_booking(world.practitioner_a, datetime.date(2026, 10, 6), status="attended")
    metrics = team_metrics(
        user=world.manager_a,
        team=world.team_a,
        on=datetime.date(2026, 11, 1),
        today=datetime.date(2026, 11, 1),
    )
    by_person = {use.person.pk: use.allowance for use in metrics.people}
    assert by_person[world.practitioner_a.pk].remaining_minutes == 1200 - 180
    assert by_person[world.practitioner_a2.pk].remaining_minutes == 1200
    assert isinstance(metrics.period, MetricsPeriod)
