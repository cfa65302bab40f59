"""Sessions and places through the API: L&D schedule, keep places for teams and cancel; people
book themselves or join the waiting list, a freed place is offered in turn; a team manager
gives the team's places to their people. Nobody sees another person's place unless they
manage them or lead L&D."""

import datetime

import pytest
from django.utils import timezone

from learning_catalogue.models import DeliveryMode, PlaceStatus, SessionPlace
from planner.models import Booking, BookingStatus
from tests.learning_catalogue.catalogue_data import add_activity
from tests.support import error_of, ids


@pytest.fixture
def webinar(world):
    return add_activity(
        world.ld_lead, "Contextual safeguarding", format_name="Webinar", mode=DeliveryMode.SCHEDULED
    )


def session_body(days=14, **changes):
    start = (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)
    body = {
        "start": start.isoformat(),
        "end": (start + datetime.timedelta(hours=2)).isoformat(),
        "capacity": 2,
        "online_link": "https://meet.example/safeguarding",
    }
    return body | changes


@pytest.fixture
def session(api, world, webinar):
    created = api.as_(world.ld_lead).post(
        f"/catalogue/activities/{webinar.pk}/sessions", session_body()
    )
    assert created.status_code == 201, created.content
    return created.json()


def book(api, person, session):
    response = api.as_(person).post(f"/catalogue/sessions/{session['id']}/places")
    assert response.status_code == 201, response.content
    return response.json()


def sessions_of(api, activity):
    return api.get(f"/catalogue/activities/{activity.pk}/sessions").json()["items"]


def test_ld_leads_schedule_sessions_and_field_errors_name_the_field(api, world, webinar):
    api.as_(world.ld_lead)
    url = f"/catalogue/activities/{webinar.pk}/sessions"
    backwards = session_body()
    backwards["end"] = backwards["start"]
    assert "end" in error_of(api.post(url, backwards))["fields"]
    nowhere = api.post(url, session_body(online_link=""))
    assert error_of(nowhere)["fields"] == {"venue": ["Enter the venue or the online link."]}
    podcast = add_activity(world.ld_lead, "A podcast")
    on_demand = api.post(f"/catalogue/activities/{podcast.pk}/sessions", session_body())
    assert "activity" in error_of(on_demand)["fields"]
    assert api.as_(world.practitioner_a).post(url, session_body()).status_code == 403
    assert api.as_(world.outsider).post(url, session_body()).status_code == 404
    assert sessions_of(api.as_(world.ld_lead), webinar) == []


def test_booking_fills_the_session_then_queues_people_in_turn(api, world, webinar, session):
    priya = book(api, world.practitioner_a, session)
    assert priya["status"] == "booked"
    assert priya["session"]["activity_title"] == "Contextual safeguarding"
    # The place asked the planner for Priya's protected time.
    assert Booking.objects.get(pk=priya["protected_time_id"]).person == world.practitioner_a
    book(api, world.practitioner_b, session)
    alex = book(api, world.practitioner_a2, session)
    assert (alex["status"], alex["protected_time_id"]) == ("waiting", None)
    again = api.as_(world.practitioner_a).post(f"/catalogue/sessions/{session['id']}/places")
    assert again.status_code == 422
    [listed] = sessions_of(api, webinar)
    assert (listed["booked_places"], listed["places_left"], listed["waiting"]) == (2, 0, 1)

    cancelled = api.as_(world.practitioner_a).post(f"/catalogue/places/{priya['id']}/cancel")
    assert cancelled.json()["status"] == "cancelled"
    protected_time = Booking.objects.get(pk=priya["protected_time_id"])
    assert protected_time.status == BookingStatus.CANCELLED
    offer = api.as_(world.practitioner_a2).get("/catalogue/places").json()["items"][0]
    assert (offer["id"], offer["status"]) == (alex["id"], "offered")
    assert offer["offer_expires_at"] is not None
    accepted = api.post(f"/catalogue/places/{alex['id']}/accept")
    assert accepted.json()["status"] == "booked"
    assert error_of(api.post(f"/catalogue/places/{alex['id']}/accept"))["message"] == (
        "There is no offer to accept."
    )


