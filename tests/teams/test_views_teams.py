"""The teams tree, a team's page, and org admins changing the structure."""

import pytest
from django.urls import reverse

from teams.models import AuditEntry, Team, TeamManager

TEAMS = reverse("teams:teams")


def team_url(team):
    return reverse("teams:team", args=[team.pk])


def test_org_admin_sees_the_whole_tree_in_order(world, client):
    client.force_login(world.org_admin)
    response = client.get(TEAMS)
    assert [team.name for team in response.context["teams"]] == [
        "Children's Services",
        "Assessment",
        "Assessment Team 1",
        "Assessment Team 2",
        "Adult Services",
        "Hospital Team",
    ]
    counts = {team.name: team.member_count for team in response.context["teams"]}
    assert counts["Assessment Team 1"] == 3
    assert "pt-tree__depth-2" in response.content.decode()


def test_manager_sees_their_teams_and_practitioner_their_own(world, client):
    client.force_login(world.manager_b)
    assert [t.name for t in client.get(TEAMS).context["teams"]] == ["Assessment Team 2"]
    client.force_login(world.practitioner_a)
    teams = client.get(TEAMS).context["teams"]
    assert [(t.name, t.member_count) for t in teams] == [("Assessment Team 1", 1)]


def test_team_page_lists_current_members_and_managers(world, client):
    client.force_login(world.manager_a)
    response = client.get(team_url(world.team_a))
    assert response.status_code == 200
    members = [m.person.full_name for m in response.context["members"]]
    assert members == ["Alex Amari", "Maya Manager", "Priya Practitioner"]
    assert "Maya Manager" in response.content.decode()


def test_practitioner_sees_only_themselves_among_their_team(world, client):
    client.force_login(world.practitioner_a)
    response = client.get(team_url(world.team_a))
    assert [m.person.full_name for m in response.context["members"]] == ["Priya Practitioner"]


def test_invisible_and_other_organisation_teams_answer_404(world, client):
    client.force_login(world.manager_b)
    assert client.get(team_url(world.team_a)).status_code == 404
    client.force_login(world.outsider)
    assert client.get(team_url(world.team_a)).status_code == 404


def create_team_in_adults(world, client, name, *, minimum_staff_on_duty):
    """An org admin adds a team named ``name`` below Adult Services."""
    client.force_login(world.org_admin)
    return client.post(
        reverse("teams:team-create"),
        {
            "name": name,
            "kind": "team",
            "parent": world.adults.pk,
            "minimum_staff_on_duty": minimum_staff_on_duty,
        },
    )


def test_org_admin_creates_a_team_below_a_service(world, client):
    response = create_team_in_adults(world, client, "Duty Team", minimum_staff_on_duty=2)
    team = Team.objects.get(name="Duty Team")
    assert response["Location"] == team_url(team)
    assert team.path == f"{world.adults.path}{team.pk:010d}/"
    assert AuditEntry.objects.filter(action="team.create").exists()


def test_duplicate_team_name_in_the_same_service_is_refused(world, client):
    response = create_team_in_adults(world, client, "Hospital Team", minimum_staff_on_duty=0)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "There is a problem" in response.content.decode()
    assert Team.objects.filter(name="Hospital Team").count() == 1


def test_team_edit_moves_it_and_cannot_go_below_itself(world, client):
    client.force_login(world.org_admin)
    url = reverse("teams:team-edit", args=[world.assessment.pk])
    form = client.get(url).context["form"]
    assert world.team_a not in form.fields["parent"].queryset
    response = client.post(
        url,
        {
            "name": "Assessment",
            "kind": "service",
            "parent": world.team_a.pk,
            "minimum_staff_on_duty": 0,
        },
    )
    assert "parent" in response.context["form"].errors
    client.post(
        url,
        {
            "name": "Assessment",
            "kind": "service",
            "parent": world.adults.pk,
            "minimum_staff_on_duty": 0,
        },
    )
    world.team_a.refresh_from_db()
    assert world.team_a.path.startswith(world.adults.path)
    assert AuditEntry.objects.filter(action="team.update").count() == 1


def test_org_admin_adds_and_removes_a_manager(world, client):
    client.force_login(world.org_admin)
    client.post(
        reverse("teams:team-manager-add", args=[world.team_c.pk]),
        {"person": world.practitioner_c.email.upper()},
    )
    assert TeamManager.objects.filter(team=world.team_c, person=world.practitioner_c).exists()
    assert (
        "team_manager" in type(world.practitioner_c).objects.get(pk=world.practitioner_c.pk).roles
    )
    remove = reverse("teams:team-manager-remove", args=[world.team_c.pk, world.practitioner_c.pk])
    assert client.get(remove).status_code == 405
    client.post(remove)
    assert not TeamManager.objects.filter(team=world.team_c).exists()
    assert {"team.manager_add", "team.manager_remove"} <= set(
        AuditEntry.objects.values_list("action", flat=True)
    )


def test_people_of_another_organisation_cannot_be_made_managers(world, client):
    client.force_login(world.org_admin)
    response = client.post(
        reverse("teams:team-manager-add", args=[world.team_c.pk]), {"person": world.outsider.email}
    )
    assert "person" in response.context["form"].errors
    assert not TeamManager.objects.filter(team=world.team_c).exists()


@pytest.mark.parametrize("actor", ["practitioner_a", "manager_a", "ld_lead"])
def test_structure_pages_are_for_org_admins(world, client, actor):
    client.force_login(getattr(world, actor))
    assert client.get(reverse("teams:team-create")).status_code == 403
    assert client.get(reverse("teams:team-edit", args=[world.team_a.pk])).status_code == 403
    assert client.get(reverse("teams:team-manager-add", args=[world.team_a.pk])).status_code == 403


def test_other_organisations_admin_gets_404_on_our_teams(world, client):
    client.force_login(world.outsider)
    assert client.get(reverse("teams:team-edit", args=[world.team_a.pk])).status_code == 404
    assert (
        client.post(
            reverse("teams:team-manager-remove", args=[world.team_a.pk, world.manager_a.pk])
        ).status_code
        == 404
    )
    assert TeamManager.objects.filter(team=world.team_a).exists()


def test_parent_is_linked_only_when_the_visitor_can_open_it(world, client):
    client.force_login(world.manager_a)
    html = client.get(team_url(world.team_a)).content.decode()
    assert "Assessment" in html and f'href="{team_url(world.assessment)}"' not in html
    client.force_login(world.service_manager)
    html = client.get(team_url(world.team_a)).content.decode()
    assert f'href="{team_url(world.assessment)}"' in html
