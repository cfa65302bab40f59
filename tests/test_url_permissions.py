"""Every URL pattern, found from the resolver, is checked against every kind of visitor.

A new URL without an entry in EXPECTATIONS fails this test, so nobody can add a page without
deciding who may open it. The API's operations are enumerated from the OpenAPI schema in
tests/core/api/test_api_permission_matrix.py; only the API's documentation URLs are checked here.
"""

from collections.abc import Callable, Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access_cases import (
    ACTOR_PEOPLE,
    ACTORS,
    LOGIN,
    NOT_ALLOWED,
    OK,
    POST_ONLY,
    SIGNED_IN,
    collect,
    page_expect,
)

PUBLIC = page_expect(anonymous=OK)

# Expected GET status for every URL name; "login" means a redirect to the sign-in page.
EXPECTATIONS: dict[str, dict[str, int | str]] = {
    "home": SIGNED_IN,
    "login": page_expect(
        anonymous=OK, practitioner=302, other_manager=302, ld_lead=302, org_admin=302, outsider=302
    ),
    # Signing out only POSTs, whoever asks.
    "logout": {**POST_ONLY, "anonymous": NOT_ALLOWED},
    "api:openapi-json": PUBLIC,
    "api:openapi-view": SIGNED_IN,
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,
    "password_reset_complete": PUBLIC,
    "password_change": SIGNED_IN,
    "password_change_done": SIGNED_IN,
    **collect("URL_EXPECTATIONS"),
}

# URL keyword arguments by name, filled from the world: Team A's things.
KWARGS: dict[str, Callable[[object], object]] = {
    "uidb64": lambda world: "MQ",
    "token": lambda world: "expired-token",
}


# Where "pk" and friends mean different objects, each app's module names them by URL name.
URL_KWARGS: dict[str, dict[str, Callable[[object], object]]] = collect("URL_KWARGS")


def walk(resolver: URLResolver, namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, inner)
        elif entry.name:
            yield f"{namespace}{entry.name}", entry


def url_names() -> list[str]:
    names = []
    for name, _pattern in walk(get_resolver()):
        # API operations are covered by the OpenAPI-driven matrix; its docs are covered here.
        if name.startswith("api:") and name not in {"api:openapi-json", "api:openapi-view"}:
            continue
        names.append(name)
    return sorted(set(names))


def test_every_url_has_an_expectation():
    missing = [name for name in url_names() if name not in EXPECTATIONS]
    stale = [name for name in EXPECTATIONS if name not in url_names()]
    assert not missing, f"URLs with no permission expectation: {missing}"
    assert not stale, f"Expectations for URLs that no longer exist: {stale}"


@pytest.mark.parametrize("name", url_names())
def test_url_permissions(world, client, name):
    pattern = dict(walk(get_resolver()))[name]
    params = list(pattern.pattern.converters)
    makers = {**KWARGS, **URL_KWARGS.get(name, {})}
    kwargs = {param: makers[param](world) for param in params}
    url = reverse(name, kwargs=kwargs)
    expected = EXPECTATIONS[name]
    failures = []
    for actor in ACTORS:
        client.logout()
        if actor != "anonymous":
            person = getattr(world, ACTOR_PEOPLE[actor])
            client.force_login(person)
        response = client.get(url)
        want = expected[actor]
        if want == LOGIN:
            got_login = response.status_code == 302 and reverse("login") in response["Location"]
            if not got_login:
                failures.append(f"{actor}: expected sign-in redirect, got {response.status_code}")
        elif response.status_code != want:
            failures.append(f"{actor}: expected {want}, got {response.status_code}")
    assert not failures, f"{name} ({url}): " + "; ".join(failures)
