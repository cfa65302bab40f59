"""Cover conflicts, one test per kind, and the manager's choice: a colleague with conflicts is
refused with every conflict listed, or assigned with a reason that is kept."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from planner.conflicts import cover_conflicts
from planner.models import (
    AbsenceKind,
    BookingStatus,
    CoverAssignment,
    CoverConflictKind,
    CoverStatus,
)
from planner.services.bookings import booking_confirm
from planner.services.cover import CoverConflictError, cover_assign, cover_withdraw
from teams.models import AuditEntry
from tests.factories import WorkingPatternFactory, make_absence, make_booking, make_cover

DAY = datetime.date(2026, 12, 8)  # a Tuesday
BOXING_DAY_SUBSTITUTE = datetime.date(2026, 12, 28)  # a Monday bank holiday


@pytest.fixture
def booking(world):
    """Priya learns 09:00 to 12:00; everyone in Team A works full time."""
    for person in (world.practitioner_a, world.practitioner_a2, world.manager_a):
        WorkingPatternFactory(person=person)
    return make_booking(world.practitioner_a, DAY, start_hour=9, end_hour=12)


def kinds(booking, colleague):
    return [conflict.kind for conflict in cover_conflicts(booking=booking, colleague=colleague)]


def messages(booking, colleague):
    return [conflict.message for conflict in cover_conflicts(booking=booking, colleague=colleague)]


def test_a_free_colleague_has_no_conflicts(world, booking):
    assert kinds(booking, world.practitioner_a2) == []


def test_colleague_booked_on_learning_at_an_overlapping_time(world, booking):
    make_booking(world.practitioner_a2, DAY, start_hour=11, end_hour=13, title="Court skills")
    assert messages(booking, world.practitioner_a2) == [
        "Alex Amari is booked on learning (“Court skills”) Tuesday 8 December 2026, 11:00 to 13:00."
    ]
    assert kinds(booking, world.practitioner_a2) == [CoverConflictKind.COLLEAGUE_LEARNING]


def test_learning_that_does_not_overlap_or_was_cancelled_is_no_conflict(world, booking):
    make_booking(world.practitioner_a2, DAY, start_hour=12, end_hour=14)
    make_booking(world.practitioner_a2, DAY, start_hour=10, end_hour=11, status="cancelled")
    make_booking(world.practitioner_a2, DAY, start_hour=10, end_hour=11, status="declined")
    assert kinds(booking, world.practitioner_a2) == []


def test_colleague_absent_that_day(world, booking):
    make_absence(world.practitioner_a2, DAY, DAY + datetime.timedelta(days=2), AbsenceKind.SICKNESS)
    assert messages(booking, world.practitioner_a2) == [
        "Alex Amari is absent (sickness) from Tuesday 8 December 2026 to Thursday 10 December 2026."
    ]
    assert kinds(booking, world.practitioner_a2) == [CoverConflictKind.COLLEAGUE_ABSENT]


def test_colleague_not_working_that_day_by_their_pattern(world, booking):
    WorkingPatternFactory(
        person=world.practitioner_a2, effective_from=datetime.date(2026, 6, 1), tuesday_minutes=0
    )
    assert messages(booking, world.practitioner_a2) == [
        "Alex Amari does not work on Tuesday 8 December 2026: it is not one of their working days."
    ]
    assert kinds(booking, world.practitioner_a2) == [CoverConflictKind.COLLEAGUE_NOT_WORKING]


def test_colleague_not_working_on_a_bank_holiday(world, booking):
    holiday = make_booking(world.practitioner_a, BOXING_DAY_SUBSTITUTE)
    assert messages(holiday, world.practitioner_a2) == [
        "Alex Amari does not work on Monday 28 December 2026: it is a bank holiday."
    ]


def test_colleague_already_covering_someone_else_at_an_overlapping_time(world, booking):
    other = make_booking(world.practitioner_b, DAY, start_hour=8, end_hour=10)
    make_cover(other, world.practitioner_a2)
    assert messages(booking, world.practitioner_a2) == [
        "Alex Amari is already covering Bola Bello Tuesday 8 December 2026, 08:00 to 10:00."
    ]
    assert kinds(booking, world.practitioner_a2) == [CoverConflictKind.COLLEAGUE_COVERING]


def test_withdrawn_cover_and_cover_for_cancelled_time_are_no_conflict(world, booking):
    other = make_booking(world.practitioner_b, DAY, start_hour=8, end_hour=10)
    make_cover(other, world.practitioner_a2, status=CoverStatus.WITHDRAWN)
    cancelled = make_booking(world.practitioner_c, DAY, start_hour=9, end_hour=10)
    make_cover(cancelled, world.practitioner_a2)
    cancelled.status = BookingStatus.CANCELLED
    cancelled.save()
    assert kinds(booking, world.practitioner_a2) == []


def test_team_would_fall_below_its_minimum_on_duty(world, booking):
    # Team A is Maya, Priya and Alex; with Priya learning two are on duty.
    world.team_a.minimum_staff_on_duty = 3
    world.team_a.save()
    assert messages(booking, world.manager_a) == [
        "Assessment Team 1 would have 2 people on duty on Tuesday 8 December 2026, "
        "below its minimum of 3."
    ]
    world.team_a.minimum_staff_on_duty = 2
    world.team_a.save()
    assert kinds(booking, world.manager_a) == []
    # Alex on leave takes the team below two.
    make_absence(world.practitioner_a2, DAY, DAY)
    assert kinds(booking, world.manager_a) == [CoverConflictKind.TEAM_BELOW_MINIMUM]


def test_others_learning_that_day_count_as_away_from_the_team(world, booking):
    world.team_a.minimum_staff_on_duty = 2
    world.team_a.save()
    make_booking(world.practitioner_a2, DAY, start_hour=14, end_hour=16)
    assert kinds(booking, world.manager_a) == [CoverConflictKind.TEAM_BELOW_MINIMUM]


def test_assigning_a_colleague_with_conflicts_lists_every_one_and_assigns_nothing(world, booking):
    make_absence(world.practitioner_a2, DAY, DAY)
    other = make_booking(world.practitioner_b, DAY, start_hour=10, end_hour=11)
    make_cover(other, world.practitioner_a2)
    with pytest.raises(CoverConflictError) as raised:
        cover_assign(
            actor=world.manager_a,
            booking=booking,
            colleague=world.practitioner_a2,
            duties=["duty"],
        )
    assert [conflict.kind for conflict in raised.value.conflicts] == [
        CoverConflictKind.COLLEAGUE_ABSENT,
        CoverConflictKind.COLLEAGUE_COVERING,
    ]
    assert raised.value.message_dict == {
        "colleague": [
            "Alex Amari is absent (annual leave) on Tuesday 8 December 2026.",
            "Alex Amari is already covering Bola Bello Tuesday 8 December 2026, 10:00 to 11:00.",
        ],
        "accept_conflicts_reason": [
            "Choose another colleague, or give a reason to assign them despite the conflicts."
        ],
    }
    assert not CoverAssignment.objects.filter(booking=booking).exists()


def test_accepting_the_conflicts_with_a_reason_keeps_them_with_the_cover(world, booking):
    make_absence(world.practitioner_a2, DAY, DAY)
    cover = cover_assign(
        actor=world.manager_a,
        booking=booking,
        colleague=world.practitioner_a2,
        duties=["phone_and_email", "duty"],
        accept_conflicts_reason="  Alex is back at 10 and has agreed to take duty calls  ",
    )
    cover.refresh_from_db()
    assert cover.conflicts == [CoverConflictKind.COLLEAGUE_ABSENT]
    assert cover.conflicts_accepted_reason == "Alex is back at 10 and has agreed to take duty calls"
    assert cover.conflicts_accepted_by == world.manager_a
    assert cover.duties == ["duty", "phone_and_email"]
    assert (cover.start, cover.end, cover.status) == (booking.start, booking.end, CoverStatus.ASKED)
    entry = AuditEntry.objects.get(action="cover.assign")
    assert (entry.actor, entry.object_id) == (world.manager_a, str(cover.pk))
    assert entry.after["conflicts_accepted_reason"] == cover.conflicts_accepted_reason


def test_a_reason_without_conflicts_is_not_recorded_as_accepting_any(world, booking):
    cover = cover_assign(
        actor=world.manager_a,
        booking=booking,
        colleague=world.practitioner_a2,
        duties=["duty"],
        accept_conflicts_reason="Just in case",
    )
    assert (cover.conflicts, cover.conflicts_accepted_reason, cover.conflicts_accepted_by) == (
        [],
        "",
        None,
    )


def test_a_booking_is_confirmed_only_when_every_conflict_is_resolved_or_accepted(world, booking):
    accepted = cover_assign(
        actor=world.manager_a,
        booking=booking,
        colleague=world.manager_a,
        duties=["duty"],
    )
    assert accepted.conflicts == []
    # Maya's sickness is recorded after she agreed to cover: a new, unaccepted conflict.
    make_absence(world.manager_a, DAY, DAY, AbsenceKind.SICKNESS)
    with pytest.raises(ValidationError) as refused:
        booking_confirm(actor=world.manager_a, booking=booking)
    assert refused.value.message_dict["no_cover_needed_reason"] == [
        "Maya Manager is absent (sickness) on Tuesday 8 December 2026. Resolve it, or withdraw "
        "this cover and assign it again accepting the conflict with a reason."
    ]
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED

    cover_withdraw(actor=world.manager_a, assignment=accepted)
    cover_assign(
        actor=world.manager_a,
        booking=booking,
        colleague=world.manager_a,
        duties=["duty"],
        accept_conflicts_reason="Covering duty calls from home",
    )
    confirmed = booking_confirm(actor=world.manager_a, booking=booking)
    assert confirmed.status == BookingStatus.CONFIRMED
