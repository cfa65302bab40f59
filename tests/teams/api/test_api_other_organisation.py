"""Another organisation's things answer 404, as if they did not exist, wherever their id is
used: in the path, in the body or in a filter."""

import pytest

from teams.models import Team
from tests.factories import RegistrationFactory
from tests.support import error_of, ids


@pytest.fixture
def ours(world):
    """Ids of our things, to be tried by the outsider (an org admin elsewhere)."""
    registration = RegistrationFactory(person=world.practitioner_a)
    membership = world.practitioner_a.memberships.get()
    return {
        "organisation": world.organisation.pk,
        "team": world.team_a.pk,
        "person": world.practitioner_a.pk,
        "membership": membership.pk,
        "registration": registration.pk,
    }


def test_reading_our_things_by_id_answers_404(world, api, ours):
    api.as_(world.outsider)
    for url in (
        f"/organisations/{ours['organisation']}",
        f"/teams/{ours['team']}",
        f"/people/{ours['person']}",
        f"/people/{ours['person']}/working-patterns",
        f"/memberships/{ours['membership']}",
        f"/registrations/{ours['registration']}",
    ):
        response = api.get(url)
        assert response.status_code == 404, url
        assert error_of(response)["code"] == "not_found"


def test_changing_our_things_answers_404_and_changes_nothing(world, api, ours):
    api.as_(world.outsider)
    assert api.patch(f"/organisations/{ours['organisation']}", {"name": "Mine"}).status_code == 404
    assert api.patch(f"/teams/{ours['team']}", {"name": "Mine"}).status_code == 404
    assert api.delete(f"/teams/{ours['team']}").status_code == 404
    assert api.patch(f"/people/{ours['person']}", {"job_title": "Spy"}).status_code == 404
    assert api.delete(f"/registrations/{ours['registration']}").status_code == 404
    end = api.post(f"/memberships/{ours['membership']}/end", {"end_date": "2026-01-01"})
    assert end.status_code == 404
    world.organisation.refresh_from_db()
    world.practitioner_a.refresh_from_db()
    assert world.organisation.name == "Northshire County Council"
    assert world.practitioner_a.job_title == "Social worker"


def test_our_ids_in_a_body_answer_404_naming_the_field(world, api, ours):
    api.as_(world.outsider)
    response = api.post(
        "/memberships",
        {"person_id": world.outsider.pk, "team_id": ours["team"], "start_date": "2026-01-05"},
    )
    assert response.status_code == 404
    assert list(error_of(response)["fields"]) == ["team_id"]
    response = api.post(
        "/registrations", {"person_id": ours["person"], "regulator": "swe", "number": "SW1"}
    )
    assert list(error_of(response)["fields"]) == ["person_id"]
    response = api.post(f"/teams/{world.outsider_team.pk}/managers", {"person_id": ours["person"]})
    assert list(error_of(response)["fields"]) == ["person_id"]


def test_lists_never_include_our_things(world, api, ours):
    api.as_(world.outsider)
    assert ids(api.get("/organisations")) == [world.other_organisation.pk]
    assert ids(api.get("/teams")) == [world.outsider_team.pk]
    assert ids(api.get("/people")) == [world.outsider.pk]
    assert ids(api.get("/registrations")) == []
    assert ids(api.get("/people", {"team_id": ours["team"]})) == []
    assert ids(api.get("/memberships", {"person_id": ours["person"]})) == []


def test_what_an_outsider_creates_lands_in_their_own_organisation(world, api):
    response = api.as_(world.outsider).post("/teams", {"name": "Assessment Team 1"})
    assert response.status_code == 201
    team = Team.objects.get(pk=response.json()["id"])
    assert team.organisation == world.other_organisation
    assert api.as_(world.org_admin).get(f"/teams/{team.pk}").status_code == 404
