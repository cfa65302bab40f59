"""The demo's protected time: a realistic year, the same on every run, safe to load twice; and
seed_scale's bookings for every synthetic person."""

import io
import itertools
from collections import Counter, defaultdict

import pytest
from django.core.management import call_command

from planner.demo import RECORDED_TO
from planner.models import (
    Absence,
    AbsenceKind,
    Booking,
    BookingEvent,
    BookingStatus,
    CoverAssignment,
)
from planner.models.bookings import HOLDING_STATUSES
from planner.selectors.metrics import person_allowance
from teams.models import Membership, Organisation, Person
from tests.seeding import fingerprint, seed_demo

pytestmark = pytest.mark.django_db

# Columns that do not depend on when the seed ran (created_at is stamped at load time).
COLUMNS = {
    Booking: ("person__email", "start", "end", "title", "status", "cancellation_reason"),
    BookingEvent: ("booking__start", "booking__person__email", "at", "to_status", "note"),
    CoverAssignment: ("booking__start", "colleague__email", "duties", "status"),
    Absence: ("person__email", "kind", "start_date", "end_date"),
}


def test_running_twice_changes_nothing_and_a_fresh_load_is_identical():
    seed_demo()
    first = fingerprint(COLUMNS)
    assert "protected time already loaded" in seed_demo()
    assert fingerprint(COLUMNS) == first
    for model in COLUMNS:
        model.objects.all().delete()
    seed_demo()
    assert fingerprint(COLUMNS) == first


def test_a_realistic_year_of_protected_time():
    seed_demo()
    northshire = Organisation.objects.get(slug="northshire")
    bookings = Booking.objects.filter(organisation=northshire)
    statuses = Counter(bookings.values_list("status", flat=True))
    assert set(statuses) == set(BookingStatus.values)
    assert bookings.count() > 1000
    past = bookings.filter(start__date__lt=RECORDED_TO)
    # Nothing before the records' day is still waiting for a decision or attendance.
    assert not past.filter(status__in=HOLDING_STATUSES).exists()
    assert bookings.filter(start__date__gte=RECORDED_TO, status__in=HOLDING_STATUSES).exists()
    reasons = Counter(
        bookings.filter(status=BookingStatus.CANCELLED).values_list(
            "cancellation_reason", flat=True
        )
    )
    assert reasons.most_common(1)[0][0] == "work_crisis"
    assert bookings.filter(rescheduled_from__isnull=False).exists()
    assert bookings.filter(outside_working_minutes__gt=0).exists()
    learning = bookings.exclude(status__in=[BookingStatus.DECLINED, BookingStatus.CANCELLED])
    covered = learning.filter(cover_assignments__isnull=False).distinct().count()
    # Better than the national 8.7%, and far from everything.
    assert 0.087 < covered / learning.count() < 0.9
    assert CoverAssignment.objects.exclude(conflicts_accepted_reason="").exists()
    kinds = set(Absence.objects.values_list("kind", flat=True))
    assert kinds == set(AbsenceKind.values) - {AbsenceKind.OTHER}
    assert not BookingEvent.objects.values("booking").annotate().filter(booking=None).exists()
    assert BookingEvent.objects.count() >= bookings.count() + past.count()
    no_one_is_booked_twice_at_once_and_cover_stays_in_the_team()
    the_demo_practitioner_and_manager_have_something_to_see()


def no_one_is_booked_twice_at_once_and_cover_stays_in_the_team():
    by_person = defaultdict(list)
    for person_id, start, end in Booking.objects.filter(status__in=HOLDING_STATUSES).values_list(
        "person_id", "start", "end"
    ):
        by_person[person_id].append((start, end))
    for spans in by_person.values():
        spans.sort()
        assert all(earlier[1] <= later[0] for earlier, later in itertools.pairwise(spans))
    for cover in CoverAssignment.objects.select_related("booking")[:200]:
        assert cover.colleague_id != cover.booking.person_id
        assert Membership.objects.filter(
            person_id=cover.colleague_id,
            team__in=Membership.objects.filter(person_id=cover.booking.person_id).values("team"),
        ).exists()


def the_demo_practitioner_and_manager_have_something_to_see():
    practitioner = Person.objects.get(email="practitioner@northshire.example")
    manager = Person.objects.get(email="manager@northshire.example")
    assert Booking.objects.filter(person=practitioner, start__date__gte=RECORDED_TO).exists()
    assert Booking.objects.filter(person=practitioner, status=BookingStatus.ATTENDED).exists()
    allowance = person_allowance(practitioner, on=RECORDED_TO).summary
    assert allowance is not None and allowance.allowance_minutes > 0
    assert Booking.objects.filter(
        decided_by=manager, status__in=HOLDING_STATUSES, start__date__gte=RECORDED_TO
    ).exists()


def test_seed_scale_books_time_for_the_synthetic_people():
    call_command(
        "seed_scale", "--people", "60", "--organisation", "scale-planner", stdout=io.StringIO()
    )
    organisation = Organisation.objects.get(slug="scale-planner")
    people = organisation.people.count()
    booked = Booking.objects.filter(organisation=organisation)
    assert booked.values("person").distinct().count() >= people * 0.9
    assert booked.count() > people * 3
    assert CoverAssignment.objects.filter(booking__organisation=organisation).exists()
    assert Absence.objects.filter(person__organisation=organisation).exists()
