"""Places on sessions through the API, with the pages' permissions: anyone books themselves a
place (or joins the waiting list) and takes or turns down a freed place offered to them; a team
manager gives the team's reserved places to their people and may cancel their people's places;
L&D leads and org admins set how long an offered place is held. Every write goes through
``learning_catalogue.services.places``.
"""

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from learning_catalogue import access as catalogue_access
from learning_catalogue.api.schemas.places import (
    AllocationIn,
    CatalogueSettingsIn,
    CatalogueSettingsOut,
    PlaceFilter,
    PlaceOut,
)
from learning_catalogue.api.sessions import visible_session
from learning_catalogue.models import SessionPlace
from learning_catalogue.services import places as place_services
from teams.api.lookups import visible_person, visible_team
from teams.models import Person

router = Router()


def _places(actor: Person) -> QuerySet[SessionPlace]:
    """Places the caller may see: their own, their people's (managers), everyone's (L&D)."""
    return (
        catalogue_access.places_visible_to(actor)
        .select_related("session__activity", "person", "reserved_for")
        .order_by("session__start", "session_id", "joined_at", "pk")
    )


def _place(actor: Person, place_id: int) -> SessionPlace:
    return visible(_places(actor), place_id, "place")


def _changed(request: HttpRequest, place_id: int, change: Callable[..., object]) -> SessionPlace:
    """Runs the service ``change`` on a place the caller may see; answers the place as it is
    now."""
    actor = caller(request)
    change(actor=actor, place=_place(actor, place_id))
    return _place(actor, place_id)


@router.post(
    "/sessions/{session_id}/places", response={201: PlaceOut}, operation_id="catalogue_places_book"
)
def catalogue_places_book(request: HttpRequest, session_id: int) -> Status:
    """Books yourself a place: ``booked`` when a seat is free, else ``waiting`` in turn. A
    booked place asks the planner for your protected time (``protected_time_id``)."""
    actor = caller(request)
    place = place_services.place_book(actor=actor, session=visible_session(actor, session_id))
    return Status(201, _place(actor, place.pk))


@router.post(
    "/sessions/{session_id}/allocations",
    response={201: PlaceOut},
    operation_id="catalogue_places_allocate",
)
def catalogue_places_allocate(
    request: HttpRequest, session_id: int, payload: AllocationIn
) -> Status:
    """A team manager gives one of the team's reserved places to a member of the team;
    someone waiting moves onto it."""
    actor = caller(request)
    session = visible_session(actor, session_id)
    team = visible_team(actor, payload.team_id, field="team_id")
    person = visible_person(actor, payload.person_id, field="person_id")
    with fields_named(team="team_id", person="person_id"):
        place = place_services.place_allocate(
            actor=actor, session=session, team=team, person=person
        )
    return Status(201, _place(actor, place.pk))


@router.get("/places", response=list[PlaceOut], operation_id="catalogue_places_list")
@paginate(LimitOffsetPagination)
def catalogue_places_list(
    request: HttpRequest, filters: Query[PlaceFilter]
) -> QuerySet[SessionPlace]:
    """Places you may see: your own, your people's (managers), everyone's in your
    organisation (L&D leads and org admins), by session time."""
    return filters.filter(_places(caller(request)))


@router.post("/places/{place_id}/cancel", response=PlaceOut, operation_id="catalogue_places_cancel")
def catalogue_places_cancel(request: HttpRequest, place_id: int) -> SessionPlace:
    """Gives up a place or leaves the waiting list (the person or their manager); the
    protected time asked for it is cancelled and the seat offered to the first waiting."""
    return _changed(request, place_id, place_services.place_cancel)


@router.post("/places/{place_id}/accept", response=PlaceOut, operation_id="catalogue_places_accept")
def catalogue_places_accept(request: HttpRequest, place_id: int) -> SessionPlace:
    """Takes the freed place you were offered, before ``offer_expires_at``."""
    return _changed(request, place_id, place_services.offer_accept)


@router.post(
    "/places/{place_id}/decline", response=PlaceOut, operation_id="catalogue_places_decline"
)
def catalogue_places_decline(request: HttpRequest, place_id: int) -> SessionPlace:
    """Turns down the place you were offered; it passes to the next person waiting."""
    return _changed(request, place_id, place_services.offer_decline)


@router.get("/settings", response=CatalogueSettingsOut, operation_id="catalogue_settings_read")
def catalogue_settings_read(request: HttpRequest) -> dict[str, int]:
    """How long an offered place is held, in your organisation."""
    return {"offer_hours": place_services.offer_hours_of(caller(request).organisation_id)}


@router.put("/settings", response=CatalogueSettingsOut, operation_id="catalogue_settings_update")
def catalogue_settings_update(request: HttpRequest, payload: CatalogueSettingsIn) -> dict[str, int]:
    """L&D leads and org admins set how long an offered place is held (offers already made keep
    their time)."""
    found = place_services.catalogue_settings_update(
        actor=caller(request), offer_hours=payload.offer_hours
    )
    return {"offer_hours": found.offer_hours}
