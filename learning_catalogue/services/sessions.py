"""Places on scheduled sessions: booking, the waiting list, freed places offered in turn, and
team reservations.

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
    Activity,
    ActivityStatus,
    CatalogueSettings,
    DeliveryMode,
    PlaceStatus,
    Session,
    SessionPlace,
    SessionReservation,
)
from learning_catalogue.tasks import queue_place_offered, queue_session_cancelled
from planner.models import BookingPurpose
from planner.models.bookings import HOLDING_STATUSES as TIME_HOLDING_STATUSES
from planner.services.bookings import (
    TITLE_MAX_LENGTH,
    as_utc,
    booking_cancel,
    booking_cancel_by_provider,
    booking_request,
)
from teams.access import manages
from teams.audit import audit_record, snapshot
from teams.models import Person, Team

PLACE_FIELDS = ("session", "person", "status", "reserved_for", "offer_expires_at")
SESSION_FIELDS = (
    "activity",
    "start",
    "end",
    "online_link",
    "venue",
    "capacity",
    "booking_deadline",
    "cancelled_at",
    "cancellation_reason",
)
DEFAULT_OFFER_HOURS = CatalogueSettings._meta.get_field("offer_hours").default
MOST_OFFER_HOURS = 14 * 24


def _locked_session(session: Session, now: datetime.datetime | None = None) -> Session:
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
    session = _locked_session(session, now)
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
    _request_time(actor, place, session)
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
    first.offer_expires_at = now + datetime.timedelta(
        hours=offer_hours_of(session.activity.organisation_id)
    )
    first.save(update_fields=["status", "offered_at", "offer_expires_at"])
    audit_record(
        actor=None,
        organisation=session.activity.organisation,
        action="session_place.offer",
        obj=first,
        before={"status": PlaceStatus.WAITING},
        after=snapshot(first, PLACE_FIELDS),
    )
    queue_place_offered(first.pk, first.offer_expires_at)
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
    session = _locked_session(place.session, now)
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
    _release_time(actor, place)
    return _offer_next(session, now)


@transaction.atomic
def offer_accept(
    *, actor: Person, place: SessionPlace, now: datetime.datetime | None = None
) -> SessionPlace:
    """The person takes the place they were offered, before the offer expires."""
    now = now or timezone.now()
    if place.person_id != actor.pk:
        raise PermissionDenied
    _locked_session(place.session, now)
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
    session = _locked_session(place.session, now)
    place = SessionPlace.objects.select_for_update().get(pk=place.pk)
    if place.status != PlaceStatus.OFFERED:
        raise ValidationError("There is no offer to decline.")
    before = snapshot(place, PLACE_FIELDS)
    _end(place, PlaceStatus.DECLINED, now)
    _record(actor, place, "session_place.decline", before)
    return _offer_next(session, now)


def _expire_overdue(session: Session, now: datetime.datetime) -> int:
    """Ends the session's offers past their time and offers each seat on (session locked)."""
    expired = 0
    for place in session.places.select_for_update().filter(
        status=PlaceStatus.OFFERED, offer_expires_at__lt=now
    ):
        before = snapshot(place, PLACE_FIELDS)
        _end(place, PlaceStatus.EXPIRED, now)
        audit_record(
            actor=None,
            organisation=session.activity.organisation,
            action="session_place.expire",
            obj=place,
            before=before,
            after=snapshot(place, PLACE_FIELDS),
        )
        expired += 1
    if expired:
        while _offer_next(session, now) is not None:
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


def _release_time(actor: Person, place: SessionPlace, *, by_provider: bool = False) -> None:
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
def session_save(
    *,
    actor: Person,
    activity: Activity,
    start: datetime.datetime,
    end: datetime.datetime,
    capacity: int,
    online_link: str = "",
    venue: str = "",
    booking_deadline: datetime.datetime | None = None,
    session: Session | None = None,
) -> Session:
    """Adds a session to a scheduled activity, or changes one. A naive time is London time.
    Capacity never drops below the places already held, nor below the places reserved; the
    times of a session people have places on do not change (their protected time and cover
    were planned around them)."""
    catalogue_access.require_publisher(actor)
    if activity.organisation_id != actor.organisation_id:
        raise PermissionDenied
    errors: dict[str, str] = {}
    if activity.delivery_mode != DeliveryMode.SCHEDULED:
        errors["activity"] = "Only activities delivered in scheduled sessions have sessions."
    if activity.status == ActivityStatus.RETIRED:
        errors["activity"] = "A retired activity cannot have new sessions."
    start, end = as_utc(start), as_utc(end)
    booking_deadline = as_utc(booking_deadline) if booking_deadline else None
    if end <= start:
        errors["end"] = "The session must end after it starts."
    if booking_deadline is not None and booking_deadline > start:
        errors["booking_deadline"] = "Booking must close before the session starts."
    if not online_link and not (venue or "").strip():
        errors["venue"] = "Enter the venue or the online link."
    if not isinstance(capacity, int) or capacity < 1:
        errors["capacity"] = "Enter at least 1 place."
    creating = session is None
    if session is None:
        session = Session(activity=activity)
    else:
        session = _locked_session(session)
        if session.cancelled_at is not None:
            raise ValidationError("A cancelled session cannot be changed.")
        moved = "end" not in errors and (start, end) != (session.start, session.end)
        if moved and session.places.filter(status__in=ACTIVE_PLACE_STATUSES).exists():
            # People planned their protected time and cover around these times.
            errors["start"] = (
                "People have places or are waiting, so the times cannot change. Cancel this "
                "session (everyone is told) and add one at the new time."
            )
        if "capacity" not in errors:
            # Seats already spoken for: places held outside reservations, and every
            # reserved place (allocated or not).
            held = session.places.filter(
                status__in=HOLDING_PLACE_STATUSES, reserved_for=None
            ).count()
            reserved = session.reservations.aggregate(total=Sum("places"))["total"] or 0
            if capacity < held + reserved:
                errors["capacity"] = (
                    f"{held + reserved} places are already booked or kept for teams; "
                    "capacity cannot be lower."
                )
    if errors:
        raise ValidationError(errors)
    before = None if creating else snapshot(session, SESSION_FIELDS)
    session.start, session.end, session.capacity = start, end, capacity
    session.online_link, session.venue = online_link, (venue or "").strip()
    session.booking_deadline = booking_deadline
    try:
        session.full_clean(exclude=["activity"])
    except ValidationError as error:
        raise ValidationError(error.message_dict) from error
    session.save()
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="session.create" if creating else "session.update",
        obj=session,
        before=before,
        after=snapshot(session, SESSION_FIELDS),
    )
    if not creating:
        while _offer_next(session, timezone.now()) is not None:
            pass
    return session


