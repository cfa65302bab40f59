"""Suggestions and learning needs through the API: a suggester sees what became of their
suggestion, the reason for a decline included; a need is the person's and their manager's,
agreed only by the manager; L&D and managers see needs only counted by team, with teams of
fewer than five suppressed; recommendations follow a person's needs."""

import pytest

from learning_catalogue.models import Activity, Topic
from tests.factories import PersonFactory
from tests.learning_catalogue.catalogue_data import small_catalogue, topic
from tests.support import error_of, ids


def suggest(api, person, **body):
    response = api.as_(person).post("/catalogue/suggestions", {"kind": "activity"} | body)
    assert response.status_code == 201, response.content
    return response.json()


def test_a_suggester_sees_what_became_of_their_suggestion(api, world):
    law = topic(world.ld_lead, "Law and policy")
    course = suggest(
        api, world.practitioner_a, title="Court skills day", details="Mock trial", topic_id=law.pk
    )
    assert (course["status"], course["topic"]["name"]) == ("open", "Law and policy")
    assert course["suggested_by"]["id"] == world.practitioner_a.pk
    idea = suggest(api, world.practitioner_a, kind="topic", title="Immigration law")
    alex = suggest(api, world.practitioner_a2, title="Shadowing the duty desk")

    api.as_(world.practitioner_a)
    assert ids(api.get("/catalogue/suggestions")) == [idea["id"], course["id"]]
    assert api.post(f"/catalogue/suggestions/{course['id']}/accept").status_code == 403
    assert api.post(f"/catalogue/suggestions/{alex['id']}/accept").status_code == 404

    api.as_(world.ld_lead)
    assert ids(api.get("/catalogue/suggestions")) == [alex["id"], idea["id"], course["id"]]
    reasonless = api.post(f"/catalogue/suggestions/{course['id']}/decline", {"reason": " "})
    assert error_of(reasonless)["fields"] == {
        "reason": ["Say why, so the person who suggested it knows."]
    }
    api.post(
        f"/catalogue/suggestions/{course['id']}/decline",
        {"reason": "The county court runs one in May."},
    )
    accepted = api.post(f"/catalogue/suggestions/{idea['id']}/accept").json()
    assert accepted["status"] == "accepted"
    assert Topic.objects.get(pk=accepted["created_topic_id"]).name == "Immigration law"
    drafted = api.post(f"/catalogue/suggestions/{alex['id']}/accept").json()
    activity = Activity.objects.get(pk=drafted["activity_id"])
    assert (activity.title, activity.status) == ("Shadowing the duty desk", "draft")
    twice = api.post(f"/catalogue/suggestions/{alex['id']}/accept")
    assert twice.status_code == 422
    assert ids(api.get("/catalogue/suggestions", {"status": "open"})) == []

    mine = api.as_(world.practitioner_a).get("/catalogue/suggestions").json()["items"]
    declined = next(item for item in mine if item["id"] == course["id"])
    assert declined["status"] == "declined"
    assert declined["decline_reason"] == "The county court runs one in May."
    assert api.get(f"/catalogue/activities/{activity.pk}").status_code == 404
    assert api.as_(world.outsider).get("/catalogue/suggestions").json()["count"] == 0


def test_a_suggestion_names_bad_fields(api, world):
    api.as_(world.practitioner_a)
    empty = api.post("/catalogue/suggestions", {"kind": "activity", "title": "  "})
    assert error_of(empty)["fields"] == {"title": ["Say what you suggest."]}
    theirs = Topic.objects.filter(organisation=world.other_organisation).first()
    elsewhere = api.post(
        "/catalogue/suggestions", {"kind": "topic", "title": "Theirs", "topic_id": theirs.pk}
    )
    assert elsewhere.status_code == 404
    assert "topic_id" in error_of(elsewhere)["fields"]
    assert (
        "kind"
        in error_of(api.post("/catalogue/suggestions", {"kind": "x", "title": "A"}))["fields"]
    )


def test_a_need_is_proposed_by_the_person_and_agreed_by_their_manager(api, world):
    law = topic(world.ld_lead, "Law and policy")
    api.as_(world.practitioner_a)
    self_agreed = api.post("/catalogue/needs", {"topic_id": law.pk, "agreed": True})
    assert error_of(self_agreed)["fields"] == {
        "agreed": ["Your manager agrees needs with you in supervision."]
    }
    proposed = api.post("/catalogue/needs", {"topic_id": law.pk, "details": "Court reports"})
    assert proposed.status_code == 201, proposed.content
    need = proposed.json()
    assert (need["status"], need["person"]["id"]) == ("proposed", world.practitioner_a.pk)
    url = f"/catalogue/needs/{need['id']}"

    api.as_(world.manager_a)
    agreed = api.patch(url, {"agreed": True})
    assert (agreed.json()["status"], agreed.json()["agreed_by_id"]) == (
        "agreed",
        world.manager_a.pk,
    )
    assert agreed.json()["details"] == "Court reports"
    for_alex = api.post(
        "/catalogue/needs",
        {"person_id": world.practitioner_a2.pk, "topic_id": law.pk, "agreed": True},
    )
    assert for_alex.json()["status"] == "agreed"
    assert set(ids(api.get("/catalogue/needs"))) == {need["id"], for_alex.json()["id"]}
    only_priya = api.get("/catalogue/needs", {"person_id": world.practitioner_a.pk})
    assert ids(only_priya) == [need["id"]]

    # Priya changing an agreed need proposes it again.
    changed = api.as_(world.practitioner_a).patch(url, {"details": "Court reports and evidence"})
    assert changed.json()["status"] == "proposed"
    assert ids(api.get("/catalogue/needs")) == [need["id"]]

    # L&D see needs only counted by team and may not change them; other managers and other
    # organisations cannot see them at all.
    for person, refused in (
        (world.ld_lead, 403),
        (world.org_admin, 403),
        (world.manager_b, 404),
        (world.outsider, 404),
    ):
        api.as_(person)
        assert api.get("/catalogue/needs").json()["count"] == 0
        assert api.patch(url, {"details": "Theirs"}).status_code == refused
        assert api.delete(url).status_code == refused
    refused = api.as_(world.ld_lead).post(
        "/catalogue/needs", {"person_id": world.practitioner_a.pk, "topic_id": law.pk}
    )
    assert refused.status_code == 403
    hidden = api.as_(world.manager_b).post(
        "/catalogue/needs", {"person_id": world.practitioner_a.pk, "topic_id": law.pk}
    )
    assert error_of(hidden)["fields"].keys() == {"person_id"}

    assert api.as_(world.practitioner_a).delete(url).status_code == 204
    assert api.get("/catalogue/needs").json()["count"] == 0


