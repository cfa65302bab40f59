"""Places on scheduled sessions: booking, allocation from a team's kept places, the waiting list,
freed places offered in turn, and how long an offer lasts.

One locking pattern (ARCHITECTURE.md): every change to a session's places locks the session row with
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
from learning_catalogue.tasks import queue_place_offered
from planner.models import BookingPurpose
from planner.models.bookings import HOLDING_STATUSES as TIME_HOLDING_STATUSES
from planner.services.bookings import TITLE_MAX_LENGTH, booking_request
from planner.services.cancellation import booking_cancel, booking_cancel_by_provider
from teams.access import manages
from teams.audit import snapshot
from teams.models import Person, Team
from teams.services.common import audit_snapshot

PLACE_FIELDS = ("session", "person", "status", "reserved_for", "offer_expires_at")
SETTINGS_FIELDS = ("offer_hours",)
DEFAULT_OFFER_HOURS = CatalogueSettings._meta.get_field("offer_hours").default
MOST_OFFER_HOURS = 14 * 24


def locked_session(session: Session, now: datetime.datetime | None = None) -> Session:
    """The session's row, locked; offers past their time are passed on first, so every
    change sees the places as they stand even when the task worker has not run yet."""
    locked = Session.objects.select_for_update().select_related("activity").get(pk=session.pk)
    _expire_overdue(locked, now or timezone.now())
    return locked


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


def _record(
    actor: Person | None, place: SessionPlace, action: str, before: dict | None = None
) -> None:
    """An audit entry with the place's fields; one the system makes itself (an offer passed
    on, no actor) goes in the session's organisation."""
    organisation = None if actor else place.session.activity.organisation
    audit_snapshot(actor, action, place, PLACE_FIELDS, before, organisation=organisation)


@transaction.atomic
def place_book(
    *, actor: Person, session: Session, now: datetime.datetime | None = None
) -> SessionPlace:
    """Books the actor a seat, or puts them on the waiting list when the session is full."""
    now = now or timezone.now()
    if not catalogue_access.sessions_visible_to(actor).filter(pk=session.pk).exists():
        raise PermissionDenied
    session = locked_session(session, now)
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
    if not full:
        _request_time(actor, place, session)
    return place


@transaction.atomic
def place_allocate(*, actor: Person, session: Session, team: Team, person: Person) -> SessionPlace:
    """A team manager gives one of the team's reserved places to one of their people."""
    if not catalogue_access.can_allocate(actor, team, person):
        raise PermissionDenied("Only the team's manager can allocate its places, to its members.")
    session = locked_session(session)
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
    _request_time(actor, place, session)
    return place


def offer_next(session: Session, now: datetime.datetime) -> SessionPlace | None:
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
    first.offer_expires_at = now + datetime.timedelta(
        hours=offer_hours_of(session.activity.organisation_id)
    )
    first.save(update_fields=["status", "offered_at", "offer_expires_at"])
    _record(None, first, "session_place.offer", {"status": PlaceStatus.WAITING})
    queue_place_offered(first.pk, first.offer_expires_at)
    return first


def end_place(place: SessionPlace, status: str, now: datetime.datetime) -> None:
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
    session = locked_session(place.session, now)
    place = SessionPlace.objects.select_for_update().get(pk=place.pk)
    if place.status not in ACTIVE_PLACE_STATUSES:
        raise ValidationError("This place has already ended.")
    before = snapshot(place, PLACE_FIELDS)
    end_place(
        place,
        PlaceStatus.LEFT if place.status == PlaceStatus.WAITING else PlaceStatus.CANCELLED,
        now,
    )
    _record(actor, place, "session_place.cancel", before)
    release_time(actor, place)
    return offer_next(session, now)


@transaction.atomic
def offer_accept(
    *, actor: Person, place: SessionPlace, now: datetime.datetime | None = None
) -> SessionPlace:
    """The person takes the place they were offered, before the offer expires."""
    now = now or timezone.now()
    if place.person_id != actor.pk:
        raise PermissionDenied
    locked_session(place.session, now)
    place = SessionPlace.objects.select_for_update().get(pk=place.pk)
    if place.status == PlaceStatus.EXPIRED:
        raise ValidationError("The offer has expired and passed to the next person waiting.")
    if place.status != PlaceStatus.OFFERED:
        raise ValidationError("There is no offer to accept.")
    before = snapshot(place, PLACE_FIELDS)
    place.status = PlaceStatus.BOOKED
    place.save(update_fields=["status"])
    _record(actor, place, "session_place.accept", before)
    _request_time(actor, place, place.session)
    return place


