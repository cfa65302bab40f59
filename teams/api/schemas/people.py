"""Shapes of ``teams.api.people`` (people and their working patterns)."""

from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Field, Schema

from core.api import Input, Patch
from teams.api.schemas.common import TeamRef
from teams.api.schemas.registrations import RegistrationOut
from teams.models import (
    CareerStage,
    ContractType,
    Person,
    Role,
    SpecialismTag,
    Team,
    WorkingPattern,
)
from teams.models.people import WEEKDAY_FIELDS, LeavingReason

Minutes = Annotated[int, Field(ge=0, le=1440, description="Contracted minutes that day.")]


class WorkingPatternOut(Schema):
    id: int
    effective_from: datetime.date
    monday_minutes: int
    tuesday_minutes: int
    wednesday_minutes: int
    thursday_minutes: int
    friday_minutes: int
    saturday_minutes: int
    sunday_minutes: int
    weekly_minutes: int
    fte: float = Field(description="Against the organisation's standard week, to 2 places.")

    @staticmethod
    def resolve_fte(pattern: WorkingPattern) -> float:
        return float(pattern.fte(pattern.person.organisation.standard_weekly_minutes))


class WorkingPatternIn(Input):
    effective_from: datetime.date
    monday_minutes: Minutes = 0
    tuesday_minutes: Minutes = 0
    wednesday_minutes: Minutes = 0
    thursday_minutes: Minutes = 0
    friday_minutes: Minutes = 0
    saturday_minutes: Minutes = 0
    sunday_minutes: Minutes = 0

    def minutes(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in WEEKDAY_FIELDS}


class PersonOut(Schema):
    id: int
    full_name: str
    email: str
    employee_number: str
    job_title: str
    contract_type: str
    career_stage: str
    employment_start: datetime.date | None
    employment_end: datetime.date | None
    is_active: bool
    roles: list[str]
    current_teams: list[TeamRef]

    @staticmethod
    def resolve_roles(person: Person) -> list[str]:
        return sorted(assignment.role for assignment in person.role_assignments.all())

    @staticmethod
    def resolve_current_teams(person: Person) -> list[Team]:
        return [membership.team for membership in person.current_memberships]


class PersonDetailOut(PersonOut):
    organisation_id: int
    leaving_reason: str
    asye_start_date: datetime.date | None
    specialisms: list[str]
    current_working_pattern: WorkingPatternOut | None
    registrations: list[RegistrationOut]

    @staticmethod
    def resolve_specialisms(person: Person) -> list[str]:
        return sorted(specialism.tag for specialism in person.specialisms.all())

    @staticmethod
    def resolve_current_working_pattern(person: Person) -> WorkingPattern | None:
        return person.current_pattern

    @staticmethod
    def resolve_registrations(person: Person) -> list[object]:
        return person.registration_list


class PersonCreate(Input):
    email: str = Field(max_length=254)
    full_name: str = Field(min_length=1, max_length=200)
    roles: list[Role] = [Role.PRACTITIONER]
    specialisms: list[SpecialismTag] = []
    team_id: int | None = Field(None, description="Their first team.")
    team_start: datetime.date | None = Field(
        None, description="When they join the team; defaults to their employment start."
    )
    employee_number: str = Field("", max_length=50)
    job_title: str = Field("", max_length=200)
    contract_type: ContractType = ContractType.PERMANENT
    employment_start: datetime.date | None = None
    career_stage: CareerStage = CareerStage.EXPERIENCED
    asye_start_date: datetime.date | None = None


class PersonPatch(Patch):
    nullable = frozenset(
        {"employment_start", "employment_end", "leaving_reason", "asye_start_date"}
    )

    email: str | None = Field(None, max_length=254)
    full_name: str | None = Field(None, min_length=1, max_length=200)
    employee_number: str | None = Field(None, max_length=50)
    job_title: str | None = Field(None, max_length=200)
    contract_type: ContractType | None = None
    employment_start: datetime.date | None = None
    employment_end: datetime.date | None = None
    leaving_reason: LeavingReason | None = Field(None, description="null clears it.")
    career_stage: CareerStage | None = None
    asye_start_date: datetime.date | None = None
    is_active: bool | None = None
    roles: list[Role] | None = None
    specialisms: list[SpecialismTag] | None = None


class PersonFilter(Schema):
    """The query parameters of ``GET /people``, applied by ``teams.filters.PersonApiFilter``
    with the people page's own rules (the team filter needs to know who is asking)."""

    team_id: int | None = Field(None, description="People in this team or any team below it.")
    role: Role | None = None
    contract_type: ContractType | None = None
    career_stage: CareerStage | None = None
    regulator: str | None = Field(None, description="A regulator code, e.g. swe.")
    active: bool | None = Field(None, description="true: employed today; false: left.")
    q: str | None = Field(None, description="Part of a name or email, or an employee number.")
