"""England and Wales bank holidays by the rules that fix them, plus the one-off changes made by
proclamation. Used to seed ``BankHoliday`` rows; the rows, not this module, are what the planner
reads, so an announced change is a data edit."""

from __future__ import annotations

import datetime

ONE_DAY = datetime.timedelta(days=1)
SATURDAY, SUNDAY, MONDAY = 5, 6, 0

# Moved or added by proclamation: (year, rule name) → replacement days.
MOVED = {
    (2020, "Early May bank holiday"): [
        (datetime.date(2020, 5, 8), "Early May bank holiday (VE day)")
    ],
    (2022, "Spring bank holiday"): [
        (datetime.date(2022, 6, 2), "Spring bank holiday"),
        (datetime.date(2022, 6, 3), "Platinum Jubilee bank holiday"),
    ],
}
ADDED = {
    2022: [
        (datetime.date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II")
    ],
    2023: [(datetime.date(2023, 5, 8), "Bank holiday for the coronation of King Charles III")],
}


def easter_sunday(year: int) -> datetime.date:
    """The Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_offset) // 451
    month, day = divmod(h + weekday_offset - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _first_monday(year: int, month: int) -> datetime.date:
    day = datetime.date(year, month, 1)
    return day + datetime.timedelta(days=(MONDAY - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> datetime.date:
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last = next_month - ONE_DAY
    return last - datetime.timedelta(days=(last.weekday() - MONDAY) % 7)


def _next_weekday(day: datetime.date) -> datetime.date:
    while day.weekday() in (SATURDAY, SUNDAY):
        day += ONE_DAY
    return day


def _christmas(year: int) -> list[tuple[datetime.date, str]]:
    """Christmas and Boxing Day, with substitute days when either falls at a weekend."""
    christmas = datetime.date(year, 12, 25)
    boxing = datetime.date(year, 12, 26)
    if christmas.weekday() == SATURDAY:  # Sat 25, Sun 26 → Mon 27 and Tue 28
        return [
            (christmas + 2 * ONE_DAY, "Christmas Day (substitute day)"),
            (christmas + 3 * ONE_DAY, "Boxing Day (substitute day)"),
        ]
    if christmas.weekday() == SUNDAY:  # Sun 25, Mon 26 → Mon 26 and Tue 27
        return [(boxing, "Boxing Day"), (boxing + ONE_DAY, "Christmas Day (substitute day)")]
    if boxing.weekday() == SATURDAY:  # Fri 25, Sat 26 → Fri 25 and Mon 28
        return [(christmas, "Christmas Day"), (boxing + 2 * ONE_DAY, "Boxing Day (substitute day)")]
    return [(christmas, "Christmas Day"), (boxing, "Boxing Day")]


def england_and_wales(year: int) -> list[tuple[datetime.date, str]]:
    """Every England and Wales bank holiday in ``year``, in date order."""
    new_year = datetime.date(year, 1, 1)
    new_year_name = (
        "New Year's Day" if new_year.weekday() < SATURDAY else "New Year's Day (substitute day)"
    )
    easter = easter_sunday(year)
    by_rule = [
        (_next_weekday(new_year), new_year_name),
        (easter - 2 * ONE_DAY, "Good Friday"),
        (easter + ONE_DAY, "Easter Monday"),
        (_first_monday(year, 5), "Early May bank holiday"),
        (_last_monday(year, 5), "Spring bank holiday"),
        (_last_monday(year, 8), "Summer bank holiday"),
    ]
    days: list[tuple[datetime.date, str]] = []
    for day, name in by_rule:
        days.extend(MOVED.get((year, name), [(day, name)]))
    days.extend(_christmas(year))
    days.extend(ADDED.get(year, []))
    return sorted(days)
