"""The catalogue's pages doing real work: browsing in a fixed number of queries, booking and
cancelling through the activity page, the waiting list moving on, what practitioners may not
see, publishing with field errors, cancelling a session (everyone told), suggestions and
needs (small groups suppressed)."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.time import LONDON
from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    LearningNeed,
    PlaceStatus,
    Rating,
    SessionPlace,
    Suggestion,
    SuggestionStatus,
    Topic,
)
from learning_catalogue.services.sessions import reservation_set
from planner.models import Booking, BookingPurpose, BookingStatus
from teams.models import AuditEntry
from tests.factories import PersonFactory
from tests.learning_catalogue.catalogue_data import add_activity, fmt, small_catalogue
from tests.learning_catalogue.helpers import make_session

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_browse_and_manage_cost_the_same_queries_for_10_and_200_activities(client, world):
    for number in range(10):
        add_activity(world.ld_lead, f"Activity {number:03}", topics=("Mental health",))
    client.force_login(world.practitioner_a)
    url = reverse("learning_catalogue:catalogue") + "?q=activity&sort=rated"
    few = queries_for(client, url)
    client.force_login(world.ld_lead)
    manage_few = queries_for(client, reverse("learning_catalogue:manage"))
    for number in range(10, 200):
        add_activity(world.ld_lead, f"Activity {number:03}", topics=("Mental health",))
    client.force_login(world.practitioner_a)
    assert queries_for(client, url) == few
    client.force_login(world.ld_lead)
    assert queries_for(client, reverse("learning_catalogue:manage")) == manage_few


def test_the_browse_page_filters_and_searches(client, world):
    small_catalogue(world.ld_lead)
    client.force_login(world.practitioner_a)
    page = client.get(
        reverse("learning_catalogue:catalogue"),
        {"q": "resilience", "bite_size": "on", "format": fmt(world.ld_lead, "Podcast").pk},
    )
    assert page.status_code == 200
    assert page.context["page"].paginator.count == 1
    assert "Staying well on duty" in page.text
    assert "Supervision that sustains" not in page.text
    nothing = client.get(reverse("learning_catalogue:catalogue"), {"q": "zzzz"})
    assert "Nothing matches" in nothing.text
    garbled = client.get(
        reverse("learning_catalogue:catalogue"),
        {"max_minutes": "lots", "starts_from-day": "99", "format": "x", "sort": "nope"},
    )
    assert garbled.status_code == 200


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


def test_practitioners_see_no_drafts_and_no_named_comments(client, world):
    catalogue = small_catalogue(world.ld_lead)
    activity = catalogue["long_podcast"]
    raters = [world.practitioner_a2, world.practitioner_b, world.practitioner_c]
    for person in raters:
        Rating.objects.create(
            activity=activity,
            person=person,
            usefulness=4,
            would_recommend=True,
            comment=f"Comment by {person.full_name}",
        )
    client.force_login(world.practitioner_a)
    assert (
        client.get(reverse("learning_catalogue:activity", args=[catalogue["draft"].pk])).status_code
        == 404
    )
    page = client.get(reverse("learning_catalogue:activity", args=[activity.pk])).text
    assert "4.0 out of 5 from 3 ratings" in page
    assert "Comment by" not in page and "Bola Bello" not in page
    client.force_login(world.ld_lead)
    page = client.get(reverse("learning_catalogue:activity", args=[activity.pk])).text
    assert "Comment by Bola Bello" in page


def test_two_ratings_show_no_average(client, world):
    activity = small_catalogue(world.ld_lead)["podcast"]
    for person in (world.practitioner_a2, world.practitioner_b):
        Rating.objects.create(activity=activity, person=person, usefulness=1, would_recommend=False)
    client.force_login(world.practitioner_a)
    page = client.get(reverse("learning_catalogue:activity", args=[activity.pk])).text
    assert "Not enough ratings yet" in page


def test_rating_an_on_demand_activity(client, world):
    activity = small_catalogue(world.ld_lead)["podcast"]
    client.force_login(world.practitioner_a)
    url = reverse("learning_catalogue:activity-rate", args=[activity.pk])
    refused = client.post(url, {"usefulness": "9", "would_recommend": "yes"})
    assert refused.status_code == 422
    assert not Rating.objects.exists()
    client.post(url, {"usefulness": "4", "would_recommend": "no", "comment": "Good"})
    rating = Rating.objects.get()
    assert (rating.usefulness, rating.would_recommend, rating.person) == (
        4,
        False,
        world.practitioner_a,
    )


def test_the_learning_list(client, world):
    activity = small_catalogue(world.ld_lead)["podcast"]
    client.force_login(world.practitioner_a)
    client.post(reverse("learning_catalogue:activity-save", args=[activity.pk]))
    client.post(reverse("learning_catalogue:activity-save", args=[activity.pk]))
    page = client.get(reverse("learning_catalogue:my-list"))
    assert page.context["page"].paginator.count == 1
    assert activity.title in page.text
    client.post(reverse("learning_catalogue:activity-save", args=[activity.pk]), {"remove": "1"})
    assert "Nothing saved yet" in client.get(reverse("learning_catalogue:my-list")).text


def test_publishing_an_activity_through_its_pages(client, world):
    client.force_login(world.ld_lead)
    url = reverse("learning_catalogue:activity-create")
    bad = client.post(url, {"title": "", "duration_minutes": "0", "cost_per_place": "12.345"})
    assert bad.status_code == 422
    errors = bad.context["form"].errors
    assert {"title", "format", "duration_minutes", "cost_per_place"} <= set(errors)
    assert not Activity.objects.filter(title="").exists()
    topic = Topic.objects.get(organisation=world.organisation, name="Mental health")
    response = client.post(
        url,
        {
            "title": "Hearing voices: a recorded session",
            "format": fmt(world.ld_lead, "Recorded session").pk,
            "topics": [topic.pk],
            "duration_minutes": "50",
            "delivery_mode": "on_demand",
            "provider_kind": "external",
            "provider_name": "Hearing Voices Network",
            "cost_per_place": "0",
            "other_direct_costs": "250.00",
            "link": "https://learning.example/voices",
            "has_captions": "on",
            "audience_career_stages": ["newly_qualified"],
        },
    )
    activity = Activity.objects.get(title="Hearing voices: a recorded session")
    assert response.status_code == 302
    assert activity.status == ActivityStatus.DRAFT
    assert str(activity.other_direct_costs) == "250.00"
    assert list(activity.topics.all()) == [topic]
    client.post(
        reverse("learning_catalogue:activity-status", args=[activity.pk]), {"status": "published"}
    )
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PUBLISHED
    assert AuditEntry.objects.filter(action="activity.published", object_id=str(activity.pk))


def test_adding_and_cancelling_a_session_tells_everyone_booked(
    client, world, django_capture_on_commit_callbacks
):
    activity = add_activity(
        world.ld_lead, "Court skills webinar", format_name="Webinar", mode="scheduled", minutes=60
    )
    client.force_login(world.ld_lead)
    day = timezone.localdate() + datetime.timedelta(days=21)
    response = client.post(
        reverse("learning_catalogue:session-create", args=[activity.pk]),
        {
            "day_day": day.day,
            "day_month": day.month,
            "day_year": day.year,
            "start_time": "10:00",
            "end_time": "11:00",
            "capacity": "2",
            "online_link": "https://meet.example/court",
        },
    )
    assert response.status_code == 302
    session = activity.sessions.get()
    assert session.start.astimezone(LONDON).time() == datetime.time(10, 0)
    for person in (world.practitioner_a, world.practitioner_b, world.practitioner_c):
        client.force_login(person)
        client.post(reverse("learning_catalogue:session-book", args=[session.pk]))
    assert SessionPlace.objects.filter(session=session, status="waiting").count() == 1
    mail.outbox.clear()
    client.force_login(world.ld_lead)
    refused = client.post(reverse("learning_catalogue:session-cancel", args=[session.pk]), {})
    assert refused.status_code == 422
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("learning_catalogue:session-cancel", args=[session.pk]),
            {"reason": "The trainer is ill"},
        )
    session.refresh_from_db()
    assert session.cancelled_at is not None
    told = {
        address
        for message in mail.outbox
        for address in message.to
        if "Cancelled" in message.subject
    }
    assert told == {
        world.practitioner_a.email,
        world.practitioner_b.email,
        world.practitioner_c.email,
    }
    assert not SessionPlace.objects.filter(session=session, status__in=["booked", "waiting"])
    assert set(
        Booking.objects.filter(person__in=[world.practitioner_a, world.practitioner_b]).values_list(
            "status", "cancellation_reason"
        )
    ) == {(BookingStatus.CANCELLED, "provider_cancelled")}


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


def test_suggestions_are_triaged_and_the_reason_reaches_the_suggester(client, world):
    client.force_login(world.practitioner_a)
    client.post(
        reverse("learning_catalogue:suggestions"),
        {"kind": "activity", "title": "Working with interpreters", "details": "Short podcast"},
    )
    client.post(reverse("learning_catalogue:suggestions"), {"kind": "topic", "title": "Hoarding"})
    first, second = Suggestion.objects.order_by("pk")
    client.force_login(world.practitioner_b)
    assert (
        "Working with interpreters"
        not in client.get(reverse("learning_catalogue:suggestions")).text
    )
    client.force_login(world.ld_lead)
    client.post(
        reverse("learning_catalogue:suggestion-decline", args=[first.pk]),
        {"decline_reason": "There is one already: see Interpreting well"},
    )
    client.post(reverse("learning_catalogue:suggestion-accept", args=[second.pk]))
    second.refresh_from_db()
    assert second.status == SuggestionStatus.ACCEPTED
    assert Topic.objects.filter(organisation=world.organisation, name="Hoarding").exists()
    client.force_login(world.practitioner_a)
    page = client.get(reverse("learning_catalogue:suggestions")).text
    assert "There is one already: see Interpreting well" in page


def test_needs_are_recorded_agreed_and_recommended(client, world):
    activity = small_catalogue(world.ld_lead)["podcast"]
    topic = Topic.objects.get(
        organisation=world.organisation, name="Emotional resilience and wellbeing"
    )
    client.force_login(world.practitioner_a)
    refused = client.post(reverse("learning_catalogue:my-needs"), {"details": "no topic"})
    assert refused.status_code == 422
    client.post(reverse("learning_catalogue:my-needs"), {"topic": topic.pk, "details": "Burn-out"})
    need = LearningNeed.objects.get()
    assert need.status == "proposed"
    page = client.get(reverse("learning_catalogue:my-needs")).text
    assert activity.title in page
    client.force_login(world.manager_a)
    client.post(
        reverse("learning_catalogue:need-edit", args=[need.pk]),
        {"topic": topic.pk, "details": "Burn-out", "agreed": "on"},
    )
    need.refresh_from_db()
    assert (need.status, need.agreed_by) == ("agreed", world.manager_a)


def test_needs_summary_suppresses_small_groups(client, world):
    topic = Topic.objects.get(organisation=world.organisation, name="Mental health")
    big = [PersonFactory(organisation=world.organisation, team=world.team_c) for _ in range(5)]
    for person in big[:3]:
        LearningNeed.objects.create(person=person, topic=topic)
    client.force_login(world.ld_lead)
    page = client.get(reverse("learning_catalogue:needs-summary"))
    rows = {row.group: row for row in page.context["rows"]}
    adults = rows["Adult Services"]
    assert not adults.suppressed and adults.headcount == 6
    assert adults.cells[topic.pk].people is None  # 3 people: fewer than five
    for person in big[3:]:
        LearningNeed.objects.create(person=person, topic=topic)
    page = client.get(reverse("learning_catalogue:needs-summary"))
    adults = {row.group: row for row in page.context["rows"]}["Adult Services"]
    assert (adults.cells[topic.pk].people, adults.cells[topic.pk].percent) == (5, 83)
    children = {row.group: row for row in page.context["rows"]}["Children's Services"]
    assert children.suppressed is False or children.headcount < 5
    inside = client.get(
        reverse("learning_catalogue:needs-summary"), {"within": world.assessment.pk}
    )
    small = {row.group: row for row in inside.context["rows"]}
    assert small["Assessment Team 2"].suppressed  # Ben and Bola: two people


def test_l_and_d_set_how_long_an_offered_place_is_held(client, world):
    client.force_login(world.ld_lead)
    lists = client.get(reverse("learning_catalogue:lists"))
    assert lists.context["settings_form"].initial == {"offer_hours": 24}
    refused = client.post(reverse("learning_catalogue:settings"), {"offer_hours": "0"})
    assert refused.status_code == 422
    client.post(reverse("learning_catalogue:settings"), {"offer_hours": "48"})
    assert world.organisation.catalogue_settings.offer_hours == 48
    assert AuditEntry.objects.filter(action="catalogue_settings.update").count() == 1
    client.force_login(world.manager_a)
    assert (
        client.post(reverse("learning_catalogue:settings"), {"offer_hours": "1"}).status_code == 403
    )


def test_a_retired_activity_stays_on_the_records_of_those_who_took_part(client, world):
    session = make_session(world.organisation)
    SessionPlace.objects.create(
        session=session, person=world.practitioner_a, status=PlaceStatus.BOOKED
    )
    activity = session.activity
    activity.status = ActivityStatus.RETIRED
    activity.save()
    url = reverse("learning_catalogue:activity", args=[activity.pk])
    client.force_login(world.practitioner_a)
    page = client.get(url)
    assert page.status_code == 200
    assert "cannot be booked" in page.text and "Book a place" not in page.text
    assert activity.title in client.get(reverse("learning_catalogue:my-places")).text
    assert activity.title not in client.get(reverse("learning_catalogue:catalogue")).text
    client.force_login(world.practitioner_b)
    assert client.get(url).status_code == 404


def test_managers_reach_their_peoples_needs_from_the_team_planner(client, world):
    client.force_login(world.manager_a)
    page = client.get(reverse("planner:team-planner", args=[world.team_a.pk])).text
    assert reverse("learning_catalogue:person-needs", args=[world.practitioner_a.pk]) in page


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


@pytest.mark.parametrize(
    ("name", "who", "section"),
    [
        ("learning_catalogue:catalogue", "practitioner_a", "Learning catalogue"),
        ("learning_catalogue:my-list", "practitioner_a", "My learning"),
        ("learning_catalogue:my-needs", "practitioner_a", "My learning"),
        ("learning_catalogue:manage", "ld_lead", "Publish learning"),
        ("learning_catalogue:needs-summary", "ld_lead", "Publish learning"),
    ],
)
def test_the_menu_marks_the_nearest_section(client, world, name, who, section):
    client.force_login(getattr(world, who))
    current = [
        item.label for item in client.get(reverse(name)).context["nav_items"] if item.current
    ]
    assert current == [section]


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


def test_an_unknown_list_is_not_found_and_the_manage_page_counts_statuses(client, world):
    small_catalogue(world.ld_lead)
    client.force_login(world.ld_lead)
    assert (
        client.get(
            reverse("learning_catalogue:list-item", kwargs={"kind": "colours", "pk": 1})
        ).status_code
        == 404
    )
    counts = client.get(reverse("learning_catalogue:manage")).context["counts"]
    assert counts == {"draft": 1, "published": 5, "retired": 0}


def test_home_does_not_offer_a_place_whose_offer_has_run_out(client, world):
    SessionPlace.objects.create(
        session=make_session(world.organisation),
        person=world.practitioner_a,
        status=PlaceStatus.OFFERED,
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=5),
    )
    client.force_login(world.practitioner_a)
    assert "A place is free for you" not in client.get(reverse("home")).text
