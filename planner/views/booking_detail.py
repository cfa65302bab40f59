"""A booking's page: when, status, cover (with every conflict accepted and why), what the
visitor may do next, and its full history."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from planner import access as planner_access
from planner.models import BookingStatus
from planner.models.bookings import ATTENDANCE_STATUSES
from planner.selectors import booking_pages
from planner.tables import BookingHistoryTable, CoverHistoryTable, unpaged


@login_required
@require_safe
def booking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    booking = booking_pages.booking_detail(request.user, pk)
    user = request.user
    can_decide = planner_access.can_decide(user, booking)
    can_cover = can_decide and booking.status in (BookingStatus.APPROVED, BookingStatus.CONFIRMED)
    cover_history = booking_pages.all_cover_of(booking)
    return render(
        request,
        "planner/booking.html",
        {
            "booking": booking,
            "cover_history": cover_history,
            "cover_table": unpaged(
                request,
                CoverHistoryTable(cover_history, exclude=() if can_cover else ("withdraw",)),
            ),
            "history": unpaged(request, BookingHistoryTable(booking.history)),
            "rescheduled_to": booking_pages.rescheduled_to(booking),
            "can_decide": can_decide,
            "can_plan": planner_access.can_open_planner(user),
            "can_cancel": planner_access.can_cancel(user, booking)
            and booking.status not in (BookingStatus.CANCELLED, BookingStatus.DECLINED)
            and booking.status not in ATTENDANCE_STATUSES,
            "is_requested": booking.status == BookingStatus.REQUESTED,
            "is_approved": booking.status == BookingStatus.APPROVED,
            "can_cover": can_cover,
            "can_record_attendance": can_decide
            and booking.status == BookingStatus.CONFIRMED
            and booking.start <= timezone.now(),
        },
    )
