"""Helpers the planner's views share."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import HttpRequest, QueryDict
from django.urls import reverse

from planner import access as planner_access
from planner.models import Booking
from planner.selectors import booking_pages
from teams.forms import add_service_errors

EARLIEST_YEAR, LATEST_YEAR = 1990, 2200


def posted(request: HttpRequest) -> QueryDict | None:
    """Form data on POST, else None; an empty POST still binds so its errors show."""
    return request.POST if request.method == "POST" else None


def save(form: Form, write: Callable[[], object]) -> bool:
    """Runs a service write, moving its ValidationError onto the form; True when it saved."""
    try:
        write()
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    return True


def date_param(request: HttpRequest, name: str, default: datetime.date) -> datetime.date:
    """A YYYY-MM-DD query parameter; anything else (a typo, an edited link) means the default,
    never an error page."""
    try:
        value = datetime.date.fromisoformat(request.GET.get(name, ""))
    except ValueError:
        return default
    # Far-off years would overflow the links to the periods either side.
    return value if EARLIEST_YEAR <= value.year <= LATEST_YEAR else default


def booking_url(booking: Booking) -> str:
    return reverse("planner:booking", args=[booking.pk])


def decidable(request: HttpRequest, pk: int) -> Booking:
    """A booking the visitor may see (else 404) and decide on (else 403)."""
    booking = booking_pages.booking_detail(request.user, pk)
    if not planner_access.can_decide(request.user, booking):
        raise PermissionDenied
    return booking
