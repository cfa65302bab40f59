"""Sessions: L&D add, change and cancel them (everyone booked is told); a session's page shows
who has a place and the places kept for teams, which L&D set."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.time import local_date
from core.web import form_page, posted, saved
from learning_catalogue import access as catalogue_access
from learning_catalogue.forms import (
    AllocationForm,
    CancelSessionForm,
    ReservationForm,
    SessionForm,
)
from learning_catalogue.models import (
    ACTIVE_PLACE_STATUSES,
    HOLDING_PLACE_STATUSES,
    Activity,
    Session,
)
from learning_catalogue.services import places as place_services
from learning_catalogue.services import sessions as session_services
from learning_catalogue.tables import (
    ReservationTable,
    SessionPlaceTable,
)
from learning_catalogue.views.common import (
    activity_url,
    require_publisher,
    visible_activity,
    visible_session,
)


def _session_form(request: HttpRequest, session: object | None) -> SessionForm:
    initial = None
    if session is not None:
        start, end = timezone.localtime(session.start), timezone.localtime(session.end)
        initial = {
            "day": start.date(),
            "start_time": f"{start:%H:%M}",
            "end_time": f"{end:%H:%M}",
            "capacity": session.capacity,
            "online_link": session.online_link,
            "venue": session.venue,
            "deadline_day": local_date(session.booking_deadline)
            if session.booking_deadline
            else None,
        }
    return SessionForm(posted(request), initial=initial)


def _session_save(request: HttpRequest, activity: Activity, session: object | None) -> HttpResponse:
    form = _session_form(request, session)
    return form_page(
        request,
        form,
        lambda: session_services.session_save(
            actor=request.user,
            activity=activity,
            session=session,
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
            capacity=form.cleaned_data["capacity"],
            online_link=form.cleaned_data["online_link"],
            venue=form.cleaned_data["venue"],
            booking_deadline=form.cleaned_data["booking_deadline"],
        ),
        message="The session is saved.",
        to=activity_url(activity.pk),
        invalid_status=422,
        caption=activity.title,
        title="Add a session" if session is None else "Change the session",
        hint="Times are UK time (Europe/London).",
        button="Save session",
        cancel_url=activity_url(activity.pk),
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    require_publisher(request)
    return _session_save(request, visible_activity(request, pk), None)


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_publisher(request)
    session = visible_session(request, pk)
    return _session_save(request, session.activity, session)


@login_required
@require_http_methods(["GET", "POST"])
def session_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    require_publisher(request)
    session = visible_session(request, pk)
    form = CancelSessionForm(posted(request))
    return form_page(
        request,
        form,
        lambda: session_services.session_cancel(
            actor=request.user, session=session, reason=form.cleaned_data["reason"]
        ),
        message="The session is cancelled and everyone booked has been told.",
        to=activity_url(session.activity_id),
        invalid_status=422,
        caption=session.activity.title,
        title=f"Cancel the session on {timezone.localtime(session.start):%A %-d %B %Y}",
        button="Cancel the session",
        warning=True,
        cancel_url=activity_url(session.activity_id),
    )


def session_page(request: HttpRequest, session: Session, **forms: object) -> HttpResponse:
    """A session's page: who has a place (as far as the visitor may see), the teams'
    reservations with how many are allocated, and the forms the visitor may use; with a form
    sent back, that form with its errors, answering 422."""
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
    context = {
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
    return render(request, "learning_catalogue/session.html", context, status=422 if forms else 200)


@login_required
@require_safe
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = visible_session(request, pk)
    if not catalogue_access.sees_session_pages(request.user):
        raise PermissionDenied
    return session_page(request, session)


@login_required
@require_POST
def reservation_set(request: HttpRequest, pk: int) -> HttpResponse:
    session = visible_session(request, pk)
    if not catalogue_access.can_publish(request.user):
        raise PermissionDenied
    form = ReservationForm(request.POST, teams=catalogue_access.teams_to_reserve_for(request.user))
    return saved(
        request,
        form,
        lambda: session_services.reservation_set(
            actor=request.user, session=session, **form.cleaned_data
        ),
        message=lambda _: _kept(**form.cleaned_data),
        to=reverse("learning_catalogue:session", args=[pk]),
    ) or session_page(request, session, reservation_form=form)


def _kept(team: object, places: int) -> str:
    return f"{places} places are kept for {team}." if places else f"No places are kept for {team}."
