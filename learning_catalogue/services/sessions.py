"""Places on scheduled sessions: booking, the waiting list, freed places offered in turn, and
team reservations.

One locking pattern (DESIGN.md): every change to a session's places locks the session row with
``select_for_update()`` first, so concurrent bookings queue there and each one counts the seats
as the previous one left them. A session's seats are its capacity less the places reserved for
teams; a reserved place is taken only by allocation from the team's manager, up to the
reservation. A place freed by a cancellation is offered to the first person waiting, who holds
it until the offer expires (``CatalogueSettings.offer_hours``) and then it passes on.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from learning_catalogue import access as catalogue_access
from learning_catalogue.models import (
    ACTIVE_PLACE_STATUSES,
    HOLDING_PLACE_STATUSES,
    ActivityStatus,
    CatalogueSettings,
    PlaceStatus,
    Session,
    SessionPlace,
    SessionReservation,
)
from planner.access import manages
from teams.audit import audit_record, snapshot
from teams.models import Person, Team

PLACE_FIELDS = ("session", "person", "status", "reserved_for", "offer_expires_at")
DEFAULT_OFFER_HOURS = CatalogueSettings._meta.get_field("offer_hours").default


def _locked_session(session: Session) -> Session:
    return Session.objects.select_for_update().select_related("activity").get(pk=session.pk)


def _open_for_booking(session: Session, now: datetime.datetime) -> None:
    if session.cancelled_at is not None:
        raise ValidationError("This session has been cancelled.")
    if session.activity.status != ActivityStatus.PUBLISHED:
        raise ValidationError("This activity is not open for booking.")
    if session.start <= now:
        raise ValidationError("This session has already started.")
    if session.booking_deadline is not None and session.booking_deadline < now:
        raise ValidationError("Booking for this session has closed.")


def open_places(session: Session) -> int:
    """Seats not reserved for a team and not held by anyone (call with the session locked)."""
    reserved = session.reservations.aggregate(total=Sum("places"))["total"] or 0
    held = session.places.filter(status__in=HOLDING_PLACE_STATUSES, reserved_for=None).count()
    return max(0, session.capacity - reserved - held)


def _offer_hours(session: Session) -> int:
    found = CatalogueSettings.objects.filter(
        organisation_id=session.activity.organisation_id
    ).first()
    return found.offer_hours if found else DEFAULT_OFFER_HOURS


def _record(actor: Person, place: SessionPlace, action: str, before: dict | None = None) -> None:
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action=action,
        obj=place,
        before=before,
        after=snapshot(place, PLACE_FIELDS),
    )


@transaction.atomic
def place_book(
    *, actor: Person, session: Session, now: datetime.datetime | None = None
) -> SessionPlace:
    """Books the actor a seat, or puts them on the waiting list when the session is full."""
    now = now or timezone.now()
    if not catalogue_access.sessions_visible_to(actor).filter(pk=session.pk).exists():
        raise PermissionDenied
    session = _locked_session(session)
    _open_for_booking(session, now)
    if session.places.filter(person=actor, status__in=ACTIVE_PLACE_STATUSES).exists():
        raise ValidationError("You already have a place or are on the waiting list.")
    full = open_places(session) == 0 or session.places.filter(status=PlaceStatus.WAITING).exists()
    place = SessionPlace.objects.create(
        session=session,
        person=actor,
        status=PlaceStatus.WAITING if full else PlaceStatus.BOOKED,
        booked_by=actor,
    )
    _record(actor, place, "session_place.waitlist" if full else "session_place.book")
    return place


@transaction.atomic
def place_allocate(*, actor: Person, session: Session, team: Team, person: Person) -> SessionPlace:
    """A team manager gives one of the team's reserved places to one of their people."""
    if not catalogue_access.can_allocate(actor, team, person):
        raise PermissionDenied("Only the team's manager can allocate its places, to its members.")
    session = _locked_session(session)
    _open_for_booking(session, timezone.now())
    reservation = SessionReservation.objects.filter(session=session, team=team).first()
    if reservation is None:
        raise ValidationError({"team": f"No places of this session are reserved for {team}."})
    allocated = session.places.filter(
        reserved_for=reservation, status__in=HOLDING_PLACE_STATUSES
    ).count()
    if allocated >= reservation.places:
        raise ValidationError(
            {"team": f"All {reservation.places} places reserved for {team} are allocated."}
        )
    existing = session.places.filter(person=person, status__in=ACTIVE_PLACE_STATUSES).first()
    if existing is not None and existing.status != PlaceStatus.WAITING:
        raise ValidationError({"person": f"{person} already has a place."})
    if existing is not None:
        # Moving them from the waiting list onto the team's place.
        existing.status = PlaceStatus.LEFT
        existing.ended_at = timezone.now()
        existing.save(update_fields=["status", "ended_at"])
    place = SessionPlace.objects.create(
        session=session,
        person=person,
        status=PlaceStatus.BOOKED,
        reserved_for=reservation,
        booked_by=actor,
    )
    _record(actor, place, "session_place.allocate")
    return place


