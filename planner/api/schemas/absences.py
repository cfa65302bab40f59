"""Absences through the API."""

import datetime
from typing import Annotated

from ninja import Field, FilterLookup, FilterSchema, Schema

from planner.models import AbsenceKind


class AbsenceOut(Schema):
    id: int
    person_id: int
    kind: AbsenceKind
    start_date: datetime.date
    end_date: datetime.date
    note: str


class AbsenceIn(Schema):
    person_id: int
    kind: AbsenceKind
    start_date: datetime.date
    end_date: datetime.date
    note: str = ""


class AbsenceFilter(FilterSchema):
    person_id: Annotated[int | None, FilterLookup("person_id")] = None
    kind: Annotated[AbsenceKind | None, FilterLookup("kind")] = None
    ends_from: Annotated[
        datetime.date | None,
        FilterLookup("end_date__gte"),
        Field(description="Absences ending on or after."),
    ] = None
    starts_before: Annotated[
        datetime.date | None,
        FilterLookup("start_date__lt"),
        Field(description="Absences starting before."),
    ] = None
