"""On PostgreSQL, with real parallel connections: 50 people booking a 10-place session at the
same moment end with exactly 10 booked and 40 waiting in the order they queued; a cancellation
then offers the place to exactly the first in line. Two managers allocating a team's last
reserved place at once: exactly one succeeds."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from learning_catalogue.models import PlaceStatus, SessionPlace, SessionReservation
from learning_catalogue.services.places import place_allocate, place_book, place_cancel
from tests.factories import PersonFactory, make_session

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_together(calls):
    """Runs every call in its own thread and connection, released at once by a barrier."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=30)
            outcomes[index] = call()
        except BaseException as error:  # collected for the assertion below
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_fifty_people_at_once_for_ten_places(world):
    session = make_session(world.organisation, capacity=10)
    crowd = [PersonFactory(organisation=world.organisation) for _ in range(50)]
    outcomes = run_together(
        [lambda person=person: place_book(actor=person, session=session) for person in crowd]
    )
    errors = [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
    assert not errors, errors
    statuses = [place.status for place in SessionPlace.objects.filter(session=session)]
    assert statuses.count(PlaceStatus.BOOKED) == 10
    assert statuses.count(PlaceStatus.WAITING) == 40
    first_waiting = (
        SessionPlace.objects.filter(session=session, status=PlaceStatus.WAITING)
        .order_by("joined_at", "id")
        .first()
    )
    leaver = SessionPlace.objects.filter(session=session, status=PlaceStatus.BOOKED).first()
    offer = place_cancel(actor=leaver.person, place=leaver)
    assert offer.pk == first_waiting.pk
    assert SessionPlace.objects.filter(session=session, status=PlaceStatus.OFFERED).count() == 1
    assert SessionPlace.objects.filter(session=session, status=PlaceStatus.WAITING).count() == 39


def test_two_managers_allocating_the_last_reserved_place_at_once(world):
    session = make_session(world.organisation, capacity=5)
    SessionReservation.objects.create(session=session, team=world.team_a, places=1)
    outcomes = run_together(
        [
            lambda: place_allocate(
                actor=world.manager_a,
                session=session,
                team=world.team_a,
                person=world.practitioner_a,
            ),
            lambda: place_allocate(
                actor=world.service_manager,
                session=session,
                team=world.team_a,
                person=world.practitioner_a2,
            ),
        ]
    )
    allocated = [outcome for outcome in outcomes if isinstance(outcome, SessionPlace)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert (len(allocated), len(refused)) == (1, 1), outcomes
    assert SessionPlace.objects.filter(session=session, reserved_for__isnull=False).count() == 1
