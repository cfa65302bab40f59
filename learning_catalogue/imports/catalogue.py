"""Bulk import of the learning catalogue, with the staff list's rules (all or nothing,
idempotent, text never a formula). Every write goes through
``learning_catalogue.services.activities`` so the catalogue's own rules, audit and search words
apply; anything those services refuse while applying becomes a row error (``RowsRefused``) and
rolls the whole import back."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from integrations.imports.importer import rows_of
from integrations.imports.rows import ImportPlan, RowError, RowReader, RowsRefused
from integrations.models import ImportBatch
from learning_catalogue.access import can_publish
from learning_catalogue.imports.columns import COLUMNS
from learning_catalogue.imports.export import catalogue_template_workbook
from learning_catalogue.imports.plan import (
    CatalogueContext,
    CatalogueRowPlan,
    flag_repeats,
    plan_activity,
    row_errors,
)
from learning_catalogue.services.activities import (
    EDITABLE_FIELDS,
    activity_save,
    activity_set_status,
)
from teams.imports.audited import AuditedImporter
from teams.models import Person


class CatalogueImporter(AuditedImporter):
    kind = ImportBatch.Kind.CATALOGUE
    row_class = CatalogueRowPlan
    columns = COLUMNS
    may_import = staticmethod(can_publish)
    audit_action = "catalogue_import.apply"

    def plan_rows(self, rows: list[RowReader], present: set[str]) -> list[CatalogueRowPlan]:
        context = CatalogueContext(self.actor.organisation_id)
        plans = [plan_activity(read, present, context) for read in rows]
        flag_repeats(plans)
        return plans

    def template(self) -> bytes:
        return catalogue_template_workbook(self.actor.organisation)

    def apply(self, plan: ImportPlan) -> None:
        """Tries each row even after one is refused, so every refusal is reported at once."""
        refused: list[RowError] = []
        for row in rows_of(plan, ("create", "update")):
            try:
                with transaction.atomic():
                    _apply_row(self.actor, row)
            except ValidationError as error:
                refused.extend(row_errors(row.row, error))
        if refused:
            raise RowsRefused(refused)


def _apply_row(actor: Person, row: CatalogueRowPlan) -> None:
    activity = row.activity
    if row.saves_fields:
        activity = activity_save(
            actor=actor,
            values={name: row.values[name] for name in EDITABLE_FIELDS if name in row.values},
            topics=row.topics,
            audience_teams=row.teams,
            activity=activity,
        )
    if row.status != activity.status:
        activity_set_status(actor=actor, activity=activity, status=row.status)


def catalogue_import_batch_create(*, actor: Person, filename: str, content: bytes) -> ImportBatch:
    """Keeps an uploaded catalogue file for preview (``FileProblem`` and nothing kept when it
    cannot be read or has unknown or missing columns)."""
    return CatalogueImporter(actor).keep(filename=filename, content=content)


def catalogue_import_apply(*, actor: Person, batch: ImportBatch) -> dict[str, int]:
    """Adds and changes every activity in one transaction, or nothing."""
    return CatalogueImporter(actor).apply_batch(batch)
