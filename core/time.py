"""Time as the product shows it: Europe/London days and wall-clock times, stored as UTC.

Every app converts through these so a day, a week or a clock change means the same everywhere.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

LONDON = ZoneInfo("Europe/London")
ONE_DAY = datetime.timedelta(days=1)


def local_midnight(day: datetime.date) -> datetime.datetime:
    """The instant a London day starts, in UTC (midnight is never skipped by UK clock changes).

    In UTC because Python subtracts two datetimes sharing one tzinfo as wall-clock times, which
    would make the day the clocks go forward 24 hours long instead of 23.
    """
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=LONDON).astimezone(datetime.UTC)


def minutes_by_local_day(
    start: datetime.datetime, end: datetime.datetime
) -> dict[datetime.date, int]:
    """Real elapsed minutes of [start, end) on each London day it touches."""
    start, end = start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)
    if end <= start:
        return {}
    result: dict[datetime.date, int] = {}
    day = start.astimezone(LONDON).date()
    while True:
        day_start = max(start, local_midnight(day))
        day_end = min(end, local_midnight(day + ONE_DAY))
        if day_end > day_start:
            result[day] = int((day_end - day_start).total_seconds() // 60)
        if local_midnight(day + ONE_DAY) >= end:
            return result
        day += ONE_DAY


def london(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A London wall-clock time as an aware datetime in UTC, as it is stored."""
    return datetime.datetime.combine(day, time, tzinfo=LONDON).astimezone(datetime.UTC)


def local_date(moment: datetime.datetime) -> datetime.date:
    """The London day an instant falls on."""
    return timezone.localtime(moment, LONDON).date()
