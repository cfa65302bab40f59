"""Helpers the planner's views share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from core.web import save
from planner import access as planner_access
from planner.models import Booking
from planner.selectors import booking_pages


def booking_url(booking: Booking) -> str:
    return reverse("planner:booking", args=[booking.pk])


def decidable(request: HttpRequest, pk: int) -> Booking:
    """A booking the visitor may see (else 404) and decide on (else 403)."""
    booking = booking_pages.booking_detail(request.user, pk)
    if not planner_access.can_decide(request.user, booking):
        raise PermissionDenied
    return booking


def form_page(
    request: HttpRequest,
    form: Form,
    *,
    title: str,
    button: str,
    cancel_url: str,
    booking: Booking | None = None,
) -> HttpResponse:
    """The planner's one-form page (templates/planner/booking_form.html): a heading, the form
    with its errors, a button and a way back; a booking's summary above it when it is about
    one."""
    return render(
        request,
        "planner/booking_form.html",
        {
            "form": form,
            "booking": booking,
            "title": title,
            "button": button,
            "cancel_url": cancel_url,
        },
    )


def form_flow(
    request: HttpRequest,
    form: Form,
    write: Callable[[dict[str, Any]], object],
    *,
    done: str,
    then: str,
    title: str,
    button: str,
    booking: Booking | None = None,
) -> HttpResponse:
    """A one-form page's whole flow: posted and valid, ``write`` runs the service with the
    form's data (its errors land on the form), ``done`` is said and the visitor goes on to
    ``then``; otherwise the form shows (again), with ``then`` as the way back."""
    if form.is_valid() and save(form, lambda: write(form.cleaned_data)):
        messages.success(request, done)
        return redirect(then)
    return form_page(request, form, title=title, button=button, cancel_url=then, booking=booking)
