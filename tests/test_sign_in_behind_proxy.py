"""Behind a trusted proxy sign-in protection locks the attacker's address, not everyone's; the
forwarded header is never believed without a trusted proxy."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from core.client_ip import client_ip
from tests.factories import TEST_PASSWORD

SIGN_IN = reverse("login")
PROXY = "10.0.0.5"


def _from(client_address: str) -> Client:
    """A browser whose requests reach the site through the proxy."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_address)


def test_an_attacker_cannot_lock_a_colleague_out_through_the_proxy(world, settings_proxy):
    email = world.practitioner_a.email
    attacker = _from("203.0.113.9")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attacker.post(SIGN_IN, {"username": email, "password": "a guess"})
    assert attacker.post(SIGN_IN, {"username": email, "password": TEST_PASSWORD}).status_code == 429

    colleague = _from("198.51.100.20")
    response = colleague.post(SIGN_IN, {"username": email, "password": TEST_PASSWORD})
    assert response.status_code == 302


@pytest.fixture
def settings_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


@pytest.mark.parametrize(
    ("hops", "forwarded", "expected"),
    [
        (0, "203.0.113.9", PROXY),  # no trusted proxy: the header is the client's own words
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "1.2.3.4, 203.0.113.9", "203.0.113.9"),  # a spoofed entry on the left is ignored
        (2, "1.2.3.4, 203.0.113.9, 10.0.0.4", "203.0.113.9"),
        (1, "", PROXY),
        (1, "not-an-address", PROXY),
    ],
)
def test_the_client_address_is_read_from_the_right_of_the_forwarded_header(
    rf, settings, hops, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = hops
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