def test_a_need_names_bad_fields(api, world):
    api.as_(world.practitioner_a)
    theirs = Topic.objects.filter(organisation=world.other_organisation).first()
    elsewhere = api.post("/catalogue/needs", {"topic_id": theirs.pk})
    assert elsewhere.status_code == 404
    assert "topic_id" in error_of(elsewhere)["fields"]
    too_long = api.post(
        "/catalogue/needs",
        {"topic_id": topic(world.ld_lead, "Mental health").pk, "details": "x" * 2001},
    )
    assert "details" in error_of(too_long)["fields"]
    assert api.post("/catalogue/needs", {"details": "No topic"}).status_code == 422


@pytest.fixture
def hospital_needs(world, api):
    """Team C (Chris and five more): five people need mental health learning, two law."""
    people = [world.practitioner_c] + [
        PersonFactory(organisation=world.organisation, team=world.team_c) for _ in range(5)
    ]
    mental_health = topic(world.ld_lead, "Mental health").pk
    law = topic(world.ld_lead, "Law and policy").pk
    for number, person in enumerate(people[:5]):
        topics = [mental_health, law] if number < 2 else [mental_health]
        for topic_id in topics:
            response = api.as_(person).post("/catalogue/needs", {"topic_id": topic_id})
            assert response.status_code == 201, response.content
    # Team A (three people) has needs too, but too few people to show anything.
    api.as_(world.practitioner_a).post("/catalogue/needs", {"topic_id": mental_health})
    return {"mental_health": mental_health, "law": law}


def test_needs_by_team_suppress_teams_and_counts_under_five(api, world, hospital_needs):
    mental_health, law = hospital_needs["mental_health"], hospital_needs["law"]
    topics = {"topic": [mental_health, law]}
    api.as_(world.ld_lead)
    services = api.get("/catalogue/needs/summary", topics)
    assert services.status_code == 200, services.content
    body = services.json()
    assert [item["name"] for item in body["topics"]] == ["Law and policy", "Mental health"]
    # Children's Services holds five people (Teams A and B) with one need among them.
    assert [
        (row["team"]["name"], row["has_teams_within"], row["suppressed"], row["headcount"])
        for row in body["rows"]
    ] == [("Adult Services", True, False, 6), ("Children's Services", True, False, 5)]
    children = body["rows"][1]["cells"]
    assert children == [
        {"topic_id": law, "people": 0, "percent": 0},
        {"topic_id": mental_health, "people": None, "percent": None},
    ]

    within = api.get("/catalogue/needs/summary", {**topics, "within": world.adults.pk}).json()
    [hospital] = within["rows"]
    assert (hospital["team"]["id"], hospital["has_teams_within"]) == (world.team_c.pk, False)
    cells = {cell["topic_id"]: cell for cell in hospital["cells"]}
    assert cells[mental_health] == {"topic_id": mental_health, "people": 5, "percent": 83}
    assert cells[law] == {"topic_id": law, "people": None, "percent": None}
    assessment = api.get("/catalogue/needs/summary", {"within": world.assessment.pk}).json()
    assert [(row["team"]["id"], row["suppressed"]) for row in assessment["rows"]] == [
        (world.team_a.pk, True),
        (world.team_b.pk, True),
    ]
    assert assessment["rows"][0] == {
        "team": {"id": world.team_a.pk, "name": "Assessment Team 1"},
        "has_teams_within": False,
        "suppressed": True,
        "headcount": None,
        "cells": [],
    }
    assert len(assessment["topics"]) == 10

    managed = api.as_(world.manager_a).get("/catalogue/needs/summary").json()
    assert [(row["team"]["id"], row["suppressed"]) for row in managed["rows"]] == [
        (world.team_a.pk, True)
    ]
    elsewhere = api.get("/catalogue/needs/summary", {"within": world.adults.pk})
    assert elsewhere.status_code == 404
    assert "within" in error_of(elsewhere)["fields"]
    assert api.as_(world.practitioner_c).get("/catalogue/needs/summary").status_code == 403
    theirs = api.as_(world.outsider).get("/catalogue/needs/summary").json()
    assert [row["team"]["name"] for row in theirs["rows"]] == ["Southshire Team"]


def test_recommendations_follow_a_persons_learning_needs(api, world):
    catalogue = small_catalogue(world.ld_lead)
    api.as_(world.practitioner_a)
    assert api.get("/catalogue/recommendations").json()["count"] == 0
    api.post("/catalogue/needs", {"topic_id": topic(world.ld_lead, "Law and policy").pk})
    recommended = api.get("/catalogue/recommendations").json()["items"]
    assert [item["id"] for item in recommended] == [catalogue["course"].pk]
    assert recommended[0]["next_start"] is not None
    assert api.as_(world.practitioner_a2).get("/catalogue/recommendations").json()["count"] == 0
