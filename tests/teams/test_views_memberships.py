"""Org admins move people between teams, add them to a second team and end memberships."""

import datetime

from django.urls import reverse

from teams.models import AuditEntry, Membership


def test_moving_a_person_ends_their_old_team_the_day_before(world, client):
    client.force_login(world.org_admin)
    person = world.practitioner_a
    response = client.post(
        reverse("teams:membership-add", args=[person.pk]),
        {"team": world.team_c.pk, "start_date": "2026-03-02"},
    )
    assert response.status_code == 302
    old = Membership.objects.get(person=person, team=world.team_a)
    assert old.end_date == datetime.date(2026, 3, 1)
    assert Membership.objects.get(person=person, team=world.team_c).start_date == datetime.date(
        2026, 3, 2
    )
    assert {"membership.start", "membership.end"} <= set(
        AuditEntry.objects.values_list("action", flat=True)
    )


def test_adding_a_second_team_keeps_the_first(world, client):
    client.force_login(world.org_admin)
    person = world.practitioner_a
    client.post(
        reverse("teams:membership-add", args=[person.pk]),
        {"team": world.team_c.pk, "start_date": "2026-03-02", "keep_other_teams": "on"},
    )
    assert Membership.objects.get(person=person, team=world.team_a).end_date is None


def test_missing_team_and_date_are_reported(world, client):
    client.force_login(world.org_admin)
    response = client.post(reverse("teams:membership-add", args=[world.practitioner_a.pk]), {})
    assert set(response.context["form"].errors) == {"team", "start_date"}
    assert Membership.objects.filter(person=world.practitioner_a).count() == 1


def test_teams_of_another_organisation_cannot_be_chosen(world, client):
    client.force_login(world.org_admin)
    response = client.post(
        reverse("teams:membership-add", args=[world.practitioner_a.pk]),
        {"team": world.outsider_team.pk, "start_date": "2026-03-02"},
    )
    assert "team" in response.context["form"].errors
    assert not Membership.objects.filter(
        team=world.outsider_team, person=world.practitioner_a
    ).exists()


def test_ending_a_membership(world, client):
    client.force_login(world.org_admin)
    membership = Membership.objects.get(person=world.practitioner_a)
    url = reverse("teams:membership-end", args=[world.practitioner_a.pk, membership.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"end_date": "2026-04-30"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end_date == datetime.date(2026, 4, 30)
    assert AuditEntry.objects.filter(action="membership.end").exists()


def test_a_membership_of_someone_else_answers_404(world, client):
    client.force_login(world.org_admin)
    membership = Membership.objects.get(person=world.practitioner_b)
    url = reverse("teams:membership-end", args=[world.practitioner_a.pk, membership.pk])
    assert client.get(url).status_code == 404
