"""People added without a password set one through an emailed link."""

import re

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError

from teams import services


def test_imported_person_sets_a_password_by_email_link_and_signs_in(world, client):
    person = services.person_create(
        actor=world.org_admin, email="new.starter@northshire.example", full_name="New Starter"
    )
    response = client.post("/password/reset/", {"email": "New.Starter@northshire.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    link = re.search(r"http://testserver(/password/reset/\S+/)", message.body).group(1)
    page = client.get(link, follow=True)
    assert b"Choose a password" in page.content
    form_url = page.redirect_chain[-1][0]
    weak = client.post(form_url, {"new_password1": "password123", "new_password2": "password123"})
    assert b"This password is too short" in weak.content or b"too common" in weak.content
    strong = "a long and memorable sentence about tea"
    client.post(form_url, {"new_password1": strong, "new_password2": strong})
    person.refresh_from_db()
    assert person.check_password(strong)
    signed_in = client.post(
        "/sign-in/", {"username": person.email, "password": strong}, follow=True
    )
    assert signed_in.context["user"] == person


def test_unknown_or_inactive_email_sends_nothing_and_says_the_same(world, client):
    world.practitioner_b.is_active = False
    world.practitioner_b.save()
    for email in ("nobody@northshire.example", world.practitioner_b.email):
        response = client.post("/password/reset/", {"email": email})
        assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.parametrize("weak", ["short1!", "password1234", "123456789012"])
def test_weak_passwords_are_refused(weak):
    with pytest.raises(ValidationError):
        validate_password(weak)


def test_long_passwords_are_welcome():
    validate_password("x7" * 40)  # 80 characters are welcome
