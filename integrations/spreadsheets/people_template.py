"""The downloadable staff list template: the columns, one example row and guidance."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from integrations.spreadsheets.cells import write_row
from integrations.spreadsheets.people_import import COLUMNS


def people_template_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Staff list"
    write_row(sheet, [column.header for column in COLUMNS], bold=True)
    write_row(sheet, [column.example or None for column in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(14, len(column.header) + 4)
    sheet.freeze_panes = "A2"

    guide = workbook.create_sheet("How to fill it in")
    write_row(guide, ["Column", "Required", "What to enter"], bold=True)
    for column in COLUMNS:
        write_row(guide, [column.header, "Yes" if column.required else "No", column.help])
    write_row(guide, [])
    write_row(
        guide,
        [
            "Notes",
            "",
            "Keep one person per row and replace the example row. Only the first sheet is read. "
            "Rows are matched on employee number, then work email, so importing the same file "
            "twice changes nothing. Nothing is saved until every row is valid and you confirm.",
        ],
    )
    guide.column_dimensions["A"].width = 28
    guide.column_dimensions["B"].width = 10
    guide.column_dimensions["C"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
