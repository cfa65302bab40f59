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


@login_required
@require_http_methods(["GET", "POST"])
def booking_decline(request: HttpRequest, pk: int) -> HttpResponse:
    booking = decidable(request, pk)
    form = DeclineForm(posted(request))
    return form_page(
        request,
        form,
        lambda: booking_services.booking_decline(
            actor=request.user, booking=booking, reason=form.cleaned_data["reason"]
        ),
        message=f"You have declined {booking.person}'s request.",
        title="Decline the request",
        button="Decline request",
        booking=booking,
    )


@login_required
@require_http_methods(["GET", "POST"])
def booking_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirms a booking with no cover, with the manager's reason; with cover arranged the
    cover page confirms it."""
    booking = decidable(request, pk)
    form = ConfirmNoCoverForm(posted(request))
    return form_page(
        request,
        form,
        lambda: booking_services.booking_confirm(
            actor=request.user, booking=booking, no_cover_needed_reason=form.cleaned_data["reason"]
        ),
        message="The protected time is confirmed with no cover needed.",
        title="Confirm with no cover needed",
        button="Confirm",
        booking=booking,
    )


@login_required
@require_http_methods(["GET", "POST"])
def booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = booking_pages.booking_detail(request.user, pk)
    if not planner_access.can_cancel(request.user, booking):
        raise PermissionDenied
    form = CancelForm(posted(request))
    return form_page(
        request,
        form,
        lambda: cancellation_services.booking_cancel(
            actor=request.user,
            booking=booking,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
            reschedule_start=form.cleaned_data.get("reschedule_start"),
            reschedule_end=form.cleaned_data.get("reschedule_end"),
        ),
        message=f"“{booking.title}” has been cancelled.",
        title="Cancel protected time",
        button="Cancel the booking",
        booking=booking,
    )


@login_required
@require_http_methods(["GET", "POST"])
def booking_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    booking = decidable(request, pk)
    form = AttendanceForm(posted(request))
    return form_page(
        request,
        form,
        lambda: attendance_services.booking_record_attendance(
            actor=request.user,
            booking=booking,
            status=form.cleaned_data["outcome"],
            attended_minutes=form.cleaned_data["attended_minutes"],
        ),
        message="Attendance has been recorded.",
        title="Record attendance",
        button="Save attendance",
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
