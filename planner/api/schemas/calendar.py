"""Closure days through the API."""

import datetime

from ninja import Schema


class ClosureDayOut(Schema):
    id: int
    date: datetime.date
    name: str


class ClosureDayIn(Schema):
    date: datetime.date
    name: str
