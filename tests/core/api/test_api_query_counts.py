"""Every list endpoint costs the same number of queries for 5 rows as for 50 (no N+1)."""

import datetime

import pytest

from config.api import api as ninja_api
from teams import services
from teams.audit import audit_record
from tests.access_cases import collect
from tests.factories import (
    MembershipFactory,
    PersonFactory,
    RegistrationFactory,
    TeamFactory,
    WorkingPatternFactory,
)
from tests.support import list_paths


def add_people(world, count):
    for _ in range(count):
        person = PersonFactory(
            organisation=world.organisation, roles=["practitioner", "ld_lead"], team=world.team_c
        )
        MembershipFactory(person=person, team=world.team_b, start_date=datetime.date(2019, 1, 1))
        RegistrationFactory(person=person)


def add_teams(world, count):
    for _ in range(count):
        team = TeamFactory(organisation=world.organisation, parent=world.adults)
        PersonFactory(organisation=world.organisation, team=team, manages=[team])
        team.manager_links.create(person=world.org_admin)


def add_patterns(world, count):
    start = datetime.date(2020, 1, 6) + datetime.timedelta(
        weeks=world.practitioner_a.working_patterns.count()
    )
    for week in range(count):
        WorkingPatternFactory(
            person=world.practitioner_a, effective_from=start + datetime.timedelta(weeks=week)
        )


def add_audit_entries(world, count):
    for _ in range(count):
        audit_record(
            actor=world.org_admin,
            organisation=world.organisation,
            action="team.update",
            obj=world.team_a,
            before={"name": "Old"},
            after={"name": "New"},
        )


def add_tokens(world, count):
    for number in range(count):
        services.api_token_create(actor=world.org_admin, name=f"Script {number}")


LISTS = {
    "people": ("/people", add_people),
    "teams": ("/teams", add_teams),
    "memberships": ("/memberships", add_people),
    "registrations": ("/registrations", add_people),
    "working patterns": ("/people/{practitioner}/working-patterns", add_patterns),
    "audit": ("/audit", add_audit_entries),
    "tokens": ("/tokens", add_tokens),
}


@pytest.mark.parametrize("name", LISTS)
def test_query_count_does_not_grow_with_rows(world, api, list_cost, name):
    path, add = LISTS[name]
    url = path.format(practitioner=world.practitioner_a.pk)
    api.as_(world.org_admin)
    add(world, 5)
    few, few_body = list_cost(url)
    add(world, 45)
    many, many_body = list_cost(url)
    few_rows, many_rows = few_body["count"], many_body["count"]
    assert many_rows >= few_rows + 45
    assert many == few, f"{name}: {few} queries for {few_rows} rows, {many} for {many_rows}"


def test_every_list_endpoint_is_counted():
    """A new list endpoint must join LISTS, or be counted by its app's own test and named in
    its ``COUNTED_LISTS`` (tests/access_cases); regulators and organisations are fixed-size."""
    lists = set(list_paths(ninja_api.get_openapi_schema()))
    counted = {path.replace("{practitioner}", "{person_id}") for path, _add in LISTS.values()}
    counted |= set(collect("COUNTED_LISTS"))
    assert lists - counted == {"/regulators", "/organisations"}


def test_a_token_caller_costs_the_same_for_5_and_50_rows(world, api, list_cost):
    _token, raw = services.api_token_create(actor=world.org_admin, name="Counter")
    api.with_token(raw)
    add_people(world, 5)
    few, _body = list_cost("/people")
    add_people(world, 45)
    many, _body = list_cost("/people")
    assert many == few
