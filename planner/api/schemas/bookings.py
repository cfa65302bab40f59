"""Bookings through the API: a booking with its cover and history, the list's filters, and what
each decision takes."""

import datetime
from typing import Annotated

from django.db.models import Q
from ninja import Field, FilterLookup, FilterSchema, Schema

from core.time import local_midnight
from planner.api.schemas.cover import CoverOut
from planner.models import (
    Booking,
    BookingEvent,
    BookingPurpose,
    BookingStatus,
    CancellationReason,
    CoverAssignment,
)
from teams.api.schemas.common import PersonRef


class EventOut(Schema):
    at: datetime.datetime
    actor_id: int | None
    from_status: str
    to_status: BookingStatus
    note: str


class BookingOut(Schema):
    id: int
    person: PersonRef
    start: datetime.datetime
    end: datetime.datetime
    minutes: int
    title: str
    purpose: BookingPurpose
    notes: str
    status: BookingStatus
    requested_by_id: int | None
    decided_by_id: int | None
    decline_reason: str
    no_cover_needed_reason: str
    outside_working_minutes: int = Field(
        description="Minutes outside the person's working time: TOIL is due for these."
    )
    attended_minutes: int | None
    cancellation_reason: CancellationReason | None
    cancellation_note: str
    cancelled_by_id: int | None
    rescheduled_from_id: int | None
    cover: list[CoverOut]

    @staticmethod
    def resolve_cover(booking: Booking) -> list[CoverAssignment]:
        return booking.api_cover

    @staticmethod
    def resolve_cancellation_reason(booking: Booking) -> str | None:
        return booking.cancellation_reason or None


class BookingDetailOut(BookingOut):
    history: list[EventOut]

    @staticmethod
    def resolve_history(booking: Booking) -> list[BookingEvent]:
        return booking.api_history


class BookingFilter(FilterSchema):
    person_id: Annotated[int | None, FilterLookup("person_id")] = None
    status: Annotated[BookingStatus | None, FilterLookup("status")] = None
    starts_from: datetime.date | None = Field(None, description="London date, inclusive.")
    starts_before: datetime.date | None = Field(None, description="London date, exclusive.")

    # London dates, compared with the instant the London day starts.
    def filter_starts_from(self, day: datetime.date | None) -> Q:
        return Q(start__gte=local_midnight(day)) if day else Q()

    def filter_starts_before(self, day: datetime.date | None) -> Q:
        return Q(start__lt=local_midnight(day)) if day else Q()


class BookingCreate(Schema):
    person_id: int | None = Field(None, description="Whose time; yourself when left out.")
    start: datetime.datetime
    end: datetime.datetime
    title: str
    purpose: BookingPurpose = BookingPurpose.OTHER
    notes: str = ""


class DeclineIn(Schema):
    reason: str


class ConfirmIn(Schema):
    no_cover_needed_reason: str = Field(
        "", description="Leave empty when cover is arranged; otherwise why none is needed."
    )


class CancelIn(Schema):
    reason: CancellationReason
    note: str = ""
    reschedule_start: datetime.datetime | None = None
    reschedule_end: datetime.datetime | None = None


class AttendanceIn(Schema):
    status: BookingStatus = Field(description="attended, partly_attended or did_not_attend.")
    attended_minutes: int | None = None
