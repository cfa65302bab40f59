"""Permission expectations contributed by each app, merged into the two enumerating tests.

``tests/test_url_permissions.py`` walks every URL pattern and
``tests/core/api/test_api_permission_matrix.py`` every OpenAPI operation; both fail for a URL or an
operation with no expectation. An app keeps its own expectations in a module here (for example
``tests/access_cases/planner.py``) defining any of:

- ``URL_EXPECTATIONS``: URL name → expected GET status per actor (``page_expect``);
- ``URL_KWARGS``: URL name → {keyword: maker(world)} for the URL's arguments;
- ``API_EXPECTATIONS``: operationId → status per actor (``api_expect``);
- ``API_PATH_VALUES``: path parameter → maker(world, things);
- ``API_FRESH_PATH_VALUES``: operationId → maker(world) returning fresh path values;
- ``API_BODIES``: operationId → maker(world) returning a valid body;
- ``API_THINGS``: maker(world) returning extra named objects for ``API_PATH_VALUES``;
- ``COUNTED_LISTS``: list path → the app's test asserting its query count is flat
  (tests/core/api/test_api_query_counts.py requires one for every list).

Actors: anonymous, practitioner (Priya, Team A), other_manager (Ben, manages Team B, pointed at
Team A's things), ld_lead, org_admin, outsider (admin, L&D lead and manager of another
organisation).
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

ACTORS = ("anonymous", "practitioner", "other_manager", "ld_lead", "org_admin", "outsider")

# Who plays each signed-in actor in the `world` fixture.
ACTOR_PEOPLE = {
    "practitioner": "practitioner_a",
    "other_manager": "manager_b",
    "ld_lead": "ld_lead",
    "org_admin": "org_admin",
    "outsider": "outsider",
}

LOGIN = "login"  # a redirect to the sign-in page
OK, CREATED, NO_CONTENT = 200, 201, 204
UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 401, 403, 404, 405
CONFLICT, UNPROCESSABLE = 409, 422


def page_expect(
    anonymous: int | str = LOGIN,
    practitioner: int | str = OK,
    other_manager: int | str = OK,
    ld_lead: int | str = OK,
    org_admin: int | str = OK,
    outsider: int | str = OK,
) -> dict[str, int | str]:
    """Expected GET status of a page per actor; ``LOGIN`` means a redirect to sign in."""
    return dict(
        anonymous=anonymous,
        practitioner=practitioner,
        other_manager=other_manager,
        ld_lead=ld_lead,
        org_admin=org_admin,
        outsider=outsider,
    )


# Every signed-in visitor opens it (anonymous visitors are sent to sign in).
SIGNED_IN = page_expect()
# Buttons that only POST: a GET is refused before anything is looked up.
POST_ONLY = page_expect(
    practitioner=NOT_ALLOWED,
    other_manager=NOT_ALLOWED,
    ld_lead=NOT_ALLOWED,
    org_admin=NOT_ALLOWED,
    outsider=NOT_ALLOWED,
)


def api_expect(
    *,
    practitioner: int,
    other_manager: int,
    ld_lead: int,
    org_admin: int,
    outsider: int,
    anonymous: int = UNAUTHENTICATED,
) -> dict[str, int]:
    """Expected status of an API operation per actor."""
    return {
        "anonymous": anonymous,
        "practitioner": practitioner,
        "other_manager": other_manager,
        "ld_lead": ld_lead,
        "org_admin": org_admin,
        "outsider": outsider,
    }


def everyone(status: int) -> dict[str, int]:
    """Every signed-in caller gets this (each sees their own slice of a list)."""
    return api_expect(
        practitioner=status, other_manager=status, ld_lead=status, org_admin=status, outsider=status
    )


def same_pk(maker: Any, namespace: str, *names: str) -> dict[str, dict[str, Any]]:
    """``URL_KWARGS`` entries filling the ``pk`` of each ``namespace:name`` with ``maker``."""
    return {f"{namespace}:{name}": {"pk": maker} for name in names}


def forbidden_except(**statuses: int) -> dict[str, int]:
    """Every signed-in caller is refused (403) but those named; anonymous callers sign in."""
    return {**everyone(FORBIDDEN), **statuses}


# Reading one of Team A's things, practitioner A's own included: Priya, L&D leads and org
# admins; Ben (Team B) and other organisations are told it does not exist.
READ_TEAM_A = api_expect(
    practitioner=OK, other_manager=NOT_FOUND, ld_lead=OK, org_admin=OK, outsider=NOT_FOUND
)
# Each L&D lead and org admin for their own organisation, the outsider's included.
LEADS_AND_ADMINS = forbidden_except(ld_lead=OK, org_admin=OK, outsider=OK)


def collect(name: str) -> dict[str, Any]:
    """The dictionary ``name`` from every app's module here, merged; a key twice is an error."""
    merged: dict[str, Any] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, value in getattr(module, name, {}).items():
            if key in merged:
                raise ValueError(f"{key!r} appears twice in {name}")
            merged[key] = value
    return merged


def collect_things_makers() -> list[Any]:
    """Every app's ``API_THINGS`` maker."""
    makers = []
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        if hasattr(module, "API_THINGS"):
            makers.append(module.API_THINGS)
    return makers
