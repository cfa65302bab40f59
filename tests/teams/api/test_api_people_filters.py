"""The people list filters: team (with the teams below), role, contract, career stage,
regulator, still employed, and a search over name, email and employee number."""

import datetime

from teams.models import CareerStage, ContractType, Regulator
from tests.factories import PersonFactory, RegistrationFactory
from tests.support import names


def people(api, **params):
    return names(api.get("/people", params))


def test_team_includes_the_teams_below(world, api):
    api.as_(world.org_admin)
    assert people(api, team_id=world.assessment.pk) == [
        "Alex Amari",
        "Ben Manager",
        "Bola Bello",
        "Maya Manager",
        "Priya Practitioner",
    ]
    assert people(api, team_id=world.team_c.pk) == ["Chris Carter"]


def test_a_team_the_caller_cannot_see_finds_nobody(world, api):
    api.as_(world.manager_b)
    assert people(api, team_id=world.team_a.pk) == []
    assert people(api, team_id=world.team_b.pk) == ["Ben Manager", "Bola Bello"]


def test_role(world, api):
    api.as_(world.org_admin)
    assert people(api, role="team_manager") == ["Ben Manager", "Maya Manager", "Sam Service"]
    assert people(api, role="ld_lead") == ["Lena Learning"]


def test_contract_type_and_career_stage(world, api):
    PersonFactory(
        organisation=world.organisation,
        full_name="Agnes Agency",
        contract_type=ContractType.AGENCY,
        career_stage=CareerStage.NEWLY_QUALIFIED,
        asye_start_date=datetime.date(2025, 9, 1),
    )
    api.as_(world.org_admin)
    assert people(api, contract_type="agency") == ["Agnes Agency"]
    assert people(api, career_stage="newly_qualified") == ["Agnes Agency"]
    assert people(api, contract_type="agency", career_stage="experienced") == []


def test_regulator(world, api):
    RegistrationFactory(person=world.practitioner_b)
    RegistrationFactory(
        person=world.practitioner_c, regulator=Regulator.objects.get(code="hcpc"), number="SW1"
    )
    api.as_(world.org_admin)
    assert people(api, regulator="swe") == ["Bola Bello"]
    assert people(api, regulator="HCPC") == ["Chris Carter"]


def test_active(world, api):
    PersonFactory(
        organisation=world.organisation,
        full_name="Lee Leaver",
        employment_end=datetime.date(2024, 3, 31),
        leaving_reason="resignation",
        is_active=False,
    )
    api.as_(world.org_admin)
    assert people(api, active="false") == ["Lee Leaver"]
    assert "Lee Leaver" not in people(api, active="true")
    assert len(people(api, active="true")) == 9


def test_search_by_name_email_or_employee_number(world, api):
    api.as_(world.org_admin)
    assert people(api, q="bola") == ["Bola Bello"]
    assert people(api, q="chris.carter@") == ["Chris Carter"]
    assert people(api, q=world.practitioner_b.employee_number) == ["Bola Bello"]
    assert people(api, q="   ") == people(api)


def test_filters_never_widen_what_the_caller_sees(world, api):
    api.as_(world.practitioner_a)
    assert people(api, role="team_manager") == []
    assert people(api, team_id=world.team_a.pk) == ["Priya Practitioner"]
