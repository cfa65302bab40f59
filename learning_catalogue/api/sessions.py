"""Sessions through the API, with the pages' permissions: L&D leads and org admins schedule and
cancel sessions and keep places for teams. Every write goes through
``learning_catalogue.services.sessions``; places on a session are ``api.places``.

Times are ISO 8601; a time without an offset is read as London time, as people type it.
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, visible
from learning_catalogue import access as catalogue_access
from learning_catalogue.api.activities import visible_activity
from learning_catalogue.api.schemas.sessions import (
    ReservationIn,
    ReservationOut,
    SessionCancelIn,
    SessionIn,
    SessionOut,
    SessionPatch,
)
from learning_catalogue.models import Session
from learning_catalogue.selectors import with_places
from learning_catalogue.services import sessions as session_services
from teams.api.lookups import visible_team
from teams.models import Person

router = Router()


# What ``session_save`` takes besides the activity; a PATCH keeps the ones not sent.
SESSION_FIELDS = ("start", "end", "capacity", "online_link", "venue", "booking_deadline")


def _sessions(actor: Person) -> QuerySet[Session]:
    """Sessions the caller may see, with the counts ``SessionOut`` shows, in one query."""
    return with_places(
        catalogue_access.sessions_visible_to(actor).select_related("activity")
    ).order_by("start", "pk")


def visible_session(actor: Person, session_id: int) -> Session:
    return visible(_sessions(actor), session_id, "session")


@router.get(
    "/activities/{activity_id}/sessions",
    response=list[SessionOut],
    operation_id="catalogue_sessions_list",
)
@paginate(LimitOffsetPagination)
def catalogue_sessions_list(
    request: HttpRequest, activity_id: int, upcoming: bool = False
) -> QuerySet[Session]:
    """The activity's sessions, soonest first, with places left and people waiting;
    ``upcoming=true`` for those not yet started nor cancelled."""
    actor = caller(request)
    sessions = _sessions(actor).filter(activity=visible_activity(actor, activity_id))
    if upcoming:
        sessions = sessions.filter(start__gt=timezone.now(), cancelled_at=None)
    return sessions


@router.post(
    "/activities/{activity_id}/sessions",
    response={201: SessionOut},
    operation_id="catalogue_sessions_create",
)
def catalogue_sessions_create(request: HttpRequest, activity_id: int, payload: SessionIn) -> Status:
    """Schedules a session of an activity delivered in sessions (L&D leads and org admins)."""
    actor = caller(request)
    session = session_services.session_save(
        actor=actor, activity=visible_activity(actor, activity_id), **payload.model_dump()
    )
    return Status(201, visible_session(actor, session.pk))


@router.patch(
    "/sessions/{session_id}", response=SessionOut, operation_id="catalogue_sessions_update"
)
def catalogue_sessions_update(
    request: HttpRequest, session_id: int, payload: SessionPatch
) -> Session:
    """Changes the fields sent. Capacity never drops below the places booked or reserved;
    places it frees go to the people waiting, in turn."""
    actor = caller(request)
    session = visible_session(actor, session_id)
    fields = {name: getattr(session, name) for name in SESSION_FIELDS}
    fields.update(payload.model_dump(exclude_unset=True))
    session_services.session_save(actor=actor, activity=session.activity, session=session, **fields)
    return visible_session(actor, session.pk)


@router.post(
    "/sessions/{session_id}/cancel", response=SessionOut, operation_id="catalogue_sessions_cancel"
)
def catalogue_sessions_cancel(
    request: HttpRequest, session_id: int, payload: SessionCancelIn
) -> Session:
    """Cancels the whole session: every place ends, protected time booked for it is
    released, and everyone booked, offered a place or waiting is told by email."""
    actor = caller(request)
    session_services.session_cancel(
        actor=actor, session=visible_session(actor, session_id), reason=payload.reason
    )
    return visible_session(actor, session_id)


@router.put(
    "/sessions/{session_id}/reservations/{team_id}",
    response=ReservationOut,
    operation_id="catalogue_reservations_set",
)
def catalogue_reservations_set(
    request: HttpRequest, session_id: int, team_id: int, payload: ReservationIn
) -> ReservationOut:
    """Keeps places of the session for a team, for its manager to allocate: never fewer
    than already allocated, never more than the places nobody holds."""
    actor = caller(request)
    session = visible_session(actor, session_id)
    team = visible_team(actor, team_id)
    session_services.reservation_set(actor=actor, session=session, team=team, places=payload.places)
    return ReservationOut(session_id=session.pk, team_id=team.pk, places=payload.places)
