"""People through the API: one person in full, adding someone, and changing their details,
roles and specialisms."""

import datetime

from teams.models import Membership, Person
from tests.factories import RegistrationFactory, WorkingPatternFactory


def test_one_person_in_full(world, api):
    person = world.practitioner_a
    person.specialisms.create(tag="amhp")
    WorkingPatternFactory(person=person, effective_from=datetime.date(2020, 1, 6))
    WorkingPatternFactory(
        person=person,
        effective_from=datetime.date(2024, 4, 1),
        thursday_minutes=0,
        friday_minutes=0,
    )
    WorkingPatternFactory(person=person, effective_from=datetime.date(2099, 1, 5))
    RegistrationFactory(person=person, number="SW654321")
    body = api.as_(world.manager_a).get(f"/people/{person.pk}").json()
    assert body["full_name"] == "Priya Practitioner"
    assert body["organisation_id"] == world.organisation.pk
    assert body["roles"] == ["practitioner"]
    assert body["specialisms"] == ["amhp"]
    assert body["current_teams"] == [
        {"id": world.team_a.pk, "name": "Assessment Team 1", "kind": "team"}
    ]
    pattern = body["current_working_pattern"]
    assert pattern["effective_from"] == "2024-04-01"
    assert pattern["weekly_minutes"] == 3 * 444
    assert pattern["fte"] == 0.6
    [registration] = body["registrations"]
    assert registration["number"] == "SW654321"
    assert registration["regulator"]["code"] == "swe"


def test_the_list_shows_roles_and_current_teams(world, api):
    items = api.as_(world.manager_a).get("/people").json()["items"]
    maya = next(item for item in items if item["full_name"] == "Maya Manager")
    assert maya["roles"] == ["practitioner", "team_manager"]
    assert [team["name"] for team in maya["current_teams"]] == ["Assessment Team 1"]


def test_an_org_admin_adds_someone_with_a_team_roles_and_specialisms(world, api):
    response = api.as_(world.org_admin).post(
        "/people",
        {
            "email": "  Nia.New@Northshire.example ",
            "full_name": "Nia New",
            "employee_number": "E90001",
            "roles": ["practitioner", "team_manager"],
            "specialisms": ["bia"],
            "team_id": world.team_b.pk,
            "employment_start": "2026-01-05",
            "contract_type": "fixed_term",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    person = Person.objects.get(pk=body["id"])
    assert person.organisation == world.organisation
    assert person.email == "nia.new@northshire.example"
    assert not person.has_usable_password()
    assert body["roles"] == ["practitioner", "team_manager"]
    assert body["specialisms"] == ["bia"]
    assert Membership.objects.get(person=person).start_date == datetime.date(2026, 1, 5)
    assert body["contract_type"] == "fixed_term"


def test_a_change_touches_only_the_fields_sent(world, api):
    person = world.practitioner_a
    response = api.as_(world.org_admin).patch(
        f"/people/{person.pk}",
        {"job_title": "Advanced practitioner", "roles": ["practitioner", "ld_lead"]},
    )
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.job_title == "Advanced practitioner"
    assert person.full_name == "Priya Practitioner"
    assert response.json()["roles"] == ["ld_lead", "practitioner"]


def test_a_leaver_is_recorded_with_a_reason(world, api):
    response = api.as_(world.org_admin).patch(
        f"/people/{world.practitioner_b.pk}",
        {"employment_end": "2025-06-30", "leaving_reason": "retirement", "specialisms": []},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["employment_end"] == "2025-06-30"
    assert body["leaving_reason"] == "retirement"
    assert body["is_active"] is False


def test_roles_and_details_change_together_or_not_at_all(world, api):
    response = api.as_(world.org_admin).patch(
        f"/people/{world.practitioner_a.pk}",
        {"job_title": "Changed", "email": world.practitioner_b.email},
    )
    assert response.status_code == 422
    world.practitioner_a.refresh_from_db()
    assert world.practitioner_a.job_title == "Social worker"


def test_nobody_but_an_org_admin_changes_a_person(world, api):
    for actor in (world.practitioner_a, world.manager_a, world.ld_lead):
        response = api.as_(actor).patch(
            f"/people/{world.practitioner_a.pk}", {"roles": ["org_admin"]}
        )
        assert response.status_code == 403
    assert world.practitioner_a.role_assignments.get().role == "practitioner"
