"""The importer a domain declares: its columns, how it plans a row and how it applies a plan.

Everything else is the same for every import and lives here: reading the kept file, mapping its
headers, planning every row with a fixed number of queries, keeping an upload only when it can be
read, and applying it all or nothing, only once, and only when every row is good (planned again
inside the transaction, so a change made since the preview is seen).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet

from integrations.imports import batches
from integrations.imports.columns import Column, map_headers
from integrations.imports.rows import ImportPlan, RowPlan, RowReader
from integrations.imports.workbook import template_workbook
from integrations.models import ImportBatch
from integrations.spreadsheets.reading import Table, read_table

# Whoever imports: a signed-in person of the domain apps (integrations cannot name the model).
Actor = Any


class Importer:
    """Subclasses set ``kind``, ``row_class``, ``columns`` and ``may_import`` (a rule from their app's
    ``access.py``) and write ``plan_rows``, ``apply`` and ``record``."""

    kind: ClassVar[str]
    row_class: ClassVar[type[RowPlan]]
    columns: ClassVar[tuple[Column, ...]]
    outcomes: ClassVar[tuple[str, ...]] = ("create", "update", "unchanged", "error")
    may_import: ClassVar[Callable[[Actor], bool]]
    sheet_title: ClassVar[str] = "Rows"
    template_notes: ClassVar[str] = ""

    def __init__(self, actor: Actor) -> None:
        self.actor = actor

    # What a domain writes.

    def plan_rows(self, rows: list[RowReader], present: set[str]) -> list[RowPlan]:
        """Each row's plan, read through ``RowReader``; ``present`` are the file's columns."""
        raise NotImplementedError

    def apply(self, plan: ImportPlan) -> None:
        """Writes every row of a valid plan through the domain's services; may raise
        ``RowsRefused`` to roll everything back."""
        raise NotImplementedError

    def record(self, batch: ImportBatch) -> None:
        """Audits the applied upload (``batch.summary`` holds its counts)."""
        raise NotImplementedError

    # What a domain may change.

    def batches(self) -> QuerySet[ImportBatch]:
        """The uploads the actor may preview and apply: their own of this kind."""
        return ImportBatch.objects.filter(kind=self.kind, uploaded_by_id=self.actor.pk)

    def template(self) -> bytes:
        """The empty workbook to start from."""
        return template_workbook(self.columns, title=self.sheet_title, notes=self.template_notes)

    # The same for every import.

    @classmethod
    def column_map(cls) -> Mapping[str, Column]:
        return {column.key: column for column in cls.columns}

    def plan(self, table: Table) -> ImportPlan:
        """What importing ``table`` would do, row by row, with every problem."""
        positions = map_headers(table.headers, self.columns)
        columns = self.column_map()
        readers = [
            RowReader(
                self.row_class(row=number),
                {
                    key: cells[index] if index < len(cells) else ""
                    for key, index in positions.items()
                },
                columns,
            )
            for number, cells in table.rows
        ]
        return ImportPlan(rows=self.plan_rows(readers, set(positions)), outcomes=self.outcomes)

    def plan_batch(self, batch: ImportBatch) -> ImportPlan:
        """Plans the kept file against the records as they are now."""
        return self.plan(read_table(batch.filename, bytes(batch.content)))

    def refuse_unless_allowed(self) -> None:
        if not type(self).may_import(self.actor):
            raise PermissionDenied

    @transaction.atomic
    def keep(self, *, filename: str, content: bytes) -> ImportBatch:
        """Keeps an uploaded file for preview. Raises ``FileProblem`` for a file that cannot be
        read (wrong type, too big, too many rows, unknown or missing columns), storing nothing."""
        self.refuse_unless_allowed()
        return batches.keep_upload(
            actor=self.actor,
            kind=self.kind,
            filename=filename,
            content=content,
            plan=self.plan_batch,
        )

    @transaction.atomic
    def apply_batch(self, batch: ImportBatch) -> dict[str, int]:
        """Applies every row in one transaction, or nothing at all; answers the counts."""
        self.refuse_unless_allowed()
        batch = self.batches().select_for_update().filter(pk=batch.pk).first()
        if batch is None:
            raise PermissionDenied
        if batch.applied_at is not None:
            raise ValidationError("This file has already been imported.")
        plan = self.plan_batch(batch)
        if not plan.is_valid:
            raise ValidationError(
                f"The file has {len(plan.errors)} problems now; nothing was imported. "
                "Check the preview again."
            )
        self.apply(plan)
        batches.mark_applied(batch, plan.counts)
        self.record(batch)
        return plan.counts


def rows_of(plan: ImportPlan, outcomes: Sequence[str]) -> list[RowPlan]:
    """The plan's rows that come to one of ``outcomes``."""
    return [row for row in plan.rows if row.outcome in outcomes]
