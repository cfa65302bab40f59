"""Team protected-time metrics through the API."""

import datetime

from ninja import Schema

from planner.models import CancellationReason
from teams.api.schemas.common import PersonRef


class ReasonCountOut(Schema):
    reason: CancellationReason
    label: str
    count: int


class PersonUseOut(Schema):
    person: PersonRef
    booked_minutes: int
    used_minutes: int
    lost_minutes: int
    allowance_minutes: int | None
    remaining_minutes: int | None


class TeamMetricsOut(Schema):
    team_id: int
    period_first_day: datetime.date
    period_last_day: datetime.date
    learning_bookings: int
    covered: int
    no_cover_needed: int
    cover_rate_percent: float | None
    national_cover_rate_percent: float
    cancelled: int
    cancellation_rate_percent: float | None
    cancellations_by_reason: list[ReasonCountOut]
    people: list[PersonUseOut]
    without_protected_time_this_quarter: list[PersonRef]