def _offer_next(session: Session, now: datetime.datetime) -> SessionPlace | None:
    """Offers a free open seat to the first person waiting (call with the session locked)."""
    if open_places(session) == 0:
        return None
    first = (
        session.places.select_for_update()
        .filter(status=PlaceStatus.WAITING)
        .order_by("joined_at", "id")
        .first()
    )
    if first is None:
        return None
    first.status = PlaceStatus.OFFERED
    first.offered_at = now
    first.offer_expires_at = now + datetime.timedelta(hours=_offer_hours(session))
    first.save(update_fields=["status", "offered_at", "offer_expires_at"])
    return first


def _end(place: SessionPlace, status: str, now: datetime.datetime) -> None:
    place.status = status
    place.ended_at = now
    place.save(update_fields=["status", "ended_at"])


@transaction.atomic
def place_cancel(
    *, actor: Person, place: SessionPlace, now: datetime.datetime | None = None
) -> SessionPlace | None:
    """Gives up a place or leaves the waiting list (the person, or their manager). A freed
    open seat is offered to the first person waiting; returns that offer, if any."""
    now = now or timezone.now()
    if place.person_id != actor.pk and not manages(actor, place.person):
        raise PermissionDenied("Only the person or their manager can cancel this place.")
    session = _locked_session(place.session)
    place = SessionPlace.objects.select_for_update().get(pk=place.pk)
    if place.status not in ACTIVE_PLACE_STATUSES:
        raise ValidationError("This place has already ended.")
    before = snapshot(place, PLACE_FIELDS)
    _end(
        place,
        PlaceStatus.LEFT if place.status == PlaceStatus.WAITING else PlaceStatus.CANCELLED,
        now,
    )
    _record(actor, place, "session_place.cancel", before)
    return _offer_next(session, now)


@transaction.atomic
def offer_accept(
    *, actor: Person, place: SessionPlace, now: datetime.datetime | None = None
) -> SessionPlace:
    """The person takes the place they were offered, before the offer expires."""
    now = now or timezone.now()
    if place.person_id != actor.pk:
        raise PermissionDenied
    _locked_session(place.session)
    place = SessionPlace.objects.select_for_update().get(pk=place.pk)
    if place.status != PlaceStatus.OFFERED:
        raise ValidationError("There is no offer to accept.")
    if place.offer_expires_at is not None and place.offer_expires_at < now:
        raise ValidationError("The offer has expired and passed to the next person waiting.")
    before = snapshot(place, PLACE_FIELDS)
    place.status = PlaceStatus.BOOKED
    place.save(update_fields=["status"])
    _record(actor, place, "session_place.accept", before)
    return place


@transaction.atomic
def offers_expire(*, now: datetime.datetime | None = None) -> int:
    """Ends every offer past its time and offers each seat to the next person waiting; run
    by the task worker. Returns how many offers expired."""
    now = now or timezone.now()
    expired = 0
    session_ids = (
        SessionPlace.objects.filter(status=PlaceStatus.OFFERED, offer_expires_at__lt=now)
        .values_list("session_id", flat=True)
        .distinct()
    )
    for session in Session.objects.filter(pk__in=list(session_ids)).order_by("pk"):
        session = _locked_session(session)
        for place in session.places.select_for_update().filter(
            status=PlaceStatus.OFFERED, offer_expires_at__lt=now
        ):
            _end(place, PlaceStatus.EXPIRED, now)
            expired += 1
        while _offer_next(session, now) is not None:
            pass
    return expired
