"""The learning catalogue API: browsing as practitioners do (never a draft), writing and
publishing as L&D do, the editable lists of formats and topics, ratings that show nothing
from fewer than three, comments with names only for L&D, the learning list; and every
catalogue list costs the same queries for 10 rows as for 200."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    Format,
    LearningNeed,
    PlaceStatus,
    Rating,
    SavedActivity,
    Session,
    SessionPlace,
    SessionReservation,
    Suggestion,
    SuggestionKind,
    Topic,
)
from learning_catalogue.services.feedback import saved_add
from tests.api.support import error_of, ids
from tests.factories import PersonFactory
from tests.learning_catalogue.catalogue_data import fmt, small_catalogue, topic

MILLISECOND = datetime.timedelta(milliseconds=1)


@pytest.fixture
def catalogue(world):
    return small_catalogue(world.ld_lead)


def titles(api, **params):
    response = api.get("/catalogue/activities", params)
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


# Browsing ----------------------------------------------------------------------------------------


def test_practitioners_browse_published_activities_and_never_drafts(api, world, catalogue):
    draft = catalogue["draft"]
    api.as_(world.practitioner_a)
    listed = api.get("/catalogue/activities")
    assert listed.json()["count"] == 5
    assert draft.pk not in ids(listed)
    assert api.get(f"/catalogue/activities/{draft.pk}").status_code == 404
    assert api.get(f"/catalogue/activities/{draft.pk}/sessions").status_code == 404
    refused = api.get("/catalogue/activities", {"status": "draft"})
    assert refused.status_code == 403
    assert "L&D" in error_of(refused)["message"]

    assert api.get("/catalogue/activities", {"status": "any"}).status_code == 403
    assert api.get("/catalogue/activities", {"status": "published"}).json()["count"] == 5

    api.as_(world.ld_lead)
    assert ids(api.get("/catalogue/activities", {"status": "draft"})) == [draft.pk]
    assert api.get("/catalogue/activities", {"status": "any"}).json()["count"] == 6
    assert api.get(f"/catalogue/activities/{draft.pk}").json()["status"] == "draft"

    api.as_(world.outsider)
    assert api.get(f"/catalogue/activities/{catalogue['podcast'].pk}").status_code == 404
    assert api.get("/catalogue/activities").json()["count"] == 0


def test_a_card_shows_what_the_catalogue_shows(api, world, catalogue):
    course = catalogue["course"]
    saved_add(actor=world.practitioner_a, activity=course)
    card = api.as_(world.practitioner_a).get(f"/catalogue/activities/{course.pk}").json()
    assert card["title"] == "Mental Capacity Act refresher"
    assert card["cost_per_place"] == "125.50"
    assert card["other_direct_costs"] == "0.00"
    in_person = fmt(world.ld_lead, "In-person training")
    assert card["format"] == {"id": in_person.pk, "name": "In-person training"}
    assert sorted(item["name"] for item in card["topics"]) == [
        "Law and policy",
        "Safeguarding adults",
    ]
    assert (card["duration_minutes"], card["delivery_mode"]) == (360, "scheduled")
    assert card["audience_career_stages"] == ["experienced"]
    assert card["audience_teams"] == []
    # JSON times carry milliseconds.
    start = course.sessions.get().start
    assert abs(datetime.datetime.fromisoformat(card["next_start"]) - start) < MILLISECOND
    assert card["saved"] is True
    assert card["rating"] == {"count": 0, "average": None, "recommend_percent": None}
    other = api.as_(world.practitioner_a2).get(f"/catalogue/activities/{course.pk}").json()
    assert other["saved"] is False


def test_every_browse_filter_is_a_query_parameter(api, world, catalogue):
    api.as_(world.practitioner_a)
    podcast = fmt(world.ld_lead, "Podcast").pk
    webinar = fmt(world.ld_lead, "Webinar").pk
    resilience = topic(world.ld_lead, "Emotional resilience and wellbeing").pk
    assert titles(api, q="capacity act") == ["Mental Capacity Act refresher"]
    assert titles(api, format=podcast, topic=resilience, bite_size="true") == [
        "Staying well on duty: a resilience podcast"
    ]
    assert titles(api, format=[podcast, webinar], max_minutes=20) == [
        "Staying well on duty: a resilience podcast"
    ]
    assert titles(api, max_minutes=30, sort="shortest") == [
        "Staying well on duty: a resilience podcast",
        "Reading for newly qualified workers: writing analytical assessments",
    ]
    assert "Mental Capacity Act refresher" not in titles(api, free="true")
    assert titles(api, on_demand="true") == [
        "Reading for newly qualified workers: writing analytical assessments",
        "Staying well on duty: a resilience podcast",
        "Supervision that sustains",
    ]
    today = timezone.localdate()
    window = {"starts_from": today.isoformat(), "starts_to": str(today + datetime.timedelta(20))}
    assert titles(api, **window) == ["Anti-racist practice in assessments"]
    assert titles(api, sort="soonest")[:2] == [
        "Anti-racist practice in assessments",
        "Mental Capacity Act refresher",
    ]
    assert "Mental Capacity Act refresher" in titles(api, audience="experienced")
    world.practitioner_a.career_stage = "newly_qualified"
    world.practitioner_a.save()
    suited = titles(api, audience="me")
    assert "Reading for newly qualified workers: writing analytical assessments" in suited
    assert "Mental Capacity Act refresher" not in suited
    for bad in ({"sort": "random"}, {"audience": "astronaut"}, {"max_minutes": 0}):
        response = api.get("/catalogue/activities", bad)
        assert response.status_code == 422
        assert set(error_of(response)["fields"]) == set(bad)


# Writing and publishing --------------------------------------------------------------------------


def new_activity(world, **changes):
    body = {
        "title": "Giving evidence in court",
        "summary": "Preparing for the witness box.",
        "format_id": fmt(world.ld_lead, "Webinar").pk,
        "topic_ids": [topic(world.ld_lead, "Law and policy").pk],
        "duration_minutes": 60,
        "delivery_mode": "on_demand",
        "cost_per_place": "12.5",
        "audience_career_stages": ["student"],
        "audience_team_ids": [world.team_a.pk],
    }
    return body | changes


def test_ld_leads_write_a_draft_and_publish_it(api, world):
    api.as_(world.ld_lead)
    created = api.post("/catalogue/activities", new_activity(world))
    assert created.status_code == 201, created.content
    activity = created.json()
    assert (activity["status"], activity["cost_per_place"]) == ("draft", "12.50")
    assert activity["audience_teams"] == [{"id": world.team_a.pk, "name": "Assessment Team 1"}]
    url = f"/catalogue/activities/{activity['id']}"

    refused = api.post(f"{url}/status", {"status": "published"})
    assert refused.status_code == 422
    assert "link" in error_of(refused)["fields"]
    changed = api.patch(url, {"resource": "The L&D shared drive", "topic_ids": []})
    assert changed.status_code == 200, changed.content
    assert changed.json()["topics"] == []
    assert changed.json()["audience_teams"] == activity["audience_teams"]
    assert changed.json()["title"] == "Giving evidence in court"
    assert api.post(f"{url}/status", {"status": "published"}).json()["status"] == "published"
    again = api.post(f"{url}/status", {"status": "published"})
    assert "status" in error_of(again)["fields"]

    api.as_(world.practitioner_a)
    assert api.get(url).json()["status"] == "published"
    assert api.patch(url, {"title": "Mine now"}).status_code == 403
    assert api.post(f"{url}/status", {"status": "retired"}).status_code == 403
    assert api.post("/catalogue/activities", new_activity(world)).status_code == 403
    assert Activity.objects.get().title == "Giving evidence in court"


def test_activity_errors_name_the_request_fields(api, world):
    api.as_(world.ld_lead)
    too_short = api.post("/catalogue/activities", new_activity(world, duration_minutes=0))
    assert error_of(too_short)["fields"].keys() == {"duration_minutes"}
    bad_link = api.post("/catalogue/activities", new_activity(world, link="not a link"))
    assert error_of(bad_link)["fields"].keys() == {"link"}
    stage = api.post("/catalogue/activities", new_activity(world, audience_career_stages=["x"]))
    assert stage.status_code == 422
    assert "audience_career_stages.0" in error_of(stage)["fields"]
    unknown = api.post("/catalogue/activities", new_activity(world, shoe_size=9))
    assert "shoe_size" in error_of(unknown)["fields"]
    theirs = Format.objects.filter(organisation=world.other_organisation).first()
    elsewhere = api.post("/catalogue/activities", new_activity(world, format_id=theirs.pk))
    assert elsewhere.status_code == 404
    assert "format_id" in error_of(elsewhere)["fields"]
    their_topic = Topic.objects.filter(organisation=world.other_organisation).first()
    elsewhere = api.post("/catalogue/activities", new_activity(world, topic_ids=[their_topic.pk]))
    assert "topic_ids" in error_of(elsewhere)["fields"]
    assert not Activity.objects.exists()


def test_ld_leads_keep_the_lists_of_formats_and_topics(api, world, catalogue):
    api.as_(world.ld_lead)
    created = api.post("/catalogue/formats", {"name": "  Court   observation "})
    assert created.status_code == 201
    assert created.json()["name"] == "Court observation"
    assert "Court observation" in [
        item["name"] for item in api.get("/catalogue/formats").json()["items"]
    ]
    clash = api.post("/catalogue/formats", {"name": "podcast"})
    assert error_of(clash)["fields"]["name"] == ["There is already a format called podcast."]

    podcast = fmt(world.ld_lead, "Podcast")
    renamed = api.patch(f"/catalogue/formats/{podcast.pk}", {"name": "Audio"})
    assert renamed.json() == {"id": podcast.pk, "name": "Audio", "position": podcast.position}
    assert len(titles(api, q="audio")) == 2
    in_use = api.delete(f"/catalogue/formats/{podcast.pk}")
    assert in_use.status_code == 409
    assert "rename it instead" in error_of(in_use)["message"]
    assert api.delete(f"/catalogue/formats/{created.json()['id']}").status_code == 204

    topic_made = api.post("/catalogue/topics", {"name": "Court skills"})
    assert topic_made.status_code == 201
    law = topic(world.ld_lead, "Law and policy")
    assert api.patch(f"/catalogue/topics/{law.pk}", {"name": "Law"}).json()["name"] == "Law"
    assert api.delete(f"/catalogue/topics/{law.pk}").status_code == 409
    assert api.delete(f"/catalogue/topics/{topic_made.json()['id']}").status_code == 204

    api.as_(world.practitioner_a)
    assert api.get("/catalogue/topics").json()["count"] == 10
    assert api.post("/catalogue/topics", {"name": "Mine"}).status_code == 403
    assert api.patch(f"/catalogue/topics/{law.pk}", {"name": "Mine"}).status_code == 403
    api.as_(world.outsider)
    assert api.patch(f"/catalogue/formats/{podcast.pk}", {"name": "Theirs"}).status_code == 404
    assert api.delete(f"/catalogue/topics/{law.pk}").status_code == 404


# Ratings, comments and the learning list ---------------------------------------------------------


def rate(api, person, activity, usefulness, recommend=True, comment=""):
    response = api.as_(person).put(
        f"/catalogue/activities/{activity.pk}/rating",
        {"usefulness": usefulness, "would_recommend": recommend, "comment": comment},
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_a_rating_shows_no_average_from_fewer_than_three_ratings(api, world, catalogue):
    podcast = catalogue["podcast"]
    summary_url = f"/catalogue/activities/{podcast.pk}/rating-summary"
    mine = rate(api, world.practitioner_a, podcast, 5, comment="Helped on a hard week")
    assert (mine["activity_id"], mine["usefulness"]) == (podcast.pk, 5)
    rate(api, world.practitioner_a2, podcast, 4)
    hidden = {"count": 2, "average": None, "recommend_percent": None}
    assert api.get(summary_url).json() == hidden
    assert api.get(f"/catalogue/activities/{podcast.pk}").json()["rating"] == hidden
    rate(api, world.practitioner_b, podcast, 3, recommend=False)
    shown = {"count": 3, "average": 4.0, "recommend_percent": 67}
    assert api.get(summary_url).json() == shown
    cards = {item["id"]: item for item in api.get("/catalogue/activities").json()["items"]}
    assert cards[podcast.pk]["rating"] == shown
    rate(api, world.practitioner_a, podcast, 2)
    assert api.get(summary_url).json() == {"count": 3, "average": 3.0, "recommend_percent": 67}


def test_ratings_come_after_taking_part_and_name_bad_fields(api, world, catalogue):
    api.as_(world.practitioner_a)
    webinar = f"/catalogue/activities/{catalogue['webinar'].pk}/rating"
    early = api.put(webinar, {"usefulness": 4, "would_recommend": True})
    assert early.status_code == 422
    assert "once you have attended" in error_of(early)["message"]
    podcast = f"/catalogue/activities/{catalogue['podcast'].pk}/rating"
    wrong = api.put(podcast, {"usefulness": 6, "would_recommend": True})
    assert error_of(wrong)["fields"] == {"usefulness": ["Choose how useful it was, from 1 to 5."]}
    draft = api.put(
        f"/catalogue/activities/{catalogue['draft'].pk}/rating",
        {"usefulness": 4, "would_recommend": True},
    )
    assert draft.status_code == 404
    assert not Rating.objects.exists()


def test_comments_with_names_are_for_ld_leads_and_org_admins_only(api, world, catalogue):
    podcast = catalogue["podcast"]
    rate(api, world.practitioner_a, podcast, 2, comment="Too long for a lunch break")
    rate(api, world.practitioner_a2, podcast, 5)
    url = f"/catalogue/activities/{podcast.pk}/comments"
    for person in (world.practitioner_a, world.manager_a):
        assert api.as_(person).get(url).status_code == 403
    card = api.as_(world.practitioner_a2).get(f"/catalogue/activities/{podcast.pk}")
    assert b"Too long" not in card.content
    assert b"Priya" not in api.get("/catalogue/activities").content
    for person in (world.ld_lead, world.org_admin):
        comments = api.as_(person).get(url).json()["items"]
        assert [(item["person"]["full_name"], item["comment"]) for item in comments] == [
            ("Priya Practitioner", "Too long for a lunch break")
        ]
    assert api.as_(world.outsider).get(url).status_code == 404


def test_the_learning_list_is_each_persons_own(api, world, catalogue):
    podcast, course = catalogue["podcast"], catalogue["course"]
    api.as_(world.practitioner_a)
    saved = api.put(f"/catalogue/saved/{podcast.pk}")
    assert (saved.status_code, saved.json()["saved"]) == (200, True)
    assert api.put(f"/catalogue/saved/{podcast.pk}").status_code == 200
    api.put(f"/catalogue/saved/{course.pk}")
    assert ids(api.get("/catalogue/saved")) == [course.pk, podcast.pk]
    assert api.delete(f"/catalogue/saved/{podcast.pk}").status_code == 204
    assert api.delete(f"/catalogue/saved/{podcast.pk}").status_code == 204
    assert ids(api.get("/catalogue/saved")) == [course.pk]
    assert api.put(f"/catalogue/saved/{catalogue['draft'].pk}").status_code == 404
    assert api.as_(world.practitioner_a2).get("/catalogue/saved").json()["count"] == 0

    drafted = api.as_(world.ld_lead).put(f"/catalogue/saved/{catalogue['draft'].pk}")
    assert drafted.status_code == 422
    assert error_of(drafted)["message"] == "Only published activities can be saved."
    assert SavedActivity.objects.count() == 1


# Query counts --------------------------------------------------------------------------------------


def _published(world, count, *, offset=0):
    """Published activities with everything a card reads: topics, audience teams, a session
    to come and a rating. Written directly: these tests count the API's queries, not the
    services'."""
    webinar = Format.objects.get(organisation=world.organisation, name="Webinar")
    start = timezone.now() + datetime.timedelta(days=7)
    activities = Activity.objects.bulk_create(
        Activity(
            organisation=world.organisation,
            title=f"Counted activity {offset + number}",
            format=webinar,
            duration_minutes=60,
            delivery_mode=DeliveryMode.SCHEDULED,
            status=ActivityStatus.PUBLISHED,
        )
        for number in range(count)
    )
    topics = list(Topic.objects.filter(organisation=world.organisation).order_by("name")[:2])
    Activity.topics.through.objects.bulk_create(
        Activity.topics.through(activity=activity, topic=item)
        for activity in activities
        for item in topics
    )
    Activity.audience_teams.through.objects.bulk_create(
        Activity.audience_teams.through(activity=activity, team=world.team_a)
        for activity in activities
    )
    Session.objects.bulk_create(
        Session(
            activity=activity,
            start=start,
            end=start + datetime.timedelta(hours=1),
            capacity=10,
            online_link="https://meet.example/counted",
        )
        for activity in activities
    )
    Rating.objects.bulk_create(
        Rating(activity=activity, person=world.practitioner_a2, usefulness=4, would_recommend=True)
        for activity in activities
    )
    return activities


