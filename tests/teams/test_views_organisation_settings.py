"""Org admins set the organisation's name, brand colour and standard week."""

import pytest
from django.urls import reverse

from teams.models import AuditEntry, Organisation

URL = reverse("teams:settings")


def test_settings_are_saved_and_audited(world, client):
    client.force_login(world.org_admin)
    assert 'value="37' in client.get(URL).content.decode()
    response = client.post(
        URL,
        {"name": "Northshire Council", "brand_colour": "#00703C", "standard_weekly_hours": "36.5"},
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(pk=world.organisation.pk)
    assert (organisation.name, organisation.brand_colour, organisation.standard_weekly_minutes) == (
        "Northshire Council",
        "#00703c",
        2190,
    )
    assert AuditEntry.objects.get().action == "organisation.update"
    assert "--pt-brand: #00703c" in client.get(URL).content.decode()


def test_a_bad_colour_is_explained_and_nothing_changes(world, client):
    client.force_login(world.org_admin)
    response = client.post(
        URL, {"name": "Northshire", "brand_colour": "purple", "standard_weekly_hours": "37"}
    )
    assert response.context["form"].errors["brand_colour"] == [
        "Enter a colour as # and six hex digits, like #1d70b8."
    ]
    assert Organisation.objects.get(pk=world.organisation.pk).name == "Northshire County Council"
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("actor", ["practitioner_a", "manager_a", "ld_lead"])
def test_only_org_admins_change_settings(world, client, actor):
    client.force_login(getattr(world, actor))
    assert client.get(URL).status_code == 403
    assert (
        client.post(
            URL, {"name": "Hacked", "brand_colour": "#000000", "standard_weekly_hours": "1"}
        ).status_code
        == 403
    )


def test_another_organisations_admin_changes_only_their_own(world, client):
    client.force_login(world.outsider)
    client.post(
        URL,
        {"name": "Southshire Renamed", "brand_colour": "#000000", "standard_weekly_hours": "37"},
    )
    assert Organisation.objects.get(pk=world.organisation.pk).name == "Northshire County Council"
    assert Organisation.objects.get(pk=world.other_organisation.pk).name == "Southshire Renamed"
