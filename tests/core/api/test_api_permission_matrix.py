"""Every API operation, found from the OpenAPI schema, is called by every kind of caller.

The operations come from ``api.get_openapi_schema()``, not from a hand-kept list: an operation
without an entry in EXPECTATIONS fails the test, and so does an entry for an operation that no
longer exists. Path parameters are filled from the `world` by name (Team A's things); writes
send a valid body, so the status shows the permission decision rather than a validation error.
"""

import pytest

from config.api import api as ninja_api
from teams import services
from tests.access_cases import ACTOR_PEOPLE, ACTORS, collect, collect_things_makers

# Each app's expectations, bodies and path values live in its module in tests/access_cases.
EXPECTATIONS: dict[str, dict[str, int]] = collect("API_EXPECTATIONS")

# Path parameters by name: Team A's things, as the `things` fixture below finds them.
PATH_VALUES = collect("API_PATH_VALUES")

# Operations that use their object up, or need one of their own: a fresh one for each call.
FRESH_PATH_VALUES = collect("API_FRESH_PATH_VALUES")

# A valid body for every write, fresh for each call (unique names, numbers and dates).
BODIES = collect("API_BODIES")


def operations():
    """(method, path, operationId) for every operation in the OpenAPI schema."""
    schema = ninja_api.get_openapi_schema()
    found = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            found.append((method, path, operation["operationId"]))
    return found


OPERATIONS = operations()


def test_every_operation_has_an_expectation():
    in_schema = {operation_id for _method, _path, operation_id in OPERATIONS}
    missing = sorted(in_schema - set(EXPECTATIONS))
    stale = sorted(set(EXPECTATIONS) - in_schema)
    assert not missing, f"API operations with no permission expectation: {missing}"
    assert not stale, f"Expectations for operations that no longer exist: {stale}"
    assert len(in_schema) == len(OPERATIONS), "operationIds must be unique"


def test_every_write_has_a_body_and_every_path_parameter_a_value():
    # Built once: building the schema costs a fraction of a second per call.
    paths = ninja_api.get_openapi_schema()["paths"]
    for method, path, operation_id in OPERATIONS:
        schema = paths[path][method]
        if "requestBody" in schema:
            assert operation_id in BODIES, f"{operation_id} needs a valid body in BODIES"
        for parameter in schema.get("parameters", []):
            if parameter["in"] == "path":
                assert parameter["name"] in PATH_VALUES, f"no value for {parameter['name']}"


@pytest.fixture
def things(world):
    """Team A's things that the world does not already hold."""
    found = {}
    for maker in collect_things_makers():
        found.update(maker(world))
    return found


def sign_in(api, world, actor, how):
    """Plays the actor through a browser session or through their own personal API token."""
    if actor == "anonymous":
        return api.as_(None)
    person = getattr(world, ACTOR_PEOPLE[actor])
    if how == "session":
        return api.as_(person)
    return api.with_token(services.api_token_create(actor=person, name="Matrix")[1])


# A token acts with exactly its owner's permissions, so both ways in must give the same answers.
@pytest.mark.parametrize("how", ["session", "token"])
@pytest.mark.parametrize(
    ("method", "path", "operation_id"),
    OPERATIONS,
    ids=[operation_id for _method, _path, operation_id in OPERATIONS],
)
def test_operation_permissions(world, things, api, method, path, operation_id, how):
    expected = EXPECTATIONS[operation_id]
    failures = []
    for actor in ACTORS:
        sign_in(api, world, actor, how)
        values = {name: value(world, things) for name, value in PATH_VALUES.items()}
        values.update(FRESH_PATH_VALUES.get(operation_id, lambda world: {})(world))
        url = path.removeprefix("/api/v1").format(**values)
        if method == "get":
            response = api.get(url)
        elif method == "delete":
            response = api.delete(url)
        else:
            body = BODIES.get(operation_id, lambda world: {})(world)
            response = getattr(api, method)(url, body)
        if response.status_code != expected[actor]:
            failures.append(
                f"{actor}: expected {expected[actor]}, got {response.status_code} "
                f"{response.content[:200]!r}"
            )
    assert not failures, f"{method.upper()} {path} ({operation_id}, {how}): " + "; ".join(failures)
