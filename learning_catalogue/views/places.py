"""Places on sessions: booking or joining the waiting list, giving a place up, taking or
turning down an offered place, your places, and a session's page where L&D keep places for
teams and managers give their team's places to their people."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from core.web import save
from learning_catalogue import access as catalogue_access
from learning_catalogue.forms import AllocationForm, ReservationForm
from learning_catalogue.models import (
    ACTIVE_PLACE_STATUSES,
    HOLDING_PLACE_STATUSES,
    PlaceStatus,
    Session,
    SessionPlace,
)
from learning_catalogue.services import places as place_services
from learning_catalogue.services import sessions as session_services
from learning_catalogue.tables import (
    CurrentPlaceTable,
    PastPlaceTable,
    ReservationTable,
    SessionPlaceTable,
    paged,
)
from learning_catalogue.views.browse import _next
from learning_catalogue.views.common import visible_session


def _act(request: HttpRequest, default: str, action: Callable[[], str]) -> HttpResponse:
    """Runs a place change and reports its outcome as a message; refusals are shown, never
    a broken page."""
    try:
        messages.success(request, action())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_next(request, default))


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


def _session_page_context(
    request: HttpRequest, session: Session, **forms: object
) -> dict[str, object]:
    """Who has a place (as far as the visitor may see), the teams' reservations with how many
    are allocated, and the forms the visitor may use."""
    user = request.user
    can_publish = catalogue_access.can_publish(user)
    places = (
        catalogue_access.places_visible_to(user)
        .filter(session=session, status__in=ACTIVE_PLACE_STATUSES)
        .select_related("person", "reserved_for__team")
        .order_by("status", "joined_at", "pk")
    )
    reservations = list(session.reservations.select_related("team").order_by("team__path"))
    allocated = dict(
        session.places.filter(status__in=HOLDING_PLACE_STATUSES, reserved_for__isnull=False)
        .values("reserved_for_id")
        .annotate(n=Count("pk"))
        .values_list("reserved_for_id", "n")
    )
    managed = set(catalogue_access.teams_allocating(user).values_list("pk", flat=True))
    for reservation in reservations:
        reservation.allocated = allocated.get(reservation.pk, 0)
        reservation.form = None
        if reservation.team_id in managed and reservation.allocated < reservation.places:
            reservation.form = forms.get(f"allocation_{reservation.team_id}") or AllocationForm(
                people=catalogue_access.allocatable_people(user, reservation.team),
                prefix=f"team{reservation.team_id}",
            )
    return {
        "session": session,
        "activity": session.activity,
        "places": SessionPlaceTable(list(places)),
        "reservations": reservations,
        "reservation_table": ReservationTable(reservations),
        "open_seats": place_services.open_places(session),
        "can_publish": can_publish,
        "reservation_form": forms.get("reservation_form")
        or (
            ReservationForm(teams=catalogue_access.teams_to_reserve_for(user))
            if can_publish
            else None
        ),
    }


@login_required
@require_safe
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = visible_session(request, pk)
    if not catalogue_access.sees_session_pages(request.user):
        raise PermissionDenied
    return render(
        request, "learning_catalogue/session.html", _session_page_context(request, session)
    )


@login_required
@require_POST
def reservation_set(request: HttpRequest, pk: int) -> HttpResponse:
    session = visible_session(request, pk)
    if not catalogue_access.can_publish(request.user):
        raise PermissionDenied
    form = ReservationForm(request.POST, teams=catalogue_access.teams_to_reserve_for(request.user))
    if form.is_valid() and save(
        form,
        lambda: session_services.reservation_set(
            actor=request.user,
            session=session,
            team=form.cleaned_data["team"],
            places=form.cleaned_data["places"],
        ),
    ):
        team, places = form.cleaned_data["team"], form.cleaned_data["places"]
        messages.success(
            request,
            f"{places} places are kept for {team}."
            if places
            else f"No places are kept for {team}.",
        )
        return redirect("learning_catalogue:session", pk=pk)
    context = _session_page_context(request, session, reservation_form=form)
    return render(request, "learning_catalogue/session.html", context, status=422)


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
    context = _session_page_context(request, session, **{f"allocation_{team.pk}": form})
    return render(request, "learning_catalogue/session.html", context, status=422)