def _saved(world, count, offset):
    SavedActivity.objects.bulk_create(
        SavedActivity(person=world.practitioner_a, activity=activity)
        for activity in _published(world, count, offset=offset)
    )


def _sessions(world, count, offset):
    """Sessions of one activity, each with a booked place and a team's reservation."""
    activity = Activity.objects.get(title="Counted activity 0")
    start = timezone.now() + datetime.timedelta(days=7)
    sessions = Session.objects.bulk_create(
        Session(
            activity=activity,
            start=start + datetime.timedelta(days=number),
            end=start + datetime.timedelta(days=number, hours=1),
            capacity=10,
            venue="County Hall",
        )
        for number in range(count)
    )
    reservations = SessionReservation.objects.bulk_create(
        SessionReservation(session=session, team=world.team_a, places=2) for session in sessions
    )
    SessionPlace.objects.bulk_create(
        SessionPlace(
            session=reservation.session,
            person=world.practitioner_a,
            status=PlaceStatus.BOOKED,
            reserved_for=reservation,
        )
        for reservation in reservations
    )


def _comments(world, count, offset):
    activity = Activity.objects.get(title="Counted activity 0")
    people = PersonFactory.create_batch(count, organisation=world.organisation, roles=[])
    Rating.objects.bulk_create(
        Rating(activity=activity, person=person, usefulness=3, would_recommend=False, comment="Hm")
        for person in people
    )


