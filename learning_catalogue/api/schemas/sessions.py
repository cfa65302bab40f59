"""Shapes of the sessions endpoints (``learning_catalogue.api.sessions``): sessions and the
places kept for teams."""

import datetime

from ninja import Field, Schema

from core.api import Input, Patch
from learning_catalogue.models import Session
from learning_catalogue.selectors import places_left


class SessionOut(Schema):
    id: int
    activity_id: int
    start: datetime.datetime
    end: datetime.datetime
    online_link: str
    venue: str
    capacity: int
    booking_deadline: datetime.datetime | None
    cancelled_at: datetime.datetime | None
    cancellation_reason: str
    reserved_places: int = Field(description="Places kept for teams, allocated by managers.")
    booked_places: int = Field(description="Places booked or on offer, reserved ones included.")
    places_left: int = Field(
        description="Places anyone may still book: capacity less reservations and places held."
    )
    waiting: int = Field(description="People on the waiting list.")

    @staticmethod
    def resolve_places_left(session: Session) -> int:
        return places_left(session)


class SessionIn(Input):
    start: datetime.datetime = Field(description="ISO 8601; without an offset, London time.")
    end: datetime.datetime
    capacity: int
    online_link: str = ""
    venue: str = ""
    booking_deadline: datetime.datetime | None = None


class SessionPatch(Patch):
    nullable = frozenset({"booking_deadline"})

    start: datetime.datetime | None = None
    end: datetime.datetime | None = None
    capacity: int | None = None
    online_link: str | None = None
    venue: str | None = None
    booking_deadline: datetime.datetime | None = None


class SessionCancelIn(Input):
    reason: str = Field("", description="Told to everyone who had a place or was waiting.")


class ReservationIn(Input):
    places: int = Field(description="0 removes the reservation.")


class ReservationOut(Schema):
    session_id: int
    team_id: int
    places: int
