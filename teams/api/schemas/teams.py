"""Shapes of ``teams.api.teams``."""

from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Field, FilterLookup, FilterSchema, Schema

from core.api import Input, Patch
from teams.api.schemas.common import PersonRef
from teams.models import Person, Team


class TeamOut(Schema):
    id: int
    name: str
    kind: str
    parent_id: int | None
    depth: int
    minimum_staff_on_duty: int
    managers: list[PersonRef]
    member_count: int = Field(description="Current members you may see.")
    created_at: datetime.datetime

    @staticmethod
    def resolve_managers(team: Team) -> list[Person]:
        return list(team.managers.all())


class TeamCreate(Input):
    name: str = Field(min_length=1, max_length=200)
    kind: Team.Kind = Team.Kind.TEAM
    parent_id: int | None = Field(None, description="The service or team it sits below.")
    minimum_staff_on_duty: int = Field(0, ge=0)


class TeamPatch(Patch):
    nullable = frozenset({"parent_id"})

    name: str | None = Field(None, min_length=1, max_length=200)
    kind: Team.Kind | None = None
    parent_id: int | None = Field(None, description="null moves it to the top of the tree.")
    minimum_staff_on_duty: int | None = Field(None, ge=0)


class TeamFilter(FilterSchema):
    kind: Team.Kind | None = None
    parent_id: int | None = None
    q: Annotated[str | None, FilterLookup("name__icontains")] = None


class TeamManagerIn(Input):
    person_id: int
