"""Filters on the team, membership and registration lists."""

import datetime

from teams.models import Regulator
from tests.factories import MembershipFactory, RegistrationFactory
from tests.support import ids, names


def test_teams_by_kind_parent_and_name(world, api):
    api.as_(world.org_admin)
    assert names(api.get("/teams", {"kind": "service"}), "name") == [
        "Children's Services",
        "Assessment",
        "Adult Services",
    ]
    assert names(api.get("/teams", {"parent_id": world.assessment.pk}), "name") == [
        "Assessment Team 1",
        "Assessment Team 2",
    ]
    assert names(api.get("/teams", {"q": "hospital"}), "name") == ["Hospital Team"]
    assert api.get("/teams", {"kind": "squad"}).status_code == 422


def test_memberships_by_person_team_and_whether_current(world, api):
    today = datetime.date.today()
    past = MembershipFactory(
        person=world.practitioner_a,
        team=world.team_c,
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2019, 12, 31),
    )
    future = MembershipFactory(
        person=world.practitioner_a,
        team=world.team_b,
        start_date=today + datetime.timedelta(days=30),
    )
    current = world.practitioner_a.memberships.get(team=world.team_a)
    api.as_(world.org_admin)
    mine = {"person_id": world.practitioner_a.pk}
    assert set(ids(api.get("/memberships", mine))) == {past.pk, future.pk, current.pk}
    assert ids(api.get("/memberships", {**mine, "current": "true"})) == [current.pk]
    assert set(ids(api.get("/memberships", {**mine, "current": "false"}))) == {past.pk, future.pk}
    assert ids(api.get("/memberships", {**mine, "team_id": world.team_c.pk})) == [past.pk]
    in_team_a = api.get("/memberships", {"team_id": world.team_a.pk, "current": "true"})
    assert {item["person"]["full_name"] for item in in_team_a.json()["items"]} == {
        "Maya Manager",
        "Priya Practitioner",
        "Alex Amari",
    }


def test_registrations_by_person_and_regulator(world, api):
    swe = RegistrationFactory(person=world.practitioner_a)
    hcpc = RegistrationFactory(
        person=world.practitioner_a, regulator=Regulator.objects.get(code="hcpc"), number="SW42"
    )
    other = RegistrationFactory(person=world.practitioner_b)
    api.as_(world.org_admin)
    assert set(ids(api.get("/registrations"))) == {swe.pk, hcpc.pk, other.pk}
    assert set(ids(api.get("/registrations", {"person_id": world.practitioner_a.pk}))) == {
        swe.pk,
        hcpc.pk,
    }
    assert set(ids(api.get("/registrations", {"regulator": "swe"}))) == {swe.pk, other.pk}
