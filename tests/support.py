"""A small JSON client and helpers for the API tests in every app: paths are relative to
/api/v1. The ``api`` fixture in tests/conftest.py wraps the test client in ``Api``."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

API = "/api/v1"


class Api:
    """Wraps Django's test client: JSON bodies in, ``response.json()`` out."""

    def __init__(self, client: Client):
        self.client = client
        self.headers: dict[str, str] = {}

    def as_(self, person):
        """Signs in with a browser session (the test client skips CSRF unless told not to)."""
        self.client.logout()
        self.headers = {}
        if person is not None:
            self.client.force_login(person)
        return self

    def with_token(self, raw):
        """Calls as a script would: no session, only the bearer token."""
        self.client.logout()
        self.headers = {"Authorization": f"Bearer {raw}"}
        return self

    def get(self, path, params=None):
        return self.client.get(API + path, params or {}, headers=self.headers)

    def _send(self, method, path, body):
        if isinstance(body, dict) and any(isinstance(v, SimpleUploadedFile) for v in body.values()):
            # A file upload goes as a multipart form, as a browser or ``curl -F`` sends it.
            for value in body.values():
                if isinstance(value, SimpleUploadedFile):
                    value.seek(0)
            return getattr(self.client, method)(API + path, body, headers=self.headers)
        data = body if isinstance(body, str | bytes) else json.dumps(body or {})
        return getattr(self.client, method)(
            API + path, data, content_type="application/json", headers=self.headers
        )

    def post(self, path, body=None):
        return self._send("post", path, body)

    def patch(self, path, body=None):
        return self._send("patch", path, body)

    def put(self, path, body=None):
        return self._send("put", path, body)

    def delete(self, path):
        return self.client.delete(API + path, headers=self.headers)


def ids(response):
    return [item["id"] for item in response.json()["items"]]


def names(response, key="full_name"):
    return [item[key] for item in response.json()["items"]]


def error_of(response):
    """The error body every failure shares."""
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"status", "code", "message", "fields"}, body
    assert body["error"]["status"] == response.status_code
    return body["error"]


def answers_a_list(schema: dict, operation: dict) -> bool:
    """Whether an OpenAPI operation answers many things: a bare array or a page of items."""
    responses = operation["responses"]
    content = (responses.get(200) or responses.get("200") or {}).get("content", {})
    if "application/json" not in content:  # a download, such as a workbook
        return False
    answer = content["application/json"]["schema"]
    if answer.get("type") == "array":
        return True
    ref = answer.get("$ref", "")
    component = schema["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {})
    return "items" in component.get("properties", {})


def list_paths(schema: dict) -> dict[str, dict]:
    """Every GET operation that answers a list, by path without the /api/v1 prefix."""
    return {
        path.removeprefix(API): methods["get"]
        for path, methods in schema["paths"].items()
        if "get" in methods and answers_a_list(schema, methods["get"])
    }
