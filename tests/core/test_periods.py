"""core.time's periods: weeks from Monday, calendar months, and quarters and years of an
organisation's year, stepping with relativedelta across year ends and leap years."""

import datetime

import pytest

from core.time import Period, PeriodUnit

D = datetime.date


@pytest.mark.parametrize(
    ("unit", "day", "starts", "first", "last", "previous", "following"),
    [
        ("week", D(2026, 5, 28), 1, D(2026, 5, 25), D(2026, 5, 31), D(2026, 5, 18), D(2026, 6, 1)),
        (
            "week",
            D(2026, 12, 31),
            1,
            D(2026, 12, 28),
            D(2027, 1, 3),
            D(2026, 12, 21),
            D(2027, 1, 4),
        ),
        ("month", D(2028, 2, 14), 1, D(2028, 2, 1), D(2028, 2, 29), D(2028, 1, 1), D(2028, 3, 1)),
        ("month", D(2026, 1, 31), 1, D(2026, 1, 1), D(2026, 1, 31), D(2025, 12, 1), D(2026, 2, 1)),
        ("quarter", D(2026, 5, 20), 4, D(2026, 4, 1), D(2026, 6, 30), D(2026, 1, 1), D(2026, 7, 1)),
        (
            "quarter",
            D(2026, 1, 15),
            2,
            D(2025, 11, 1),
            D(2026, 1, 31),
            D(2025, 8, 1),
            D(2026, 2, 1),
        ),
        ("year", D(2026, 2, 1), 4, D(2025, 4, 1), D(2026, 3, 31), D(2024, 4, 1), D(2026, 4, 1)),
        ("year", D(2026, 7, 1), 1, D(2026, 1, 1), D(2026, 12, 31), D(2025, 1, 1), D(2027, 1, 1)),
    ],
)
def test_the_period_containing_a_day(unit, day, starts, first, last, previous, following):
    period = Period.containing(unit, day, year_starts_month=starts)
    assert (period.first_day, period.last_day) == (first, last)
    assert (period.previous_start, period.next_start) == (previous, following)
    assert period.days[0] == first and period.days[-1] == last
    assert len(period.days) == (last - first).days + 1


def test_labels_say_the_period_as_pages_show_it():
    assert Period.containing("week", D(2026, 5, 28)).label == "week beginning 25 May 2026"
    assert Period.containing("month", D(2026, 2, 14)).label == "February 2026"
    quarter = Period.containing(PeriodUnit.QUARTER, D(2025, 5, 1), year_starts_month=4)
    assert quarter.label == "April 2025 to June 2025"
    assert Period.containing("week", D(2026, 5, 28)).view == "week"


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError):
        Period.containing("fortnight", D(2026, 5, 28))
