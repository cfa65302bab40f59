"""Every URL pattern, found from the resolver, is checked against every kind of visitor.

A new URL without an entry in EXPECTATIONS fails this test, so nobody can add a page without
deciding who may open it. The API's operations are enumerated from the OpenAPI schema in
tests/api/test_api_permission_matrix.py; only the API's documentation URLs are checked here.
"""

from collections.abc import Callable, Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from integrations.models import ImportBatch
from teams import services
from teams.imports.staff_list import import_batch_create
from teams.models import AuditEntry
from tests.access_cases import (
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    collect,
    page_expect,
)
from tests.factories import RegistrationFactory
from tests.spreadsheets import valid_rows, xlsx

ACTORS = ("anonymous", "practitioner", "other_manager", "ld_lead", "org_admin", "outsider")

# The people each actor is played by in the `world` fixture. "other_manager" manages Team B and
# looks at Team A's people and objects.
ACTOR_PEOPLE = {
    "practitioner": "practitioner_a",
    "other_manager": "manager_b",
    "ld_lead": "ld_lead",
    "org_admin": "org_admin",
    "outsider": "outsider",
}

expect = page_expect


SIGNED_IN = expect()
ADMIN_ONLY = expect(
    practitioner=FORBIDDEN, other_manager=FORBIDDEN, ld_lead=FORBIDDEN, outsider=FORBIDDEN
)
# An org admin's page about one of our objects: other org admins get 404, as if it did not exist.
ADMIN_OBJECT = expect(
    practitioner=FORBIDDEN, other_manager=FORBIDDEN, ld_lead=FORBIDDEN, outsider=NOT_FOUND
)
# A page every org admin uses for their own organisation, with no object of ours in the URL.
ORG_ADMIN_PAGE = expect(practitioner=FORBIDDEN, other_manager=FORBIDDEN, ld_lead=FORBIDDEN)
STAFF_LISTS = expect(practitioner=FORBIDDEN, outsider=OK)
PUBLIC = expect(anonymous=OK)

# Expected GET status for every URL name; "login" means a redirect to the sign-in page.
EXPECTATIONS: dict[str, dict[str, int | str]] = {
    "home": SIGNED_IN,
    "login": expect(
        anonymous=OK, practitioner=302, other_manager=302, ld_lead=302, org_admin=302, outsider=302
    ),
    "logout": expect(
        anonymous=NOT_ALLOWED,
        practitioner=NOT_ALLOWED,
        other_manager=NOT_ALLOWED,
        ld_lead=NOT_ALLOWED,
        org_admin=NOT_ALLOWED,
        outsider=NOT_ALLOWED,
    ),
    "api:openapi-json": expect(anonymous=OK),
    "api:openapi-view": SIGNED_IN,
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,
    "password_reset_complete": PUBLIC,
    "password_change": SIGNED_IN,
    "password_change_done": SIGNED_IN,
    # Organisation pages (teams.urls). An org admin of another organisation opens the admin
    # pages of their own organisation (200) but gets 404 for our objects.
    "teams:people": SIGNED_IN,
    "teams:person": expect(other_manager=NOT_FOUND, outsider=NOT_FOUND),
    "teams:person-create": ORG_ADMIN_PAGE,
    "teams:person-edit": ADMIN_OBJECT,
    "teams:person-roles": ADMIN_OBJECT,
    "teams:membership-add": ADMIN_OBJECT,
    "teams:membership-end": ADMIN_OBJECT,
    "teams:working-pattern-add": ADMIN_OBJECT,
    "teams:registration-add": ADMIN_OBJECT,
    "teams:registration-edit": ADMIN_OBJECT,
    "teams:registration-remove": ADMIN_OBJECT,
    "teams:teams": SIGNED_IN,
    "teams:team": expect(other_manager=NOT_FOUND, outsider=NOT_FOUND),
    "teams:team-create": ORG_ADMIN_PAGE,
    "teams:team-edit": ADMIN_OBJECT,
    "teams:team-manager-add": ADMIN_OBJECT,
    "teams:team-manager-remove": expect(
        practitioner=FORBIDDEN,
        other_manager=FORBIDDEN,
        ld_lead=FORBIDDEN,
        org_admin=NOT_ALLOWED,
        outsider=NOT_ALLOWED,
    ),
    "teams:settings": ORG_ADMIN_PAGE,
    "teams:audit": ORG_ADMIN_PAGE,
    "teams:audit-entry": ADMIN_OBJECT,
    "teams:tokens": SIGNED_IN,
    "teams:token-create": SIGNED_IN,
    # Practitioner A's own token: nobody else, not even an org admin, may open it.
    "teams:token-revoke": expect(
        other_manager=NOT_FOUND, ld_lead=NOT_FOUND, org_admin=NOT_FOUND, outsider=NOT_FOUND
    ),
    # HR import (integrations.urls): org admins only; another organisation's upload is a 404.
    "integrations:people-import": ORG_ADMIN_PAGE,
    "integrations:people-import-template": ORG_ADMIN_PAGE,
    "integrations:people-import-preview": ADMIN_OBJECT,
    **collect("URL_EXPECTATIONS"),
}

# URL keyword arguments by name, filled from the world: Team A's things.
KWARGS: dict[str, Callable[[object], object]] = {
    "uidb64": lambda world: "MQ",
    "token": lambda world: "expired-token",
}


def _audit_entry(world: object) -> AuditEntry:
    team = services.team_create(actor=world.org_admin, name="Audited", parent=world.adults)
    return AuditEntry.objects.get(action="team.create", object_id=str(team.pk))


def _import_batch(world: object) -> ImportBatch:
    content = xlsx(valid_rows())
    return import_batch_create(actor=world.org_admin, filename="staff.xlsx", content=content)


# Where "pk" and friends mean different objects, the URL name picks them: Team A's things.
URL_KWARGS: dict[str, dict[str, Callable[[object], object]]] = {
    **{
        f"teams:{name}": {"pk": lambda world: world.practitioner_a.pk}
        for name in (
            "person",
            "person-edit",
            "person-roles",
            "membership-add",
            "working-pattern-add",
            "registration-add",
        )
    },
    "teams:membership-end": {
        "pk": lambda world: world.practitioner_a.pk,
        "membership_pk": lambda world: world.practitioner_a.memberships.get().pk,
    },
    **{
        f"teams:{name}": {
            "pk": lambda world: world.practitioner_a.pk,
            "registration_pk": lambda world: RegistrationFactory(person=world.practitioner_a).pk,
        }
        for name in ("registration-edit", "registration-remove")
    },
    **{
        f"teams:{name}": {"pk": lambda world: world.team_a.pk}
        for name in ("team", "team-edit", "team-manager-add")
    },
    "teams:team-manager-remove": {
        "pk": lambda world: world.team_a.pk,
        "person_pk": lambda world: world.manager_a.pk,
    },
    "teams:audit-entry": {"pk": lambda world: _audit_entry(world).pk},
    "integrations:people-import-preview": {"pk": lambda world: _import_batch(world).pk},
    "teams:token-revoke": {
        "pk": lambda world: services.api_token_create(actor=world.practitioner_a, name="Mine")[0].pk
    },
    **collect("URL_KWARGS"),
}


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
