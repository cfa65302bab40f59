"""The team planner grid says, in each cell, whether the person works that day and what
protected time, cover and conflicts they have."""

import datetime

import pytest

from planner.models import AbsenceKind, BankHoliday, CoverConflictKind
from planner.selectors.planner_grid import View, planner_grid, planner_period
from tests.factories import WorkingPatternFactory, make_absence, make_booking, make_cover

# A week with a bank holiday: Monday 25 May 2026 (spring bank holiday).
MONDAY = datetime.date(2026, 5, 25)


def days(n):
    return MONDAY + datetime.timedelta(days=n)


@pytest.fixture
def patterns(world):
    WorkingPatternFactory(person=world.practitioner_a)
    # Alex works Monday to Wednesday only.
    WorkingPatternFactory(person=world.practitioner_a2, thursday_minutes=0, friday_minutes=0)
    WorkingPatternFactory(person=world.manager_a)


def grid_for(world, user=None, view="week", around=MONDAY):
    return planner_grid(
        user=user or world.manager_a, team=world.team_a, period=planner_period(view, around)
    )


def cell(grid, person, day):
    row = next(row for row in grid.rows if row.person.pk == person.pk)
    return next(c for c in row.cells if c.day == day)


def test_week_runs_monday_to_sunday_with_links_either_side():
    period = planner_period("week", datetime.date(2026, 5, 28))
    assert (period.first_day, period.last_day) == (MONDAY, days(6))
    assert period.previous_start == MONDAY - datetime.timedelta(days=7)
    assert period.next_start == days(7)


def test_month_view_covers_the_calendar_month_and_unknown_views_are_weeks():
    period = planner_period("month", datetime.date(2026, 2, 14))
    assert period.view == View.MONTH
    assert (period.first_day, period.last_day) == (
        datetime.date(2026, 2, 1),
        datetime.date(2026, 2, 28),
    )
    assert period.previous_start == datetime.date(2026, 1, 1)
    assert period.next_start == datetime.date(2026, 3, 1)
    assert planner_period("fortnight", MONDAY).view == View.WEEK


def test_rows_are_the_teams_people_by_name(world, patterns):
    grid = grid_for(world)
    names = [row.person.full_name for row in grid.rows]
    assert names == sorted(
        [world.practitioner_a2.full_name, world.manager_a.full_name, world.practitioner_a.full_name]
    )
    assert world.practitioner_b.full_name not in names


def test_working_days_weekends_bank_holidays_and_pattern_days_off(world, patterns):
    grid = grid_for(world)
    assert (
        cell(grid, world.practitioner_a, MONDAY).not_working_reason
        == "Bank holiday: Spring bank holiday"
    )
    assert cell(grid, world.practitioner_a, days(1)).working
    assert cell(grid, world.practitioner_a, days(1)).contracted_minutes == 444
    assert cell(grid, world.practitioner_a2, days(3)).not_working_reason == "Not a working day"
    assert cell(grid, world.practitioner_a, days(5)).not_working_reason == "Weekend"
    assert BankHoliday.objects.filter(date=MONDAY).exists()


def test_absence_bookings_and_cover_appear_on_their_days(world, patterns):
    make_absence(world.practitioner_a2, days(1), days(2), kind=AbsenceKind.SICKNESS)
    booking = make_booking(world.practitioner_a, days(1), status="confirmed")
    make_cover(booking, world.manager_a)
    grid = grid_for(world)
    assert cell(grid, world.practitioner_a2, days(2)).not_working_reason == "Sickness"
    learning = cell(grid, world.practitioner_a, days(1))
    assert learning.bookings == [booking]
    assert [c.colleague for c in learning.bookings[0].active_cover] == [world.manager_a]
    assert [c.booking for c in cell(grid, world.manager_a, days(1)).covering] == [booking]
    assert cell(grid, world.manager_a, days(2)).covering == []


def test_declined_requests_are_left_out_and_cancelled_ones_shown(world, patterns):
    make_booking(world.practitioner_a, days(1), status="declined")
    cancelled = make_booking(
        world.practitioner_a, days(2), status="cancelled", cancellation_reason="court"
    )
    grid = grid_for(world)
    assert cell(grid, world.practitioner_a, days(1)).bookings == []
    assert cell(grid, world.practitioner_a, days(2)).bookings == [cancelled]


