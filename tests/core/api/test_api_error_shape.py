"""Every failure answers the same body, {"error": {status, code, message, fields}}, and the
OpenAPI schema documents it."""

from django.db import IntegrityError

from config.api import api as ninja_api
from teams import services
from tests.support import error_of


def test_400_for_a_body_that_is_not_json(world, api):
    response = api.as_(world.org_admin).post("/teams", "{not json")
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "bad_request"
    assert error["message"]


def test_401_when_not_signed_in(world, api):
    response = api.as_(None).get("/people")
    assert response.status_code == 401
    error = error_of(response)
    assert error["code"] == "not_authenticated"
    assert "Bearer" in error["message"]


def test_403_when_the_role_does_not_allow_it(world, api):
    response = api.as_(world.ld_lead).post("/teams", {"name": "Not mine to make"})
    assert response.status_code == 403
    assert error_of(response)["code"] == "permission_denied"


def test_404_for_something_that_does_not_exist_or_cannot_be_seen(world, api):
    response = api.as_(world.org_admin).get("/people/999999")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_404_names_the_field_when_the_body_pointed_at_it(world, api):
    response = api.as_(world.org_admin).post(
        "/teams", {"name": "Lost", "parent_id": world.outsider_team.pk}
    )
    assert response.status_code == 404
    assert list(error_of(response)["fields"]) == ["parent_id"]


def test_409_when_the_request_clashes_with_what_is_recorded(world, api):
    response = api.as_(world.org_admin).delete(f"/teams/{world.team_a.pk}")
    assert response.status_code == 409
    error = error_of(response)
    assert error["code"] == "conflict"
    assert "move them first" in error["message"]


def test_409_when_the_database_refuses_a_duplicate(world, api, monkeypatch):
    def clash(**kwargs):
        raise IntegrityError("UNIQUE constraint failed")

    monkeypatch.setattr(services, "team_create", clash)
    response = api.as_(world.org_admin).post("/teams", {"name": "Twice"})
    assert response.status_code == 409
    assert error_of(response)["code"] == "conflict"


def test_422_names_each_bad_field(world, api):
    response = api.as_(world.org_admin).post(
        "/registrations",
        {"person_id": world.practitioner_a.pk, "regulator": "swe", "number": "XX1"},
    )
    assert response.status_code == 422
    error = error_of(response)
    assert error["code"] == "validation_error"
    assert "Social Work England" in error["fields"]["number"][0]


def test_422_for_request_shapes_ninja_refuses(world, api):
    response = api.as_(world.org_admin).post("/people", {"email": "x@example.org"})
    assert response.status_code == 422
    assert "full_name" in error_of(response)["fields"]


def test_the_schema_documents_the_error_body_on_every_operation():
    schema = ninja_api.get_openapi_schema()
    assert schema["components"]["schemas"]["ErrorOut"]["required"] == ["error"]
    detail = schema["components"]["schemas"]["ErrorDetail"]["properties"]
    assert set(detail) == {"status", "code", "message", "fields"}
    for methods in schema["paths"].values():
        for method, operation in methods.items():
            expected = {401, 403, 404, 422} | ({400, 409} if method != "get" else set())
            for status in expected:
                content = operation["responses"][status]["content"]["application/json"]
                assert content["schema"] == {"$ref": "#/components/schemas/ErrorOut"}


def test_404_for_an_address_no_operation_matches_uses_the_same_shape(world, client):
    client.force_login(world.org_admin)
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_found"


def test_an_unknown_page_outside_the_api_is_still_a_page(world, client):
    client.force_login(world.org_admin)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"<html" in response.content


def test_a_method_an_address_does_not_take_gets_the_error_shape(api, world):
    response = api.as_(world.practitioner_a).delete("/catalogue/formats")
    assert response.status_code == 405
    error = error_of(response)
    assert error["code"] == "method_not_allowed"
    assert "GET" in response["Allow"] and "POST" in response["Allow"]
    assert "does not take DELETE" in error["message"]
