"""Shapes of ``teams.api.registrations``."""

from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Field, FilterLookup, FilterSchema, Schema

from core.api import Input, Patch


class RegulatorOut(Schema):
    code: str
    name: str
    number_example: str = Field(description="What a registration number looks like.")


class RegistrationOut(Schema):
    id: int
    person_id: int
    regulator: RegulatorOut
    number: str
    registered_on: datetime.date | None
    renewal_due: datetime.date | None


class RegistrationCreate(Input):
    person_id: int
    regulator: str = Field(description="The regulator's code, e.g. swe; see GET /regulators.")
    number: str = Field(min_length=1, max_length=50)
    registered_on: datetime.date | None = None
    renewal_due: datetime.date | None = None


class RegistrationPatch(Patch):
    nullable = frozenset({"registered_on", "renewal_due"})

    regulator: str | None = None
    number: str | None = Field(None, min_length=1, max_length=50)
    registered_on: datetime.date | None = None
    renewal_due: datetime.date | None = None


class RegistrationFilter(FilterSchema):
    person_id: int | None = None
    regulator: Annotated[str | None, FilterLookup("regulator__code__iexact")] = None
