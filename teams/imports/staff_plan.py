"""Planning a staff list: what each row would change for its person, with every problem.

A row is matched on employee number, then work email; everything it is compared with is loaded
in a fixed number of queries, whatever the file's size.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Prefetch
from django.utils import timezone

from integrations.imports.columns import normalise
from integrations.imports.rows import RowError, RowPlan, RowReader
from teams.imports.staff_columns import DAYS, FIELD_LABELS
from teams.imports.team_names import TeamNames
from teams.models import (
    CareerStage,
    ContractType,
    Membership,
    Organisation,
    Person,
    Registration,
    Regulator,
    Role,
    Team,
)
from teams.models.people import WEEKDAY_FIELDS


@dataclass
class PersonRowPlan(RowPlan):
    full_name: str = ""
    email: str = ""
    person_id: int | None = None
    person_fields: dict[str, object] = field(default_factory=dict)
    roles: frozenset[str] | None = None
    specialisms: frozenset[str] | None = None
    team_id: int | None = None
    team_start: datetime.date | None = None
    pattern_from: datetime.date | None = None
    pattern_minutes: dict[str, int] | None = None
    registration: dict[str, object] | None = None
    registration_id: int | None = None

    @property
    def is_new(self) -> bool:
        return self.person_id is None


class StaffContext:
    """Everything the plan compares against, loaded in a fixed number of queries."""

    def __init__(self, organisation: Organisation) -> None:
        today = timezone.localdate()
        people = Person.objects.filter(organisation=organisation).prefetch_related(
            "role_assignments",
            "specialisms",
            Prefetch("memberships", queryset=Membership.objects.current(today)),
            "working_patterns",
            "registrations",
        )
        self.people_by_number = {p.employee_number: p for p in people if p.employee_number}
        self.people_by_email = {p.email.lower(): p for p in people}
        self.email_owner = dict(
            Person.objects.values_list("email", "organisation_id")
        )  # email is unique across the whole deployment
        self.teams = TeamNames(
            Team.objects.filter(organisation=organisation),
            key=normalise,
            unknown_hint="Add the team first, or check the spelling.",
        )
        self.regulators: dict[str, Regulator] = {}
        for regulator in Regulator.objects.all():
            for name in (regulator.code, regulator.name):
                self.regulators[normalise(name)] = regulator
        self.registrations = {
            (registration.regulator_id, registration.number): registration
            for registration in Registration.objects.filter(
                regulator__in={r.pk for r in self.regulators.values() if r}
            )
        }


def _find_team(read: RowReader, context: StaffContext) -> Team | None:
    text = read.text("team")
    if not text:
        return None
    team = context.teams.find(text)
    if isinstance(team, str):
        read.error("team", team)
        return None
    return team


def _pattern_minutes(read: RowReader) -> dict[str, int] | None:
    if not any(read.text(f"{day}_hours") for day in DAYS):
        return None
    minutes = {}
    for day, field_name in zip(DAYS, WEEKDAY_FIELDS, strict=True):
        value = read.value(f"{day}_hours")
        if value is not None:
            minutes[field_name] = value
    if minutes and not any(minutes.values()):
        read.error("monday_hours", "A working pattern needs hours on at least one day.")
    return minutes


def _match_person(read: RowReader, context: StaffContext) -> Person | None:
    plan: PersonRowPlan = read.plan
    employee_number, email = read.text("employee_number"), plan.email
    person = context.people_by_number.get(employee_number) if employee_number else None
    if person is None and email:
        person = context.people_by_email.get(email)
        if (
            person is not None
            and employee_number
            and person.employee_number not in ("", employee_number)
        ):
            read.error(
                "employee_number",
                f"{email} belongs to employee number {person.employee_number}, not {employee_number}.",
            )
            person = None
    taken = email in context.people_by_email or email in context.email_owner
    if email and taken and (person is None or person.email.lower() != email):
        read.error("email", f"{email} is already someone else's work email.")
    return person


def _plan_person_fields(read: RowReader, person: Person | None) -> datetime.date | None:
    """The person's own fields that differ; answers the employment start."""
    plan: PersonRowPlan = read.plan
    wanted: dict[str, object] = {
        "email": plan.email,
        "full_name": plan.full_name,
        "job_title": read.text("job_title"),
        "contract_type": read.value("contract_type")
        or (person.contract_type if person else ContractType.PERMANENT),
        "employment_start": read.value("employment_start"),
        "employment_end": read.value("employment_end"),
        "leaving_reason": read.value("leaving_reason") or "",
        "career_stage": read.value("career_stage")
        or (person.career_stage if person else CareerStage.EXPERIENCED),
        "asye_start_date": read.value("asye_start"),
    }
    if employee_number := read.text("employee_number"):
        wanted["employee_number"] = employee_number
    start, end = wanted["employment_start"], wanted["employment_end"]
    if start and end and end < start:
        read.error("employment_end", "The employment end is before the employment start.")
    if end and not wanted["leaving_reason"]:
        read.error("leaving_reason", "Give a leaving reason for someone with an employment end.")
    if wanted["career_stage"] == CareerStage.NEWLY_QUALIFIED and not wanted["asye_start_date"]:
        read.error("asye_start", "Newly qualified people need an ASYE start date.")
    for name, value in wanted.items():
        if person is None or getattr(person, name) != value:
            plan.person_fields[name] = value
            if person is not None:
                plan.changes.append(FIELD_LABELS[name])
    return start


