"""Finding a person or a team named in a request among those the caller may see (else 404, as
if it did not exist), the same way in every teams endpoint; the planner and catalogue APIs can
use them too."""

from __future__ import annotations

from core.api import visible
from teams import access
from teams.models import Person, Team


def visible_person(actor: Person, pk: int | None, *, field: str | None = None) -> Person:
    return visible(access.people_visible_to(actor), pk, "person", field=field)


def visible_team(actor: Person, pk: int | None, *, field: str | None = None) -> Team:
    return visible(access.teams_visible_to(actor), pk, "team", field=field)
