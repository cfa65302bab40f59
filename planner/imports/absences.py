"""Importing leave, sickness and TOIL from an HR spreadsheet, with the staff list's rules: every
row's outcome is shown first, every problem is reported with its row, column and reason, and
nothing is written unless every row is good.

A row is matched to a person by employee number, else by work email, among the people the
importer may record absences for; the same absence already recorded is "unchanged", so
importing a file twice changes nothing. An absence that overlaps another, recorded or earlier in
the file, is a problem to fix rather than a guess.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils.dateformat import format as format_date

from integrations.imports.columns import ChoiceColumn, Column, DateColumn, choice_lookup
from integrations.imports.importer import rows_of
from integrations.imports.rows import ImportPlan, RowError, RowPlan, RowReader
from integrations.models import ImportBatch
from planner import access
from planner.models import Absence, AbsenceKind
from planner.services.absences import (
    AbsenceRow,
    absence_errors,
    absence_import_apply,
    describe_clash,
)
from teams.imports.audited import AuditedImporter
from teams.models import Person

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
    ChoiceColumn(
        "kind",
        "Type",
        True,
        "Annual leave, sickness, TOIL or other.",
        "Annual leave",
        ("absence type", "kind", "reason"),
        choices=KINDS,
        what="kind of absence",
    ),
    DateColumn(
        "start_date",
        "First day",
        True,
        "The first day away, like 04/09/2026.",
        "07/12/2026",
        ("start date", "from"),
    ),
    DateColumn(
        "end_date",
        "Last day",
        True,
        "The last day away (the same as the first for one day).",
        "11/12/2026",
        ("end date", "to", "until"),
    ),
    Column("note", "Note", False, "Optional, up to 200 characters.", "", ("notes", "comment")),
)
START = COLUMNS[3].header


@dataclass
class AbsenceRowPlan(RowPlan):
    person: Person | None = None
    who: str = ""
    kind: str = ""
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    note: str = ""
    unchanged: bool = False

    @property
    def is_new(self) -> bool:
        return not self.unchanged

    @property
    def person_shown(self) -> str:
        return self.person.full_name if self.person is not None else self.who

    @property
    def absence_shown(self) -> str:
        """Like "Annual leave, 7 Dec 2026 to 11 Dec 2026"."""
        kind = AbsenceKind(self.kind).label if self.kind else ""
        if self.start_date is None:
            return kind
        days = format_date(self.start_date, "j M Y")
        if self.end_date != self.start_date:
            days += f" to {format_date(self.end_date, 'j M Y') if self.end_date else ''}"
        return f"{kind}, {days}" if kind else days

    def to_record(self) -> AbsenceRow:
        return AbsenceRow(
            person=self.person,
            kind=self.kind,
            start_date=self.start_date,
            end_date=self.end_date,
            note=self.note,
        )


class _Context:
    """The importer's people and their recorded absences, in a fixed number of queries."""

    def __init__(self, actor: Person) -> None:
        people = list(access.people_absences_recorded_by(actor))
        self.by_number = {
            person.employee_number: person for person in people if person.employee_number
        }
        self.by_email = {person.email.lower(): person for person in people}
        self.absences: dict[int, list[Absence]] = defaultdict(list)
        for absence in Absence.objects.filter(person__in=people):
            self.absences[absence.person_id].append(absence)


def _find_person(read: RowReader, context: _Context) -> None:
    plan: AbsenceRowPlan = read.plan
    employee_number, email = read.text("employee_number"), read.text("email")
    plan.who = employee_number or email
    if employee_number:
        plan.person = context.by_number.get(employee_number)
        if plan.person is None:
            read.error(
                "employee_number",
                f"No one with employee number {employee_number} among the people you can "
                "record absences for.",
            )
    elif email:
        plan.person = context.by_email.get(email.lower())
        if plan.person is None:
            read.error(
                "email",
                f"No one with the email {email} among the people you can record absences for.",
            )
    else:
        read.error("employee_number", "Enter the employee number or the work email.")


def _plan_row(read: RowReader, context: _Context) -> AbsenceRowPlan:
    plan: AbsenceRowPlan = read.plan
    _find_person(read, context)
    plan.kind = read.value("kind") or ""
    plan.start_date = read.value("start_date")
    plan.end_date = read.value("end_date")
    plan.note = read.text("note")
    problems = absence_errors(
        kind=plan.kind, start_date=plan.start_date, end_date=plan.end_date, note=plan.note
    )
    for key, message in problems.items():
        if not any(existing.column == read.columns[key].header for existing in plan.errors):
            read.error(key, message)
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
            plan.errors.append(RowError(plan.row, START, describe_clash(plan.person, absence)))
            return


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
                        START,
                        f"Overlaps row {earlier.row} for {row.person}. Keep one of them.",
                    )
                )
                break
        else:
            seen[row.person.pk].append(row)


class AbsenceImporter(AuditedImporter):
    kind = ImportBatch.Kind.ABSENCES
    row_class = AbsenceRowPlan
    columns = COLUMNS
    outcomes = ("create", "unchanged", "error")
    may_import = staticmethod(access.can_import_absences)
    audit_action = "absence_import.apply"
    sheet_title = "Absences"

    def plan_rows(self, rows: list[RowReader], present: set[str]) -> list[AbsenceRowPlan]:
        context = _Context(self.actor)
        plans = [_plan_row(read, context) for read in rows]
        _flag_overlaps_within_the_file(plans)
        return plans

    def apply(self, plan: ImportPlan) -> None:
        absence_import_apply(
            actor=self.actor, rows=[row.to_record() for row in rows_of(plan, ("create",))]
        )


def absence_import_batch_create(*, actor: Person, filename: str, content: bytes) -> ImportBatch:
    """Keeps an uploaded absences file for preview (``FileProblem`` and nothing kept when it
    cannot be read)."""
    return AbsenceImporter(actor).keep(filename=filename, content=content)
