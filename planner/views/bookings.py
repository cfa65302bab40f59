"""Booking pages: a practitioner's one-step request, a manager booking time for one of their
people, the booking's page with its full history, and the decisions on it (approve, decline,
confirm with no cover needed, cancel, record attendance)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from core.web import act, posted, requires
from planner import access as planner_access
from planner.forms import (
    AttendanceForm,
    BookingCreateForm,
    BookingRequestForm,
    CancelForm,
    ConfirmNoCoverForm,
    DeclineForm,
)
from planner.models import Booking
from planner.selectors import booking_pages
from planner.services import attendance as attendance_services
from planner.services import bookings as booking_services
from planner.services import cancellation as cancellation_services
from planner.views.common import booking_url, decidable, form_page
from teams import access
from teams.models import Person


def _book(request: HttpRequest, form: BookingRequestForm) -> Booking:
    """Books the form's time for its person (the visitor, when the form has no person field)."""
    data = form.cleaned_data
    return booking_services.booking_request(
        actor=request.user,
        person=data.get("person", request.user),
        start=data["start"],
        end=data["end"],
        title=data["title"],
        purpose=data["purpose"],
        notes=data["notes"],
    )


@login_required
@require_http_methods(["GET", "POST"])
def booking_request(request: HttpRequest) -> HttpResponse:
    form = BookingRequestForm(posted(request))
    return form_page(
        request,
        form,
        lambda: _book(request, form),
        message=lambda booking: f"You have asked for “{booking.title}”. Your manager decides.",
        to=booking_url,
        title="Ask for protected time",
        button="Ask for this time",
        cancel_url=reverse("planner:my-time"),
    )


@requires(planner_access.can_book_for_others)
@require_http_methods(["GET", "POST"])
def booking_create(request: HttpRequest) -> HttpResponse:
    people = access.people_managed_by(request.user)
    form = BookingCreateForm(
        posted(request), people=people, initial={"person": request.GET.get("person")}
    )
    return form_page(
        request,
        form,
        lambda: _book(request, form),
        message=lambda booking: (
            f"Protected time is booked for {booking.person}. Now arrange cover."
        ),
        to=booking_url,
        title="Book protected time",
        button="Book time",
        cancel_url=reverse("planner:teams"),
    )


@login_required
@require_POST
def booking_approve(request: HttpRequest, pk: int) -> HttpResponse:
    booking = decidable(request, pk)
    return act(
        request,
        lambda: booking_services.booking_approve(actor=request.user, booking=booking),
        message=f"You have approved {booking.person}'s protected time.",
        to=booking_url(booking),
    )


def _cancellable(request: HttpRequest, pk: int) -> Booking:
    """A booking the visitor may see (else 404) and cancel (else 403)."""
    booking = booking_pages.booking_detail(request.user, pk)
    if not planner_access.can_cancel(request.user, booking):
        raise PermissionDenied
    return booking


def _decision(
    form_class: type[Form],
    decide: Callable[[Person, Booking, dict[str, Any]], object],
    *,
    message: Callable[[Booking], str],
    title: str,
    button: str,
    find: Callable[[HttpRequest, int], Booking] = decidable,
) -> Callable[[HttpRequest, int], HttpResponse]:
    """The page of one decision on a booking: the booking ``find`` allows, its form, then
    ``decide`` (the visitor, the booking and the form's data) through the service, said as
    ``message`` and back to the booking."""

    @login_required
    @require_http_methods(["GET", "POST"])
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        booking = find(request, pk)
        form = form_class(posted(request))
        return form_page(
            request,
            form,
            lambda: decide(request.user, booking, form.cleaned_data),
            booking=booking,
            message=message(booking),
            title=title,
            button=button,
        )

    return view


booking_decline = _decision(
    DeclineForm,
    lambda user, booking, data: booking_services.booking_decline(
        actor=user, booking=booking, reason=data["reason"]
    ),
    message=lambda booking: f"You have declined {booking.person}'s request.",
    title="Decline the request",
    button="Decline request",
)

# Confirms a booking with no cover, with the manager's reason; with cover arranged the cover
# page confirms it (booking_confirm_cover).
booking_confirm = _decision(
    ConfirmNoCoverForm,
    lambda user, booking, data: booking_services.booking_confirm(
        actor=user, booking=booking, no_cover_needed_reason=data["reason"]
    ),
    message=lambda booking: "The protected time is confirmed with no cover needed.",
    title="Confirm with no cover needed",
    button="Confirm",
)

booking_cancel = _decision(
    CancelForm,
    lambda user, booking, data: cancellation_services.booking_cancel(
        actor=user,
        booking=booking,
        reason=data["reason"],
        note=data["note"],
        reschedule_start=data.get("reschedule_start"),
        reschedule_end=data.get("reschedule_end"),
    ),
    message=lambda booking: f"“{booking.title}” has been cancelled.",
    title="Cancel protected time",
    button="Cancel the booking",
    find=_cancellable,
)

booking_attendance = _decision(
    AttendanceForm,
    lambda user, booking, data: attendance_services.booking_record_attendance(
        actor=user,
        booking=booking,
        status=data["outcome"],
        attended_minutes=data["attended_minutes"],
    ),
    message=lambda booking: "Attendance has been recorded.",
    title="Record attendance",
    button="Save attendance",
)


@login_required
@require_POST
def booking_confirm_cover(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirms a booking whose cover is arranged; anything still to resolve is listed."""
    booking = decidable(request, pk)
    try:
        booking_services.booking_confirm(actor=request.user, booking=booking)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"{booking.person}'s protected time is confirmed with cover.")
    return redirect(booking_url(booking))
