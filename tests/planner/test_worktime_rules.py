"""Working-time rules, table-driven: which minutes of a booking fall outside the person's
contracted time (TOIL due), for full-time, part-time and compressed patterns, weekends, bank
holidays, beyond contracted minutes and across the clocks changing; and overlaps refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core.time import LONDON, minutes_by_local_day
from planner.models import BankHoliday, Booking, BookingEvent, BookingStatus
from planner.services.bookings import OUTSIDE_WORKING_TIME, booking_request
from planner.worktime import minutes_outside_working_time
from tests.factories import WorkingPatternFactory, make_booking

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def pattern(**minutes: int) -> dict[str, int]:
    """Contracted minutes by weekday name; every other day is 0."""
    return {f"{day}_minutes": minutes.get(day, 0) for day in WEEKDAYS}


FULL_TIME = pattern(monday=444, tuesday=444, wednesday=444, thursday=444, friday=444)
PART_TIME = pattern(monday=444, tuesday=444, wednesday=444)
COMPRESSED = pattern(monday=555, tuesday=555, wednesday=555, thursday=555)
# Works weekends too, so the clock-change Sundays are working days.
SEVEN_DAYS = pattern(**dict.fromkeys(WEEKDAYS, 444))


def ask(actor, person, start, end, *, title="Reading", purpose="reading") -> Booking:
    """Asks for protected time through the service, as the booking page does."""
    return booking_request(
        actor=actor, person=person, start=start, end=end, title=title, purpose=purpose
    )


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    """A London wall-clock time."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


# (case, working pattern, start, end, real minutes, minutes outside working time)
CASES = [
    ("full-time, inside the day", FULL_TIME, at(2026, 12, 8, 9), at(2026, 12, 8, 12), 180, 0),
    ("full-time, a whole contracted day", FULL_TIME, at(2026, 12, 8, 9), at(2026, 12, 8, 16, 24), 444, 0),
    ("full-time, beyond the day's minutes", FULL_TIME, at(2026, 12, 8, 9), at(2026, 12, 8, 17), 480, 36),
    ("part-time, a working Wednesday", PART_TIME, at(2026, 12, 9, 9), at(2026, 12, 9, 12), 180, 0),
    ("part-time, a Thursday off", PART_TIME, at(2026, 12, 10, 9), at(2026, 12, 10, 12), 180, 180),
    ("compressed, a long Thursday", COMPRESSED, at(2026, 12, 10, 8), at(2026, 12, 10, 17, 15), 555, 0),
    ("compressed, beyond 555 minutes", COMPRESSED, at(2026, 12, 7, 8), at(2026, 12, 7, 18), 600, 45),
    ("compressed, the Friday off", COMPRESSED, at(2026, 12, 11, 9), at(2026, 12, 11, 10), 60, 60),
    ("weekend", FULL_TIME, at(2026, 12, 12, 10), at(2026, 12, 12, 12), 120, 120),
    ("into the weekend at night", FULL_TIME, at(2026, 12, 11, 20), at(2026, 12, 12, 2), 360, 120),
    ("bank holiday (substitute Boxing Day)", FULL_TIME, at(2026, 12, 28, 9), at(2026, 12, 28, 12), 180, 180),
    ("bank holiday on a seven-day pattern", SEVEN_DAYS, at(2026, 12, 28, 9), at(2026, 12, 28, 12), 180, 180),
    # 29 March 2026: clocks go forward at 01:00, so 00:30 to 08:30 on the wall is 7 hours.
    ("clocks forward, a working Sunday", SEVEN_DAYS, at(2026, 3, 29, 0, 30), at(2026, 3, 29, 8, 30), 420, 0),
    ("clocks forward, overnight into Sunday", FULL_TIME, at(2026, 3, 28, 22), at(2026, 3, 29, 4), 300, 300),
    # 25 October 2026: clocks go back at 02:00, so 00:30 to 08:30 on the wall is 9 hours.
    ("clocks back, a working Sunday", SEVEN_DAYS, at(2026, 10, 25, 0, 30), at(2026, 10, 25, 8, 30), 540, 96),
    ("clocks back, Saturday night to Sunday", FULL_TIME, at(2026, 10, 24, 23), at(2026, 10, 25, 3), 300, 300),
]  # fmt: skip