def test_an_offer_turned_down_passes_to_the_next_in_line(api, world, session):
    first = book(api, world.practitioner_a, session)
    book(api, world.practitioner_b, session)
    second = book(api, world.practitioner_a2, session)
    third = book(api, world.manager_a, session)
    api.as_(world.practitioner_a).post(f"/catalogue/places/{first['id']}/cancel")
    assert (
        api.as_(world.manager_a).post(f"/catalogue/places/{third['id']}/accept").status_code == 422
    )
    assert api.post(f"/catalogue/places/{second['id']}/decline").status_code == 403
    declined = api.as_(world.practitioner_a2).post(f"/catalogue/places/{second['id']}/decline")
    assert declined.json()["status"] == "declined"
    assert SessionPlace.objects.get(pk=third["id"]).status == PlaceStatus.OFFERED


def test_people_see_only_their_own_places_unless_they_manage_or_lead_learning(api, world, session):
    priya = book(api, world.practitioner_a, session)
    bola = book(api, world.practitioner_b, session)
    alex = book(api, world.practitioner_a2, session)

    api.as_(world.practitioner_a2)
    assert ids(api.get("/catalogue/places")) == [alex["id"]]
    assert ids(api.get("/catalogue/places", {"person_id": world.practitioner_a.pk})) == []
    assert api.post(f"/catalogue/places/{priya['id']}/cancel").status_code == 404

    api.as_(world.manager_a)
    assert set(ids(api.get("/catalogue/places"))) == {priya["id"], alex["id"]}
    assert api.post(f"/catalogue/places/{bola['id']}/cancel").status_code == 404
    # A manager may take one of their people off the waiting list.
    assert api.post(f"/catalogue/places/{alex['id']}/cancel").json()["status"] == "left"

    api.as_(world.ld_lead)
    assert set(ids(api.get("/catalogue/places"))) == {priya["id"], alex["id"], bola["id"]}
    assert api.post(f"/catalogue/places/{priya['id']}/cancel").status_code == 403
    by_status = api.get("/catalogue/places", {"status": "left"})
    assert ids(by_status) == [alex["id"]]
    assert ids(api.get("/catalogue/places", {"upcoming": "false"})) == []
    assert len(ids(api.get("/catalogue/places", {"upcoming": "true"}))) == 3

    assert api.as_(world.outsider).get("/catalogue/places").json()["count"] == 0


def test_team_reservations_are_allocated_by_the_teams_manager(api, world, webinar, session):
    url = f"/catalogue/sessions/{session['id']}/reservations/{world.team_a.pk}"
    assert api.as_(world.practitioner_a).put(url, {"places": 1}).status_code == 403
    api.as_(world.ld_lead)
    too_many = api.put(url, {"places": 3})
    assert "places" in error_of(too_many)["fields"]
    kept = api.put(url, {"places": 1})
    assert kept.json() == {"session_id": session["id"], "team_id": world.team_a.pk, "places": 1}
    [listed] = sessions_of(api, webinar)
    assert (listed["reserved_places"], listed["places_left"]) == (1, 1)

    # Alex finds the one open place taken and waits; his manager moves him onto Team A's place.
    book(api, world.practitioner_b, session)
    waiting = book(api, world.practitioner_a2, session)
    assert waiting["status"] == "waiting"
    allocations = f"/catalogue/sessions/{session['id']}/allocations"
    body = {"team_id": world.team_a.pk, "person_id": world.practitioner_a2.pk}
    assert api.as_(world.practitioner_a2).post(allocations, body).status_code == 403
    assert api.as_(world.ld_lead).post(allocations, body).status_code == 403
    other = api.as_(world.manager_b).post(allocations, body)
    assert other.status_code == 404
    assert "team_id" in error_of(other)["fields"]
    allocated = api.as_(world.manager_a).post(allocations, body)
    assert allocated.status_code == 201, allocated.content
    assert (allocated.json()["status"], allocated.json()["reserved_for_team_id"]) == (
        "booked",
        world.team_a.pk,
    )
    assert allocated.json()["booked_by_id"] == world.manager_a.pk
    full = api.post(allocations, {"team_id": world.team_a.pk, "person_id": world.practitioner_a.pk})
    assert "team_id" in error_of(full)["fields"]
    assert "allocated" in error_of(full)["fields"]["team_id"][0]
    assert SessionPlace.objects.get(pk=waiting["id"]).status == PlaceStatus.LEFT


