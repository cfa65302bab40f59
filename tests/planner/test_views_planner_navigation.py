"""The menu offers "My protected time" to everyone and "Team planner" to the people who plan."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("person", "sees_planner"),
    [
        ("practitioner_a", False),
        ("manager_a", True),
        ("ld_lead", True),
        ("org_admin", True),
    ],
)
def test_planner_menu_entries_by_role(world, client, person, sees_planner):
    client.force_login(getattr(world, person))
    menu = client.get(reverse("home")).content.decode()
    menu = menu[menu.index('aria-label="Menu"') :]
    assert f'href="{reverse("planner:my-time")}"' in menu
    assert (f'href="{reverse("planner:teams")}"' in menu) is sees_planner


def test_the_planner_list_shows_the_teams_a_manager_plans(world, client):
    client.force_login(world.manager_a)
    html = client.get(reverse("planner:teams")).content.decode()
    assert world.team_a.name in html and world.team_b.name not in html
    client.force_login(world.ld_lead)
    html = client.get(reverse("planner:teams")).content.decode()
    assert (
        world.team_a.name in html
        and world.team_b.name in html
        and world.outsider_team.name not in html
    )
