"""Shapes of the catalogue import endpoints (``learning_catalogue.api.imports``): an upload and
the plan of every row, or what applying it did."""

from ninja import Schema


class RowErrorOut(Schema):
    column: str
    message: str


class ImportRowOut(Schema):
    row: int
    title: str
    outcome: str
    changes: list[str]
    errors: list[RowErrorOut]


class ImportOut(Schema):
    id: int
    filename: str
    applied: bool
    counts: dict[str, int]
    rows: list[ImportRowOut]
