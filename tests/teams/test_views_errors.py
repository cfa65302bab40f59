"""The 403, 404 and 500 pages speak plainly and keep the layout."""

import pytest
from django.test import Client
from django.urls import reverse

from core import errors as views
from tests.factories import PersonFactory


def test_403_page(world, client):
    client.force_login(world.practitioner_a)
    response = client.get(reverse("teams:audit"))
    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()


def test_404_page(world, client):
    client.force_login(world.practitioner_a)
    response = client.get("/organisation/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and "Northshire County Council" in html


def test_500_page_renders_without_the_database(rf):
    response = views.server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@pytest.mark.django_db
def test_500_handler_is_used_for_unhandled_errors(monkeypatch):
    def boom(request):
        raise RuntimeError("broken")

    monkeypatch.setattr("teams.views.home.selectors.own_memberships", boom)
    client = Client(raise_request_exception=False)
    client.force_login(PersonFactory())
    response = client.get(reverse("home"))
    assert response.status_code == 500
    assert "Sorry, there is a problem" in response.content.decode()


def test_csrf_failure_page_explains_what_to_do(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.org_admin)
    response = client.post(reverse("teams:token-create"), {"name": "No token"})
    assert response.status_code == 403
    assert "The form could not be sent" in response.content.decode()