@transaction.atomic
def offer_decline(
    *, actor: Person, place: SessionPlace, now: datetime.datetime | None = None
) -> SessionPlace | None:
    """The person turns the offer down; the place passes to the next person waiting."""
    now = now or timezone.now()
    if place.person_id != actor.pk:
        raise PermissionDenied
    session = locked_session(place.session, now)
    place = SessionPlace.objects.select_for_update().get(pk=place.pk)
    if place.status != PlaceStatus.OFFERED:
        raise ValidationError("There is no offer to decline.")
    before = snapshot(place, PLACE_FIELDS)
    end_place(place, PlaceStatus.DECLINED, now)
    _record(actor, place, "session_place.decline", before)
    return offer_next(session, now)


def _expire_overdue(session: Session, now: datetime.datetime) -> int:
    """Ends the session's offers past their time and offers each seat on (session locked)."""
    expired = 0
    for place in session.places.select_for_update().filter(
        status=PlaceStatus.OFFERED, offer_expires_at__lt=now
    ):
        before = snapshot(place, PLACE_FIELDS)
        end_place(place, PlaceStatus.EXPIRED, now)
        _record(None, place, "session_place.expire", before)
        expired += 1
    if expired:
        while offer_next(session, now) is not None:
            pass
    return expired


@transaction.atomic
def offers_expire(*, now: datetime.datetime | None = None) -> int:
    """Ends every offer past its time and offers each seat to the next person waiting; run
    by the task worker when an offer runs out. Returns how many offers expired."""
    now = now or timezone.now()
    session_ids = (
        SessionPlace.objects.filter(status=PlaceStatus.OFFERED, offer_expires_at__lt=now)
        .values_list("session_id", flat=True)
        .distinct()
    )
    expired = 0
    for session in Session.objects.filter(pk__in=list(session_ids)).order_by("pk"):
        locked = Session.objects.select_for_update().select_related("activity").get(pk=session.pk)
        expired += _expire_overdue(locked, now)
    return expired


def _request_time(actor: Person, place: SessionPlace, session: Session) -> None:
    """Asks the planner for the person's protected time for the session; the catalogue never
    books time itself. When the planner refuses (the time overlaps other learning), the place
    stands and the person asks for time in the planner."""
    try:
        with transaction.atomic():
            booking = booking_request(
                actor=actor,
                person=place.person,
                start=session.start,
                end=session.end,
                title=session.activity.title[:TITLE_MAX_LENGTH],
                purpose=BookingPurpose.CATALOGUE,
                notes=session.venue or session.online_link,
            )
    except (ValidationError, PermissionDenied):
        return
    place.protected_time = booking
    place.save(update_fields=["protected_time"])


def release_time(actor: Person, place: SessionPlace, *, by_provider: bool = False) -> None:
    booking = place.protected_time
    if booking is None or booking.status not in TIME_HOLDING_STATUSES:
        return
    if by_provider:
        booking_cancel_by_provider(actor=actor, booking=booking, note=str(place.session))
    else:
        booking_cancel(
            actor=actor, booking=booking, reason="other", note="Place on the session given up."
        )


@transaction.atomic
def catalogue_settings_update(*, actor: Person, offer_hours: int) -> CatalogueSettings:
    """Sets how long a person offered a freed place has to take it (1 hour to 2 weeks).
    Offers already made keep the time they were given."""
    catalogue_access.require_publisher(actor)
    if not isinstance(offer_hours, int) or not 1 <= offer_hours <= MOST_OFFER_HOURS:
        raise ValidationError(
            {"offer_hours": f"Enter a number of hours from 1 to {MOST_OFFER_HOURS}."}
        )
    found, _created = CatalogueSettings.objects.select_for_update().get_or_create(
        organisation_id=actor.organisation_id
    )
    before = snapshot(found, SETTINGS_FIELDS)
    found.offer_hours = offer_hours
    found.save()
    audit_snapshot(actor, "catalogue_settings.update", found, SETTINGS_FIELDS, before)
    return found


def offer_hours_of(organisation_id: int) -> int:
    found = CatalogueSettings.objects.filter(organisation_id=organisation_id).first()
    return found.offer_hours if found else DEFAULT_OFFER_HOURS
