"""Places through the pages: booking yourself a place or joining the waiting list, giving it
up, taking or turning down a freed place, your places, and a manager giving out a team's kept
places."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from core.web import act, saved
from learning_catalogue import access as catalogue_access
from learning_catalogue.forms import (
    AllocationForm,
)
from learning_catalogue.models import (
    ACTIVE_PLACE_STATUSES,
    PlaceStatus,
    SessionPlace,
)
from learning_catalogue.services import places as place_services
from learning_catalogue.tables import (
    CurrentPlaceTable,
    PastPlaceTable,
    paged,
)
from learning_catalogue.views.common import (
    activity_url,
    next_url,
    visible_session,
)
from learning_catalogue.views.sessions import session_page


def _booked(place: SessionPlace) -> str:
    if place.status == PlaceStatus.WAITING:
        return "The session is full: you are on the waiting list and will be told if a place frees."
    if place.protected_time_id:
        return "Your place is booked, and your protected time has been requested from your manager."
    return "Your place is booked. Ask for protected time for it in My protected time."


@login_required
@require_POST
def session_book(request: HttpRequest, pk: int) -> HttpResponse:
    session = visible_session(request, pk)
    return act(
        request,
        lambda: place_services.place_book(actor=request.user, session=session),
        message=_booked,
        to=next_url(request, activity_url(session.activity_id)),
    )


def _own_place(request: HttpRequest, pk: int) -> SessionPlace:
    return get_object_or_404(
        catalogue_access.places_visible_to(request.user).select_related("session__activity"),
        pk=pk,
    )


def _place_button(
    change: Callable[..., object], message: Callable[[SessionPlace], str]
) -> Callable[[HttpRequest, int], HttpResponse]:
    """The page behind a button on one of the visitor's places: ``change`` (a place service),
    said as ``message`` reads the place before the change, then back to the page the button
    was on (My places unless it says)."""

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        place = _own_place(request, pk)
        return act(
            request,
            lambda: change(actor=request.user, place=place),
            message=message(place),
            to=next_url(request, reverse("learning_catalogue:my-places")),
        )

    return view


place_cancel = _place_button(
    place_services.place_cancel,
    lambda place: (
        "You have left the waiting list."
        if place.status == PlaceStatus.WAITING
        else "The place is cancelled; it goes to the next person waiting."
    ),
)
offer_accept = _place_button(place_services.offer_accept, lambda place: "The place is yours.")
offer_decline = _place_button(
    place_services.offer_decline,
    lambda place: "You turned the place down; it goes to the next person waiting.",
)


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
    return saved(
        request,
        form,
        lambda: place_services.place_allocate(
            actor=request.user, session=session, team=team, person=form.cleaned_data["person"]
        ),
        message=lambda _: f"{form.cleaned_data['person']} has one of {team}'s places.",
        to=reverse("learning_catalogue:session", args=[pk]),
    ) or session_page(request, session, **{f"allocation_{team.pk}": form})
