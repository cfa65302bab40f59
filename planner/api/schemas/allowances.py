"""Allowances through the API."""

import datetime
from decimal import Decimal

from ninja import Field, Schema

from planner.allowances import describe
from planner.models import AllowancePeriod, AllowanceRule, AllowanceScope
from teams.models import CareerStage


class PlannerSettingsOut(Schema):
    allowance_period: AllowancePeriod
    year_starts_month: int


class PlannerSettingsIn(Schema):
    allowance_period: AllowancePeriod
    year_starts_month: int = Field(ge=1, le=12)


class AllowanceRuleOut(Schema):
    id: int
    scope: AllowanceScope
    career_stage: str
    team_id: int | None
    person_id: int | None
    effective_from: datetime.date
    percent_of_contracted: Decimal | None
    full_time_minutes_per_period: int | None
    note: str
    description: str

    @staticmethod
    def resolve_description(rule: AllowanceRule) -> str:
        return describe(rule)


class AllowanceRuleIn(Schema):
    scope: AllowanceScope
    effective_from: datetime.date
    percent_of_contracted: Decimal | None = None
    full_time_minutes_per_period: int | None = None
    career_stage: CareerStage | None = None
    team_id: int | None = None
    person_id: int | None = None
    note: str = ""


class AllowanceOut(Schema):
    person_id: int
    period_first_day: datetime.date
    period_last_day: datetime.date
    allowance_minutes: int | None = Field(description="Null when no rule or default applies.")
    booked_minutes: int
    used_minutes: int
    lost_minutes: int = Field(description="Cancelled time: lost, never counted as used.")
    remaining_minutes: int | None
    source: str
