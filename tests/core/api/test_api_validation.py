"""Bad input answers 422 naming each field and what to do about it; nothing is written."""

from teams.models import AuditEntry, Person, Registration, Team, WorkingPattern
from tests.factories import RegistrationFactory
from tests.support import error_of


def fields_of(response):
    assert response.status_code == 422, response.content
    return error_of(response)["fields"]


def test_a_social_work_england_number_must_look_like_one(world, api):
    response = api.as_(world.org_admin).post(
        "/registrations",
        {"person_id": world.practitioner_a.pk, "regulator": "swe", "number": "XX1"},
    )
    assert "This is not a Social Work England number" in fields_of(response)["number"][0]
    assert not Registration.objects.exists()
    assert not AuditEntry.objects.exists()


def test_an_unknown_regulator_code_is_named(world, api):
    response = api.as_(world.org_admin).post(
        "/registrations",
        {"person_id": world.practitioner_a.pk, "regulator": "nope", "number": "SW1"},
    )
    assert "No regulator has the code 'nope'" in fields_of(response)["regulator"][0]


def test_a_registration_number_already_recorded_is_refused(world, api):
    RegistrationFactory(person=world.practitioner_b, number="SW123456")
    response = api.as_(world.org_admin).post(
        "/registrations",
        {"person_id": world.practitioner_a.pk, "regulator": "swe", "number": "sw123456"},
    )
    assert fields_of(response)["number"] == ["This registration number is already recorded."]


def test_missing_and_unknown_fields_are_named(world, api):
    api.as_(world.org_admin)
    fields = fields_of(api.post("/people", {"email": "new@example.org", "shoe_size": 9}))
    assert set(fields) == {"full_name", "shoe_size"}


def test_a_choice_outside_the_list_is_refused(world, api):
    response = api.as_(world.org_admin).post(
        "/people",
        {"email": "new@example.org", "full_name": "New Person", "contract_type": "zero_hours"},
    )
    assert "contract_type" in fields_of(response)
    assert not Person.objects.filter(email="new@example.org").exists()


def test_a_bad_or_taken_email_is_refused(world, api):
    api.as_(world.org_admin)
    body = {"full_name": "New Person"}
    assert "email" in fields_of(api.post("/people", {**body, "email": "not-an-email"}))
    taken = fields_of(api.post("/people", {**body, "email": world.practitioner_a.email.upper()}))
    assert taken["email"] == ["Someone already uses this email address."]


def test_a_newly_qualified_person_needs_an_asye_start_date(world, api):
    response = api.as_(world.org_admin).patch(
        f"/people/{world.practitioner_a.pk}", {"career_stage": "newly_qualified"}
    )
    assert "asye_start_date" in fields_of(response)


def test_a_brand_colour_must_be_a_hex_colour(world, api):
    response = api.as_(world.org_admin).patch(
        f"/organisations/{world.organisation.pk}", {"brand_colour": "blue"}
    )
    assert fields_of(response)["brand_colour"] == ["Enter a colour like #1d70b8."]


def test_working_pattern_minutes_are_checked(world, api):
    api.as_(world.org_admin)
    url = f"/people/{world.practitioner_a.pk}/working-patterns"
    too_long = api.post(url, {"effective_from": "2026-01-05", "monday_minutes": 1441})
    assert "monday_minutes" in fields_of(too_long)
    nothing = api.post(url, {"effective_from": "2026-01-05"})
    assert nothing.status_code == 422
    assert error_of(nothing)["message"] == "A working pattern needs at least one working day."
    assert not WorkingPattern.objects.exists()


def test_a_team_cannot_sit_below_itself(world, api):
    response = api.as_(world.org_admin).patch(
        f"/teams/{world.assessment.pk}", {"parent_id": world.team_a.pk}
    )
    assert "parent_id" in fields_of(response)
    world.assessment.refresh_from_db()
    assert world.assessment.parent == world.children


def test_a_team_name_is_unique_within_its_parent(world, api):
    response = api.as_(world.org_admin).post(
        "/teams", {"name": "Assessment Team 1", "parent_id": world.assessment.pk}
    )
    assert response.status_code == 422
    assert Team.objects.filter(name="Assessment Team 1").count() == 1


def test_a_membership_cannot_end_before_it_starts(world, api):
    response = api.as_(world.org_admin).post(
        "/memberships",
        {
            "person_id": world.practitioner_c.pk,
            "team_id": world.team_b.pk,
            "start_date": "2026-03-01",
            "end_date": "2026-02-01",
        },
    )
    assert "end_date" in fields_of(response)


def test_a_query_parameter_of_the_wrong_type_is_named(world, api):
    response = api.as_(world.org_admin).get("/people", {"team_id": "assessment"})
    assert "team_id" in fields_of(response)


def test_null_is_refused_where_a_field_cannot_be_empty(world, api):
    api.as_(world.org_admin)
    response = api.patch(f"/teams/{world.team_a.pk}", {"name": None})
    assert fields_of(response)["name"] == [
        "This cannot be null; leave the field out to keep its value."
    ]
    world.team_a.refresh_from_db()
    assert world.team_a.name == "Assessment Team 1"
    assert "full_name" in fields_of(
        api.patch(f"/people/{world.practitioner_a.pk}", {"full_name": None})
    )
    assert "number" in fields_of(api.patch("/registrations/1", {"number": None}))


def test_null_clears_a_field_that_can_be_empty(world, api):
    api.as_(world.org_admin)
    response = api.patch(f"/teams/{world.team_a.pk}", {"parent_id": None})
    assert response.status_code == 200 and response.json()["parent_id"] is None
    person = world.practitioner_a
    api.patch(
        f"/people/{person.pk}", {"employment_end": "2030-01-31", "leaving_reason": "retirement"}
    )
    response = api.patch(f"/people/{person.pk}", {"employment_end": None, "leaving_reason": None})
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.employment_end is None and person.leaving_reason == ""
