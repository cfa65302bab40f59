"""Scheduled sessions as L&D run them: adding and changing a session, cancelling it (every place
ends and everyone booked is told), and keeping places for teams. Places on a session are
``services.places``; every change here locks the session row the same way."""

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
    DeliveryMode,
    PlaceStatus,
    Session,
    SessionReservation,
)
from learning_catalogue.services.places import (
    end_place,
    locked_session,
    offer_next,
    open_places,
    release_time,
)
from learning_catalogue.tasks import queue_session_cancelled
from planner.services.bookings import (
    as_utc,
)
from teams.audit import snapshot
from teams.models import Person, Team
from teams.services.common import audit, audit_snapshot

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
        session = locked_session(session)
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
    action = "session.create" if creating else "session.update"
    audit_snapshot(actor, action, session, SESSION_FIELDS, before)
    if not creating:
        while offer_next(session, timezone.now()) is not None:
            pass
    return session


@transaction.atomic
def session_cancel(*, actor: Person, session: Session, reason: str = "") -> Session:
    """Cancels a whole session: every place ends, protected time booked for it is released,
    and everyone booked, offered a place or waiting is told by email."""
    catalogue_access.require_publisher(actor)
    if session.activity.organisation_id != actor.organisation_id:
        raise PermissionDenied
    session = locked_session(session)
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
        end_place(place, PlaceStatus.CANCELLED, now)
        release_time(actor, place, by_provider=True)
    audit(
        actor,
        "session.cancel",
        session,
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
    session = locked_session(session)
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
        audit(
            actor,
            "session_reservation.delete",
            reservation,
            before=before,
        )
        # Places already ended keep their history without the link.
        reservation.delete()
        while offer_next(session, timezone.now()) is not None:
            pass
        return
    if places == 0:
        return
    reservation, _created = SessionReservation.objects.update_or_create(
        session=session, team=team, defaults={"places": places}
    )
    audit(
        actor,
        "session_reservation.set",
        reservation,
        before=before,
        after={"team": team.pk, "places": places},
    )
    while offer_next(session, timezone.now()) is not None:
        pass
