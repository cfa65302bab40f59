"""Writes for imports: keeping an uploaded file and applying it, all or nothing."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from integrations.batches import keep_upload, mark_applied
from integrations.models import ImportBatch
from integrations.spreadsheets.absences_import import AbsenceImportPlan, plan_absence_import
from integrations.spreadsheets.people_import import ImportPlan, RowPlan, plan_people_import
from integrations.spreadsheets.reading import read_table
from planner.services.absences import absence_import_apply as record_absences
from teams import access, services
from teams.models import Person, Registration, Team


def people_import_plan(*, batch: ImportBatch) -> ImportPlan:
    """Reads the batch's file and plans it against the organisation as it is now."""
    return plan_people_import(read_table(batch.filename, bytes(batch.content)), batch.organisation)


@transaction.atomic
def import_batch_create(*, actor: Person, filename: str, content: bytes) -> ImportBatch:
    """Keeps an uploaded staff list for preview. Raises ``FileProblem`` for an unreadable file
    (wrong type, too big, too many rows, unknown or missing columns) and stores nothing then."""
    if not access.can_manage_people(actor):
        raise PermissionDenied
    return keep_upload(
        actor=actor,
        kind=ImportBatch.Kind.PEOPLE,
        filename=filename,
        content=content,
        plan=lambda batch: people_import_plan(batch=batch),
    )


def _apply_row(actor: Person, row: RowPlan, teams: dict[int, Team]) -> None:
    fields = dict(row.person_fields)
    end = fields.get("employment_end")
    if row.person_id is None:
        if end and end < timezone.localdate():
            fields["is_active"] = False
        person = services.person_create(
            actor=actor,
            roles=row.roles or (),
            team=teams[row.team_id] if row.team_id else None,
            team_start=row.team_start,
            **fields,
        )
    else:
        person = Person.objects.get(pk=row.person_id)
        if fields:
            person = services.person_update(actor=actor, person=person, **fields)
        if row.roles is not None:
            services.person_roles_set(actor=actor, person=person, roles=row.roles)
        if row.team_id:
            services.membership_start(
                actor=actor, person=person, team=teams[row.team_id], start_date=row.team_start
            )
    if row.specialisms is not None:
        services.person_specialisms_set(actor=actor, person=person, tags=row.specialisms)
    if row.pattern_minutes is not None:
        services.working_pattern_set(
            actor=actor,
            person=person,
            effective_from=row.pattern_from,
            minutes=row.pattern_minutes,
        )
    if row.registration_id is not None:
        services.registration_update(
            actor=actor,
            registration=Registration.objects.get(pk=row.registration_id),
            **row.registration,
        )
    elif row.registration is not None:
        services.registration_add(actor=actor, person=person, **row.registration)


@transaction.atomic
def people_import_apply(*, actor: Person, batch: ImportBatch) -> dict[str, int]:
    """Applies every row through the people services in one transaction, or nothing at all.

    The file is planned again inside the transaction, so a change made since the preview is
    seen; any error rolls the whole import back.
    """
    if not access.can_manage_people(actor) or batch.organisation_id != actor.organisation_id:
        raise PermissionDenied
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.applied_at is not None:
        raise ValidationError("This file has already been imported.")
    plan = people_import_plan(batch=batch)
    if not plan.is_valid:
        raise ValidationError(
            f"The file has {len(plan.errors)} problems now; nothing was imported. "
            "Check the preview again."
        )
    teams = {team.pk: team for team in Team.objects.filter(organisation=batch.organisation)}
    for row in plan.rows:
        if row.outcome in ("create", "update"):
            _apply_row(actor, row, teams)
    return mark_applied(actor=actor, batch=batch, summary=plan.counts, action="people_import.apply")


def can_import_absences(actor: Person) -> bool:
    """Org admins import for anyone; team managers for the people they manage."""
    return access.is_org_admin(actor) or access.is_team_manager(actor)


def absence_import_plan(*, batch: ImportBatch, actor: Person) -> AbsenceImportPlan:
    return plan_absence_import(read_table(batch.filename, bytes(batch.content)), actor)


@transaction.atomic
def absence_import_batch_create(*, actor: Person, filename: str, content: bytes) -> ImportBatch:
    """Keeps an uploaded absences file for preview; ``FileProblem`` (stored nothing) for a file
    that cannot be read."""
    if not can_import_absences(actor):
        raise PermissionDenied
    return keep_upload(
        actor=actor,
        kind=ImportBatch.Kind.ABSENCES,
        filename=filename,
        content=content,
        plan=lambda batch: absence_import_plan(batch=batch, actor=actor),
    )


@transaction.atomic
def absence_import_apply(*, actor: Person, batch: ImportBatch) -> dict[str, int]:
    """Records every new absence in one transaction, or nothing; planned again inside it, so a
    change since the preview is seen."""
    if not can_import_absences(actor) or batch.uploaded_by_id != actor.pk:
        raise PermissionDenied
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.applied_at is not None:
        raise ValidationError("This file has already been imported.")
    plan = absence_import_plan(batch=batch, actor=actor)
    if not plan.is_valid:
        raise ValidationError(
            f"The file has {len(plan.errors)} problems now; nothing was imported. "
            "Check the preview again."
        )
    record_absences(
        actor=actor, rows=[row.to_record() for row in plan.rows if row.outcome == "create"]
    )
    return mark_applied(
        actor=actor, batch=batch, summary=plan.counts, action="absence_import.apply"
    )
