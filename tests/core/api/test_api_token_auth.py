"""Personal API tokens: created through the API, shown once, stored hashed, acting with exactly
their owner's permissions, recording when they were last used, and dead once revoked."""

import datetime

from django.test import Client
from django.utils import timezone

from teams import services
from teams.models import ApiToken
from tests.support import error_of, ids


def create_token(api, person, name="Nightly export"):
    response = api.as_(person).post("/tokens", {"name": name})
    assert response.status_code == 201, response.content
    return response.json()


def test_the_key_is_returned_once_and_only_its_hash_is_stored(world, api):
    created = create_token(api, world.practitioner_a)
    raw = created["key"]
    assert raw.startswith("pt_") and len(raw) > 40
    token = ApiToken.objects.get(pk=created["id"])
    stored = [str(value) for value in ApiToken.objects.values_list().get(pk=token.pk)]
    assert not any(raw in value for value in stored)
    assert token.key_hash == services.hash_token(raw)
    assert created["prefix"] == raw[:10] == token.prefix
    listed = api.get("/tokens").json()["items"]
    assert [item["name"] for item in listed] == ["Nightly export"]
    assert "key" not in listed[0]


def test_the_creation_response_is_not_cached(world, api):
    response = api.as_(world.practitioner_a).post("/tokens", {"name": "Script"})
    assert response["Cache-Control"] == "no-store"


def test_a_token_authenticates_a_script_and_records_when_it_was_used(world, api):
    raw = create_token(api, world.practitioner_a)["key"]
    response = api.with_token(raw).get(f"/people/{world.practitioner_a.pk}")
    assert response.status_code == 200
    assert response.json()["full_name"] == "Priya Practitioner"
    token = ApiToken.objects.get(person=world.practitioner_a)
    assert token.last_used_at is not None
    assert timezone.now() - token.last_used_at < datetime.timedelta(minutes=1)


def test_a_token_acts_with_exactly_its_owners_permissions(world, api):
    raw = create_token(api, world.practitioner_a)["key"]
    api.with_token(raw)
    assert ids(api.get("/people")) == [world.practitioner_a.pk]
    assert api.get(f"/people/{world.practitioner_a2.pk}").status_code == 404
    assert api.post("/teams", {"name": "Shadow team"}).status_code == 403
    assert api.get("/audit").status_code == 403

    admin_raw = create_token(api, world.org_admin)["key"]
    api.with_token(admin_raw)
    assert api.get(f"/people/{world.practitioner_a2.pk}").status_code == 200
    assert api.post("/teams", {"name": "Duty team"}).status_code == 201


def test_a_revoked_token_answers_401(world, api):
    created = create_token(api, world.practitioner_a)
    revoked = api.as_(world.practitioner_a).post(f"/tokens/{created['id']}/revoke")
    assert revoked.status_code == 200
    assert revoked.json()["is_active"] is False and revoked.json()["revoked_at"]
    response = api.with_token(created["key"]).get("/people")
    assert response.status_code == 401
    assert error_of(response)["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_nobody_revokes_someone_elses_token(world, api):
    created = create_token(api, world.practitioner_a)
    assert api.as_(world.org_admin).post(f"/tokens/{created['id']}/revoke").status_code == 404
    assert api.with_token(created["key"]).get("/people").status_code == 200


def test_unknown_tokens_and_tokens_of_people_who_left_answer_401(world, api):
    raw = create_token(api, world.practitioner_a)["key"]
    assert api.with_token("pt_not-a-real-token").get("/people").status_code == 401
    assert api.with_token("not even the right shape").get("/people").status_code == 401
    world.practitioner_a.is_active = False
    world.practitioner_a.save(update_fields=["is_active"])
    assert api.with_token(raw).get("/people").status_code == 401


def test_a_token_needs_no_csrf_token_to_write(world, api):
    raw = create_token(api, world.org_admin)["key"]
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/api/v1/teams",
        {"name": "Scripted team"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 201
