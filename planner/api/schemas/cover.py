"""Cover through the API: who covers a booking, and the conflicts found before assigning."""

import datetime

from ninja import Field, Schema

from planner.models import CoverDuty, CoverStatus
from teams.api.schemas.common import PersonRef


class CoverOut(Schema):
    id: int
    booking_id: int
    colleague: PersonRef
    start: datetime.datetime
    end: datetime.datetime
    duties: list[CoverDuty]
    case_list_reference: str
    status: CoverStatus
    acknowledged_at: datetime.datetime | None
    conflicts: list[str] = Field(description="Conflicts found when assigned (kinds).")
    conflicts_accepted_reason: str


class CoverIn(Schema):
    colleague_id: int
    duties: list[CoverDuty]
    case_list_reference: str = ""
    accept_conflicts_reason: str = Field(
        "", description="Needed to assign a colleague despite conflicts."
    )


class ConflictOut(Schema):
    kind: str
    message: str


class CoverCheckOut(Schema):
    colleague_id: int
    conflicts: list[ConflictOut] = Field(description="Empty when the colleague is free.")