def _read_set(read: RowReader, key: str) -> frozenset[str] | None:
    values = read.value(key)
    return None if values is None else frozenset(values)


def _plan_roles_and_specialisms(read: RowReader, person: Person | None) -> None:
    plan: PersonRowPlan = read.plan
    roles = _read_set(read, "roles")
    current_roles = (
        frozenset(r.role for r in person.role_assignments.all()) if person else frozenset()
    )
    if person is None:
        plan.roles = roles or frozenset({Role.PRACTITIONER.value})
    elif roles is not None and roles != current_roles:
        plan.roles = roles
        plan.changes.append("Roles")
    specialisms = _read_set(read, "specialisms")
    current_tags = frozenset(s.tag for s in person.specialisms.all()) if person else frozenset()
    if specialisms is not None and specialisms != current_tags:
        plan.specialisms = specialisms
        if person is not None:
            plan.changes.append("Specialisms")


def _plan_team(
    read: RowReader, context: StaffContext, person: Person | None, start: datetime.date | None
) -> None:
    plan: PersonRowPlan = read.plan
    team = _find_team(read, context)
    if team is None:
        return
    current_teams = {m.team_id for m in person.memberships.all()} if person else set()
    if team.pk not in current_teams:
        plan.team_id = team.pk
        # A new person joins from their employment start; someone already here who appears
        # in a different team has moved, from today unless the file says when.
        default_start = start if person is None else None
        plan.team_start = read.value("team_start") or default_start or timezone.localdate()
        if person is not None:
            plan.changes.append("Team")


def _plan_pattern(read: RowReader, person: Person | None, start: datetime.date | None) -> None:
    plan: PersonRowPlan = read.plan
    minutes = _pattern_minutes(read)
    if minutes is None:
        return
    plan.pattern_from = read.value("pattern_from") or start
    if plan.pattern_from is None:
        read.error("pattern_from", "Give the date these hours start, or an employment start.")
        return
    existing = None
    if person is not None:
        in_force = [
            p for p in person.working_patterns.all() if p.effective_from <= plan.pattern_from
        ]
        existing = max(in_force, key=lambda p: p.effective_from, default=None)
    if existing is None or any(getattr(existing, k) != v for k, v in minutes.items()):
        plan.pattern_minutes = minutes
        if person is not None:
            plan.changes.append("Working pattern")


def _plan_registration(read: RowReader, context: StaffContext, person: Person | None) -> None:
    plan: PersonRowPlan = read.plan
    regulator_text, number = read.text("regulator"), read.text("registration_number").upper()
    renewal_due = read.value("renewal_due")
    if not regulator_text and not number:
        return
    regulator = context.regulators.get(normalise(regulator_text)) if regulator_text else None
    if regulator_text and regulator is None:
        help_text = read.columns["regulator"].help
        read.error("regulator", f"'{regulator_text}' is not a regulator. {help_text}")
        return
    if regulator is None or not number:
        missing = "registration_number" if regulator else "regulator"
        read.error(missing, "Give both the regulator and the registration number.")
        return
    if not regulator.number_is_valid(number):
        read.error(
            "registration_number",
            f"'{number}' is not a {regulator.name} number (they look like {regulator.number_example}).",
        )
        return
    existing = context.registrations.get((regulator.pk, number))
    if existing is not None and (person is None or existing.person_id != person.pk):
        read.error("registration_number", f"{number} is already recorded for someone else.")
        return
    if existing is None:
        plan.registration = {"regulator": regulator, "number": number, "renewal_due": renewal_due}
        if person is not None:
            plan.changes.append("Registration")
    elif renewal_due and existing.renewal_due != renewal_due:
        plan.registration_id = existing.pk
        plan.registration = {"renewal_due": renewal_due}
        plan.changes.append("Registration renewal date")


def plan_person(read: RowReader, context: StaffContext) -> PersonRowPlan:
    """What the row would change for its person (found or new), with every problem."""
    plan: PersonRowPlan = read.plan
    plan.full_name, plan.email = read.text("full_name"), read.text("email").lower()
    if not plan.full_name:
        read.error("full_name", "Enter the person's full name.")
    if not plan.email:
        read.error("email", "Enter a work email: it is how the person signs in.")
    else:
        try:
            validate_email(plan.email)
        except ValidationError:
            read.error("email", f"'{plan.email}' is not an email address.")
    person = _match_person(read, context)
    plan.person_id = person.pk if person else None
    start = _plan_person_fields(read, person)
    _plan_roles_and_specialisms(read, person)
    _plan_team(read, context, person, start)
    _plan_pattern(read, person, start)
    _plan_registration(read, context, person)
    return plan


def flag_duplicates(
    rows: list[PersonRowPlan], header: str, value_of: Callable[[PersonRowPlan], str]
) -> None:
    """Each person appears once: a repeated value is an error on the later row."""
    seen: dict[str, int] = {}
    for row in rows:
        value = value_of(row)
        if not value:
            continue
        if value in seen:
            row.errors.append(
                RowError(
                    row.row,
                    header,
                    f"{value} is also on row {seen[value]}; each person appears once.",
                )
            )
        else:
            seen[value] = row.row
