"""Places through the pages: booking yourself a place or joining the waiting list, giving it
up, taking or turning down a freed place, your places, and a manager giving out a team's kept
places."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from core.web import save
from learning_catalogue import access as catalogue_access
from learning_catalogue.forms import (
    AllocationForm,
)
from learning_catalogue.models import (
    ACTIVE_PLACE_STATUSES,
    PlaceStatus,
    Session,
    SessionPlace,
)
from learning_catalogue.services import places as place_services
from learning_catalogue.tables import (
    CurrentPlaceTable,
    PastPlaceTable,
    paged,
)
from learning_catalogue.views.common import (
    next_url,
    visible_session,
)
from learning_catalogue.views.sessions import session_page_context


def _act(request: HttpRequest, default: str, action: Callable[[], str]) -> HttpResponse:
    """Runs a place change and reports its outcome as a message; refusals are shown, never
    a broken page."""
    try:
        messages.success(request, action())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(next_url(request, default))


def _activity_url(session: Session) -> str:
    return reverse("learning_catalogue:activity", args=[session.activity_id])


@login_required
@require_POST
def session_book(request: HttpRequest, pk: int) -> HttpResponse:
    session = visible_session(request, pk)

    def book() -> str:
        place = place_services.place_book(actor=request.user, session=session)
        if place.status == PlaceStatus.WAITING:
            return "The session is full: you are on the waiting list and will be told if a place frees."
        if place.protected_time_id:
            return "Your place is booked, and your protected time has been requested from your manager."
        return "Your place is booked. Ask for protected time for it in My protected time."

    return _act(request, _activity_url(session), book)


def _own_place(request: HttpRequest, pk: int) -> SessionPlace:
    return get_object_or_404(
        catalogue_access.places_visible_to(request.user).select_related("session__activity"),
        pk=pk,
    )


@login_required
@require_POST
def place_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    place = _own_place(request, pk)

    def cancel() -> str:
        was_waiting = place.status == PlaceStatus.WAITING
        place_services.place_cancel(actor=request.user, place=place)
        if was_waiting:
            return "You have left the waiting list."
        return "The place is cancelled; it goes to the next person waiting."

    return _act(request, reverse("learning_catalogue:my-places"), cancel)


@login_required
@require_POST
def offer_accept(request: HttpRequest, pk: int) -> HttpResponse:
    place = _own_place(request, pk)

    def accept() -> str:
        place_services.offer_accept(actor=request.user, place=place)
        return "The place is yours."

    return _act(request, reverse("learning_catalogue:my-places"), accept)


@login_required
@require_POST
def offer_decline(request: HttpRequest, pk: int) -> HttpResponse:
    place = _own_place(request, pk)

    def decline() -> str:
        place_services.offer_decline(actor=request.user, place=place)
        return "You turned the place down; it goes to the next person waiting."

    return _act(request, reverse("learning_catalogue:my-places"), decline)


@login_required
@require_safe
def my_places(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    places = SessionPlace.objects.filter(person=request.user).select_related(
        "session__activity", "protected_time"
    )
    current = places.filter(status__in=ACTIVE_PLACE_STATUSES, session__end__gt=now).order_by(
        "session__start", "pk"
    )
    past = places.exclude(pk__in=current.values("pk")).order_by("-session__start", "-pk")
    return render(
        request,
        "learning_catalogue/my_places.html",
        {"current": CurrentPlaceTable(list(current)), "past": paged(request, PastPlaceTable(past))},
    )


@login_required
@require_POST
def allocate(request: HttpRequest, pk: int, team_pk: int) -> HttpResponse:
    session = visible_session(request, pk)
    team = get_object_or_404(catalogue_access.teams_allocating(request.user), pk=team_pk)
    form = AllocationForm(
        request.POST,
        people=catalogue_access.allocatable_people(request.user, team),
        prefix=f"team{team.pk}",
    )
    if form.is_valid() and save(
        form,
        lambda: place_services.place_allocate(
            actor=request.user, session=session, team=team, person=form.cleaned_data["person"]
        ),
    ):
        messages.success(request, f"{form.cleaned_data['person']} has one of {team}'s places.")
        return redirect("learning_catalogue:session", pk=pk)
    context = session_page_context(request, session, **{f"allocation_{team.pk}": form})
    return render(request, "learning_catalogue/session.html", context, status=422)
