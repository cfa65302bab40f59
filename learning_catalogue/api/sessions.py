"""Sessions and places through the API, with the pages' permissions: L&D leads and org admins
schedule and cancel sessions and keep places for teams; anyone books themselves a place (or
joins the waiting list) and takes or turns down a freed place offered to them; a team manager
gives the team's reserved places to their people and may cancel their people's places.
Every write goes through ``learning_catalogue.services.sessions``.

Times are ISO 8601; a time without an offset is read as London time, as people type it.
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from learning_catalogue import access as catalogue_access
from learning_catalogue.api.activities import visible_activity
from learning_catalogue.api.schemas import (
    AllocationIn,
    CatalogueSettingsIn,
    CatalogueSettingsOut,
    PlaceFilter,
    PlaceOut,
    ReservationIn,
    ReservationOut,
    SessionCancelIn,
    SessionIn,
    SessionOut,
    SessionPatch,
)
from learning_catalogue.models import (
    Session,
    SessionPlace,
)
from learning_catalogue.selectors import with_places
from learning_catalogue.services import sessions as session_services
from teams import access
from teams.models import Person

router = Router(tags=["learning catalogue"])

# What ``session_save`` takes besides the activity; a PATCH keeps the ones not sent.
SESSION_FIELDS = ("start", "end", "capacity", "online_link", "venue", "booking_deadline")


def _sessions(actor: Person) -> QuerySet[Session]:
    """Sessions the caller may see, with the counts ``SessionOut`` shows, in one query."""
    return with_places(
        catalogue_access.sessions_visible_to(actor).select_related("activity")
    ).order_by("start", "pk")


def _session(actor: Person, session_id: int) -> Session:
    return visible(_sessions(actor), session_id, "session")


def _places(actor: Person) -> QuerySet[SessionPlace]:
    """Places the caller may see: their own, their people's (managers), everyone's (L&D)."""
    return (
        catalogue_access.places_visible_to(actor)
        .select_related("session__activity", "person", "reserved_for")
        .order_by("session__start", "session_id", "joined_at", "pk")
    )


def _place(actor: Person, place_id: int) -> SessionPlace:
    return visible(_places(actor), place_id, "place")


@router.get(
    "/catalogue/activities/{activity_id}/sessions",
    response=list[SessionOut],
    operation_id="catalogue_sessions_list",
    tags=["learning catalogue"],
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
    "/catalogue/activities/{activity_id}/sessions",
    response={201: SessionOut},
    operation_id="catalogue_sessions_create",
    tags=["learning catalogue"],
)
def catalogue_sessions_create(request: HttpRequest, activity_id: int, payload: SessionIn) -> Status:
    """Schedules a session of an activity delivered in sessions (L&D leads and org admins)."""
    actor = caller(request)
    session = session_services.session_save(
        actor=actor, activity=visible_activity(actor, activity_id), **payload.model_dump()
    )
    return Status(201, _session(actor, session.pk))


@router.patch(
    "/catalogue/sessions/{session_id}",
    response=SessionOut,
    operation_id="catalogue_sessions_update",
    tags=["learning catalogue"],
)
def catalogue_sessions_update(
    request: HttpRequest, session_id: int, payload: SessionPatch
) -> Session:
    """Changes the fields sent. Capacity never drops below the places booked or reserved;
    places it frees go to the people waiting, in turn."""
    actor = caller(request)
    session = _session(actor, session_id)
    fields = {name: getattr(session, name) for name in SESSION_FIELDS}
    fields.update(payload.model_dump(exclude_unset=True))
    session_services.session_save(actor=actor, activity=session.activity, session=session, **fields)
    return _session(actor, session.pk)


@router.post(
    "/catalogue/sessions/{session_id}/cancel",
    response=SessionOut,
    operation_id="catalogue_sessions_cancel",
    tags=["learning catalogue"],
)
def catalogue_sessions_cancel(
    request: HttpRequest, session_id: int, payload: SessionCancelIn
) -> Session:
    """Cancels the whole session: every place ends, protected time booked for it is
    released, and everyone booked, offered a place or waiting is told by email."""
    actor = caller(request)
    session_services.session_cancel(
        actor=actor, session=_session(actor, session_id), reason=payload.reason
    )
    return _session(actor, session_id)


@router.put(
    "/catalogue/sessions/{session_id}/reservations/{team_id}",
    response=ReservationOut,
    operation_id="catalogue_reservations_set",
    tags=["learning catalogue"],
)
def catalogue_reservations_set(
    request: HttpRequest, session_id: int, team_id: int, payload: ReservationIn
) -> ReservationOut:
    """Keeps places of the session for a team, for its manager to allocate: never fewer
    than already allocated, never more than the places nobody holds."""
    actor = caller(request)
    session = _session(actor, session_id)
    team = visible(access.teams_visible_to(actor), team_id, "team")
    session_services.reservation_set(actor=actor, session=session, team=team, places=payload.places)
    return ReservationOut(session_id=session.pk, team_id=team.pk, places=payload.places)


@router.post(
    "/catalogue/sessions/{session_id}/places",
    response={201: PlaceOut},
    operation_id="catalogue_places_book",
    tags=["learning catalogue"],
)
def catalogue_places_book(request: HttpRequest, session_id: int) -> Status:
    """Books yourself a place: ``booked`` when a seat is free, else ``waiting`` in turn. A
    booked place asks the planner for your protected time (``protected_time_id``)."""
    actor = caller(request)
    place = session_services.place_book(actor=actor, session=_session(actor, session_id))
    return Status(201, _place(actor, place.pk))


@router.post(
    "/catalogue/sessions/{session_id}/allocations",
    response={201: PlaceOut},
    operation_id="catalogue_places_allocate",
    tags=["learning catalogue"],
)
def catalogue_places_allocate(
    request: HttpRequest, session_id: int, payload: AllocationIn
) -> Status:
    """A team manager gives one of the team's reserved places to a member of the team;
    someone waiting moves onto it."""
    actor = caller(request)
    session = _session(actor, session_id)
    team = visible(access.teams_visible_to(actor), payload.team_id, "team", field="team_id")
    person = visible(
        access.people_visible_to(actor), payload.person_id, "person", field="person_id"
    )
    with fields_named(team="team_id", person="person_id"):
        place = session_services.place_allocate(
            actor=actor, session=session, team=team, person=person
        )
    return Status(201, _place(actor, place.pk))


@router.get(
    "/catalogue/places",
    response=list[PlaceOut],
    operation_id="catalogue_places_list",
    tags=["learning catalogue"],
)
@paginate(LimitOffsetPagination)
def catalogue_places_list(
    request: HttpRequest, filters: Query[PlaceFilter]
) -> QuerySet[SessionPlace]:
    """Places you may see: your own, your people's (managers), everyone's in your
    organisation (L&D leads and org admins), by session time."""
    places = _places(caller(request))
    if filters.person_id is not None:
        places = places.filter(person_id=filters.person_id)
    if filters.status:
        places = places.filter(status=filters.status)
    if filters.upcoming is not None:
        now = timezone.now()
        places = (
            places.filter(session__start__gt=now)
            if filters.upcoming
            else places.filter(session__start__lte=now)
        )
    return places


@router.post(
    "/catalogue/places/{place_id}/cancel",
    response=PlaceOut,
    operation_id="catalogue_places_cancel",
    tags=["learning catalogue"],
)
def catalogue_places_cancel(request: HttpRequest, place_id: int) -> SessionPlace:
    """Gives up a place or leaves the waiting list (the person or their manager); the
    protected time asked for it is cancelled and the seat offered to the first waiting."""
    actor = caller(request)
    session_services.place_cancel(actor=actor, place=_place(actor, place_id))
    return _place(actor, place_id)


@router.post(
    "/catalogue/places/{place_id}/accept",
    response=PlaceOut,
    operation_id="catalogue_places_accept",
    tags=["learning catalogue"],
)
def catalogue_places_accept(request: HttpRequest, place_id: int) -> SessionPlace:
    """Takes the freed place you were offered, before ``offer_expires_at``."""
    actor = caller(request)
    session_services.offer_accept(actor=actor, place=_place(actor, place_id))
    return _place(actor, place_id)


@router.post(
    "/catalogue/places/{place_id}/decline",
    response=PlaceOut,
    operation_id="catalogue_places_decline",
    tags=["learning catalogue"],
)
def catalogue_places_decline(request: HttpRequest, place_id: int) -> SessionPlace:
    """Turns down the place you were offered; it passes to the next person waiting."""
    actor = caller(request)
    session_services.offer_decline(actor=actor, place=_place(actor, place_id))
    return _place(actor, place_id)


@router.get(
    "/catalogue/settings",
    response=CatalogueSettingsOut,
    operation_id="catalogue_settings_read",
    tags=["learning catalogue"],
)
def catalogue_settings_read(request: HttpRequest) -> dict[str, int]:
    """How long an offered place is held, in your organisation."""
    return {"offer_hours": session_services.offer_hours_of(caller(request).organisation_id)}


@router.put(
    "/catalogue/settings",
    response=CatalogueSettingsOut,
    operation_id="catalogue_settings_update",
    tags=["learning catalogue"],
)
def catalogue_settings_update(request: HttpRequest, payload: CatalogueSettingsIn) -> dict[str, int]:
    """L&D leads and org admins set how long an offered place is held (offers already made keep
    their time)."""
    found = session_services.catalogue_settings_update(
        actor=caller(request), offer_hours=payload.offer_hours
    )
    return {"offer_hours": found.offer_hours}
