"""Shapes of ``teams.api.memberships``."""

from __future__ import annotations

import datetime

from django.db.models import Q
from ninja import Field, FilterSchema, Schema

from core.api import Input
from teams.api.schemas.common import PersonRef, TeamRef
from teams.models import Membership
from teams.models.organisation import in_force


class MembershipOut(Schema):
    id: int
    person: PersonRef
    team: TeamRef
    start_date: datetime.date
    end_date: datetime.date | None
    is_current: bool

    @staticmethod
    def resolve_is_current(membership: Membership) -> bool:
        return membership.is_current()


class MembershipCreate(Input):
    person_id: int
    team_id: int
    start_date: datetime.date
    end_date: datetime.date | None = None
    ends_other_memberships: bool = Field(
        True, description="Leave other current teams the day before (a move between teams)."
    )


class MembershipEnd(Input):
    end_date: datetime.date


class MembershipFilter(FilterSchema):
    person_id: int | None = None
    team_id: int | None = None
    current: bool | None = Field(None, description="true: in force today; false: past or future.")

    def filter_current(self, value: bool | None) -> Q:
        if value is None:
            return Q()
        return in_force() if value else ~in_force()
