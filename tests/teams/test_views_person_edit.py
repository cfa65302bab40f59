"""Org admins add and edit people through forms that call the services."""

import datetime

import pytest
from django.urls import reverse

from teams.models import AuditEntry, Person

CREATE = reverse("teams:person-create")


def edit_url(person):
    return reverse("teams:person-edit", args=[person.pk])


def valid_edit_data(person, **changes):
    data = {
        "full_name": person.full_name,
        "email": person.email,
        "employee_number": person.employee_number,
        "job_title": person.job_title,
        "contract_type": person.contract_type,
        "employment_start": "2020-01-06",
        "employment_end": "",
        "leaving_reason": "",
        "career_stage": person.career_stage,
        "asye_start_date": "",
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_org_admin_adds_a_person_with_roles_and_a_team(world, client):
    client.force_login(world.org_admin)
    response = client.post(
        CREATE,
        {
            "full_name": "Nia New",
            "email": "Nia.New@northshire.example",
            "employee_number": "N001",
            "job_title": "Social worker",
            "contract_type": "fixed_term",
            "employment_start": "2026-01-05",
            "career_stage": "newly_qualified",
            "asye_start_date": "2026-01-05",
            "roles": ["practitioner", "ld_lead"],
            "team": world.team_c.pk,
            "team_start": "",
        },
    )
    person = Person.objects.get(email="nia.new@northshire.example")
    assert response.status_code == 302 and response["Location"] == reverse(
        "teams:person", args=[person.pk]
    )
    assert person.roles == {"practitioner", "ld_lead"}
    assert person.memberships.get().team == world.team_c
    assert AuditEntry.objects.filter(action="person.create", object_id=str(person.pk)).exists()


def test_bad_input_shows_field_errors_and_saves_nothing(world, client):
    client.force_login(world.org_admin)
    before = Person.objects.count()
    response = client.post(
        CREATE,
        {
            "full_name": "",
            "email": world.practitioner_b.email,
            "contract_type": "permanent",
            "career_stage": "newly_qualified",
            "roles": ["practitioner"],
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "full_name" in form.errors
    html = response.content.decode()
    assert "There is a problem" in html and 'href="#id_full_name"' in html
    assert Person.objects.count() == before


def test_service_errors_land_on_their_fields(world, client):
    client.force_login(world.org_admin)
    response = client.post(
        CREATE,
        {
            "full_name": "Dup Licate",
            "email": world.practitioner_b.email,
            "contract_type": "permanent",
            "career_stage": "newly_qualified",
            "roles": ["practitioner"],
        },
    )
    form = response.context["form"]
    assert form.errors["email"] == ["Someone already uses this email address."]
    assert form.errors["asye_start_date"] == ["Newly qualified people need a start date."]
    assert not Person.objects.filter(full_name="Dup Licate").exists()
    assert not AuditEntry.objects.exists()


def test_org_admin_edits_contract_and_leaving(world, client):
    client.force_login(world.org_admin)
    person = world.practitioner_c
    response = client.post(
        edit_url(person),
        valid_edit_data(
            person,
            contract_type="locum",
            employment_end="2026-02-27",
            leaving_reason="resignation",
        ),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.contract_type == "locum"
    assert person.employment_end == datetime.date(2026, 2, 27)
    entry = AuditEntry.objects.get(action="person.update")
    assert entry.before["contract_type"] == "permanent" and entry.after["contract_type"] == "locum"


def test_end_date_without_reason_is_refused(world, client):
    client.force_login(world.org_admin)
    response = client.post(
        edit_url(world.practitioner_c),
        valid_edit_data(world.practitioner_c, employment_end="2026-02-27"),
    )
    assert response.context["form"].errors["leaving_reason"] == [
        "Give a leaving reason with the end date."
    ]
    world.practitioner_c.refresh_from_db()
    assert world.practitioner_c.employment_end is None


def test_edit_form_is_prefilled(world, client):
    client.force_login(world.org_admin)
    html = client.get(edit_url(world.practitioner_c)).content.decode()
    assert 'value="chris.carter@northshire.example"' in html
    assert 'name="employment_start_day" type="text" inputmode="numeric" value="6"' in html
    assert 'name="employment_start_month" type="text" inputmode="numeric" value="1"' in html
    assert 'name="employment_start_year" type="text" inputmode="numeric" value="2020"' in html


def test_roles_and_specialisms_are_saved(world, client):
    client.force_login(world.org_admin)
    url = reverse("teams:person-roles", args=[world.practitioner_c.pk])
    response = client.post(
        url, {"roles": ["practitioner", "team_manager"], "specialisms": ["amhp", "bia"]}
    )
    assert response.status_code == 302
    person = Person.objects.get(pk=world.practitioner_c.pk)
    assert person.roles == {"practitioner", "team_manager"}
    assert set(person.specialisms.values_list("tag", flat=True)) == {"amhp", "bia"}
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {
        "person.roles",
        "person.specialisms",
    }


@pytest.mark.parametrize("actor", ["practitioner_a", "manager_a", "ld_lead"])
@pytest.mark.parametrize(
    "name",
    ["person-edit", "person-roles", "membership-add", "working-pattern-add", "registration-add"],
)
def test_other_roles_get_403(world, client, actor, name):
    client.force_login(getattr(world, actor))
    url = reverse(f"teams:{name}", args=[world.practitioner_a.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403


def test_non_admins_cannot_add_people(world, client):
    client.force_login(world.ld_lead)
    assert client.get(CREATE).status_code == 403


@pytest.mark.parametrize(
    "name",
    ["person-edit", "person-roles", "membership-add", "working-pattern-add", "registration-add"],
)
def test_another_organisations_admin_gets_404(world, client, name):
    client.force_login(world.outsider)
    url = reverse(f"teams:{name}", args=[world.practitioner_a.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404
