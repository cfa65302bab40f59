"""The team planner's grid through the API."""

import datetime

from ninja import Field, Schema

from teams.api.schemas.common import PersonRef


class PlannerCellOut(Schema):
    day: datetime.date
    contracted_minutes: int
    not_working_reason: str = Field(description="Empty on a working day.")
    absence_kind: str | None
    booking_ids: list[int]
    covering_booking_ids: list[int]
    conflicts: list[str]


class PlannerRowOut(Schema):
    person: PersonRef
    days: list[PlannerCellOut]


class PlannerDayOut(Schema):
    day: datetime.date
    available: int
    below_minimum: bool


class TeamPlannerOut(Schema):
    team_id: int
    first_day: datetime.date
    last_day: datetime.date
    page: int
    pages: int
    people_count: int
    rows: list[PlannerRowOut]
    team_days: list[PlannerDayOut] = Field(description="People expected at work, whole team.")
