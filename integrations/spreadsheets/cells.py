"""Safe reading and writing of spreadsheet cells, shared by every import and export.

Text that a person typed is data, never a formula: a value starting with ``=``, ``+``, ``-``
or ``@`` would be run by Excel or LibreOffice when the file is opened (formula injection), so
writers store it as a plain string cell and readers return the literal text they find.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CellValue = str | int | float | Decimal | datetime.date | datetime.datetime | bool | None


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def safe_cell_value(cell: Cell, value: CellValue) -> Cell:
    """Puts ``value`` into ``cell``; formula-looking text is stored as text, never a formula."""
    if isinstance(value, Decimal):
        value = float(value)
    cell.value = value
    if looks_like_formula(value):
        # openpyxl marks any string starting with "=" as a formula; force a string cell and set
        # Excel's quote prefix so the text also survives a round trip through editing.
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def write_row(sheet: Worksheet, values: list[CellValue], *, bold: bool = False) -> None:
    """Appends one row of values to ``sheet`` through ``safe_cell_value``."""
    row = sheet.max_row + 1 if sheet.max_row > 1 or sheet.cell(1, 1).value is not None else 1
    for column, value in enumerate(values, start=1):
        cell = safe_cell_value(sheet.cell(row=row, column=column), value)
        if bold:
            cell.font = Font(bold=True)


def cell_text(value: object) -> str:
    """A read cell as trimmed text; dates become ISO dates so parsers see one form."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
