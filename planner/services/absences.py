"""Leave, sickness and TOIL days, recorded by a person's manager or an org admin (by hand or
from the HR import), so working time and cover conflicts are right."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from planner import access as planner_access
from planner.models import Absence, AbsenceKind
from teams.audit import snapshot
from teams.models import Person
from teams.services.common import audit_snapshot, audited_delete, require

ABSENCE_FIELDS = ("person", "kind", "start_date", "end_date", "note")
LONGEST_DAYS = 366
NOTE_MAX_LENGTH = Absence._meta.get_field("note").max_length


@dataclass(frozen=True)
class AbsenceRow:
    """One absence to record, as the import reads it."""

    person: Person
    kind: str
    start_date: datetime.date
    end_date: datetime.date
    note: str = ""


def absence_errors(
    *, kind: str, start_date: datetime.date | None, end_date: datetime.date | None, note: str
) -> dict[str, str]:
    """What is wrong with an absence's own fields, keyed by field (shared with the import)."""
    errors: dict[str, str] = {}
    if kind not in AbsenceKind.values:
        errors["kind"] = "Choose the kind of absence."
    if start_date is None:
        errors["start_date"] = "Enter the first day of absence."
    if end_date is None:
        errors["end_date"] = "Enter the last day of absence."
    if start_date and end_date:
        if end_date < start_date:
            errors["end_date"] = "The last day must be on or after the first day."
        elif (end_date - start_date).days >= LONGEST_DAYS:
            errors["end_date"] = f"An absence can be at most {LONGEST_DAYS} days; split it."
    if len(note) > NOTE_MAX_LENGTH:
        errors["note"] = f"The note must be {NOTE_MAX_LENGTH} characters or fewer."
    return errors


def overlapping(
    person: Person,
    start_date: datetime.date,
    end_date: datetime.date,
    *,
    excluding: Absence | None = None,
) -> Absence | None:
    clashes = Absence.objects.filter(
        person=person, start_date__lte=end_date, end_date__gte=start_date
    )
    if excluding is not None:
        clashes = clashes.exclude(pk=excluding.pk)
    return clashes.order_by("start_date", "pk").first()


def describe_clash(person: Person, clash: Absence) -> str:
    return (
        f"{person} already has {clash.get_kind_display().lower()} from "
        f"{clash.start_date:%-d %B %Y} to {clash.end_date:%-d %B %Y}. "
        "Change the dates, or remove that absence first."
    )


def _require(actor: Person, person: Person) -> None:
    require(
        planner_access.can_record_absence_for(actor, person),
        "Only the person's manager or an org admin can record their absences.",
    )


def _checked(
    *,
    person: Person,
    kind: str,
    start_date: datetime.date | None,
    end_date: datetime.date | None,
    note: str,
    excluding: Absence | None = None,
) -> str:
    """Validates an absence about to be written and returns its tidied note; inside the
    caller's transaction, so the person stays locked until the write commits."""
    note = (note or "").strip()
    errors = absence_errors(kind=kind, start_date=start_date, end_date=end_date, note=note)
    if errors:
        raise ValidationError(errors)
    # Lock the person so two writes at once cannot both pass the overlap check.
    Person.objects.select_for_update().get(pk=person.pk)
    clash = overlapping(person, start_date, end_date, excluding=excluding)
    if clash is not None:
        raise ValidationError({"start_date": describe_clash(person, clash)})
    return note


@transaction.atomic
def absence_record(
    *,
    actor: Person,
    person: Person,
    kind: str,
    start_date: datetime.date | None,
    end_date: datetime.date | None,
    note: str = "",
) -> Absence:
    """Records an absence; one that overlaps the person's other absences is refused."""
    _require(actor, person)
    note = _checked(person=person, kind=kind, start_date=start_date, end_date=end_date, note=note)
    absence = Absence.objects.create(
        person=person, kind=kind, start_date=start_date, end_date=end_date, note=note
    )
    audit_snapshot(actor, "absence.create", absence, ABSENCE_FIELDS)
    return absence


@transaction.atomic
def absence_update(
    *,
    actor: Person,
    absence: Absence,
    kind: str,
    start_date: datetime.date | None,
    end_date: datetime.date | None,
    note: str = "",
) -> Absence:
    """Corrects an absence's kind, days or note; new days may not overlap the person's others."""
    _require(actor, absence.person)
    note = _checked(
        person=absence.person,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        note=note,
        excluding=absence,
    )
    before = snapshot(absence, ABSENCE_FIELDS)
    absence.kind = kind
    absence.start_date = start_date
    absence.end_date = end_date
    absence.note = note
    absence.save(update_fields=["kind", "start_date", "end_date", "note"])
    audit_snapshot(actor, "absence.update", absence, ABSENCE_FIELDS, before)
    return absence


@transaction.atomic
def absence_delete(*, actor: Person, absence: Absence) -> None:
    """Removes an absence recorded in error; the audit log keeps what it was."""
    _require(actor, absence.person)
    audited_delete(actor, "absence.delete", absence, ABSENCE_FIELDS)


@transaction.atomic
def absence_import_apply(*, actor: Person, rows: Iterable[AbsenceRow]) -> list[Absence]:
    """Records every row or none: the first refused row rolls back the whole import."""
    return [
        absence_record(
            actor=actor,
            person=row.person,
            kind=row.kind,
            start_date=row.start_date,
            end_date=row.end_date,
            note=row.note,
        )
        for row in rows
    ]
