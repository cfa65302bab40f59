"""Suggestions and learning needs through the pages: triage with a reason the suggester reads,
needs recorded and agreed, and needs by team with small groups suppressed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learning_catalogue.models import (
    LearningNeed,
    Suggestion,
    SuggestionStatus,
    Topic,
)
from tests.factories import PersonFactory
from tests.learning_catalogue.catalogue_data import small_catalogue

pytestmark = pytest.mark.django_db


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


def test_managers_reach_their_peoples_needs_from_the_team_planner(client, world):
    client.force_login(world.manager_a)
    page = client.get(reverse("planner:team-planner", args=[world.team_a.pk])).text
    assert reverse("learning_catalogue:person-needs", args=[world.practitioner_a.pk]) in page