def _formats(world, count, offset):
    Format.objects.bulk_create(
        Format(organisation=world.organisation, name=f"Counted format {offset + number}")
        for number in range(count)
    )


def _topics(world, count, offset):
    Topic.objects.bulk_create(
        Topic(organisation=world.organisation, name=f"Counted topic {offset + number}")
        for number in range(count)
    )


def _suggestions(world, count, offset):
    some_topic = Topic.objects.filter(organisation=world.organisation).first()
    Suggestion.objects.bulk_create(
        Suggestion(
            organisation=world.organisation,
            suggested_by=world.practitioner_a,
            kind=SuggestionKind.ACTIVITY,
            title=f"Counted suggestion {offset + number}",
            topic=some_topic,
        )
        for number in range(count)
    )


def _needs(world, count, offset):
    topics = list(Topic.objects.filter(organisation=world.organisation))
    LearningNeed.objects.bulk_create(
        LearningNeed(person=world.practitioner_a, topic=topics[number % len(topics)])
        for number in range(count)
    )


def _recommended(world, count, offset):
    """Activities on the topic of Priya's need; the recommendations show the first six."""
    first_topic = Topic.objects.filter(organisation=world.organisation).order_by("name").first()
    LearningNeed.objects.get_or_create(person=world.practitioner_a, topic=first_topic)
    _published(world, count, offset=offset)


