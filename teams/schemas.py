"""Request and response shapes of the teams API (``teams.api``).

Outputs read only what the endpoint's selector already loaded (select_related and prefetches),
so serialising a page of 50 rows costs no more queries than a page of 5.
"""

from __future__ import annotations

import datetime
from typing import Annotated, ClassVar

from django.db.models import Q
from django.utils import timezone
from ninja import Field, FilterLookup, FilterSchema, Schema
from pydantic import ConfigDict, ValidationInfo, field_validator

from teams.models import (
    AuditEntry,
    CareerStage,
    ContractType,
    Membership,
    Person,
    Role,
    SpecialismTag,
    Team,
    WorkingPattern,
)
from teams.models.people import WEEKDAY_FIELDS, LeavingReason

Minutes = Annotated[int, Field(ge=0, le=1440, description="Contracted minutes that day.")]


class Input(Schema):
    """Request bodies: unknown fields are refused, choices arrive as their plain values."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Patch(Input):
    """PATCH bodies: only the fields sent change. ``null`` is allowed only where a field can
    really be empty (``nullable``); elsewhere it would store nonsense such as a blank name."""

    nullable: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*")
    @classmethod
    def refuse_null(cls, value: object, info: ValidationInfo) -> object:
        # Only runs for fields that were sent: defaults are not validated.
        if value is None and info.field_name not in cls.nullable:
            raise ValueError("This cannot be null; leave the field out to keep its value.")
        return value


# References ------------------------------------------------------------------------------------


class PersonRef(Schema):
    id: int
    full_name: str


class TeamRef(Schema):
    id: int
    name: str
    kind: str


class RegulatorOut(Schema):
    code: str
    name: str
    number_example: str = Field(description="What a registration number looks like.")


# Organisations ---------------------------------------------------------------------------------


class OrganisationOut(Schema):
    id: int
    name: str
    slug: str
    brand_colour: str
    standard_weekly_minutes: int
    created_at: datetime.datetime


class OrganisationPatch(Patch):
    name: str | None = None
    brand_colour: str | None = Field(None, description="A hex colour like #1d70b8.")
    standard_weekly_minutes: int | None = Field(None, ge=1, le=7 * 1440)


# Teams -----------------------------------------------------------------------------------------


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


# Memberships -----------------------------------------------------------------------------------


class MembershipOut(Schema):
    id: int
    person: PersonRef
    team: TeamRef
    start_date: datetime.date
    end_date: datetime.date | None
    is_current: bool

    @staticmethod
    def resolve_is_current(membership: Membership) -> bool:
        today = timezone.localdate()
        return membership.start_date <= today and (membership.end_date or today) >= today


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
        today = timezone.localdate()
        if value:
            return Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))
        return Q(start_date__gt=today) | Q(end_date__lt=today)


# Working patterns ------------------------------------------------------------------------------


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


# Registrations ---------------------------------------------------------------------------------


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


# People ----------------------------------------------------------------------------------------


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
    """Applied by ``teams.api`` because the team filter needs to know who is asking."""

    team_id: int | None = Field(None, description="People in this team or any team below it.")
    role: Role | None = None
    contract_type: ContractType | None = None
    career_stage: CareerStage | None = None
    regulator: str | None = Field(None, description="A regulator code, e.g. swe.")
    active: bool | None = Field(None, description="true: employed today; false: left.")
    q: str | None = Field(None, description="Part of a name or email, or an employee number.")


# Audit -----------------------------------------------------------------------------------------


class AuditEntryOut(Schema):
    id: int
    at: datetime.datetime
    actor: PersonRef | None
    action: str
    object_type: str
    object_id: str
    object_repr: str
    before: dict[str, object]
    after: dict[str, object]
    changed_fields: list[str]

    @staticmethod
    def resolve_changed_fields(entry: AuditEntry) -> list[str]:
        return entry.changed_fields


class AuditFilter(FilterSchema):
    action: str | None = None
    object_type: str | None = None
    actor_id: int | None = None
    since: Annotated[datetime.datetime | None, FilterLookup("at__gte")] = None
    until: Annotated[datetime.datetime | None, FilterLookup("at__lte")] = None

    @field_validator("since", "until")
    @classmethod
    def in_local_time(cls, value: datetime.datetime | None) -> datetime.datetime | None:
        """A time given without an offset (or a bare date) means UK local time."""
        if value is not None and timezone.is_naive(value):
            return timezone.make_aware(value)
        return value


# API tokens ------------------------------------------------------------------------------------


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(description="The first characters, to recognise the token by.")
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    revoked_at: datetime.datetime | None
    is_active: bool


class TokenCreated(TokenOut):
    key: str = Field(description="The token itself: shown this once, never stored.")


class TokenCreate(Input):
    name: str = Field(min_length=1, max_length=100)
