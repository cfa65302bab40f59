"""Team metrics: cover rate against the national figure, cancellations by reason, time per
person and who has had no protected time this quarter."""

import datetime
from decimal import Decimal

from django.test import override_settings

from planner.models import PlannerSettings
from planner.selectors.metrics import quarter_containing, team_metrics, year_containing
from tests.factories import make_booking, make_cover

TODAY = datetime.date(2026, 5, 20)  # in the April-June quarter
DAY = datetime.date(2026, 5, 12)


def metrics_for(world, user=None, on=TODAY, today=TODAY):
    return team_metrics(user=user or world.manager_a, team=world.team_a, on=on, today=today)


def test_quarters_follow_the_organisations_year():
    april = quarter_containing(datetime.date(2026, 5, 20), 4)
    assert (april.first_day, april.last_day) == (
        datetime.date(2026, 4, 1),
        datetime.date(2026, 6, 30),
    )
    assert april.previous_start == datetime.date(2026, 1, 1)
    assert april.next_start == datetime.date(2026, 7, 1)
    february_year = quarter_containing(datetime.date(2026, 1, 15), 2)
    assert (february_year.first_day, february_year.last_day) == (
        datetime.date(2025, 11, 1),
        datetime.date(2026, 1, 31),
    )
    year = year_containing(datetime.date(2026, 2, 1), 4)
    assert (year.first_day, year.last_day) == (
        datetime.date(2025, 4, 1),
        datetime.date(2026, 3, 31),
    )


def test_cover_rate_is_the_share_of_learning_bookings_with_cover(world):
    covered = make_booking(world.practitioner_a, DAY, status="attended")
    make_cover(covered, world.manager_a)
    withdrawn = make_booking(
        world.practitioner_a, DAY + datetime.timedelta(days=1), status="confirmed"
    )
    make_cover(withdrawn, world.manager_a, status="withdrawn")
    make_booking(world.practitioner_a2, DAY, status="confirmed", no_cover_needed_reason="No visits")
    make_booking(world.practitioner_a2, DAY + datetime.timedelta(days=1), status="did_not_attend")
    # Not learning yet, or never: left out of the share.
    make_booking(world.practitioner_a2, DAY + datetime.timedelta(days=2), status="requested")
    make_booking(world.practitioner_a2, DAY + datetime.timedelta(days=3), status="declined")
    metrics = metrics_for(world)
    assert (metrics.covered, metrics.learning_bookings) == (1, 4)
    assert metrics.cover_rate == Decimal("25.0")
    assert metrics.no_cover_needed == 1
    assert metrics.national_cover_rate == Decimal("8.7")


@override_settings(PLANNER_NATIONAL_COVER_RATE_PERCENT="9.5")
def test_the_national_figure_comes_from_settings(world):
    assert metrics_for(world).national_cover_rate == Decimal("9.5")


def test_cancellation_rate_and_reasons(world):
    make_booking(world.practitioner_a, DAY, status="cancelled", cancellation_reason="work_crisis")
    make_booking(
        world.practitioner_a,
        DAY + datetime.timedelta(days=1),
        status="cancelled",
        cancellation_reason="work_crisis",
    )
    make_booking(world.practitioner_a2, DAY, status="cancelled", cancellation_reason="court")
    make_booking(world.practitioner_a2, DAY + datetime.timedelta(days=1), status="attended")
    make_booking(world.practitioner_a2, DAY + datetime.timedelta(days=2), status="declined")
    metrics = metrics_for(world)
    assert (metrics.cancelled, metrics.agreed_bookings) == (3, 4)
    assert metrics.cancellation_rate == Decimal("75.0")
    counts = {reason.reason: reason.count for reason in metrics.reasons}
    assert counts["work_crisis"] == 2 and counts["court"] == 1 and counts["sickness"] == 0
    assert metrics.reasons[0].label == "Work crisis"


def test_no_bookings_means_no_rate_rather_than_zero(world):
    metrics = metrics_for(world)
    assert metrics.cover_rate is None and metrics.cancellation_rate is None


def test_time_per_person_booked_used_and_lost(world):
    make_booking(world.practitioner_a, DAY, status="approved")  # 3h booked
    make_booking(
        world.practitioner_a, DAY + datetime.timedelta(days=1), status="attended"
    )  # 3h used
    make_booking(
        world.practitioner_a,
        DAY + datetime.timedelta(days=2),
        status="partly_attended",
        attended_minutes=90,
    )
    make_booking(
        world.practitioner_a,
        DAY + datetime.timedelta(days=3),
        status="cancelled",
        cancellation_reason="sickness",
    )
    # Another quarter: not counted.
    make_booking(world.practitioner_a, datetime.date(2026, 7, 7), status="approved")
    use = next(u for u in metrics_for(world).people if u.person == world.practitioner_a)
    assert (use.booked_minutes, use.used_minutes, use.lost_minutes) == (180, 270, 180)


def test_a_year_long_allowance_period_counts_the_whole_year(world):
    PlannerSettings.objects.create(organisation=world.organisation, allowance_period="year")
    make_booking(world.practitioner_a, datetime.date(2026, 12, 1), status="approved")
    metrics = metrics_for(world)
    assert metrics.period.first_day == datetime.date(2026, 4, 1)
    use = next(u for u in metrics.people if u.person == world.practitioner_a)
    assert use.booked_minutes == 180


def test_who_has_had_no_protected_time_this_quarter(world):
    make_booking(world.practitioner_a, DAY, status="attended")
    make_booking(world.practitioner_a2, DAY, status="cancelled", cancellation_reason="court")
    make_booking(
        world.practitioner_a2, datetime.date(2026, 3, 3), status="attended"
    )  # last quarter
    names = {person.full_name for person in metrics_for(world).without_protected_time}
    assert names == {world.practitioner_a2.full_name, world.manager_a.full_name}


def test_other_teams_bookings_are_not_counted(world):
    make_booking(world.practitioner_b, DAY, status="cancelled", cancellation_reason="court")
    assert metrics_for(world).cancelled == 0
    assert metrics_for(world, user=world.ld_lead).cancelled == 0
