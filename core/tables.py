"""The base of every list page's table (django-tables2), rendered with GOV.UK Frontend's
markup by templates/components/table.html (``DJANGO_TABLES2_TEMPLATE``)."""

from __future__ import annotations

import django_tables2 as tables

# A column of numbers, right-aligned as GOV.UK tables align them: ``attrs=NUMERIC``.
NUMERIC = {
    "th": {"class": "govuk-table__header--numeric"},
    "td": {"class": "govuk-table__cell--numeric"},
}


def link_column(viewname: str, verbose_name: str, **options: object) -> tables.Column:
    """A column whose value links to the record's own page (``viewname`` takes its pk)."""
    return tables.Column(
        verbose_name=verbose_name,
        linkify=(viewname, {"pk": tables.A("pk")}),
        attrs={"a": {"class": "govuk-link"}},
        **options,
    )


class GovukTable(tables.Table):
    """A table with a caption; the GOV.UK template reads ``caption``."""

    caption = ""

    def __init__(self, *args: object, caption: str | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if caption is not None:
            self.caption = caption
