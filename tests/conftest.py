"""Shared fixtures: a small organisation with one person in every role, and another
organisation whose people must never see it."""

import os
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from teams.models import Organisation, Person, Team
from tests.factories import OrganisationFactory, PersonFactory, TeamFactory
from tests.support import Api

IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Concurrency tests need PostgreSQL's row locks. Locally they are skipped on SQLite; under
    CI=true a missing service is a failure, never a skip (.ci/run deselects them from its SQLite
    pass with ``-m "not postgres"`` and runs them in its PostgreSQL pass)."""
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        message = "needs DATABASE_URL pointing at PostgreSQL"
        if IN_CI:
            pytest.fail(f"{message} (CI=true: a missing service fails the run)", pytrace=False)
        pytest.skip(message)


@dataclass
class World:
    """Children's Services → Assessment (service) → Team A and Team B; Adults → Team C."""

    organisation: Organisation
    children: Team
    assessment: Team
    team_a: Team
    team_b: Team
    adults: Team
    team_c: Team
    org_admin: Person
    ld_lead: Person
    service_manager: Person
    manager_a: Person
    manager_b: Person
    practitioner_a: Person
    practitioner_a2: Person
    practitioner_b: Person
    practitioner_c: Person
    other_organisation: Organisation
    outsider: Person
    outsider_team: Team


@pytest.fixture
def world(db: None) -> World:
    organisation = OrganisationFactory(name="Northshire County Council", slug="northshire")
    children = TeamFactory(
        organisation=organisation, name="Children's Services", kind=Team.Kind.SERVICE
    )
    assessment = TeamFactory(
        organisation=organisation, name="Assessment", kind=Team.Kind.SERVICE, parent=children
    )
    team_a = TeamFactory(organisation=organisation, name="Assessment Team 1", parent=assessment)
    team_b = TeamFactory(organisation=organisation, name="Assessment Team 2", parent=assessment)
    adults = TeamFactory(organisation=organisation, name="Adult Services", kind=Team.Kind.SERVICE)
    team_c = TeamFactory(organisation=organisation, name="Hospital Team", parent=adults)
    other = OrganisationFactory(name="Southshire Council", slug="southshire")
    outsider_team = TeamFactory(organisation=other, name="Southshire Team")

    def person(name: str, roles: list[str], **kwargs: object) -> Person:
        email = name.lower().replace(" ", ".") + "@northshire.example"
        return PersonFactory(
            organisation=organisation, full_name=name, email=email, roles=roles, **kwargs
        )

    return World(
        organisation=organisation,
        children=children,
        assessment=assessment,
        team_a=team_a,
        team_b=team_b,
        adults=adults,
        team_c=team_c,
        org_admin=person("Olu Admin", ["org_admin"]),
        ld_lead=person("Lena Learning", ["ld_lead"]),
        service_manager=person(
            "Sam Service", ["team_manager", "practitioner"], manages=[assessment]
        ),
        manager_a=person(
            "Maya Manager", ["team_manager", "practitioner"], manages=[team_a], team=team_a
        ),
        manager_b=person(
            "Ben Manager", ["team_manager", "practitioner"], manages=[team_b], team=team_b
        ),
        practitioner_a=person("Priya Practitioner", ["practitioner"], team=team_a),
        practitioner_a2=person("Alex Amari", ["practitioner"], team=team_a),
        practitioner_b=person("Bola Bello", ["practitioner"], team=team_b),
        practitioner_c=person("Chris Carter", ["practitioner"], team=team_c),
        other_organisation=other,
        outsider=PersonFactory(
            organisation=other,
            full_name="Olive Outsider",
            email="olive@southshire.example",
            roles=["org_admin", "ld_lead", "team_manager"],
            manages=[outsider_team],
            team=outsider_team,
        ),
        outsider_team=outsider_team,
    )


type QueryCounter = Callable[..., tuple[int, object]]


@pytest.fixture
def count_queries() -> QueryCounter:
    """``count_queries(action)`` runs ``action`` once to warm what is cached per process (content
    types, the session), then again counting the queries: ``(count, what action returned)``.
    Every query-count test uses it, so a list's cost is measured the same way everywhere."""

    def count(action: Callable[[], object], *, warm_up: bool = True) -> tuple[int, object]:
        if warm_up:
            action()
        with CaptureQueriesContext(connection) as captured:
            result = action()
        return len(captured), result

    return count


@pytest.fixture
def api(client) -> Api:
    """A JSON client for the API (paths relative to /api/v1); see ``tests.support.Api``."""
    return Api(client)


@pytest.fixture
def page_cost(client, count_queries):
    """``page_cost(url)``: the queries one GET of a page costs (through ``count_queries``),
    checking that it answers: ``(count, response)``."""

    def cost(url: str, *, warm_up: bool = True) -> tuple[int, object]:
        count, response = count_queries(lambda: client.get(url), warm_up=warm_up)
        assert response.status_code == 200, url
        return count, response

    return cost


@pytest.fixture
def list_cost(api, count_queries):
    """``list_cost(path)``: the queries one page of an API list costs (through
    ``count_queries``), checking that it answers: ``(count, the list's body)``."""

    def cost(path: str, *, limit: int = 100) -> tuple[int, dict]:
        count, response = count_queries(lambda: api.get(path, {"limit": limit}))
        assert response.status_code == 200, response.content
        return count, response.json()

    return cost
