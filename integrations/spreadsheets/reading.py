"""Reading an uploaded table (.xlsx or .csv) into rows of text, with limits checked first."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from integrations.spreadsheets.cells import cell_text

ACCEPTED_EXTENSIONS = (".xlsx", ".csv")


class FileProblem(Exception):
    """The file as a whole cannot be read; the message says why in plain English."""


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cell texts)


def _mebibytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def upload_content(upload: UploadedFile) -> bytes:
    """The uploaded file's bytes, once its name and size pass ``check_upload``: an oversize
    or wrong kind of file is refused before it is read into memory."""
    check_upload(upload.name or "", upload.size or 0)
    return upload.read()


def check_upload(name: str, size: int) -> None:
    """Refuses the wrong kind of file or a file that is too big, before reading a byte of it."""
    if not name.lower().endswith(ACCEPTED_EXTENSIONS):
        raise FileProblem("The file must be an Excel workbook (.xlsx) or a CSV file (.csv).")
    if size == 0:
        raise FileProblem("The file is empty.")
    if size > settings.IMPORT_MAX_BYTES:
        raise FileProblem(
            f"The file is {_mebibytes(size)}; the largest file you can upload is "
            f"{_mebibytes(settings.IMPORT_MAX_BYTES)}. Split it into smaller files."
        )


def _too_many_rows(count: int) -> FileProblem:
    return FileProblem(
        f"The file has more than {settings.IMPORT_MAX_ROWS:,} rows of data; "
        f"import at most {settings.IMPORT_MAX_ROWS:,} rows at a time."
    )


def _check_unpacked_size(content: bytes) -> None:
    """Refuses a workbook whose parts would unpack to more than the limit. zipfile never
    unpacks a part beyond the size its directory declares, so the declared sizes bound it."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(part.file_size for part in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise FileProblem(
            "The file could not be read as an Excel workbook. Save it as .xlsx and try again."
        ) from error
    if unpacked > settings.IMPORT_MAX_UNPACKED_BYTES:
        raise FileProblem(
            f"The workbook unpacks to {_mebibytes(unpacked)}, more than the "
            f"{_mebibytes(settings.IMPORT_MAX_UNPACKED_BYTES)} an import may hold. Remove other "
            "sheets, pictures or formatting, or save the rows as a CSV file."
        )


def _read_xlsx(content: bytes) -> list[list[object]]:
    _check_unpacked_size(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise FileProblem(
            "The file could not be read as an Excel workbook. Save it as .xlsx and try again."
        ) from error
    try:
        sheet = workbook.worksheets[0]
        # The declared size is checked before reading rows; a file that lies about it is still
        # stopped below as soon as it passes the limit.
        declared = sheet.max_row or 0
        if declared - 1 > settings.IMPORT_MAX_ROWS:
            raise _too_many_rows(declared - 1)
        rows: list[list[object]] = []
        for values in sheet.iter_rows(values_only=True):
            rows.append(list(values))
            if len(rows) - 1 > settings.IMPORT_MAX_ROWS:
                raise _too_many_rows(len(rows) - 1)
        return rows
    finally:
        workbook.close()


def _read_csv(content: bytes) -> list[list[object]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(
            "The CSV file is not UTF-8 text. In Excel choose 'CSV UTF-8' when saving."
        ) from error
    if text.count("\n") - 1 > settings.IMPORT_MAX_ROWS:
        raise _too_many_rows(text.count("\n"))
    try:
        return [list(row) for row in csv.reader(io.StringIO(text))]
    except csv.Error as error:
        raise FileProblem(f"The CSV file could not be read: {error}.") from error


def read_table(name: str, content: bytes) -> Table:
    """The first sheet (or the CSV) as a header row and numbered data rows; blank rows dropped."""
    check_upload(name, len(content))
    raw = _read_xlsx(content) if name.lower().endswith(".xlsx") else _read_csv(content)
    if not raw:
        raise FileProblem("The file has no header row.")
    headers = [cell_text(value) for value in raw[0]]
    rows = []
    for number, values in enumerate(raw[1:], start=2):
        texts = [cell_text(value) for value in values]
        if any(texts):
            rows.append((number, texts))
    if not rows:
        raise FileProblem("The file has a header row but no rows of data.")
    return Table(headers=headers, rows=rows)
