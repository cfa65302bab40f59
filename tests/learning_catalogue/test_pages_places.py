"""Places through the pages: booking and cancelling from the activity page (protected time asked
and freed), the waiting list moving on, a team's kept places given out by its manager, and
what the home page shows of them."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from learning_catalogue.models import (
    PlaceStatus,
    SessionPlace,
)
from learning_catalogue.services.sessions import reservation_set
from planner.models import BookingPurpose, BookingStatus
from tests.factories import make_session

pytestmark = pytest.mark.django_db


def test_booking_from_the_activity_page_requests_protected_time_and_cancelling_frees_it(
    client, world, django_capture_on_commit_callbacks
):
    session = make_session(world.organisation, capacity=1)
    client.force_login(world.practitioner_a)
    activity_url = reverse("learning_catalogue:activity", args=[session.activity_id])
    assert "Book a place" in client.get(activity_url).text
    client.post(reverse("learning_catalogue:session-book", args=[session.pk]))
    place = SessionPlace.objects.get(session=session, person=world.practitioner_a)
    assert place.status == PlaceStatus.BOOKED
    booking = place.protected_time
    assert (booking.status, booking.purpose) == (BookingStatus.REQUESTED, BookingPurpose.CATALOGUE)
    assert (booking.start, booking.end) == (session.start, session.end)

    client.force_login(world.practitioner_b)
    page = client.get(activity_url)
    assert "Join the waiting list" in page.text
    client.post(reverse("learning_catalogue:session-book", args=[session.pk]))
    waiting = SessionPlace.objects.get(session=session, person=world.practitioner_b)
    assert waiting.status == PlaceStatus.WAITING

    client.force_login(world.practitioner_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("learning_catalogue:place-cancel", args=[place.pk]))
    booking.refresh_from_db()
    waiting.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert waiting.status == PlaceStatus.OFFERED
    assert any(
        "A place is free for you" in message.subject and world.practitioner_b.email in message.to
        for message in mail.outbox
    )

    client.force_login(world.practitioner_b)
    assert "Take the place" in client.get(reverse("learning_catalogue:my-places")).text
    client.post(reverse("learning_catalogue:offer-accept", args=[waiting.pk]))
    waiting.refresh_from_db()
    assert waiting.status == PlaceStatus.BOOKED
    assert waiting.protected_time.person == world.practitioner_b


def test_someone_else_cannot_cancel_your_place(client, world):
    session = make_session(world.organisation)
    place = SessionPlace.objects.create(
        session=session, person=world.practitioner_a, status=PlaceStatus.BOOKED
    )
    client.force_login(world.practitioner_b)
    response = client.post(reverse("learning_catalogue:place-cancel", args=[place.pk]))
    assert response.status_code == 404
    place.refresh_from_db()
    assert place.status == PlaceStatus.BOOKED


def test_managers_give_their_teams_reserved_places(client, world):
    session = make_session(world.organisation, capacity=3)
    client.force_login(world.ld_lead)
    client.post(
        reverse("learning_catalogue:reservation-set", args=[session.pk]),
        {"team": world.team_a.pk, "places": "1"},
    )
    assert session.reservations.get().places == 1
    client.force_login(world.manager_a)
    page = client.get(reverse("learning_catalogue:session", args=[session.pk]))
    assert "Give one of Assessment Team 1" in page.text
    url = reverse("learning_catalogue:allocate", args=[session.pk, world.team_a.pk])
    outsider = client.post(url, {"team1-person": world.practitioner_b.pk})
    assert outsider.status_code == 422
    client.post(url, {f"team{world.team_a.pk}-person": world.practitioner_a.pk})
    place = SessionPlace.objects.get(session=session, person=world.practitioner_a)
    assert place.reserved_for.team == world.team_a
    client.force_login(world.manager_b)
    refused = client.post(
        reverse("learning_catalogue:allocate", args=[session.pk, world.team_a.pk]),
        {f"team{world.team_a.pk}-person": world.practitioner_a2.pk},
    )
    assert refused.status_code == 404


def test_the_protected_time_a_place_asked_for_links_back_to_the_session(client, world):
    session = make_session(world.organisation)
    client.force_login(world.practitioner_a)
    client.post(reverse("learning_catalogue:session-book", args=[session.pk]))
    booking = SessionPlace.objects.get(person=world.practitioner_a).protected_time
    client.force_login(world.manager_a)
    page = client.get(reverse("planner:booking", args=[booking.pk])).text
    assert reverse("learning_catalogue:activity", args=[session.activity_id]) in page
    assert "Catalogue session" in page


def test_home_shows_a_place_waiting_to_be_taken_and_the_next_session(client, world):
    session = make_session(world.organisation)
    SessionPlace.objects.create(
        session=session,
        person=world.practitioner_a,
        status=PlaceStatus.OFFERED,
        offer_expires_at=timezone.now() + datetime.timedelta(hours=20),
    )
    booked = make_session(world.organisation)
    SessionPlace.objects.create(
        session=booked, person=world.practitioner_a, status=PlaceStatus.BOOKED
    )
    client.force_login(world.practitioner_a)
    page = client.get(reverse("home")).text
    assert "A place is free for you" in page
    assert "Next: <a" in page
    client.force_login(world.practitioner_b)
    page = client.get(reverse("home")).text
    assert "A place is free for you" not in page and "No sessions booked." in page


def test_places_kept_for_a_team_are_not_offered_to_everyone_on_the_page(client, world):
    session = make_session(world.organisation, capacity=2)
    reservation_set(actor=world.ld_lead, session=session, team=world.team_b, places=1)
    SessionPlace.objects.create(
        session=session, person=world.practitioner_a2, status=PlaceStatus.BOOKED
    )
    client.force_login(world.practitioner_a)
    page = client.get(reverse("learning_catalogue:activity", args=[session.activity_id])).text
    assert "Join the waiting list" in page and "Book a place" not in page
    client.post(reverse("learning_catalogue:session-book", args=[session.pk]))
    place = SessionPlace.objects.get(session=session, person=world.practitioner_a)
    assert place.status == PlaceStatus.WAITING


def test_home_does_not_offer_a_place_whose_offer_has_run_out(client, world):
    SessionPlace.objects.create(
        session=make_session(world.organisation),
        person=world.practitioner_a,
        status=PlaceStatus.OFFERED,
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=5),
    )
    client.force_login(world.practitioner_a)
    assert "A place is free for you" not in client.get(reverse("home")).text
