"""Every list page costs the same number of queries for 5 rows as for 50."""

import pytest
from django.urls import reverse

from teams import services
from teams.models import Membership, RoleAssignment, TeamManager
from tests.factories import PersonFactory, RegistrationFactory, TeamFactory, WorkingPatternFactory


def add_people(world, count):
    for _ in range(count):
        person = PersonFactory(
            organisation=world.organisation, team=world.team_a, roles=["practitioner", "ld_lead"]
        )
        RegistrationFactory(person=person)
        WorkingPatternFactory(person=person)


def add_teams(world, count):
    for _ in range(count):
        team = TeamFactory(organisation=world.organisation, parent=world.adults)
        manager = PersonFactory(organisation=world.organisation, team=team, manages=[team])
        Membership.objects.create(
            person=manager, team=world.team_c, start_date=team.created_at.date()
        )


def add_audit_entries(world, count):
    for _ in range(count):
        actor = PersonFactory(organisation=world.organisation, roles=["org_admin"])
        services.team_create(actor=actor, name=f"Audited by {actor.pk}", parent=world.adults)


def add_tokens(world, count):
    for number in range(count):
        services.api_token_create(actor=world.org_admin, name=f"Script {number}")


def add_members(world, count):
    for _ in range(count):
        person = PersonFactory(
            organisation=world.organisation, team=world.team_b, roles=["practitioner"]
        )
        RoleAssignment.objects.create(person=person, role="ld_lead")
        TeamManager.objects.get_or_create(team=world.team_c, person=person)


CASES = {
    "people list": (add_people, lambda world: reverse("teams:people")),
    "teams list": (add_teams, lambda world: reverse("teams:teams")),
    "audit list": (add_audit_entries, lambda world: reverse("teams:audit")),
    "token list": (add_tokens, lambda world: reverse("teams:tokens")),
    "team detail members": (
        add_members,
        lambda world: reverse("teams:team", args=[world.team_b.pk]),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_same_query_count_for_5_and_50_rows(world, client, page_cost, case):
    add_rows, url = CASES[case]
    client.force_login(world.org_admin)
    add_rows(world, 5)
    with_5, _page = page_cost(url(world))
    add_rows(world, 45)
    with_50, _page = page_cost(url(world))
    assert with_5 == with_50, f"{case}: {with_5} queries for 5 rows, {with_50} for 50"


def test_people_list_query_count_is_the_same_for_a_manager(world, client, page_cost):
    client.force_login(world.manager_a)
    add_people(world, 5)
    with_5, _page = page_cost(reverse("teams:people"))
    add_people(world, 45)
    assert page_cost(reverse("teams:people"))[0] == with_5


def test_people_list_ordered_by_a_column_keeps_its_count(world, client, page_cost):
    client.force_login(world.org_admin)
    url = reverse("teams:people") + "?sort=-contract_type&page=2"
    add_people(world, 30)
    with_few, _page = page_cost(url)
    add_people(world, 45)
    assert page_cost(url)[0] == with_few
