"""Every catalogue list page costs the same number of queries for 3 rows as for 30: places,
the learning list, suggestions, needs, a session's people and needs by team; browsing and the
publishing list the same for 10 activities as for 200."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learning_catalogue.models import (
    LearningNeed,
    PlaceStatus,
    SavedActivity,
    SessionPlace,
    Suggestion,
    Topic,
)
from tests.factories import PersonFactory, make_session
from tests.learning_catalogue.catalogue_data import add_activity

pytestmark = pytest.mark.django_db


def add_rows(world, count: int, session) -> None:
    topic = Topic.objects.filter(organisation=world.organisation).first()
    for number in range(count):
        activity = add_activity(world.ld_lead, f"Listen {number} {session.pk}", minutes=15)
        SavedActivity.objects.create(person=world.practitioner_a, activity=activity)
        other = make_session(world.organisation)
        SessionPlace.objects.create(
            session=other, person=world.practitioner_a, status=PlaceStatus.BOOKED
        )
        colleague = PersonFactory(organisation=world.organisation, team=world.team_a)
        SessionPlace.objects.create(session=session, person=colleague, status=PlaceStatus.WAITING)
        LearningNeed.objects.create(person=colleague, topic=topic)
        LearningNeed.objects.create(person=world.practitioner_a, topic=topic, details=str(number))
        Suggestion.objects.create(
            organisation=world.organisation,
            suggested_by=colleague,
            kind="activity",
            title=f"Idea {number}",
        )


@pytest.fixture
def queries(client, count_queries):
    """What a page costs ``person`` in queries (``count_queries``), checking that it answers."""

    def cost(person, url: str) -> int:
        client.force_login(person)
        count, response = count_queries(lambda: client.get(url))
        assert response.status_code == 200
        return count

    return cost


PAGES = [
    ("practitioner_a", "learning_catalogue:my-places", False),
    ("practitioner_a", "learning_catalogue:my-list", False),
    ("practitioner_a", "learning_catalogue:my-needs", False),
    ("ld_lead", "learning_catalogue:suggestions", False),
    ("ld_lead", "learning_catalogue:session", True),
    ("manager_a", "learning_catalogue:session", True),
    ("ld_lead", "learning_catalogue:needs-summary", False),
]


@pytest.mark.parametrize(("who", "name", "takes_session"), PAGES)
def test_list_pages_cost_the_same_for_3_and_30_rows(queries, world, who, name, takes_session):
    session = make_session(world.organisation, capacity=1)
    url = reverse(name, args=[session.pk]) if takes_session else reverse(name)
    person = getattr(world, who)
    add_rows(world, 3, session)
    few = queries(person, url)
    add_rows(world, 27, session)
    assert queries(person, url) == few


def test_needs_by_team_costs_the_same_for_3_and_30_services(queries, world):
    from teams.models import Team
    from tests.factories import TeamFactory

    def add_services(count: int) -> None:
        for _ in range(count):
            service = TeamFactory(organisation=world.organisation, kind=Team.Kind.SERVICE)
            PersonFactory(organisation=world.organisation, team=service)

    url = reverse("learning_catalogue:needs-summary")
    add_services(3)
    few = queries(world.ld_lead, url)
    add_services(27)
    assert queries(world.ld_lead, url) == few


def test_browse_and_manage_cost_the_same_queries_for_10_and_200_activities(world, queries):
    for number in range(10):
        add_activity(world.ld_lead, f"Activity {number:03}", topics=("Mental health",))
    url = reverse("learning_catalogue:catalogue") + "?q=activity&sort=rated"
    few = queries(world.practitioner_a, url)
    manage_few = queries(world.ld_lead, reverse("learning_catalogue:manage"))
    for number in range(10, 200):
        add_activity(world.ld_lead, f"Activity {number:03}", topics=("Mental health",))
    assert queries(world.practitioner_a, url) == few
    assert queries(world.ld_lead, reverse("learning_catalogue:manage")) == manage_few
