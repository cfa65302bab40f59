"""Helpers the planner's views share."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse

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
