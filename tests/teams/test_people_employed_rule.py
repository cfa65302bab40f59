"""One rule for "still employed" (``PersonQuerySet.employed_on``): the people page's Employment
filter and the API's ``active`` filter list the same people, whoever has yet to start, has left
or has been stopped from signing in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from teams.models import Person
from tests.api.support import Api, names
from tests.factories import PersonFactory

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


def page_names(client, status):
    response = client.get(reverse("teams:people"), {"status": status, "per_page": 100})
    return sorted(person.full_name for person in response.context["table"].page.object_list.data)


def api_names(client, active):
    return sorted(names(Api(client).get("/people", {"active": active, "limit": 100})))


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
