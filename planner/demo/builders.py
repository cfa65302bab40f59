"""Building the demo's protected time: each team's people, their absences, bookings with a
story (asked, decided, covered, attended or cancelled and rebooked) and cover, planned in memory
a chunk of whole teams at a time and written in bulk."""

from __future__ import annotations

import datetime
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from core.time import ONE_DAY, london
from planner.demo.data import (
    BATCH,
    CANCELLATION_NOTES,
    NO_COVER_REASONS,
    PEOPLE_PER_CHUNK,
    PURPOSE_WEIGHTS,
    REASON_WEIGHTS,
    RECORDED_TO,
    SLOTS,
    TITLES,
    Span,
)
from planner.models import (
    Absence,
    AbsenceKind,
    Booking,
    BookingEvent,
    BookingStatus,
    CancellationReason,
    CoverAssignment,
    CoverConflictKind,
    CoverDuty,
    CoverStatus,
)
from planner.worktime import WorkingCalendar
from teams.models import CareerStage, Membership, Organisation, Person, TeamManager


@dataclass
class Staff:
    """Who works in a team, and who manages it, for planning the demo's learning."""

    manager_ids: list[int]
    people: list[Person] = field(default_factory=list)


def _teams(organisation: Organisation) -> list[Staff]:
    """Each team's current members with its managers (two queries plus one per batch)."""
    managers: dict[int, list[int]] = defaultdict(list)
    for team_id, person_id in TeamManager.objects.filter(
        team__organisation=organisation
    ).values_list("team_id", "person_id"):
        managers[team_id].append(person_id)
    staff: dict[int, Staff] = {}
    memberships = (
        Membership.objects.current(on=RECORDED_TO)
        .filter(team__organisation=organisation, person__is_active=True)
        .select_related("person")
        .order_by("team_id", "person_id")
    )
    for membership in memberships.iterator(chunk_size=BATCH):
        team = staff.setdefault(membership.team_id, Staff(manager_ids=managers[membership.team_id]))
        team.people.append(membership.person)
    return list(staff.values())


def _absences(people: list[Person], rng: random.Random, span: Span) -> list[Absence]:
    """A few blocks of leave, the odd sickness and TOIL day, per person over the demo year."""
    rows = []
    span_days = (span.last_day - span.first_day).days
    for person in people:
        taken: set[datetime.date] = set()
        for kind, count, longest in (
            (AbsenceKind.ANNUAL_LEAVE, rng.randint(3, 6), 7),
            (AbsenceKind.SICKNESS, rng.choice((0, 0, 1, 1, 2)), 3),
            (AbsenceKind.TOIL, rng.choice((0, 1, 2)), 1),
        ):
            # Counts are per year; a shorter span gets its share.
            for _ in range(round(count * span_days / 365)):
                start = span.first_day + datetime.timedelta(days=rng.randrange(0, span_days))
                days = {start + datetime.timedelta(days=n) for n in range(rng.randint(1, longest))}
                if days & taken:
                    continue
                taken |= days
                rows.append(Absence(person=person, kind=kind, start_date=start, end_date=max(days)))
    return rows


