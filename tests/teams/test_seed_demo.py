"""The demo organisation: realistic, the same on every run, and safe to load twice."""

import io

import pytest
from django.core.management import CommandError, call_command

from teams import access
from teams.demo import DEMO_PASSWORD
from teams.models import (
    AuditEntry,
    CareerStage,
    ContractType,
    Membership,
    Organisation,
    Person,
    Registration,
    RoleAssignment,
    Specialism,
    Team,
    TeamManager,
    WorkingPattern,
)
from tests.seeding import fingerprint, seed_demo

pytestmark = pytest.mark.django_db

# Every column of every row.
COLUMNS = dict.fromkeys(
    [
        Organisation,
        Team,
        TeamManager,
        Person,
        RoleAssignment,
        Specialism,
        Membership,
        WorkingPattern,
        Registration,
        AuditEntry,
    ],
    (),
)


def test_running_twice_changes_nothing():
    seed_demo()
    first = fingerprint(COLUMNS)
    output = seed_demo()
    assert fingerprint(COLUMNS) == first
    assert "(0 new)" in output


def test_the_demo_organisation_is_realistic():
    seed_demo()
    northshire = Organisation.objects.get(slug="northshire")
    people = Person.objects.filter(organisation=northshire)
    current = people.filter(is_active=True)
    assert 55 <= current.count() <= 70
    teams = Team.objects.filter(organisation=northshire, kind=Team.Kind.TEAM)
    assert teams.count() >= 6
    assert all(team.manager_links.exists() for team in teams)
    assert set(people.values_list("contract_type", flat=True)) == set(ContractType.values)
    assert set(people.values_list("career_stage", flat=True)) == set(CareerStage.values)
    assert not people.filter(career_stage=CareerStage.NEWLY_QUALIFIED, asye_start_date=None)
    regulators = set(
        Registration.objects.filter(person__organisation=northshire).values_list(
            "regulator__code", flat=True
        )
    )
    assert regulators == {"swe", "hcpc", "nmc"}
    weekly = {pattern.weekly_minutes for pattern in WorkingPattern.objects.all()}
    assert {37 * 60, 3 * 444}.issubset(weekly)
    assert WorkingPattern.objects.filter(monday_minutes=555).exists()  # compressed hours


def test_three_years_of_starters_movers_and_leavers():
    seed_demo()
    northshire = Person.objects.filter(organisation__slug="northshire")
    leavers = northshire.filter(employment_end__isnull=False)
    assert leavers.count() >= 5
    assert not leavers.filter(is_active=True).exists()
    assert not leavers.filter(leaving_reason="").exists()
    movers = [p for p in northshire if p.memberships.count() > 1]
    assert len(movers) >= 4
    assert all(p.memberships.filter(end_date__isnull=True).count() == 1 for p in movers)
    assert northshire.filter(employment_start__year__gte=2024).count() >= 10
    assert AuditEntry.objects.filter(action="membership.start").count() >= 60


def test_every_role_has_a_demo_login():
    seed_demo()
    expected = {
        "admin@northshire.example": access.is_org_admin,
        "ld@northshire.example": access.is_ld_lead,
        "manager@northshire.example": access.is_team_manager,
        "practitioner@northshire.example": lambda person: person.has_role("practitioner"),
        "admin@southshire.example": access.is_org_admin,
    }
    for email, has_role in expected.items():
        person = Person.objects.get(email=email)
        assert person.check_password(DEMO_PASSWORD), email
        assert has_role(person), email
    manager = Person.objects.get(email="manager@northshire.example")
    practitioner = Person.objects.get(email="practitioner@northshire.example")
    assert access.people_visible_to(manager).filter(pk=practitioner.pk).exists()
    southshire_admin = Person.objects.get(email="admin@southshire.example")
    assert not access.people_visible_to(southshire_admin).filter(pk=practitioner.pk).exists()


def test_demo_logins_prints_a_sign_in_for_each_role():
    seed_demo()
    out = io.StringIO()
    call_command("demo_logins", "--url", "http://127.0.0.1:8000/", stdout=out)
    text = out.getvalue()
    assert "http://127.0.0.1:8000/" in text
    assert DEMO_PASSWORD in text
    for email in ["admin@", "ld@", "manager@", "practitioner@"]:
        assert f"{email}northshire.example" in text


def test_seed_demo_refuses_a_production_system(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production system"):
        call_command("seed_demo")
    assert not Person.objects.exists()
