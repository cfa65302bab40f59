"""The base of every list page's table (django-tables2), rendered with GOV.UK Frontend's
markup by templates/components/table.html (``DJANGO_TABLES2_TEMPLATE``)."""

from __future__ import annotations

import django_tables2 as tables


class GovukTable(tables.Table):
    """A table with a caption; the GOV.UK template reads ``caption``."""

    caption = ""

    def __init__(self, *args: object, caption: str | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if caption is not None:
            self.caption = caption
