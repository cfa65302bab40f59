""" "My protected time": what is booked, who covers me, what is left of my allowance, a
one-step request for more, and the cover I have been asked to give."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from planner.forms import BookingRequestForm
from planner.selectors import booking_pages
from planner.selectors.metrics import person_allowance
from planner.tables import CoverAskedTable, PastBookingTable, unpaged


@login_required
@require_safe
def my_time(request: HttpRequest) -> HttpResponse:
    mine = booking_pages.my_time(request.user, now=timezone.now())
    return render(
        request,
        "planner/my_time.html",
        {
            "mine": mine,
            "cover_asked": unpaged(request, CoverAskedTable(mine.cover_asked)),
            "past": unpaged(request, PastBookingTable(mine.past)),
            "allowance": person_allowance(request.user, on=timezone.localdate()),
            "form": BookingRequestForm(),
        },
    )
