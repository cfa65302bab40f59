"""Memberships through the API: starting one (a move ends the old team the day before),
ending one, and removing one that would end before it began."""

import datetime

from teams.models import Membership


def test_starting_in_a_new_team_ends_the_old_one_the_day_before(world, api):
    response = api.as_(world.org_admin).post(
        "/memberships",
        {
            "person_id": world.practitioner_a.pk,
            "team_id": world.team_b.pk,
            "start_date": "2026-03-02",
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert body["team"]["name"] == "Assessment Team 2"
    assert body["person"]["full_name"] == "Priya Practitioner"
    old = Membership.objects.get(person=world.practitioner_a, team=world.team_a)
    assert old.end_date == datetime.date(2026, 3, 1)


def test_joining_a_second_team_can_keep_the_first(world, api):
    api.as_(world.org_admin).post(
        "/memberships",
        {
            "person_id": world.practitioner_a.pk,
            "team_id": world.team_c.pk,
            "start_date": "2026-03-02",
            "ends_other_memberships": False,
        },
    )
    assert Membership.objects.get(person=world.practitioner_a, team=world.team_a).end_date is None


def test_the_same_start_twice_is_refused_on_the_team_field(world, api):
    body = {
        "person_id": world.practitioner_a.pk,
        "team_id": world.team_a.pk,
        "start_date": "2020-01-06",
    }
    response = api.as_(world.org_admin).post("/memberships", body)
    assert response.status_code == 422
    assert "team_id" in response.json()["error"]["fields"]


def test_ending_a_membership(world, api):
    membership = Membership.objects.get(person=world.practitioner_a, team=world.team_a)
    response = api.as_(world.org_admin).post(
        f"/memberships/{membership.pk}/end", {"end_date": "2025-12-31"}
    )
    assert response.status_code == 200
    assert response.json()["end_date"] == "2025-12-31"
    assert response.json()["is_current"] is False


def test_ending_before_it_began_removes_it(world, api):
    membership = Membership.objects.get(person=world.practitioner_a, team=world.team_a)
    response = api.as_(world.org_admin).post(
        f"/memberships/{membership.pk}/end", {"end_date": "2019-12-31"}
    )
    assert response.status_code == 204
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_one_membership_by_id(world, api):
    membership = Membership.objects.get(person=world.practitioner_a, team=world.team_a)
    body = api.as_(world.practitioner_a).get(f"/memberships/{membership.pk}").json()
    assert body["start_date"] == "2020-01-06"
    assert body["end_date"] is None and body["is_current"] is True
