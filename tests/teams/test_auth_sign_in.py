"""People sign in with their work email and password at /sign-in/."""

from django.urls import reverse

from tests.factories import TEST_PASSWORD

SIGN_IN = reverse("login")


def test_sign_in_page_renders(client):
    response = client.get(SIGN_IN)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="email"' in html and 'autocomplete="email"' in html
    assert reverse("password_reset") in html


def test_sign_in_with_email_and_password(world, client):
    response = client.post(
        SIGN_IN, {"username": "Priya.Practitioner@northshire.example", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.get(reverse("home")).context["user"] == world.practitioner_a


def test_sign_in_returns_to_the_page_asked_for(world, client):
    people = reverse("teams:people")
    response = client.post(
        SIGN_IN, {"username": world.manager_a.email, "password": TEST_PASSWORD, "next": people}
    )
    assert response["Location"] == people


def test_wrong_password_is_reported_without_saying_which_part(world, client):
    response = client.post(
        SIGN_IN, {"username": world.practitioner_a.email, "password": "not the password"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and "Enter a correct work email and password" in html
    assert client.get(reverse("home")).status_code == 302


def test_inactive_people_cannot_sign_in(world, client):
    world.practitioner_c.is_active = False
    world.practitioner_c.save()
    client.post(SIGN_IN, {"username": world.practitioner_c.email, "password": TEST_PASSWORD})
    assert client.get(reverse("home")).status_code == 302
