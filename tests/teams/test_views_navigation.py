"""The menu shows each person the sections their roles open, and marks the current page."""

import re

from django.urls import reverse

from core.hooks import app_functions


def teams_labels(response, user):
    """The menu without the entries other apps add (each app tests its own)."""
    added = {
        label for items in app_functions("navigation", "menu_items") for _, label in items(user)
    }
    return [label for label in menu_labels(response) if label not in added]


def menu_labels(response):
    html = response.content.decode()
    menu = html[html.index('id="navigation"') : html.index("</ul>", html.index('id="navigation"'))]
    return [
        re.sub(r"<[^>]+>", "", label).strip()
        for label in re.findall(
            r'class="govuk-service-navigation__link" href="[^"]+"[^>]*>(.*?)</a>', menu
        )
    ]


def test_practitioner_sees_home_and_tokens_only(world, client):
    client.force_login(world.practitioner_a)
    labels = teams_labels(client.get(reverse("home")), world.practitioner_a)
    assert labels == ["Home", "API tokens"]


def test_team_manager_and_ld_lead_see_people_and_teams(world, client):
    for person in (world.manager_a, world.ld_lead):
        client.force_login(person)
        labels = teams_labels(client.get(reverse("home")), person)
        assert labels == ["Home", "People", "Teams", "API tokens"]


def test_org_admin_sees_admin_sections(world, client):
    client.force_login(world.org_admin)
    labels = teams_labels(client.get(reverse("home")), world.org_admin)
    assert labels[:3] == ["Home", "People", "Teams"]
    assert "Audit log" in labels and "Organisation settings" in labels
    assert labels[-1] == "API tokens"


def test_current_section_is_marked(world, client):
    client.force_login(world.org_admin)
    html = client.get(reverse("teams:person", args=[world.practitioner_a.pk])).content.decode()
    current = re.findall(r'href="([^"]+)" aria-current="page"', html)
    assert current == [reverse("teams:people")]


def test_sign_out_is_a_post_button(world, client):
    client.force_login(world.practitioner_a)
    html = client.get(reverse("home")).content.decode()
    assert f'<form method="post" action="{reverse("logout")}"' in html
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_header_shows_organisation_name_and_colour_with_nonce(world, client):
    world.organisation.brand_colour = "#6f2c91"
    world.organisation.save()
    client.force_login(world.practitioner_a)
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert "govuk-generic-header" in html and "Northshire County Council" in html
    assert "--pt-brand: #6f2c91; --pt-brand-text: #ffffff;" in html
    nonce = re.search(r'<style nonce="([^"]+)"', html)[1]
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    assert "govuk-logo" not in html and "crown" not in html.lower()
    assert 'style="' not in html


def test_light_brand_colour_gets_dark_header_text(world, client):
    world.organisation.brand_colour = "#ffdd00"
    world.organisation.save()
    client.force_login(world.practitioner_a)
    assert "--pt-brand-text: #0b0c0c;" in client.get(reverse("home")).content.decode()
