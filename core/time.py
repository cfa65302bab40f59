"""Time as the product shows it: Europe/London days and wall-clock times, stored as UTC.

Every app converts through these so a day, a week or a clock change means the same everywhere.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
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


class PeriodUnit(StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


_LENGTH = {
    PeriodUnit.WEEK: relativedelta(weeks=1),
    PeriodUnit.MONTH: relativedelta(months=1),
    PeriodUnit.QUARTER: relativedelta(months=3),
    PeriodUnit.YEAR: relativedelta(years=1),
}


@dataclass(frozen=True)
class Period:
    """A week (Monday to Sunday), a month, or a quarter or year of an organisation's year, as
    London dates; the grid, the metrics and the allowances all step through time with it."""

    unit: PeriodUnit
    first_day: datetime.date

    @classmethod
    def containing(
        cls, unit: PeriodUnit | str, day: datetime.date, *, year_starts_month: int = 1
    ) -> Period:
        """The period of ``unit`` that contains ``day``; quarters and years start in
        ``year_starts_month`` (an organisation's year may start in April)."""
        unit = PeriodUnit(unit)
        if unit == PeriodUnit.WEEK:
            return cls(unit, day - datetime.timedelta(days=day.weekday()))
        months = {PeriodUnit.MONTH: 1, PeriodUnit.QUARTER: 3, PeriodUnit.YEAR: 12}[unit]
        offset = (day.month - year_starts_month) % months
        return cls(unit, day.replace(day=1) - relativedelta(months=offset))

    @property
    def next_start(self) -> datetime.date:
        return self.first_day + _LENGTH[self.unit]

    @property
    def previous_start(self) -> datetime.date:
        return self.first_day - _LENGTH[self.unit]

    @property
    def last_day(self) -> datetime.date:
        return self.next_start - ONE_DAY

    @property
    def view(self) -> str:
        """The unit as pages name it in their ``?view=`` links."""
        return self.unit.value

    @property
    def days(self) -> list[datetime.date]:
        return [
            self.first_day + datetime.timedelta(days=n)
            for n in range((self.last_day - self.first_day).days + 1)
        ]

    @property
    def label(self) -> str:
        if self.unit == PeriodUnit.WEEK:
            return f"week beginning {self.first_day:%-d %B %Y}"
        if self.unit == PeriodUnit.MONTH:
            return f"{self.first_day:%B %Y}"
        return f"{self.first_day:%B %Y} to {self.last_day:%B %Y}"
