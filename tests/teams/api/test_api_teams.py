"""Services and teams through the API: the tree, moving a team, deleting an empty one, and
team managers."""

from teams.models import Team, TeamManager
from tests.factories import TeamFactory


def test_a_team_as_the_api_shows_it(world, api):
    body = api.as_(world.org_admin).get(f"/teams/{world.team_a.pk}").json()
    assert body["name"] == "Assessment Team 1"
    assert body["parent_id"] == world.assessment.pk
    assert body["depth"] == 2
    assert body["managers"] == [{"id": world.manager_a.pk, "full_name": "Maya Manager"}]
    assert body["member_count"] == 3


def test_member_counts_only_count_people_the_caller_can_see(world, api):
    body = api.as_(world.practitioner_a).get(f"/teams/{world.team_a.pk}").json()
    assert body["member_count"] == 1


def test_create_below_a_service(world, api):
    response = api.as_(world.org_admin).post(
        "/teams",
        {"name": " Duty Team ", "parent_id": world.adults.pk, "minimum_staff_on_duty": 2},
    )
    assert response.status_code == 201
    team = Team.objects.get(pk=response.json()["id"])
    assert team.name == "Duty Team"
    assert team.path == f"{world.adults.path}{team.pk:010d}/"
    assert response.json()["depth"] == 1


def test_moving_a_service_moves_the_teams_below(world, api):
    response = api.as_(world.org_admin).patch(
        f"/teams/{world.assessment.pk}", {"parent_id": world.adults.pk}
    )
    assert response.status_code == 200
    world.team_a.refresh_from_db()
    assert world.team_a.path.startswith(world.adults.path)
    to_top = api.patch(f"/teams/{world.assessment.pk}", {"parent_id": None})
    assert to_top.json()["parent_id"] is None and to_top.json()["depth"] == 0


def test_only_an_empty_team_can_be_deleted(world, api):
    empty = TeamFactory(organisation=world.organisation, parent=world.adults)
    api.as_(world.org_admin)
    assert api.delete(f"/teams/{empty.pk}").status_code == 204
    assert not Team.objects.filter(pk=empty.pk).exists()
    assert api.delete(f"/teams/{world.adults.pk}").status_code == 409
    assert Team.objects.filter(pk=world.adults.pk).exists()


def test_adding_and_removing_a_manager(world, api):
    api.as_(world.org_admin)
    url = f"/teams/{world.team_c.pk}/managers"
    response = api.post(url, {"person_id": world.practitioner_c.pk})
    assert response.status_code == 201
    assert response.json()["managers"] == [
        {"id": world.practitioner_c.pk, "full_name": "Chris Carter"}
    ]
    assert world.practitioner_c.has_role("team_manager")
    assert api.delete(f"{url}/{world.practitioner_c.pk}").status_code == 204
    assert not TeamManager.objects.filter(team=world.team_c).exists()
    assert api.delete(f"{url}/{world.practitioner_c.pk}").status_code == 404


def test_a_new_manager_sees_their_team_and_its_people_at_once(world, api):
    api.as_(world.practitioner_a2)
    assert api.get(f"/people/{world.practitioner_c.pk}").status_code == 404
    api.as_(world.org_admin).post(
        f"/teams/{world.team_c.pk}/managers", {"person_id": world.practitioner_a2.pk}
    )
    api.as_(world.practitioner_a2)
    assert api.get(f"/teams/{world.team_c.pk}").status_code == 200
    assert api.get(f"/people/{world.practitioner_c.pk}").status_code == 200