@pytest.mark.parametrize(
    ("working_pattern", "start", "end", "minutes", "outside"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_minutes_outside_working_time(world, working_pattern, start, end, minutes, outside):
    person = world.practitioner_a
    WorkingPatternFactory(person=person, **working_pattern)
    assert sum(minutes_by_local_day(start, end).values()) == minutes
    assert minutes_outside_working_time(person=person, start=start, end=end) == outside

    booking = ask(world.manager_a, person, start, end, title="Learning")
    assert (booking.minutes, booking.outside_working_minutes) == (minutes, outside)
    created = BookingEvent.objects.get(booking=booking)
    assert (OUTSIDE_WORKING_TIME in created.note) == bool(outside)


def test_the_substitute_boxing_day_is_a_seeded_bank_holiday(db):
    assert BankHoliday.objects.filter(date=datetime.date(2026, 12, 28)).exists()


@pytest.mark.parametrize(
    ("day", "minutes"),
    [
        (datetime.date(2026, 3, 29), {datetime.date(2026, 3, 29): 23 * 60}),
        (datetime.date(2026, 10, 25), {datetime.date(2026, 10, 25): 25 * 60}),
        (datetime.date(2026, 12, 8), {datetime.date(2026, 12, 8): 24 * 60}),
    ],
    ids=["clocks forward: 23 hours", "clocks back: 25 hours", "an ordinary day: 24 hours"],
)
def test_a_london_day_is_as_long_as_the_clock_on_the_wall_shows(day, minutes):
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=LONDON)
    end = datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time.min, tzinfo=LONDON
    )
    assert minutes_by_local_day(start, end) == minutes


def test_learning_earlier_that_day_uses_up_the_contracted_minutes_first(world):
    person = world.practitioner_a
    WorkingPatternFactory(person=person, **FULL_TIME)
    morning = ask(world.manager_a, person, at(2026, 12, 8, 9), at(2026, 12, 8, 13), title="Morning")
    afternoon = ask(
        world.manager_a, person, at(2026, 12, 8, 14), at(2026, 12, 8, 18), title="Afternoon"
    )
    assert morning.outside_working_minutes == 0
    assert afternoon.outside_working_minutes == 480 - 444


# (case, the existing booking's status and times, the new booking's times, refused?)
OVERLAPS = [
    ("same time, requested", BookingStatus.REQUESTED, (9, 12), (9, 12), True),
    ("starts inside, approved", BookingStatus.APPROVED, (9, 12), (11, 14), True),
    ("ends inside, confirmed", BookingStatus.CONFIRMED, (10, 12), (9, 11), True),
    ("wholly inside", BookingStatus.APPROVED, (9, 17), (10, 11), True),
    ("wraps around", BookingStatus.APPROVED, (10, 11), (9, 17), True),
    ("back to back", BookingStatus.APPROVED, (9, 12), (12, 14), False),
    ("over a cancelled booking", BookingStatus.CANCELLED, (9, 12), (9, 12), False),
    ("over a declined request", BookingStatus.DECLINED, (9, 12), (9, 12), False),
]


@pytest.mark.parametrize(
    ("status", "existing", "new", "refused"),
    [case[1:] for case in OVERLAPS],
    ids=[case[0] for case in OVERLAPS],
)
def test_overlapping_time_for_the_same_person_is_refused(world, status, existing, new, refused):
    day = datetime.date(2026, 12, 8)
    person = world.practitioner_a
    WorkingPatternFactory(person=person, **FULL_TIME)
    make_booking(
        person, day, start_hour=existing[0], end_hour=existing[1], status=status, title="Court"
    )

    def book() -> Booking:
        return ask(person, person, at(2026, 12, 8, new[0]), at(2026, 12, 8, new[1]))

    if refused:
        with pytest.raises(ValidationError) as raised:
            book()
        start, end = f"{existing[0]:02d}:00", f"{existing[1]:02d}:00"
        assert raised.value.message_dict == {
            "start": [
                f"Priya Practitioner already has “Court” booked Tuesday 8 December 2026, "
                f"{start} to {end}. Choose a time that does not overlap."
            ]
        }
        assert Booking.objects.count() == 1
    else:
        assert book().status == BookingStatus.REQUESTED


def test_another_persons_booking_at_the_same_time_is_no_overlap(world):
    day = datetime.date(2026, 12, 8)
    make_booking(world.practitioner_a2, day, start_hour=9, end_hour=12)
    booking = ask(
        world.practitioner_a, world.practitioner_a, at(2026, 12, 8, 9), at(2026, 12, 8, 12)
    )
    assert booking.pk is not None


def test_the_end_must_be_after_the_start(world):
    with pytest.raises(ValidationError) as raised:
        ask(
            world.practitioner_a,
            world.practitioner_a,
            at(2026, 12, 8, 12),
            at(2026, 12, 8, 12),
            title="",
            purpose="knitting",
        )
    assert raised.value.message_dict == {
        "end": ["The end time must be after the start time."],
        "title": ["Enter what the time is for."],
        "purpose": ["Choose the kind of learning."],
    }
    assert not Booking.objects.exists()
