"""The OpenAPI schema is public (scripts and code generators fetch it); the interactive docs
are for signed-in people and load nothing from other sites."""

from django.urls import reverse

from config.api import api as ninja_api


def test_the_schema_is_served_to_anyone(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Protected Time API"
    assert schema["info"]["version"] == "1"
    assert set(schema["components"]["securitySchemes"]) == {
        "PersonalTokenAuth",
        "SessionWithCsrfAuth",
    }


def test_every_operation_names_a_stable_operation_id_and_needs_authentication():
    for methods in ninja_api.get_openapi_schema()["paths"].values():
        for operation in methods.values():
            assert operation["operationId"].replace("_", "").isalpha()
            assert {"PersonalTokenAuth": []} in operation["security"]
            assert {"SessionWithCsrfAuth": []} in operation["security"]


def test_the_docs_send_anonymous_visitors_to_sign_in(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_docs_serve_swagger_from_our_own_static_files(world, client):
    client.force_login(world.practitioner_a)
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert 'data-api-csrf="true"' in html
