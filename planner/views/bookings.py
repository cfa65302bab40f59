"""Booking pages: a practitioner's one-step request, a manager booking time for one of their
people, the booking's page with its full history, and the decisions on it (approve, decline,
confirm with no cover needed, cancel, record attendance)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from core.web import posted, requires, save
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
from planner.views.common import booking_url, decidable, form_flow, form_page
from teams import access


def _booked(request: HttpRequest, form: BookingRequestForm) -> Booking | None:
    """Books the form's time for its person (the visitor, when the form has no person field);
    None when the form or the service refused it, with the errors on the form."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    created: list[Booking] = []
    saved = save(
        form,
        lambda: created.append(
            booking_services.booking_request(
                actor=request.user,
                person=data.get("person", request.user),
                start=data["start"],
                end=data["end"],
                title=data["title"],
                purpose=data["purpose"],
                notes=data["notes"],
            )
        ),
    )
    return created[0] if saved else None


@login_required
@require_http_methods(["GET", "POST"])
def booking_request(request: HttpRequest) -> HttpResponse:
    form = BookingRequestForm(posted(request))
    if booking := _booked(request, form):
        messages.success(request, f"You have asked for “{booking.title}”. Your manager decides.")
        return redirect(booking_url(booking))
    return form_page(
        request,
        form,
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
    if booking := _booked(request, form):
        messages.success(
            request, f"Protected time is booked for {booking.person}. Now arrange cover."
        )
        return redirect(booking_url(booking))
    return form_page(
        request,
        form,
        title="Book protected time",
        button="Book time",
        cancel_url=reverse("planner:teams"),
    )


@login_required
@require_POST
def booking_approve(request: HttpRequest, pk: int) -> HttpResponse:
    booking = decidable(request, pk)
    try:
        booking_services.booking_approve(actor=request.user, booking=booking)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"You have approved {booking.person}'s protected time.")
    return redirect(booking_url(booking))


@login_required
@require_http_methods(["GET", "POST"])
def booking_decline(request: HttpRequest, pk: int) -> HttpResponse:
    booking = decidable(request, pk)
    form = DeclineForm(posted(request))
    return form_flow(
        request,
        form,
        lambda data: booking_services.booking_decline(
            actor=request.user, booking=booking, reason=data["reason"]
        ),
        done=f"You have declined {booking.person}'s request.",
        title="Decline the request",
        button="Decline request",
        then=booking_url(booking),
        booking=booking,
    )


@login_required
@require_http_methods(["GET", "POST"])
def booking_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirms a booking with no cover, with the manager's reason; with cover arranged the
    cover page confirms it."""
    booking = decidable(request, pk)
    form = ConfirmNoCoverForm(posted(request))
    return form_flow(
        request,
        form,
        lambda data: booking_services.booking_confirm(
            actor=request.user, booking=booking, no_cover_needed_reason=data["reason"]
        ),
        done="The protected time is confirmed with no cover needed.",
        title="Confirm with no cover needed",
        button="Confirm",
        then=booking_url(booking),
        booking=booking,
    )


@login_required
@require_http_methods(["GET", "POST"])
def booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = booking_pages.booking_detail(request.user, pk)
    if not planner_access.can_cancel(request.user, booking):
        raise PermissionDenied
    form = CancelForm(posted(request))
    return form_flow(
        request,
        form,
        lambda data: cancellation_services.booking_cancel(
            actor=request.user,
            booking=booking,
            reason=data["reason"],
            note=data["note"],
            reschedule_start=data.get("reschedule_start"),
            reschedule_end=data.get("reschedule_end"),
        ),
        done=f"“{booking.title}” has been cancelled.",
        title="Cancel protected time",
        button="Cancel the booking",
        then=booking_url(booking),
        booking=booking,
    )


@login_required
@require_http_methods(["GET", "POST"])
def booking_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    booking = decidable(request, pk)
    form = AttendanceForm(posted(request))
    return form_flow(
        request,
        form,
        lambda data: attendance_services.booking_record_attendance(
            actor=request.user,
            booking=booking,
            status=data["outcome"],
            attended_minutes=data["attended_minutes"],
        ),
        done="Attendance has been recorded.",
        title="Record attendance",
        button="Save attendance",
        then=booking_url(booking),
        booking=booking,
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
