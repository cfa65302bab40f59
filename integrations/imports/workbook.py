"""The downloadable template of an import, built from its declared columns: the columns with an
example row (or none), any lists to choose from, and a sheet saying what to enter in each."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from integrations.imports.columns import Column
from integrations.spreadsheets.cells import write_row


def columns_sheet(sheet: Worksheet, columns: Sequence[Column], title: str) -> None:
    """The header row in bold, wide enough to read, kept in view while scrolling."""
    sheet.title = title
    write_row(sheet, [column.header for column in columns], bold=True)
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(14, len(column.header) + 4)
    sheet.freeze_panes = "A2"


def workbook_bytes(workbook: Workbook) -> bytes:
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def template_workbook(
    columns: Sequence[Column],
    *,
    title: str,
    notes: str = "",
    example_row: bool = True,
    lists: tuple[str, Mapping[str, Sequence[str]]] | None = None,
) -> bytes:
    """The template. Without ``example_row`` the examples go in the guide instead, so nothing
    is imported by mistake; ``lists`` is a sheet's title and its columns of names to choose from."""
    workbook = Workbook()
    columns_sheet(workbook.active, columns, title)
    if example_row:
        write_row(workbook.active, [column.example or None for column in columns])
    if lists is not None:
        sheet_title, names = lists
        sheet = workbook.create_sheet(sheet_title)
        write_row(sheet, list(names), bold=True)
        for index in range(max((len(values) for values in names.values()), default=0)):
            write_row(
                sheet, [values[index] if index < len(values) else None for values in names.values()]
            )
        for number in range(1, len(names) + 1):
            sheet.column_dimensions[get_column_letter(number)].width = 40
    guide = workbook.create_sheet("How to fill it in")
    headings = ["Column", "Required", "What to enter"]
    write_row(guide, headings if example_row else [*headings, "Example"], bold=True)
    for column in columns:
        row = [column.header, "Yes" if column.required else "No", column.help]
        write_row(guide, row if example_row else [*row, column.example])
    if notes:
        write_row(guide, [])
        write_row(guide, ["Notes", "", notes])
        guide.column_dimensions["A"].width = 28
        guide.column_dimensions["B"].width = 10
        guide.column_dimensions["C"].width = 100
    return workbook_bytes(workbook)
