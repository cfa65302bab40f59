"""The downloadable absences template: the columns, one example row and guidance."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from integrations.spreadsheets.absences_import import COLUMNS
from integrations.spreadsheets.cells import write_row


def absences_template_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Absences"
    write_row(sheet, [column.header for column in COLUMNS], bold=True)
    write_row(sheet, [column.example or None for column in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(14, len(column.header) + 4)
    sheet.freeze_panes = "A2"
    guide = workbook.create_sheet("How to fill it in")
    write_row(guide, ["Column", "Required", "What to enter"], bold=True)
    for column in COLUMNS:
        write_row(guide, [column.header, "Yes" if column.required else "No", column.help])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
