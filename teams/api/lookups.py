"""Finding a person or a team named in a request among those the caller may see (else 404, as
if it did not exist), the same way in every endpoint of every app's API."""

from __future__ import annotations

from core.api import visible
from teams import access
from teams.models import Person, Team


def visible_person(actor: Person, pk: int | None, *, field: str | None = None) -> Person:
    return visible(access.people_visible_to(actor), pk, "person", field=field)


def visible_team(actor: Person, pk: int | None, *, field: str | None = None) -> Team:
    return visible(access.teams_visible_to(actor), pk, "team", field=field)


def named_person(
    actor: Person, pk: int | None, *, field: str, default: Person | None = None
) -> Person | None:
    """The person a request's ``field`` names, or ``default`` when it names nobody."""
    return default if pk is None else visible_person(actor, pk, field=field)


def named_team(actor: Person, pk: int | None, *, field: str) -> Team | None:
    """The team a request's ``field`` names, or None when it names none."""
    return None if pk is None else visible_team(actor, pk, field=field)
