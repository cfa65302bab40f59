"""Helpers the planner's views share: a booking's page, the booking the visitor may decide on,
and the planner's page of one form."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from core import web
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


def form_page[T](
    request: HttpRequest,
    form: Form,
    write: Callable[[], T],
    *,
    booking: Booking | None = None,
    **options: object,
) -> HttpResponse:
    """A planner page of one form (``core.web.form_page``) in templates/planner/booking_form.html;
    one about a booking stands under its title and person with its summary above the form, and
    goes back to the booking's page. The way back is where the page goes on to unless said."""
    if booking is not None:
        options = {
            "to": booking_url(booking),
            "caption": f"{booking.title}, {booking.person.full_name}",
            **options,
        }
    options.setdefault("cancel_url", options["to"])
    return web.form_page(
        request, form, write, template="planner/booking_form.html", booking=booking, **options
    )