def _at(day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    return london(day, datetime.time(hour, minute))


# (when, who, from status, to status, note)
Event = tuple[datetime.datetime, int | None, str, str, str]


@dataclass
class Planned:
    booking: Booking
    events: list[Event]
    cover: list[CoverAssignment]
    rebooked_from: Booking | None = None


def _chunks(teams: list[Staff]) -> list[list[Staff]]:
    """Whole teams, about ``PEOPLE_PER_CHUNK`` people at a time."""
    chunks: list[list[Staff]] = [[]]
    size = 0
    for team in teams:
        if size >= PEOPLE_PER_CHUNK:
            chunks.append([])
            size = 0
        chunks[-1].append(team)
        size += len(team.people)
    return chunks


def plan_organisation(organisation: Organisation, rng: random.Random, span: Span) -> Counter:
    made: Counter = Counter()
    for teams in _chunks(_teams(organisation)):
        people = [person for team in teams for person in team.people]
        absences = Absence.objects.bulk_create(_absences(people, rng, span), batch_size=BATCH)
        calendar = WorkingCalendar.load(
            person_ids=[person.pk for person in people],
            first_day=span.first_day,
            last_day=span.last_day,
        )
        planned: list[Planned] = []
        busy: set[tuple[int, datetime.date]] = set()
        for team in teams:
            for person in team.people:
                planned.extend(_person_bookings(person, team, calendar, busy, rng, span))
        made["absences"] += len(absences)
        made["bookings"] += len(planned)
        made["cover"] += _write(planned)
    return made


def _write(planned: list[Planned]) -> int:
    """Writes the planned bookings with their history and cover; returns the cover count."""
    Booking.objects.bulk_create([plan.booking for plan in planned], batch_size=BATCH)
    # Rebooked time points at the booking it replaced, which now has its key.
    relinked = []
    for plan in planned:
        if plan.rebooked_from is not None:
            plan.booking.rescheduled_from_id = plan.rebooked_from.pk
            relinked.append(plan.booking)
    Booking.objects.bulk_update(relinked, ["rescheduled_from"], batch_size=BATCH)
    events, cover = [], []
    for plan in planned:
        for at, actor_id, from_status, to_status, note in plan.events:
            events.append(
                BookingEvent(
                    booking=plan.booking,
                    at=at,
                    actor_id=actor_id,
                    from_status=from_status,
                    to_status=to_status,
                    note=note,
                )
            )
        for assignment in plan.cover:
            assignment.booking = plan.booking
            cover.append(assignment)
    BookingEvent.objects.bulk_create(events, batch_size=BATCH)
    CoverAssignment.objects.bulk_create(cover, batch_size=BATCH)
    return len(cover)


def _person_bookings(
    person: Person,
    team: Staff,
    calendar: WorkingCalendar,
    busy: set[tuple[int, datetime.date]],
    rng: random.Random,
    span: Span,
) -> list[Planned]:
    """A few blocks of learning a month (newly qualified staff twice as many), on days they
    work."""
    deciders = [pk for pk in team.manager_ids if pk != person.pk] or [None]
    newly_qualified = person.career_stage == CareerStage.NEWLY_QUALIFIED
    per_month = span.per_month * 2 if newly_qualified else span.per_month
    found: list[Planned] = []
    month = span.first_day.replace(day=1)
    while month <= span.last_day:
        for _ in range(rng.randint(per_month - 1, per_month + 1)):
            day = month + datetime.timedelta(days=rng.randrange(0, 28))
            # One in twenty falls on a day off (a Saturday conference): TOIL is due.
            day_off = rng.random() < 0.05
            if day_off:
                day += datetime.timedelta(days=(5 - day.weekday()) % 7)
            elif not calendar.is_working_day(person.pk, day):
                continue
            if (person.pk, day) in busy or not span.first_day <= day <= span.last_day:
                continue
            busy.add((person.pk, day))
            hour, minute, minutes = rng.choice(SLOTS)
            start = _at(day, hour, minute)
            end = start + datetime.timedelta(minutes=minutes)
            found.extend(
                _booking_story(person, rng.choice(deciders), team, start, end, calendar, busy, rng)
            )
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return found


def _booking_story(
    person: Person,
    manager_id: int | None,
    team: Staff,
    start: datetime.datetime,
    end: datetime.datetime,
    calendar: WorkingCalendar,
    busy: set[tuple[int, datetime.date]],
    rng: random.Random,
) -> list[Planned]:
    """One booking with its history: asked for or booked, decided, covered, then attended or
    cancelled (sometimes rebooked a fortnight later)."""
    purpose = rng.choices(list(PURPOSE_WEIGHTS), weights=list(PURPOSE_WEIGHTS.values()))[0]
    asked = rng.random() < 0.6
    booking = Booking(
        organisation_id=person.organisation_id,
        person=person,
        start=start,
        end=end,
        title=rng.choice(TITLES[purpose]),
        purpose=purpose,
        requested_by_id=person.pk if asked else manager_id,
        outside_working_minutes=calendar.outside_minutes(person.pk, start, end),
    )
    events: list[Event] = []
    asked_at = start - datetime.timedelta(days=rng.randint(10, 30))
    decided_at = asked_at + datetime.timedelta(days=rng.randint(1, 3))
    covered_at = decided_at + datetime.timedelta(days=rng.randint(1, 5))
    first_status = BookingStatus.REQUESTED if asked else BookingStatus.APPROVED
    toil = (
        f"{booking.outside_working_minutes} minutes outside working time — TOIL due"
        if booking.outside_working_minutes
        else ""
    )
    events.append((asked_at, booking.requested_by_id, "", first_status, toil))
    past = start.date() < RECORDED_TO
    status = first_status
    if asked and (past or rng.random() < 0.6):
        if rng.random() < 0.06:
            booking.status = BookingStatus.DECLINED
            booking.decided_by_id = manager_id
            booking.decline_reason = "Duty week: please ask for the week after"
            events.append(
                (decided_at, manager_id, status, BookingStatus.DECLINED, booking.decline_reason)
            )
            return [Planned(booking, events, [])]
        events.append((decided_at, manager_id, status, BookingStatus.APPROVED, ""))
        status = BookingStatus.APPROVED
    if status == BookingStatus.APPROVED:
        booking.decided_by_id = manager_id
    cover: list[CoverAssignment] = []
    if status == BookingStatus.APPROVED and (past or rng.random() < 0.7):
        colleagues = [other for other in team.people if other.pk != person.pk]
        if colleagues and rng.random() < 0.55:
            cover = _cover(booking, rng.choice(colleagues), manager_id, past, rng)
            events.append(
                (covered_at, manager_id, status, BookingStatus.CONFIRMED, "Cover arranged")
            )
            status = BookingStatus.CONFIRMED
        elif rng.random() < 0.7:
            booking.no_cover_needed_reason = rng.choice(NO_COVER_REASONS)
            note = f"No cover needed: {booking.no_cover_needed_reason}"
            events.append((covered_at, manager_id, status, BookingStatus.CONFIRMED, note))
            status = BookingStatus.CONFIRMED
    stories = [Planned(booking, events, cover)]
    if status in (BookingStatus.REQUESTED, BookingStatus.APPROVED, BookingStatus.CONFIRMED):
        if rng.random() < (0.22 if past else 0.08):
            reason = rng.choices(list(REASON_WEIGHTS), weights=list(REASON_WEIGHTS.values()))[0]
            booking.cancelled_by_id = manager_id if rng.random() < 0.7 else person.pk
            booking.cancelled_at = max(
                start - datetime.timedelta(hours=rng.randint(2, 72)),
                covered_at + datetime.timedelta(hours=1),
            )
            booking.cancellation_reason = reason
            booking.cancellation_note = CANCELLATION_NOTES[reason]
            label = CancellationReason(reason).label
            note = f"{label}: {booking.cancellation_note}" if booking.cancellation_note else label
            events.append(
                (
                    booking.cancelled_at,
                    booking.cancelled_by_id,
                    status,
                    BookingStatus.CANCELLED,
                    note,
                )
            )
            status = BookingStatus.CANCELLED
            later = start + datetime.timedelta(days=14)
            if rng.random() < 0.35 and (person.pk, later.date()) not in busy:
                busy.add((person.pk, later.date()))
                rebooked = _booking_story(
                    person,
                    manager_id,
                    team,
                    later,
                    end + datetime.timedelta(days=14),
                    calendar,
                    busy,
                    rng,
                )
                rebooked[0].rebooked_from = booking
                stories.extend(rebooked)
        elif past and status != BookingStatus.REQUESTED:
            outcome = rng.choices(
                [
                    BookingStatus.ATTENDED,
                    BookingStatus.PARTLY_ATTENDED,
                    BookingStatus.DID_NOT_ATTEND,
                ],
                weights=[86, 9, 5],
            )[0]
            minutes = booking.minutes
            attended = {
                BookingStatus.ATTENDED: minutes,
                BookingStatus.PARTLY_ATTENDED: max(15, minutes // 2),
                BookingStatus.DID_NOT_ATTEND: 0,
            }[outcome]
            booking.attended_minutes = attended
            events.append(
                (
                    end + datetime.timedelta(hours=2),
                    manager_id,
                    status,
                    outcome,
                    f"{attended} of {minutes} minutes attended",
                )
            )
            status = outcome
    booking.status = status
    return stories


def _cover(
    booking: Booking,
    colleague: Person,
    manager_id: int | None,
    past: bool,
    rng: random.Random,
) -> list[CoverAssignment]:
    duties = sorted(
        rng.sample([CoverDuty.DUTY, CoverDuty.PLANNED_VISITS, CoverDuty.PHONE_AND_EMAIL], 2)
    )
    case_list = ""
    if rng.random() < 0.25:
        duties.append(CoverDuty.CASE_LIST)
        case_list = f"CL-{rng.randint(1000, 9999)}"
    accepted = rng.random() < 0.08
    return [
        CoverAssignment(
            colleague=colleague,
            start=booking.start,
            end=booking.end,
            duties=duties,
            case_list_reference=case_list,
            status=CoverStatus.ACKNOWLEDGED if past or rng.random() < 0.5 else CoverStatus.ASKED,
            acknowledged_at=booking.start - ONE_DAY if past else None,
            conflicts=[CoverConflictKind.COLLEAGUE_LEARNING] if accepted else [],
            conflicts_accepted_reason=(
                "Their webinar ends at noon; they take duty calls after" if accepted else ""
            ),
            conflicts_accepted_by_id=manager_id if accepted else None,
            assigned_by_id=manager_id,
        )
    ]
