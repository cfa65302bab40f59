"""Everyone manages their own API tokens: the key is shown once, revoking asks first."""

from django.urls import reverse

from teams import services
from teams.models import ApiToken, AuditEntry

LIST = reverse("teams:tokens")
CREATE = reverse("teams:token-create")


def test_creating_a_token_shows_the_key_once(world, client):
    client.force_login(world.practitioner_a)
    response = client.post(CREATE, {"name": "My script"})
    assert response.status_code == 200
    raw = response.context["raw_key"]
    html = response.content.decode()
    assert raw in html and "will not be shown again" in html
    assert response["Cache-Control"] == "no-store"
    assert services.api_token_authenticate(raw) == world.practitioner_a
    listing = client.get(LIST).content.decode()
    assert "My script" in listing and raw not in listing
    assert AuditEntry.objects.filter(action="api_token.create").exists()


def test_a_token_needs_a_name(world, client):
    client.force_login(world.practitioner_a)
    response = client.post(CREATE, {"name": ""})
    assert "name" in response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_list_shows_only_ones_own_tokens(world, client):
    services.api_token_create(actor=world.practitioner_a, name="Mine")
    services.api_token_create(actor=world.manager_a, name="Theirs")
    client.force_login(world.practitioner_a)
    response = client.get(LIST)
    assert [token.name for token in response.context["tokens"]] == ["Mine"]


def test_revoking_asks_then_revokes(world, client):
    token, raw = services.api_token_create(actor=world.practitioner_a, name="Old script")
    client.force_login(world.practitioner_a)
    url = reverse("teams:token-revoke", args=[token.pk])
    assert "Revoke the token" in client.get(url).content.decode()
    assert services.api_token_authenticate(raw) is not None
    response = client.post(url)
    assert response["Location"] == LIST
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert services.api_token_authenticate(raw) is None
    assert "Revoked" in client.get(LIST).content.decode()


def test_someone_elses_token_answers_404(world, client):
    token, raw = services.api_token_create(actor=world.manager_a, name="Theirs")
    for visitor in (world.practitioner_a, world.org_admin, world.outsider):
        client.force_login(visitor)
        url = reverse("teams:token-revoke", args=[token.pk])
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert services.api_token_authenticate(raw) == world.manager_a


def test_anonymous_visitors_sign_in_first(client):
    assert client.get(LIST).status_code == 302
    assert client.post(CREATE, {"name": "x"}).status_code == 302
