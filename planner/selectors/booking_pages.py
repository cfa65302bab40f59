"""Reads for "My protected time" and the booking pages, each starting from ``planner.access``
and loading what the page shows in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from planner import access as planner_access
from planner.models import Booking, BookingEvent, BookingStatus, CoverAssignment, CoverStatus
from planner.models.bookings import HOLDING_STATUSES
from teams.access import Viewer
from teams.models import Person

ACTIVE_COVER = CoverAssignment.objects.exclude(status=CoverStatus.WITHDRAWN)


def _with_cover_and_history(bookings: QuerySet[Booking]) -> QuerySet[Booking]:
    return bookings.select_related(
        "person",
        "requested_by",
        "decided_by",
        "cancelled_by",
        # The catalogue session a place asked this time for, shown with the booking.
        "session_place__session__activity",
    ).prefetch_related(
        Prefetch(
            "cover_assignments",
            queryset=ACTIVE_COVER.select_related("colleague").order_by("start", "id"),
            to_attr="active_cover",
        ),
        Prefetch(
            "events",
            queryset=BookingEvent.objects.select_related("actor").order_by("at", "id"),
            to_attr="history",
        ),
    )


def booking_detail(user: Viewer, pk: int) -> Booking:
    """A booking the user may read, with its cover and full history; 404 otherwise."""
    return get_object_or_404(
        _with_cover_and_history(planner_access.bookings_visible_to(user)).select_related(
            "rescheduled_from"
        ),
        pk=pk,
    )


def all_cover_of(booking: Booking) -> QuerySet[CoverAssignment]:
    """Every cover assignment of a booking, withdrawn ones too, for its history."""
    return booking.cover_assignments.select_related(
        "colleague", "assigned_by", "conflicts_accepted_by"
    ).order_by("created_at", "id")


def rescheduled_to(booking: Booking) -> Booking | None:
    """The booking this one was moved to when it was cancelled, if any."""
    return Booking.objects.filter(rescheduled_from=booking).first()


@dataclass
class MyTime:
    upcoming: list[Booking]
    past: list[Booking]
    cover_asked: list[CoverAssignment]


def my_time(user: Person, *, now: datetime.datetime) -> MyTime:
    """The user's own bookings (upcoming, and past or cancelled) with who covers them and their history,
    and the cover they have been asked to give that has not ended yet."""
    own = list(
        _with_cover_and_history(
            planner_access.bookings_visible_to(user).filter(person_id=user.pk)
        ).order_by("start", "id")
    )
    # Upcoming is what still holds the person's time; the rest (done, declined, cancelled) is
    # history, newest first.
    upcoming = [booking for booking in own if booking.end > now and holds_time(booking)]
    past = [booking for booking in own if booking not in upcoming]
    past.reverse()
    cover_asked = list(
        CoverAssignment.objects.filter(colleague_id=user.pk, end__gt=now)
        .exclude(status=CoverStatus.WITHDRAWN)
        .exclude(booking__status__in=(BookingStatus.CANCELLED, BookingStatus.DECLINED))
        .select_related("booking__person")
        .order_by("start", "id")
    )
    return MyTime(upcoming=upcoming, past=past, cover_asked=cover_asked)


def cover_for_colleague(user: Viewer, pk: int) -> CoverAssignment:
    """Cover the user was asked to give; 404 for anyone else's."""
    return get_object_or_404(
        CoverAssignment.objects.select_related("booking__person").filter(colleague_id=user.pk),
        pk=pk,
    )


def cover_of_booking(booking: Booking, pk: int) -> CoverAssignment:
    """One cover assignment of a booking the caller has already checked."""
    return get_object_or_404(
        CoverAssignment.objects.select_related("colleague").filter(booking=booking), pk=pk
    )


def holds_time(booking: Booking) -> bool:
    return booking.status in HOLDING_STATUSES
