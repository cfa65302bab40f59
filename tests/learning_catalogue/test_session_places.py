"""Places on a session: booking, the waiting list in order, a freed place offered to the first
in line and passed on when the offer expires, team reservations kept for the team."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from learning_catalogue.models import ActivityStatus, PlaceStatus, SessionReservation
from learning_catalogue.services.places import (
    offer_accept,
    offers_expire,
    place_allocate,
    place_book,
    place_cancel,
)
from tests.factories import PersonFactory, make_session


def people(world, count):
    return [PersonFactory(organisation=world.organisation, team=world.team_a) for _ in range(count)]


def test_a_full_session_queues_people_in_order_and_offers_a_freed_place_to_the_first(world):
    session = make_session(world.organisation, capacity=2)
    first, second, third, fourth = people(world, 4)
    places = [
        place_book(actor=person, session=session) for person in (first, second, third, fourth)
    ]
    assert [place.status for place in places] == ["booked", "booked", "waiting", "waiting"]
    offer = place_cancel(actor=first, place=places[0])
    assert offer.person == third and offer.status == PlaceStatus.OFFERED
    assert offer.offer_expires_at - offer.offered_at == datetime.timedelta(hours=24)
    # Someone new joins behind those already waiting, even while a seat is on offer.
    late = place_book(actor=PersonFactory(organisation=world.organisation), session=session)
    assert late.status == PlaceStatus.WAITING
    assert offer_accept(actor=third, place=offer).status == PlaceStatus.BOOKED


def test_an_offer_not_taken_up_passes_to_the_next_in_line(world):
    session = make_session(world.organisation, capacity=1)
    first, second, third = people(world, 3)
    booked = place_book(actor=first, session=session)
    waiting = [place_book(actor=person, session=session) for person in (second, third)]
    offer = place_cancel(actor=first, place=booked)
    assert offer.pk == waiting[0].pk
    later = timezone.now() + datetime.timedelta(hours=25)
    assert offers_expire(now=later) == 1
    waiting[0].refresh_from_db()
    waiting[1].refresh_from_db()
    assert (waiting[0].status, waiting[1].status) == (PlaceStatus.EXPIRED, PlaceStatus.OFFERED)
    with pytest.raises(ValidationError, match="expired"):
        offer_accept(actor=second, place=waiting[0])


def test_people_leave_the_waiting_list_themselves(world):
    session = make_session(world.organisation, capacity=1)
    first, second = people(world, 2)
    place_book(actor=first, session=session)
    waiting = place_book(actor=second, session=session)
    assert place_cancel(actor=second, place=waiting) is None
    waiting.refresh_from_db()
    assert waiting.status == PlaceStatus.LEFT


def test_nobody_books_twice_a_draft_or_another_organisations_session(world):
    session = make_session(world.organisation)
    place_book(actor=world.practitioner_a, session=session)
    with pytest.raises(ValidationError, match="already have a place"):
        place_book(actor=world.practitioner_a, session=session)
    with pytest.raises(PermissionDenied):
        place_book(
            actor=world.practitioner_a,
            session=make_session(world.organisation, status=ActivityStatus.DRAFT),
        )
    with pytest.raises(PermissionDenied):
        place_book(actor=world.outsider, session=session)


def test_reserved_places_are_for_the_team_allocated_by_its_manager(world):
    session = make_session(world.organisation, capacity=3)
    SessionReservation.objects.create(session=session, team=world.team_a, places=1)
    outsiders = [
        PersonFactory(organisation=world.organisation, team=world.team_c) for _ in range(3)
    ]
    places = [place_book(actor=person, session=session) for person in outsiders]
    # Two open seats; the third is kept for Team A.
    assert [place.status for place in places] == ["booked", "booked", "waiting"]
    with pytest.raises(PermissionDenied):
        place_allocate(
            actor=world.manager_b, session=session, team=world.team_a, person=world.practitioner_a
        )
    with pytest.raises(PermissionDenied):
        place_allocate(
            actor=world.manager_a, session=session, team=world.team_a, person=world.practitioner_b
        )
    allocated = place_allocate(
        actor=world.manager_a, session=session, team=world.team_a, person=world.practitioner_a
    )
    assert allocated.status == PlaceStatus.BOOKED and allocated.reserved_for is not None
    with pytest.raises(ValidationError, match="All 1 places reserved"):
        place_allocate(
            actor=world.manager_a, session=session, team=world.team_a, person=world.practitioner_a2
        )
