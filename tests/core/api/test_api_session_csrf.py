"""The browser's session works on the API too, but a write must carry the CSRF token."""

import pytest
from django.conf import settings
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory

from teams.models import Team
from tests.support import error_of


@pytest.fixture
def browser(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.org_admin)
    return client


def csrf_pair():
    """A CSRF cookie value and the matching token a page would put in the header."""
    request = RequestFactory().get("/")
    token = get_token(request)
    return request.META["CSRF_COOKIE"], token


def post_team(client, name, headers=None):
    return client.post(
        "/api/v1/teams", {"name": name}, content_type="application/json", headers=headers or {}
    )


def test_reads_need_no_csrf_token(world, browser):
    assert browser.get("/api/v1/people").status_code == 200


def test_a_write_without_the_csrf_token_is_refused(world, browser):
    response = post_team(browser, "Sneaky team")
    assert response.status_code == 403
    assert error_of(response)["code"] == "csrf_failed"
    assert not Team.objects.filter(name="Sneaky team").exists()


def test_a_write_with_the_csrf_token_goes_through(world, browser):
    cookie, token = csrf_pair()
    browser.cookies[settings.CSRF_COOKIE_NAME] = cookie
    response = post_team(browser, "Duty team", headers={"X-CSRFToken": token})
    assert response.status_code == 201
    assert Team.objects.filter(name="Duty team", organisation=world.organisation).exists()


def test_a_wrong_csrf_token_is_refused(world, browser):
    cookie, _token = csrf_pair()
    _other_cookie, other_token = csrf_pair()
    browser.cookies[settings.CSRF_COOKIE_NAME] = cookie
    response = post_team(browser, "Duty team", headers={"X-CSRFToken": other_token})
    assert response.status_code == 403


def test_anonymous_writes_are_told_to_authenticate_not_about_csrf(world):
    response = post_team(Client(enforce_csrf_checks=True), "Duty team")
    assert response.status_code == 401
    assert error_of(response)["code"] == "not_authenticated"
