"""Races on PostgreSQL, with real parallel requests through the pages (each thread has its own
database connection, and a barrier releases them together).

Two managers asking the same colleague to cover overlapping time: exactly one succeeds and the
other is shown the first as a conflict. Two requests for the same person's overlapping time:
exactly one booking is made.
"""

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from planner.models import Booking, CoverAssignment, CoverConflictKind
from planner.services.cover import CoverConflictError, cover_assign
from tests.factories import WorkingPatternFactory, london, make_booking

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

DAY = datetime.date(2026, 12, 8)  # a Tuesday
ROUNDS = 3


def post_together(posts: list[tuple[Client, str, dict[str, object]]]) -> list[int]:
    """Sends every POST at the same moment from its own thread; returns the status codes."""
    barrier = threading.Barrier(len(posts))
    statuses: list[int | None] = [None] * len(posts)
    errors: list[BaseException] = []

    def send(index: int, client: Client, url: str, data: dict[str, object]) -> None:
        try:
            barrier.wait(timeout=10)
            statuses[index] = client.post(url, data).status_code
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=send, args=(index, *post)) for index, post in enumerate(posts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return statuses


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_two_managers_ask_the_same_colleague_to_cover_at_once(world, round_number):
    for person in (world.practitioner_a, world.practitioner_a2, world.practitioner_b):
        WorkingPatternFactory(person=person)
    # Maya covers Priya's morning with Alex; Sam (over both teams) covers Bola's overlapping
    # morning with Alex too.
    first = make_booking(world.practitioner_a, DAY, start_hour=9, end_hour=12)
    second = make_booking(world.practitioner_b, DAY, start_hour=10, end_hour=13)
    form = {"colleague": str(world.practitioner_a2.pk), "duties": ["duty"]}
    statuses = post_together(
        [
            (signed_in(world.manager_a), reverse("planner:booking-cover", args=[first.pk]), form),
            (
                signed_in(world.service_manager),
                reverse("planner:booking-cover", args=[second.pk]),
                form,
            ),
        ]
    )
    # The winner is redirected to the booking; the other page is shown again with the conflict.
    assert sorted(statuses) == [200, 302], statuses
    [cover] = CoverAssignment.objects.all()
    assert cover.colleague == world.practitioner_a2
    assert cover.conflicts == []
    loser = second if cover.booking_id == first.pk else first
    assert not loser.cover_assignments.exists()


def test_the_loser_is_told_the_colleague_is_already_covering(world):
    """The same race through the service: the second caller's error names the conflict."""
    for person in (world.practitioner_a, world.practitioner_a2, world.practitioner_b):
        WorkingPatternFactory(person=person)
    first = make_booking(world.practitioner_a, DAY, start_hour=9, end_hour=12)
    second = make_booking(world.practitioner_b, DAY, start_hour=11, end_hour=14)
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def assign(actor, booking) -> None:
        try:
            barrier.wait(timeout=10)
            outcomes.append(
                cover_assign(
                    actor=actor, booking=booking, colleague=world.practitioner_a2, duties=["duty"]
                )
            )
        except CoverConflictError as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=assign, args=(world.manager_a, first)),
        threading.Thread(target=assign, args=(world.service_manager, second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    refused = [outcome for outcome in outcomes if isinstance(outcome, CoverConflictError)]
    assigned = [outcome for outcome in outcomes if isinstance(outcome, CoverAssignment)]
    assert (len(assigned), len(refused)) == (1, 1), outcomes
    assert [conflict.kind for conflict in refused[0].conflicts] == [
        CoverConflictKind.COLLEAGUE_COVERING
    ]


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_two_requests_for_the_same_persons_time_make_one_booking(world, round_number):
    WorkingPatternFactory(person=world.practitioner_a)
    url = reverse("planner:booking-request")
    posts = [
        (
            signed_in(world.practitioner_a),
            url,
            {
                "title": title,
                "purpose": "reading",
                "day_day": str(DAY.day),
                "day_month": str(DAY.month),
                "day_year": str(DAY.year),
                "start_time": start,
                "end_time": end,
            },
        )
        for title, start, end in (("Reading", "09:00", "11:00"), ("Writing", "10:00", "12:00"))
    ]
    statuses = post_together(posts)
    assert sorted(statuses) == [200, 302], statuses
    [booking] = Booking.objects.all()
    assert booking.start in (london(DAY, 9), london(DAY, 10))
