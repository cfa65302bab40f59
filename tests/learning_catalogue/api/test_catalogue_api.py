"""The learning catalogue API: browsing as practitioners do (never a draft), writing and
publishing as L&D do, and the editable lists of formats and topics. Ratings and the learning
list are in test_catalogue_ratings_api, what each list costs in test_catalogue_list_costs_api."""

import datetime

import pytest
from django.utils import timezone

from learning_catalogue.models import (
    Activity,
    Format,
    Topic,
)
from learning_catalogue.services.feedback import saved_add
from tests.learning_catalogue.catalogue_data import fmt, small_catalogue, topic
from tests.support import error_of, ids

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