@transaction.atomic
def session_cancel(*, actor: Person, session: Session, reason: str = "") -> Session:
    """Cancels a whole session: every place ends, protected time booked for it is released,
    and everyone booked, offered a place or waiting is told by email."""
    catalogue_access.require_publisher(actor)
    if session.activity.organisation_id != actor.organisation_id:
        raise PermissionDenied
    session = _locked_session(session)
    if session.cancelled_at is not None:
        raise ValidationError("This session is already cancelled.")
    now = timezone.now()
    before = snapshot(session, SESSION_FIELDS)
    session.cancelled_at = now
    session.cancellation_reason = (reason or "").strip()
    session.save(update_fields=["cancelled_at", "cancellation_reason"])
    told = []
    for place in (
        session.places.select_for_update(of=("self",))
        .filter(status__in=ACTIVE_PLACE_STATUSES)
        .select_related("protected_time")
    ):
        told.append(place.person_id)
        _end(place, PlaceStatus.CANCELLED, now)
        _release_time(actor, place, by_provider=True)
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="session.cancel",
        obj=session,
        before=before,
        after={**snapshot(session, SESSION_FIELDS), "people_told": len(told)},
    )
    if told:
        queue_session_cancelled(session.pk, told)
    return session


@transaction.atomic
def reservation_set(*, actor: Person, session: Session, team: Team, places: int) -> None:
    """Keeps ``places`` of the session for a team (0 removes the reservation). Never fewer
    than the team's places already allocated, never more than the seats not yet held."""
    catalogue_access.require_publisher(actor)
    if team.organisation_id != actor.organisation_id:
        raise PermissionDenied
    session = _locked_session(session)
    if session.activity.organisation_id != actor.organisation_id:
        raise PermissionDenied
    if not isinstance(places, int) or places < 0:
        raise ValidationError({"places": "Enter a number of places, 0 or more."})
    reservation = SessionReservation.objects.filter(session=session, team=team).first()
    current = reservation.places if reservation else 0
    allocated = (
        session.places.filter(reserved_for=reservation, status__in=HOLDING_PLACE_STATUSES).count()
        if reservation
        else 0
    )
    if places < allocated:
        raise ValidationError(
            {"places": f"{allocated} of {team}'s places are allocated; keep at least that many."}
        )
    if places - current > open_places(session):
        raise ValidationError(
            {"places": f"Only {open_places(session) + current} places can be kept for {team}."}
        )
    before = {"team": team.pk, "places": current}
    if places == 0 and reservation is not None:
        audit_record(
            actor=actor,
            organisation=actor.organisation,
            action="session_reservation.delete",
            obj=reservation,
            before=before,
        )
        # Places already ended keep their history without the link.
        reservation.delete()
        while _offer_next(session, timezone.now()) is not None:
            pass
        return
    if places == 0:
        return
    reservation, _created = SessionReservation.objects.update_or_create(
        session=session, team=team, defaults={"places": places}
    )
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="session_reservation.set",
        obj=reservation,
        before=before,
        after={"team": team.pk, "places": places},
    )
    while _offer_next(session, timezone.now()) is not None:
        pass


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
    before = {"offer_hours": found.offer_hours}
    found.offer_hours = offer_hours
    found.save()
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="catalogue_settings.update",
        obj=found,
        before=before,
        after={"offer_hours": offer_hours},
    )
    return found


def offer_hours_of(organisation_id: int) -> int:
    found = CatalogueSettings.objects.filter(organisation_id=organisation_id).first()
    return found.offer_hours if found else DEFAULT_OFFER_HOURS
