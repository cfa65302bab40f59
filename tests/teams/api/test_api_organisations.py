"""A person sees their own organisation; its org admin changes its name, colour and week."""

from tests.support import ids


def test_everyone_sees_only_their_own_organisation(world, api):
    assert ids(api.as_(world.practitioner_a).get("/organisations")) == [world.organisation.pk]
    body = api.get(f"/organisations/{world.organisation.pk}").json()
    assert body["name"] == "Northshire County Council"
    assert body["standard_weekly_minutes"] == 37 * 60


def test_an_org_admin_changes_the_organisation(world, api):
    response = api.as_(world.org_admin).patch(
        f"/organisations/{world.organisation.pk}",
        {"name": "Northshire Council", "brand_colour": "#00703c", "standard_weekly_minutes": 2100},
    )
    assert response.status_code == 200
    world.organisation.refresh_from_db()
    assert world.organisation.name == "Northshire Council"
    assert world.organisation.brand_colour == "#00703c"
    assert world.organisation.standard_weekly_minutes == 2100


def test_the_slug_cannot_be_changed(world, api):
    response = api.as_(world.org_admin).patch(
        f"/organisations/{world.organisation.pk}", {"slug": "mine"}
    )
    assert response.status_code == 422
    assert "slug" in response.json()["error"]["fields"]