# list: (path, caller, add rows, (few, many) rows added)
LISTS = {
    "activities": ("/catalogue/activities", "practitioner_a", _saved, (10, 190)),
    "sessions": ("/catalogue/activities/{activity}/sessions", "ld_lead", _sessions, (10, 190)),
    "comments": ("/catalogue/activities/{activity}/comments", "ld_lead", _comments, (5, 45)),
    "formats": ("/catalogue/formats", "practitioner_a", _formats, (10, 190)),
    "topics": ("/catalogue/topics", "practitioner_a", _topics, (10, 190)),
    "places": ("/catalogue/places", "manager_a", _sessions, (10, 190)),
    "saved": ("/catalogue/saved", "practitioner_a", _saved, (10, 190)),
    "suggestions": ("/catalogue/suggestions", "ld_lead", _suggestions, (10, 190)),
    "needs": ("/catalogue/needs", "manager_a", _needs, (10, 190)),
    "recommendations": ("/catalogue/recommendations", "practitioner_a", _recommended, (1, 9)),
}


def _queries(api, url):
    api.get(url)  # warm up: the session and the caller's roles load the same way each time
    with CaptureQueriesContext(connection) as captured:
        response = api.get(url, {"limit": 500})
    assert response.status_code == 200, response.content
    body = response.json()
    assert len(body["items"]) == min(body["count"], 500)
    return len(captured), body["count"]


@pytest.mark.parametrize("name", LISTS)
def test_catalogue_list_query_counts_do_not_grow_with_rows(api, world, name):
    path, who, add, (few_rows, more_rows) = LISTS[name]
    first = _published(world, 1)[0]
    url = path.format(activity=first.pk)
    api.as_(getattr(world, who))
    add(world, few_rows, 1)
    few, few_count = _queries(api, url)
    add(world, more_rows, 1 + few_rows)
    many, many_count = _queries(api, url)
    assert many_count > few_count
    assert many == few, f"{name}: {few} queries for {few_count} rows, {many} for {many_count}"
