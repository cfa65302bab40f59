"""The import pages' tables: the columns a file can have, every row with its outcome, and the
problems row by row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import django_tables2 as tables
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from core.tables import GovukTable
from integrations.imports.rows import RowPlan

TAG_COLOURS = {"create": "green", "update": "blue", "unchanged": "grey", "error": "red"}


class ColumnsTable(GovukTable):
    header = tables.Column("Column")
    required = tables.BooleanColumn("Required", yesno="Yes,No")
    help = tables.Column("What to enter", default="")

    class Meta:
        orderable = False


class RowErrorsTable(GovukTable):
    row = tables.Column("Row")
    column = tables.Column("Column")
    message = tables.Column("What is wrong")

    class Meta:
        orderable = False
        template_name = "integrations/row_errors_table.html"


class ImportRowsTable(GovukTable):
    """Every row: its number, what the domain shows of it, its outcome and the details."""

    row = tables.Column("Row")
    outcome = tables.Column("Outcome")
    details = tables.Column("Details", accessor="row", default="")

    class Meta:
        orderable = False

    def __init__(
        self,
        rows: Sequence[RowPlan],
        *,
        shown: Sequence[tuple[str, str]],
        outcome_labels: Mapping[str, str],
        **kwargs: object,
    ) -> None:
        """``shown`` is (header, attribute) for each column the domain shows of a row."""
        self.outcome_labels = outcome_labels
        super().__init__(
            rows,
            extra_columns=[
                (name, tables.Column(header, accessor=name, default="")) for header, name in shown
            ],
            sequence=("row", *(name for _, name in shown), "outcome", "details"),
            **kwargs,
        )

    def render_outcome(self, value: str) -> SafeString:
        return format_html(
            '<strong class="govuk-tag govuk-tag--{}">{}</strong>',
            TAG_COLOURS[value],
            self.outcome_labels[value],
        )

    def render_details(self, record: RowPlan) -> SafeString | str:
        if record.errors:
            return format_html_join(
                mark_safe("<br>"), "{}: {}", ((e.column, e.message) for e in record.errors)
            )
        if record.changes:
            return f"Changes: {', '.join(record.changes)}"
        return ""