def test_conflicts_cover_while_absent_learning_or_covering_twice(world, patterns):
    first = make_booking(world.practitioner_a, days(1), status="confirmed")
    second = make_booking(world.manager_a, days(1), start_hour=10, end_hour=11, status="approved")
    make_cover(first, world.practitioner_a2)
    make_cover(second, world.practitioner_a2)
    # Alex also covers Priya on Thursday, a day Alex does not work, and is on leave Friday.
    make_cover(make_booking(world.practitioner_a, days(3)), world.practitioner_a2)
    make_absence(world.practitioner_a2, days(4), days(4))
    make_cover(make_booking(world.practitioner_a, days(4)), world.practitioner_a2)
    # Maya covers Alex's learning while learning herself.
    make_cover(make_booking(world.practitioner_a2, days(2)), world.manager_a)
    make_booking(world.manager_a, days(2), start_hour=11, end_hour=13)
    grid = grid_for(world)
    texts = lambda day, who=world.practitioner_a2: [c.text for c in cell(grid, who, day).conflicts]  # noqa: E731
    assert texts(days(1)) == ["Covering two people at the same time"]
    assert texts(days(3)) == ["Covering on a day they do not work"]
    assert texts(days(4)) == ["Covering while on annual leave"]
    assert texts(days(2), world.manager_a) == ["Covering while booked on learning"]
    assert texts(days(2)) == []


def test_conflicts_accepted_at_assignment_show_the_reason(world, patterns):
    booking = make_booking(world.practitioner_a, days(1))
    make_cover(
        booking,
        world.manager_a,
        conflicts=[CoverConflictKind.TEAM_BELOW_MINIMUM],
        conflicts_accepted_reason="Agency worker on duty",
    )
    conflict = cell(grid_for(world), world.manager_a, days(1)).conflicts[0]
    assert conflict.text == "The team would fall below its minimum on duty"
    assert conflict.accepted_reason == "Agency worker on duty"


def test_day_totals_flag_the_team_below_its_minimum(world, patterns):
    world.team_a.minimum_staff_on_duty = 3
    world.team_a.save()
    make_booking(world.practitioner_a, days(2), status="confirmed")
    grid = grid_for(world)
    totals = {total.day: total for total in grid.totals}
    assert totals[days(1)].available == 3 and not totals[days(1)].below_minimum
    assert totals[days(2)].available == 2 and totals[days(2)].below_minimum
    assert totals[MONDAY].available == 0 and totals[MONDAY].below_minimum


def test_bookings_are_placed_on_london_days_not_utc_days(world, patterns):
    # 22:30 to 23:30 UTC on Tuesday 26 May is 23:30 to 00:30 in London (BST): two London days.
    make_booking(
        world.practitioner_a,
        days(1),
        start=datetime.datetime(2026, 5, 26, 22, 30, tzinfo=datetime.UTC),
        end=datetime.datetime(2026, 5, 26, 23, 30, tzinfo=datetime.UTC),
    )
    grid = grid_for(world)
    assert len(cell(grid, world.practitioner_a, days(1)).bookings) == 1
    assert len(cell(grid, world.practitioner_a, days(2)).bookings) == 1


def test_a_covered_person_outside_the_viewers_teams_is_a_colleague(world, patterns):
    other = make_booking(world.practitioner_b, days(1))
    make_cover(other, world.practitioner_a)
    grid = grid_for(world)
    assert world.practitioner_b.pk not in grid.visible_person_ids
    assert world.practitioner_b.pk in grid_for(world, user=world.ld_lead).visible_person_ids


def test_the_same_conflict_twice_in_a_day_is_listed_once(world, patterns):
    for hour in (9, 13):
        make_cover(
            make_booking(world.practitioner_a, days(1), start_hour=hour, end_hour=hour + 2),
            world.manager_a,
            conflicts=[CoverConflictKind.COLLEAGUE_LEARNING],
            conflicts_accepted_reason="Agreed",
        )
    conflicts = cell(grid_for(world), world.manager_a, days(1)).conflicts
    assert [c.text for c in conflicts] == ["The colleague is booked on learning"]


def test_people_are_paged_and_the_day_totals_count_the_whole_team(world, patterns):
    period = planner_period("week", MONDAY)
    make_booking(world.manager_a, days(1), status="confirmed")
    first = planner_grid(user=world.manager_a, team=world.team_a, period=period, per_page=2)
    second = planner_grid(
        user=world.manager_a, team=world.team_a, period=period, per_page=2, page="2"
    )
    assert [len(first.rows), len(second.rows)] == [2, 1]
    assert first.page.paginator.num_pages == 2
    assert {row.person.pk for row in first.rows + second.rows} == {
        world.manager_a.pk,
        world.practitioner_a.pk,
        world.practitioner_a2.pk,
    }
    # Tuesday: three people work and Maya is learning, whichever page is shown.
    assert [t.available for t in first.totals][1] == [t.available for t in second.totals][1] == 2
    nonsense = planner_grid(
        user=world.manager_a, team=world.team_a, period=period, per_page=2, page="x"
    )
    assert nonsense.page.number == 1
