"""Planning an import of leave, sickness and TOIL from an HR spreadsheet, with the same rules
as the staff list: every row's outcome is shown first, every problem is reported with its row,
column and reason, and nothing is written unless every row is good.

A row is matched to a person by employee number, else by work email, among the people the
importer may record absences for; the same absence already recorded is "unchanged", so
importing a file twice changes nothing. An absence that overlaps another, recorded or earlier in
the file, is a problem to fix rather than a guess.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import ClassVar

from integrations.spreadsheets.people_import import (
    Column,
    ImportPlan,
    RowError,
    choice_lookup,
    map_headers,
    normalise,
    not_a_date,
    parse_date,
)
from integrations.spreadsheets.reading import Table
from planner.models import Absence, AbsenceKind
from planner.services.absences import AbsenceRow, absence_errors, describe_clash
from teams import access
from teams.models import Person

COLUMNS: tuple[Column, ...] = (
    Column(
        "employee_number",
        "Employee number",
        False,
        "The HR employee number. Either this or the work email is needed.",
        "E10234",
        ("employee no", "staff number", "payroll number"),
    ),
    Column(
        "email",
        "Work email",
        False,
        "The person's work email, used when there is no employee number.",
        "priya.natarajan@northshire.example",
        ("email", "email address"),
    ),
    Column(
        "kind",
        "Type",
        True,
        "Annual leave, sickness, TOIL or other.",
        "Annual leave",
        ("absence type", "kind", "reason"),
    ),
    Column(
        "start_date",
        "First day",
        True,
        "The first day away, like 04/09/2026.",
        "07/12/2026",
        ("start date", "from"),
    ),
    Column(
        "end_date",
        "Last day",
        True,
        "The last day away (the same as the first for one day).",
        "11/12/2026",
        ("end date", "to", "until"),
    ),
    Column("note", "Note", False, "Optional, up to 200 characters.", "", ("notes", "comment")),
)
HEADERS = {column.key: column.header for column in COLUMNS}
KINDS = choice_lookup(
    AbsenceKind,
    {
        "leave": "annual_leave",
        "holiday": "annual_leave",
        "al": "annual_leave",
        "sick": "sickness",
        "sick leave": "sickness",
        "time off in lieu": "toil",
        "lieu": "toil",
    },
)


@dataclass
class AbsenceRowPlan:
    row: int
    person: Person | None = None
    who: str = ""
    kind: str = ""
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    note: str = ""
    unchanged: bool = False
    errors: list[RowError] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return AbsenceKind(self.kind).label if self.kind else ""

    @property
    def outcome(self) -> str:
        if self.errors:
            return "error"
        return "unchanged" if self.unchanged else "create"

    def to_record(self) -> AbsenceRow:
        return AbsenceRow(
            person=self.person,
            kind=self.kind,
            start_date=self.start_date,
            end_date=self.end_date,
            note=self.note,
        )


@dataclass
class AbsenceImportPlan(ImportPlan):
    rows: list[AbsenceRowPlan]
    OUTCOMES: ClassVar[tuple[str, ...]] = ("create", "unchanged", "error")


class _Context:
    """The importer's people and their recorded absences, in a fixed number of queries."""

    def __init__(self, actor: Person) -> None:
        people = (
            access.people_visible_to(actor)
            if access.is_org_admin(actor)
            else access.people_managed_by(actor)
        )
        people = list(people.filter(organisation_id=actor.organisation_id))
        self.by_number = {
            person.employee_number: person for person in people if person.employee_number
        }
        self.by_email = {person.email.lower(): person for person in people}
        self.absences: dict[int, list[Absence]] = defaultdict(list)
        for absence in Absence.objects.filter(person__in=people):
            self.absences[absence.person_id].append(absence)


def _plan_row(number: int, values: dict[str, str], context: _Context) -> AbsenceRowPlan:
    plan = AbsenceRowPlan(row=number)

    def error(key: str, message: str) -> None:
        plan.errors.append(RowError(number, HEADERS[key], message))

    employee_number, email = values.get("employee_number", ""), values.get("email", "")
    plan.who = employee_number or email
    if employee_number:
        plan.person = context.by_number.get(employee_number)
        if plan.person is None:
            error(
                "employee_number",
                f"No one with employee number {employee_number} among the people you can "
                "record absences for.",
            )
    elif email:
        plan.person = context.by_email.get(email.lower())
        if plan.person is None:
            error(
                "email",
                f"No one with the email {email} among the people you can record absences for.",
            )
    else:
        error("employee_number", "Enter the employee number or the work email.")
    kind_text = values.get("kind", "")
    plan.kind = KINDS.get(normalise(kind_text), "") if kind_text else ""
    for key in ("start_date", "end_date"):
        text = values.get(key, "")
        day = parse_date(text) if text else None
        if text and day is None:
            error(key, not_a_date(text))
        setattr(plan, key, day)
    plan.note = values.get("note", "")
    problems = absence_errors(
        kind=plan.kind, start_date=plan.start_date, end_date=plan.end_date, note=plan.note
    )
    if kind_text and "kind" in problems:
        problems["kind"] = f"'{kind_text}' is not a kind of absence. {COLUMNS[2].help}"
    for key, message in problems.items():
        if not any(existing.column == HEADERS[key] for existing in plan.errors):
            error(key, message)
    if plan.person is not None and not plan.errors:
        _compare(plan, context)
    return plan


def _compare(plan: AbsenceRowPlan, context: _Context) -> None:
    for absence in context.absences[plan.person.pk]:
        same = (absence.kind, absence.start_date, absence.end_date) == (
            plan.kind,
            plan.start_date,
            plan.end_date,
        )
        if same:
            plan.unchanged = True
            return
        if absence.start_date <= plan.end_date and absence.end_date >= plan.start_date:
            plan.errors.append(
                RowError(plan.row, HEADERS["start_date"], describe_clash(plan.person, absence))
            )
            return


def plan_absence_import(table: Table, actor: Person) -> AbsenceImportPlan:
    """Every row's outcome against the absences recorded now."""
    positions = map_headers(table.headers, COLUMNS)
    context = _Context(actor)
    rows = []
    for number, cells in table.rows:
        values = {
            key: cells[index].strip() if index < len(cells) else ""
            for key, index in positions.items()
        }
        rows.append(_plan_row(number, values, context))
    _flag_overlaps_within_the_file(rows)
    return AbsenceImportPlan(rows=rows)


def _flag_overlaps_within_the_file(rows: list[AbsenceRowPlan]) -> None:
    seen: dict[int, list[AbsenceRowPlan]] = defaultdict(list)
    for row in rows:
        if row.outcome != "create":
            continue
        for earlier in seen[row.person.pk]:
            if earlier.start_date <= row.end_date and earlier.end_date >= row.start_date:
                row.errors.append(
                    RowError(
                        row.row,
                        HEADERS["start_date"],
                        f"Overlaps row {earlier.row} for {row.person}. Keep one of them.",
                    )
                )
                break
        else:
            seen[row.person.pk].append(row)
