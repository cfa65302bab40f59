"""The HR staff list import: columns, validation and the plan of what would change.

``plan_people_import`` reads nothing from the request and writes nothing: it turns a table into
one ``RowPlan`` per row (create, update, unchanged or error) with every problem found, using a
fixed number of queries whatever the file's size. ``integrations.services`` applies a plan.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Prefetch
from django.utils import timezone

from core.forms import parse_duration_minutes
from integrations.spreadsheets.reading import FileProblem, Table
from teams.models import (
    CareerStage,
    ContractType,
    Membership,
    Organisation,
    Person,
    Registration,
    Regulator,
    Role,
    SpecialismTag,
    Team,
)
from teams.models.people import WEEKDAY_FIELDS, LeavingReason


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool
    help: str
    example: str
    aliases: tuple[str, ...] = ()


DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

COLUMNS: tuple[Column, ...] = (
    Column(
        "employee_number",
        "Employee number",
        False,
        "Your HR system's number; rows are matched on it first.",
        "E10234",
        ("employee no", "employee id", "staff number"),
    ),
    Column(
        "full_name", "Full name", True, "As the person wants it shown.", "Amara Okafor", ("name",)
    ),
    Column(
        "email",
        "Work email",
        True,
        "Their sign-in; rows without a matching employee number are matched on it.",
        "amara.okafor@northshire.example",
        ("email", "email address"),
    ),
    Column("job_title", "Job title", False, "", "Senior social worker"),
    Column(
        "contract_type",
        "Contract type",
        False,
        "Permanent, fixed-term, agency or locum (permanent if blank).",
        "Permanent",
        ("contract",),
    ),
    Column(
        "employment_start",
        "Employment start",
        False,
        "Date, e.g. 04/09/2023.",
        "04/09/2023",
        ("start date",),
    ),
    Column(
        "employment_end",
        "Employment end",
        False,
        "Date they left or will leave; needs a leaving reason.",
        "",
        ("end date", "leaving date"),
    ),
    Column(
        "leaving_reason",
        "Leaving reason",
        False,
        "Resignation, retirement, end of contract, dismissal, redundancy or other.",
        "",
    ),
    Column(
        "team",
        "Team",
        False,
        "A team name, or its path like Children's Services / Assessment / Assessment Team 2.",
        "Assessment Team 2",
    ),
    Column(
        "team_start",
        "Team start",
        False,
        "When they joined the team (if blank: employment start for someone new, today for a move).",
        "04/09/2023",
        ("team start date",),
    ),
    Column(
        "roles",
        "Roles",
        False,
        "Comma list of practitioner, team manager, L&D lead, org admin (practitioner for new people; blank leaves roles as they are).",
        "Practitioner",
    ),
    Column(
        "career_stage",
        "Career stage",
        False,
        "Student, newly qualified or experienced (experienced if blank).",
        "Newly qualified",
    ),
    Column(
        "asye_start",
        "ASYE start date",
        False,
        "Needed for newly qualified people.",
        "04/09/2023",
        ("asye start",),
    ),
    Column(
        "specialisms",
        "Specialisms",
        False,
        "Comma list of AMHP, BIA, practice educator, practice supervisor (blank leaves them as they are).",
        "",
    ),
    Column(
        "regulator",
        "Regulator",
        False,
        "Social Work England (SWE), HCPC, NMC, Social Care Wales, SSSC or NISCC.",
        "Social Work England",
    ),
    Column(
        "registration_number",
        "Registration number",
        False,
        "In the regulator's format, e.g. SW123456.",
        "SW123456",
        ("registration no",),
    ),
    Column("renewal_due", "Registration renewal date", False, "", "30/11/2026", ("renewal date",)),
    *(
        Column(
            f"{day}_hours",
            f"{day.title()} hours",
            False,
            "Contracted hours that day, e.g. 7.4 or 7:24 (blank is 0).",
            "7.4" if day not in ("saturday", "sunday") else "",
        )
        for day in DAYS
    ),
    Column(
        "pattern_from",
        "Working pattern from",
        False,
        "When these hours start (employment start if blank).",
        "04/09/2023",
        ("pattern effective date",),
    ),
)
COLUMN_BY_KEY = {column.key: column for column in COLUMNS}
FIELD_LABELS = {
    "email": "Work email",
    "full_name": "Full name",
    "employee_number": "Employee number",
    "job_title": "Job title",
    "contract_type": "Contract type",
    "employment_start": "Employment start",
    "employment_end": "Employment end",
    "leaving_reason": "Leaving reason",
    "career_stage": "Career stage",
    "asye_start_date": "ASYE start date",
}


def normalise(text: str) -> str:
    """Lower case with punctuation as single spaces, for matching headers and choices."""
    return re.sub(r"[^a-z0-9&]+", " ", text.lower()).strip()


def header_lookup(columns: tuple[Column, ...]) -> dict[str, str]:
    """Normalised header, key or alias → column key."""
    return {
        normalise(name): column.key
        for column in columns
        for name in (column.header, column.key.replace("_", " "), *column.aliases)
    }


HEADER_LOOKUP = header_lookup(COLUMNS)


def choice_lookup(choices: type, extra: dict[str, str] | None = None) -> dict[str, str]:
    lookup = {}
    for value, label in choices.choices:
        lookup[normalise(value.replace("_", " "))] = value
        lookup[normalise(label)] = value
    for alias, value in (extra or {}).items():
        lookup[normalise(alias)] = value
    return lookup


CONTRACT_TYPES = choice_lookup(ContractType)
CAREER_STAGES = choice_lookup(CareerStage, {"nqsw": "newly_qualified", "asye": "newly_qualified"})
LEAVING_REASONS = choice_lookup(LeavingReason)
ROLES = choice_lookup(Role, {"manager": "team_manager", "ld lead": "ld_lead", "admin": "org_admin"})
SPECIALISMS = choice_lookup(SpecialismTag, {"best interests assessor": "bia"})
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y")


def parse_date(text: str) -> datetime.date | None:
    """A date in any of ``DATE_FORMATS`` (ISO, as cells are read, or as British people type)."""
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def not_a_date(text: str) -> str:
    return f"'{text}' is not a date. Write dates like 04/09/2023."


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class RowPlan:
    row: int
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
    changes: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        if self.errors:
            return "error"
        if self.person_id is None:
            return "create"
        return "update" if self.changes else "unchanged"


@dataclass
class ImportPlan:
    """Every row of a file with what importing it would do; each import (staff list, absences,
    catalogue) plans its rows and shares this. ``OUTCOMES`` are what its rows can come to."""

    rows: list[RowPlan]
    OUTCOMES: ClassVar[tuple[str, ...]] = ("create", "update", "unchanged", "error")

    @property
    def errors(self) -> list[RowError]:
        return [error for row in self.rows for error in row.errors]

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def counts(self) -> dict[str, int]:
        counts = Counter(row.outcome for row in self.rows)
        return {name: counts.get(name, 0) for name in self.OUTCOMES}


def map_headers(headers: list[str], columns: tuple[Column, ...] = COLUMNS) -> dict[str, int]:
    """Column key → index; unknown headers and missing required columns are file problems."""
    lookup = HEADER_LOOKUP if columns is COLUMNS else header_lookup(columns)
    positions: dict[str, int] = {}
    unknown = []
    for index, header in enumerate(headers):
        if not header:
            continue
        key = lookup.get(normalise(header))
        if key is None:
            unknown.append(header)
        elif key in positions:
            raise FileProblem(f"The column '{header}' appears twice. Keep one of them.")
        else:
            positions[key] = index
    if unknown:
        raise FileProblem(
            f"These columns are not recognised: {', '.join(unknown)}. "
            "Download the template to see the column names."
        )
    missing = [
        column.header for column in columns if column.required and column.key not in positions
    ]
    if missing:
        raise FileProblem(f"The file needs these columns: {', '.join(missing)}.")
    return positions


class _Context:
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
        teams = list(Team.objects.filter(organisation=organisation).select_related("parent"))
        by_id = {team.pk: team for team in teams}
        self.teams_by_name: dict[str, list[Team]] = defaultdict(list)
        self.teams_by_path: dict[str, Team] = {}
        for team in teams:
            self.teams_by_name[normalise(team.name)].append(team)
            names = [
                by_id[int(pk)].name for pk in team.path.strip("/").split("/") if int(pk) in by_id
            ]
            self.teams_by_path[" / ".join(normalise(name) for name in names)] = team
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


class _RowReader:
    def __init__(self, plan: RowPlan, values: dict[str, str]) -> None:
        self.plan = plan
        self.values = values

    def error(self, key: str, message: str) -> None:
        self.plan.errors.append(RowError(self.plan.row, COLUMN_BY_KEY[key].header, message))

    def text(self, key: str) -> str:
        return self.values.get(key, "").strip()

    def date(self, key: str) -> datetime.date | None:
        text = self.text(key)
        if not text:
            return None
        found = parse_date(text)
        if found is None:
            self.error(key, not_a_date(text))
        return found

    def choice(self, key: str, lookup: dict[str, str], what: str) -> str | None:
        text = self.text(key)
        if not text:
            return None
        value = lookup.get(normalise(text))
        if value is None:
            self.error(key, f"'{text}' is not a {what}. {COLUMN_BY_KEY[key].help}")
        return value

    def choices(self, key: str, lookup: dict[str, str], what: str) -> frozenset[str] | None:
        text = self.text(key)
        if not text:
            return None
        values = set()
        for part in re.split(r"[,;]", text):
            if not part.strip():
                continue
            value = lookup.get(normalise(part))
            if value is None:
                self.error(key, f"'{part.strip()}' is not a {what}. {COLUMN_BY_KEY[key].help}")
            else:
                values.add(value)
        return frozenset(values)


def _find_team(reader: _RowReader, context: _Context) -> Team | None:
    text = reader.text("team")
    if not text:
        return None
    if "/" in text:
        team = context.teams_by_path.get(" / ".join(normalise(p) for p in text.split("/")))
        if team is None:
            reader.error("team", f"There is no team at '{text}'. Check each level's name.")
        return team
    matches = context.teams_by_name.get(normalise(text), [])
    if not matches:
        reader.error(
            "team", f"There is no team called '{text}'. Add the team first, or check the spelling."
        )
        return None
    if len(matches) > 1:
        reader.error(
            "team",
            f"More than one team is called '{text}'. Write its path, like "
            "Children's Services / Assessment / Assessment Team 2.",
        )
        return None
    return matches[0]


def _pattern_minutes(reader: _RowReader) -> dict[str, int] | None:
    if not any(reader.text(f"{day}_hours") for day in DAYS):
        return None
    minutes = {}
    for day, field_name in zip(DAYS, WEEKDAY_FIELDS, strict=True):
        try:
            minutes[field_name] = parse_duration_minutes(reader.text(f"{day}_hours"))
        except ValidationError as error:
            reader.error(f"{day}_hours", error.messages[0])
    if minutes and not any(minutes.values()):
        reader.error("monday_hours", "A working pattern needs hours on at least one day.")
    return minutes


def _plan_row(number: int, values: dict[str, str], context: _Context) -> RowPlan:
    plan = RowPlan(row=number)
    read = _RowReader(plan, values)
    employee_number = read.text("employee_number")
    email = read.text("email").lower()
    plan.full_name = read.text("full_name")
    plan.email = email
    if not plan.full_name:
        read.error("full_name", "Enter the person's full name.")
    if not email:
        read.error("email", "Enter a work email: it is how the person signs in.")
    else:
        try:
            validate_email(email)
        except ValidationError:
            read.error("email", f"'{email}' is not an email address.")

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
    plan.person_id = person.pk if person else None

    wanted: dict[str, object] = {
        "email": email,
        "full_name": plan.full_name,
        "job_title": read.text("job_title"),
        "contract_type": read.choice("contract_type", CONTRACT_TYPES, "contract type")
        or (person.contract_type if person else ContractType.PERMANENT),
        "employment_start": read.date("employment_start"),
        "employment_end": read.date("employment_end"),
        "leaving_reason": read.choice("leaving_reason", LEAVING_REASONS, "leaving reason") or "",
        "career_stage": read.choice("career_stage", CAREER_STAGES, "career stage")
        or (person.career_stage if person else CareerStage.EXPERIENCED),
        "asye_start_date": read.date("asye_start"),
    }
    if employee_number:
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

    roles = read.choices("roles", ROLES, "role")
    current_roles = (
        frozenset(r.role for r in person.role_assignments.all()) if person else frozenset()
    )
    if person is None:
        plan.roles = roles or frozenset({Role.PRACTITIONER.value})
    elif roles is not None and roles != current_roles:
        plan.roles = roles
        plan.changes.append("Roles")

    specialisms = read.choices("specialisms", SPECIALISMS, "specialism")
    current_tags = frozenset(s.tag for s in person.specialisms.all()) if person else frozenset()
    if specialisms is not None and specialisms != current_tags:
        plan.specialisms = specialisms
        if person is not None:
            plan.changes.append("Specialisms")

    team = _find_team(read, context)
    if team is not None:
        current_teams = {m.team_id for m in person.memberships.all()} if person else set()
        if team.pk not in current_teams:
            plan.team_id = team.pk
            # A new person joins from their employment start; someone already here who appears
            # in a different team has moved, from today unless the file says when.
            default_start = start if person is None else None
            plan.team_start = read.date("team_start") or default_start or timezone.localdate()
            if person is not None:
                plan.changes.append("Team")

    minutes = _pattern_minutes(read)
    if minutes is not None:
        plan.pattern_from = read.date("pattern_from") or start
        if plan.pattern_from is None:
            read.error("pattern_from", "Give the date these hours start, or an employment start.")
        else:
            existing = None
            if person is not None:
                in_force = [
                    p
                    for p in person.working_patterns.all()
                    if p.effective_from <= plan.pattern_from
                ]
                existing = max(in_force, key=lambda p: p.effective_from, default=None)
            if existing is None or any(getattr(existing, k) != v for k, v in minutes.items()):
                plan.pattern_minutes = minutes
                if person is not None:
                    plan.changes.append("Working pattern")

    _plan_registration(read, context, person)
    return plan


def _plan_registration(read: _RowReader, context: _Context, person: Person | None) -> None:
    plan = read.plan
    regulator_text, number = read.text("regulator"), read.text("registration_number").upper()
    renewal_due = read.date("renewal_due")
    if not regulator_text and not number:
        return
    regulator = context.regulators.get(normalise(regulator_text)) if regulator_text else None
    if regulator_text and regulator is None:
        read.error(
            "regulator", f"'{regulator_text}' is not a regulator. {COLUMN_BY_KEY['regulator'].help}"
        )
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


def plan_people_import(table: Table, organisation: Organisation) -> ImportPlan:
    """What importing ``table`` into ``organisation`` would do, row by row, with every error."""
    positions = map_headers(table.headers)
    context = _Context(organisation)
    rows = []
    for number, cells in table.rows:
        values = {
            key: cells[index] if index < len(cells) else "" for key, index in positions.items()
        }
        rows.append(_plan_row(number, values, context))
    _flag_duplicates(rows, "email", lambda row: row.email)
    _flag_duplicates(
        rows, "employee_number", lambda row: str(row.person_fields.get("employee_number") or "")
    )
    return ImportPlan(rows=rows)


def _flag_duplicates(rows: list[RowPlan], key: str, value_of: Callable[[RowPlan], str]) -> None:
    seen: dict[str, int] = {}
    for row in rows:
        value = value_of(row)
        if not value:
            continue
        if value in seen:
            row.errors.append(
                RowError(
                    row.row,
                    COLUMN_BY_KEY[key].header,
                    f"{value} is also on row {seen[value]}; each person appears once.",
                )
            )
        else:
            seen[value] = row.row
