"""Protected time bookings through the API, with the pages' permissions: the person asks for
time, their manager books, decides, cancels and records attendance. Every write goes through
``planner.services``.

Times are ISO 8601; a time without an offset is read as London time, as people type it.
"""

from collections.abc import Callable

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from planner import access as planner_access
from planner.api.schemas.bookings import (
    AttendanceIn,
    BookingCreate,
    BookingDetailOut,
    BookingFilter,
    BookingOut,
    CancelIn,
    ConfirmIn,
    DeclineIn,
)
from planner.models import Booking, CoverAssignment
from planner.services import attendance as attendance_services
from planner.services import bookings as booking_services
from planner.services import cancellation as cancellation_services
from teams.api.lookups import named_person
from teams.models import Person

router = Router()


def _bookings(actor: Person) -> QuerySet[Booking]:
    """Bookings the caller may read, with cover, in a fixed number of queries."""
    return (
        planner_access.bookings_visible_to(actor)
        .select_related("person")
        .prefetch_related(
            Prefetch(
                "cover_assignments",
                queryset=CoverAssignment.objects.select_related("colleague").order_by(
                    "created_at", "id"
                ),
                to_attr="api_cover",
            )
        )
        .order_by("start", "id")
    )


def readable_booking(actor: Person, booking_id: int) -> Booking:
    """A booking the caller may read, with its cover and history; 404 for any other."""
    booking = visible(_bookings(actor), booking_id, "booking")
    booking.api_history = list(booking.events.order_by("at", "id"))
    return booking


def _reloaded(actor: Person, booking: Booking) -> Booking:
    return readable_booking(actor, booking.pk)


def _changed(
    request: HttpRequest,
    booking_id: int,
    change: Callable[..., Booking],
    payload: Schema | None = None,
) -> Booking:
    """Runs the service ``change`` on a booking the caller may read, with the payload's fields
    as its arguments (they are named alike), and answers the booking as it is now."""
    actor = caller(request)
    arguments = payload.model_dump() if payload is not None else {}
    booking = change(actor=actor, booking=readable_booking(actor, booking_id), **arguments)
    return _reloaded(actor, booking)


@router.get("/bookings", response=list[BookingOut], operation_id="bookings_list")
@paginate(LimitOffsetPagination)
def bookings_list(request: HttpRequest, filters: Query[BookingFilter]) -> QuerySet[Booking]:
    """Protected time you may see: your own, your teams' (managers), your organisation's (L&D
    and org admins), and bookings you were asked to cover."""
    return filters.filter(_bookings(caller(request)))


@router.get("/bookings/{booking_id}", response=BookingDetailOut, operation_id="bookings_get")
def bookings_get(request: HttpRequest, booking_id: int) -> Booking:
    """A booking with its cover and full history."""
    return readable_booking(caller(request), booking_id)


@router.post("/bookings", response={201: BookingDetailOut}, operation_id="bookings_create")
def bookings_create(request: HttpRequest, payload: BookingCreate) -> Status:
    """Asks for time for yourself (requested), or books it for one of your people as their
    manager (approved). Overlaps are refused; time outside working hours is flagged TOIL due."""
    actor = caller(request)
    person = named_person(actor, payload.person_id, field="person_id", default=actor)
    with fields_named(person="person_id"):
        booking = booking_services.booking_request(
            actor=actor,
            person=person,
            **payload.model_dump(exclude={"person_id"}),
        )
    return Status(201, _reloaded(actor, booking))


@router.post(
    "/bookings/{booking_id}/approve", response=BookingDetailOut, operation_id="bookings_approve"
)
def bookings_approve(request: HttpRequest, booking_id: int) -> Booking:
    return _changed(request, booking_id, booking_services.booking_approve)


@router.post(
    "/bookings/{booking_id}/decline", response=BookingDetailOut, operation_id="bookings_decline"
)
def bookings_decline(request: HttpRequest, booking_id: int, payload: DeclineIn) -> Booking:
    return _changed(request, booking_id, booking_services.booking_decline, payload)


@router.post(
    "/bookings/{booking_id}/confirm", response=BookingDetailOut, operation_id="bookings_confirm"
)
def bookings_confirm(request: HttpRequest, booking_id: int, payload: ConfirmIn) -> Booking:
    """Confirms an approved booking: with cover arranged and every conflict resolved or
    accepted, or with the reason no cover is needed."""
    return _changed(request, booking_id, booking_services.booking_confirm, payload)


@router.post(
    "/bookings/{booking_id}/cancel", response=BookingDetailOut, operation_id="bookings_cancel"
)
def bookings_cancel(request: HttpRequest, booking_id: int, payload: CancelIn) -> Booking:
    """Cancels with a reason category and note (the person or their manager); with new times
    it is rebooked as a new booking linked by ``rescheduled_from_id``."""
    return _changed(request, booking_id, cancellation_services.booking_cancel, payload)


@router.post(
    "/bookings/{booking_id}/attendance",
    response=BookingDetailOut,
    operation_id="bookings_attendance",
)
def bookings_attendance(request: HttpRequest, booking_id: int, payload: AttendanceIn) -> Booking:
    return _changed(request, booking_id, attendance_services.booking_record_attendance, payload)
