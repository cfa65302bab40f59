"""Days nobody works: England and Wales bank holidays seeded from the ``holidays`` package
(substitute days and the days added by proclamation included), and an organisation's own
closure days, which the working-time rules treat like bank holidays for its people only."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core.time import LONDON
from planner.conflicts import cover_conflicts
from planner.models import BankHoliday, ClosureDay
from planner.selectors.planner_grid import planner_grid, planner_period
from planner.services.calendar import closure_day_add, closure_day_remove
from planner.worktime import WorkingCalendar, minutes_outside_working_time
from teams.models import AuditEntry
from tests.factories import WorkingPatternFactory, make_booking

CLOSED = datetime.date(2026, 12, 29)  # a Tuesday between Christmas and New Year
FULL_TIME = {
    f"{day}_minutes": 444 for day in ("monday", "tuesday", "wednesday", "thursday", "friday")
}


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (datetime.date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        (datetime.date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
        (datetime.date(2022, 6, 3), "Platinum Jubilee bank holiday"),
        (datetime.date(2026, 12, 28), "Boxing Day (substitute day)"),
        (datetime.date(2027, 12, 27), "Christmas Day (substitute day)"),
        (datetime.date(2028, 1, 3), "New Year's Day (substitute day)"),
        (datetime.date(2026, 5, 25), "Spring bank holiday"),
    ],
)
def test_bank_holidays_are_seeded_with_substitute_days_and_proclamations(db, day, name):
    assert BankHoliday.objects.get(date=day).name == name


def test_only_weekdays_are_seeded_from_2020_to_2035(db):
    days = list(BankHoliday.objects.values_list("date", flat=True))
    assert len(days) == 131
    assert min(days).year == 2020 and max(days).year == 2035
    assert all(day.weekday() < 5 for day in days)
    assert not BankHoliday.objects.filter(date=datetime.date(2026, 12, 26)).exists()


def test_a_closure_day_is_outside_working_time_for_the_organisations_people(world):
    WorkingPatternFactory(person=world.practitioner_a, **FULL_TIME)
    WorkingPatternFactory(person=world.outsider, **FULL_TIME)
    start, end = at(CLOSED, 9), at(CLOSED, 12)
    assert minutes_outside_working_time(person=world.practitioner_a, start=start, end=end) == 0
    closure_day_add(actor=world.org_admin, date=CLOSED, name="Christmas closure")
    assert minutes_outside_working_time(person=world.practitioner_a, start=start, end=end) == 180
    # Another organisation's people work that day.
    assert minutes_outside_working_time(person=world.outsider, start=start, end=end) == 0


def test_the_calendar_reads_bank_holidays_and_closures_in_one_query(
    world, django_assert_num_queries
):
    WorkingPatternFactory(person=world.practitioner_a, **FULL_TIME)
    ClosureDay.objects.create(organisation=world.organisation, date=CLOSED, name="Closure")
    with django_assert_num_queries(3):
        calendar = WorkingCalendar.load(
            person_ids=[world.practitioner_a.pk],
            first_day=datetime.date(2026, 12, 21),
            last_day=datetime.date(2027, 1, 3),
        )
    person = world.practitioner_a.pk
    assert calendar.closure_on(person, datetime.date(2026, 12, 25)) == "Bank holiday: Christmas Day"
    assert calendar.closure_on(person, CLOSED) == "Closure day: Closure"
    assert calendar.closure_on(person, datetime.date(2026, 12, 22)) == ""
    assert calendar.contracted_minutes(person, CLOSED) == 0
    assert calendar.contracted_minutes(person, datetime.date(2026, 12, 22)) == 444


def test_the_planner_grid_names_the_closure(world):
    WorkingPatternFactory(person=world.practitioner_a, **FULL_TIME)
    ClosureDay.objects.create(
        organisation=world.organisation, date=CLOSED, name="Christmas closure"
    )
    grid = planner_grid(
        user=world.manager_a, team=world.team_a, period=planner_period("week", CLOSED)
    )
    row = next(row for row in grid.rows if row.person == world.practitioner_a)
    cells = {cell.day: cell for cell in row.cells}
    assert cells[CLOSED].not_working_reason == "Closure day: Christmas closure"
    assert not cells[CLOSED].working


def test_nobody_is_asked_to_cover_on_a_closure_day(world):
    WorkingPatternFactory(person=world.practitioner_a, **FULL_TIME)
    WorkingPatternFactory(person=world.practitioner_a2, **FULL_TIME)
    ClosureDay.objects.create(
        organisation=world.organisation, date=CLOSED, name="Christmas closure"
    )
    booking = make_booking(world.practitioner_a, CLOSED)
    messages = [
        c.message for c in cover_conflicts(booking=booking, colleague=world.practitioner_a2)
    ]
    assert any("the organisation is closed" in message for message in messages)


def test_closure_days_are_checked_audited_and_the_org_admins_alone(world):
    with pytest.raises(PermissionDenied):
        closure_day_add(actor=world.ld_lead, date=CLOSED, name="Closure")
    with pytest.raises(ValidationError) as error:
        closure_day_add(actor=world.org_admin, date=None, name=" ")
    assert set(error.value.message_dict) == {"date", "name"}
    closure = closure_day_add(actor=world.org_admin, date=CLOSED, name=" Christmas closure ")
    assert closure.name == "Christmas closure"
    with pytest.raises(ValidationError) as error:
        closure_day_add(actor=world.org_admin, date=CLOSED, name="Again")
    assert "date" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        closure_day_remove(actor=world.outsider, closure=closure)
    closure_day_remove(actor=world.org_admin, closure=closure)
    assert not ClosureDay.objects.exists()
    actions = AuditEntry.objects.filter(action__startswith="closure_day")
    assert set(actions.values_list("action", flat=True)) == {
        "closure_day.create",
        "closure_day.delete",
    }


def test_the_closure_days_page_lists_adds_and_removes(world, client):
    client.force_login(world.org_admin)
    html = client.get(reverse("planner:closure-days")).content.decode()
    assert "No closure days" in html
    response = client.post(
        reverse("planner:closure-day-add"),
        {"date": "2026-12-29", "name": "Christmas closure"},
    )
    assert response.status_code == 302
    html = client.get(reverse("planner:closure-days")).content.decode()
    assert "Tuesday 29 December 2026" in html and "Christmas closure" in html
    closure = ClosureDay.objects.get()
    response = client.post(reverse("planner:closure-day-remove", args=[closure.pk]))
    assert response.status_code == 302
    assert not ClosureDay.objects.exists()
