"""Repeated wrong passwords lock an email/address pair out, but only for a cool-off period."""

import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.factories import TEST_PASSWORD

SIGN_IN = reverse("login")


def fail(client, email, times):
    for _ in range(times):
        client.post(SIGN_IN, {"username": email, "password": "wrong password guess"})


def test_cool_off_is_configured_so_lock_outs_never_last_for_ever():
    assert settings.AXES_COOLOFF_TIME
    assert settings.AXES_FAILURE_LIMIT >= 3


def test_lock_out_after_the_failure_limit_then_sign_in_after_cool_off(world, client):
    email = world.practitioner_a.email
    fail(client, email, settings.AXES_FAILURE_LIMIT)

    locked = client.post(SIGN_IN, {"username": email, "password": TEST_PASSWORD})
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Too many sign-in attempts" in html and "15 minutes" in html
    assert client.get(reverse("home")).status_code == 302

    cool_off = datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - cool_off - datetime.timedelta(minutes=1)
    )

    response = client.post(SIGN_IN, {"username": email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_lock_out_is_for_that_email_only(world, client):
    fail(client, world.practitioner_a.email, settings.AXES_FAILURE_LIMIT)
    response = client.post(
        SIGN_IN, {"username": world.practitioner_b.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
