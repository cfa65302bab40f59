"""The team planner, the team metrics and "My protected time" cost the same number of queries
for 5 people (or bookings) as for 50."""

import datetime

import pytest
from django.urls import reverse

from planner.models import BookingEvent
from tests.factories import (
    PersonFactory,
    WorkingPatternFactory,
    make_absence,
    make_booking,
    make_cover,
    this_monday,
)


def add_people(world, count):
    """People in Team A, each with a working pattern, a covered booking this week, one
    cancelled, cover they give and, for some, an absence."""
    monday = this_monday()
    for number in range(count):
        person = PersonFactory(organisation=world.organisation, team=world.team_a)
        WorkingPatternFactory(person=person)
        booking = make_booking(person, monday + datetime.timedelta(days=1), status="confirmed")
        make_cover(booking, world.practitioner_a2, conflicts=["colleague_learning"])
        make_booking(
            person,
            monday + datetime.timedelta(days=2),
            status="cancelled",
            cancellation_reason="work_crisis",
        )
        make_cover(make_booking(world.practitioner_a, monday + datetime.timedelta(days=3)), person)
        if number % 3 == 0:
            make_absence(
                person, monday + datetime.timedelta(days=4), monday + datetime.timedelta(days=4)
            )


PAGES = {
    "planner week": lambda world: reverse("planner:team-planner", args=[world.team_a.pk]),
    "planner month": lambda world: (
        reverse("planner:team-planner", args=[world.team_a.pk]) + "?view=month"
    ),
    "metrics": lambda world: reverse("planner:team-metrics", args=[world.team_a.pk]),
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("viewer", ["manager_a", "ld_lead", "org_admin"])
def test_team_pages_cost_the_same_for_5_and_50_people(
    world, client, django_assert_num_queries, page_cost, page, viewer
):
    client.force_login(getattr(world, viewer))
    url = PAGES[page](world)
    add_people(world, 5)
    with_5, _page = page_cost(url)
    add_people(world, 45)
    with django_assert_num_queries(with_5):
        response = client.get(url)
    assert response.status_code == 200


def test_my_time_costs_the_same_for_5_and_50_bookings(
    world, client, django_assert_num_queries, page_cost
):
    client.force_login(world.practitioner_a)
    url = reverse("planner:my-time")

    def add(count):
        for number in range(count):
            day = this_monday() + datetime.timedelta(weeks=number % 10 - 5, days=number % 5)
            booking = make_booking(
                world.practitioner_a, day, start_hour=8 + number % 8, end_hour=9 + number % 8
            )
            make_cover(booking, world.practitioner_a2)
            BookingEvent.objects.create(
                booking=booking, to_status="approved", actor=world.manager_a
            )
            make_cover(
                make_booking(world.practitioner_a2, day + datetime.timedelta(weeks=20)),
                world.practitioner_a,
            )

    add(5)
    with_5, _page = page_cost(url)
    add(45)
    with django_assert_num_queries(with_5):
        client.get(url)


def test_booking_page_costs_the_same_for_5_and_50_changes_and_covers(
    world, client, django_assert_num_queries, page_cost
):
    client.force_login(world.manager_a)
    booking = make_booking(world.practitioner_a, this_monday())
    url = reverse("planner:booking", args=[booking.pk])

    def add(count):
        for _ in range(count):
            BookingEvent.objects.create(
                booking=booking, to_status="approved", actor=world.manager_a
            )
            make_cover(booking, PersonFactory(organisation=world.organisation), status="withdrawn")

    add(5)
    with_5, _page = page_cost(url)
    add(45)
    with django_assert_num_queries(with_5):
        client.get(url)