def test_changing_and_cancelling_a_session(api, world, webinar, session):
    book(api, world.practitioner_a, session)
    book(api, world.practitioner_b, session)
    waiting = book(api, world.practitioner_a2, session)
    url = f"/catalogue/sessions/{session['id']}"
    api.as_(world.ld_lead)
    lower = api.patch(url, {"capacity": 1})
    assert "capacity" in error_of(lower)["fields"]
    assert "null" in error_of(api.patch(url, {"capacity": None}))["fields"]["capacity"][0]
    bigger = api.patch(url, {"capacity": 3, "venue": "County Hall"})
    assert bigger.status_code == 200, bigger.content
    assert (bigger.json()["capacity"], bigger.json()["venue"]) == (3, "County Hall")
    assert bigger.json()["online_link"] == session["online_link"]
    # The place freed goes to the person waiting.
    assert SessionPlace.objects.get(pk=waiting["id"]).status == PlaceStatus.OFFERED
    assert api.as_(world.practitioner_a).patch(url, {"capacity": 9}).status_code == 403

    cancelled = api.as_(world.ld_lead).post(f"{url}/cancel", {"reason": "The trainer is ill."})
    assert cancelled.json()["cancellation_reason"] == "The trainer is ill."
    assert cancelled.json()["cancelled_at"] is not None
    statuses = {item["status"] for item in api.get("/catalogue/places").json()["items"]}
    assert statuses == {"cancelled"}
    assert api.post(f"{url}/cancel", {}).status_code == 422
    late = api.as_(world.practitioner_c).post(f"{url}/places")
    assert error_of(late)["message"] == "This session has been cancelled."
    upcoming = api.get(f"/catalogue/activities/{webinar.pk}/sessions", {"upcoming": "true"})
    assert upcoming.json()["count"] == 0


def test_other_organisations_sessions_and_places_do_not_exist(api, world, session):
    place = book(api, world.practitioner_a, session)
    api.as_(world.outsider)
    assert api.post(f"/catalogue/sessions/{session['id']}/places").status_code == 404
    assert api.patch(f"/catalogue/sessions/{session['id']}", {"capacity": 9}).status_code == 404
    assert api.post(f"/catalogue/places/{place['id']}/cancel").status_code == 404
    assert SessionPlace.objects.get(pk=place["id"]).status == PlaceStatus.BOOKED


def test_the_offer_time_is_set_by_l_and_d_and_used_for_the_next_offer(api, world, session):
    assert api.as_(world.practitioner_a).get("/catalogue/settings").json() == {"offer_hours": 24}
    refused = api.as_(world.practitioner_a).put("/catalogue/settings", {"offer_hours": 2})
    assert refused.status_code == 403
    too_long = api.as_(world.ld_lead).put("/catalogue/settings", {"offer_hours": 400})
    assert too_long.status_code == 422
    assert "offer_hours" in error_of(too_long)["fields"]
    assert api.as_(world.ld_lead).put("/catalogue/settings", {"offer_hours": 2}).json() == {
        "offer_hours": 2
    }
    holder, waiting = world.practitioner_a, world.practitioner_b
    for person in (holder, world.practitioner_c, waiting):
        api.as_(person).post(f"/catalogue/sessions/{session['id']}/places", {})
    place = SessionPlace.objects.get(person=holder, session_id=session["id"])
    api.as_(holder).post(f"/catalogue/places/{place.pk}/cancel", {})
    offer = SessionPlace.objects.get(person=waiting, session_id=session["id"])
    assert offer.status == PlaceStatus.OFFERED
    assert offer.offer_expires_at - offer.offered_at == datetime.timedelta(hours=2)
