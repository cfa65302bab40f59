"""The people page and ``GET /people`` narrow the list by the same rules (``teams.filters``):
every filter of the page and its API twin list the same people. "Still employed" is one rule
(``PersonQuerySet.employed_on``), whoever has yet to start, has left or has been stopped from
signing in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from teams.models import Person
from tests.factories import PersonFactory, RegistrationFactory
from tests.support import Api, names

TODAY = timezone.localdate()


@pytest.fixture
def unusual(world):
    """A starter (begins tomorrow), a leaver (ended yesterday) and someone still employed who
    can no longer sign in."""
    PersonFactory(
        organisation=world.organisation,
        full_name="Sasha Starter",
        employment_start=TODAY + datetime.timedelta(days=1),
    )
    PersonFactory(
        organisation=world.organisation,
        full_name="Lee Leaver",
        employment_end=TODAY - datetime.timedelta(days=1),
        leaving_reason="resignation",
        is_active=False,
    )
    PersonFactory(organisation=world.organisation, full_name="Ivy Inactive", is_active=False)


def page_names(client, status=None, **params):
    if status:
        params["status"] = status
    response = client.get(reverse("teams:people"), {**params, "per_page": 100})
    return sorted(person.full_name for person in response.context["table"].page.object_list.data)


def api_names(client, active=None, **params):
    if active:
        params["active"] = active
    return sorted(names(Api(client).get("/people", {**params, "limit": 100})))


def test_the_page_and_the_api_list_the_same_current_staff(world, client, unusual):
    client.force_login(world.org_admin)
    current = page_names(client, "current")
    assert current == api_names(client, "true")
    assert "Ivy Inactive" in current
    assert "Sasha Starter" not in current and "Lee Leaver" not in current


def test_the_page_and_the_api_list_the_same_leavers(world, client, unusual):
    client.force_login(world.org_admin)
    assert page_names(client, "left") == api_names(client, "false") == ["Lee Leaver"]


def test_both_follow_the_queryset_rule(world, client, unusual):
    client.force_login(world.org_admin)
    employed = Person.objects.filter(organisation=world.organisation).employed_on()
    assert page_names(client, "current") == sorted(person.full_name for person in employed)


@pytest.mark.parametrize("actor", ["org_admin", "manager_b", "practitioner_a"])
def test_every_filter_lists_the_same_people_on_the_page_and_in_the_api(world, client, actor):
    RegistrationFactory(person=world.practitioner_c)
    regulator = world.practitioner_c.registrations.get().regulator
    client.force_login(getattr(world, actor))
    pairs = [
        ({"team": world.assessment.pk}, {"team_id": world.assessment.pk}),
        ({"team": world.team_b.pk}, {"team_id": world.team_b.pk}),
        ({"role": "team_manager"}, {"role": "team_manager"}),
        ({"contract_type": "permanent"}, {"contract_type": "permanent"}),
        ({"career_stage": "experienced"}, {"career_stage": "experienced"}),
        ({"regulator": regulator.pk}, {"regulator": regulator.code}),
        ({"q": "bola"}, {"q": "bola"}),
        ({"q": world.practitioner_b.employee_number}, {"q": world.practitioner_b.employee_number}),
    ]
    for page_params, api_params in pairs:
        assert page_names(client, **page_params) == api_names(client, **api_params), page_params
