"""Cover: a manager chooses who covers a booking and what they cover, is shown every conflict
and either picks another colleague or assigns anyway with a reason; the colleague acknowledges.

One form with two buttons, so it works without JavaScript: "Assign cover" checks for conflicts
and assigns only when there are none; when there are, the page lists them and offers "Assign
anyway", which needs a reason.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from core.web import act, posted, save
from planner import access as planner_access
from planner.conflicts import cover_conflicts
from planner.forms import AcceptConflictsForm, CoverForm
from planner.selectors import booking_pages
from planner.services import cover as cover_services
from planner.views.common import booking_url, decidable

ASSIGN_ANYWAY = "assign_anyway"


@login_required
@require_http_methods(["GET", "POST"])
def booking_cover(request: HttpRequest, pk: int) -> HttpResponse:
    booking = decidable(request, pk)
    form = CoverForm(posted(request), colleagues=planner_access.cover_candidates_for(request.user))
    conflicts: list[object] = []
    accept_form = AcceptConflictsForm()
    if form.is_valid():
        colleague = form.cleaned_data["colleague"]
        conflicts = list(cover_conflicts(booking=booking, colleague=colleague))
        reason = ""
        if conflicts and ASSIGN_ANYWAY in request.POST:
            accept_form = AcceptConflictsForm(request.POST)
            reason = (
                accept_form.cleaned_data["accept_conflicts_reason"]
                if accept_form.is_valid()
                else ""
            )
        if (not conflicts or reason) and save(
            form,
            lambda: cover_services.cover_assign(
                actor=request.user,
                booking=booking,
                colleague=colleague,
                duties=form.cleaned_data["duties"],
                case_list_reference=form.cleaned_data["case_list_reference"],
                accept_conflicts_reason=reason,
            ),
        ):
            messages.success(request, f"{colleague} has been asked to cover.")
            return redirect(booking_url(booking))
    return render(
        request,
        "planner/cover_form.html",
        {
            "form": form,
            "accept_form": accept_form,
            "booking": booking,
            "conflicts": conflicts,
            "cancel_url": booking_url(booking),
        },
    )


@login_required
@require_POST
def cover_withdraw(request: HttpRequest, pk: int, cover_pk: int) -> HttpResponse:
    booking = decidable(request, pk)
    assignment = booking_pages.cover_of_booking(booking, cover_pk)
    return act(
        request,
        lambda: cover_services.cover_withdraw(actor=request.user, assignment=assignment),
        message=f"{assignment.colleague}'s cover has been withdrawn.",
        to=booking_url(booking),
    )


@login_required
@require_POST
def cover_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = booking_pages.cover_for_colleague(request.user, pk)
    return act(
        request,
        lambda: cover_services.cover_acknowledge(actor=request.user, assignment=assignment),
        message=f"Thank you: you have acknowledged cover for {assignment.booking.person}.",
        to=reverse("planner:my-time"),
    )
