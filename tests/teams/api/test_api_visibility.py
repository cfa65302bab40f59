"""Who sees what through the API is what teams.access says: a practitioner sees themselves, a
manager the people in the teams they manage (and below), L&D and org admins everyone."""

from tests.factories import RegistrationFactory, WorkingPatternFactory
from tests.support import ids, names


def test_a_practitioner_sees_only_themselves(world, api):
    api.as_(world.practitioner_a)
    assert names(api.get("/people")) == ["Priya Practitioner"]
    assert api.get(f"/people/{world.practitioner_a.pk}").status_code == 200
    for other in (world.practitioner_a2, world.manager_a, world.practitioner_b, world.org_admin):
        assert api.get(f"/people/{other.pk}").status_code == 404
        assert api.get(f"/people/{other.pk}/working-patterns").status_code == 404


def test_a_practitioner_reads_their_own_memberships_and_registrations_only(world, api):
    mine = RegistrationFactory(person=world.practitioner_a)
    RegistrationFactory(person=world.practitioner_a2)
    api.as_(world.practitioner_a)
    assert ids(api.get("/registrations")) == [mine.pk]
    memberships = api.get("/memberships").json()["items"]
    assert {item["person"]["id"] for item in memberships} == {world.practitioner_a.pk}
    assert names(api.get("/teams"), "name") == ["Assessment Team 1"]


def test_a_manager_sees_their_team_only(world, api):
    api.as_(world.manager_a)
    assert names(api.get("/people")) == ["Alex Amari", "Maya Manager", "Priya Practitioner"]
    assert api.get(f"/people/{world.practitioner_a.pk}").status_code == 200
    assert api.get(f"/people/{world.practitioner_b.pk}").status_code == 404
    assert api.get(f"/teams/{world.team_b.pk}").status_code == 404
    api.as_(world.manager_b)
    assert names(api.get("/people")) == ["Ben Manager", "Bola Bello"]
    assert api.get(f"/people/{world.practitioner_a.pk}").status_code == 404
    assert api.get(f"/teams/{world.team_a.pk}").status_code == 404


def test_a_service_manager_sees_every_team_below(world, api):
    api.as_(world.service_manager)
    assert names(api.get("/teams"), "name") == [
        "Assessment",
        "Assessment Team 1",
        "Assessment Team 2",
    ]
    people = names(api.get("/people"))
    assert "Bola Bello" in people and "Priya Practitioner" in people
    assert "Chris Carter" not in people


def test_a_manager_reads_their_peoples_patterns_but_cannot_change_them(world, api):
    WorkingPatternFactory(person=world.practitioner_a)
    api.as_(world.manager_a)
    url = f"/people/{world.practitioner_a.pk}/working-patterns"
    assert api.get(url).json()["count"] == 1
    response = api.post(url, {"effective_from": "2026-01-05", "monday_minutes": 400})
    assert response.status_code == 403


def test_ld_lead_and_org_admin_see_everyone_in_their_organisation(world, api):
    for person in (world.ld_lead, world.org_admin):
        listed = names(api.as_(person).get("/people", {"limit": 100}))
        assert len(listed) == world.organisation.people.count() == 9
        assert "Olive Outsider" not in listed
