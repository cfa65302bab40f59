"""Shapes of the places endpoints (``learning_catalogue.api.places``): places, allocations and
how long an offered place is held."""

import datetime

from django.db.models import Q
from django.utils import timezone
from ninja import Field, FilterSchema, Schema

from core.api import Input
from learning_catalogue.models import (
    PlaceStatus,
    Session,
    SessionPlace,
)
from teams.api.schemas.common import PersonRef


class PlaceSessionRef(Schema):
    id: int
    activity_id: int
    activity_title: str
    start: datetime.datetime
    end: datetime.datetime
    cancelled_at: datetime.datetime | None

    @staticmethod
    def resolve_activity_title(session: Session) -> str:
        return session.activity.title


class PlaceOut(Schema):
    id: int
    session: PlaceSessionRef
    person: PersonRef
    status: PlaceStatus
    reserved_for_team_id: int | None = Field(description="Set on a team's reserved place.")
    joined_at: datetime.datetime
    offered_at: datetime.datetime | None
    offer_expires_at: datetime.datetime | None = Field(
        description="An offered place passes to the next person waiting after this."
    )
    ended_at: datetime.datetime | None
    booked_by_id: int | None
    protected_time_id: int | None = Field(
        description="The protected time booking requested in the planner, if it could be."
    )

    @staticmethod
    def resolve_reserved_for_team_id(place: SessionPlace) -> int | None:
        return place.reserved_for.team_id if place.reserved_for else None


class AllocationIn(Input):
    team_id: int = Field(description="The team whose reserved place it is.")
    person_id: int


class PlaceFilter(FilterSchema):
    person_id: int | None = None
    status: PlaceStatus | None = None
    upcoming: bool | None = Field(
        None, description="true: sessions not yet started; false: sessions started or past."
    )

    def filter_upcoming(self, upcoming: bool | None) -> Q:
        if upcoming is None:
            return Q()
        started = Q(session__start__lte=timezone.now())
        return ~started if upcoming else started


class CatalogueSettingsOut(Schema):
    offer_hours: int = Field(
        description="Hours a person offered a freed place has to take it before it passes on."
    )


class CatalogueSettingsIn(Schema):
    offer_hours: int = Field(description="From 1 to 336 (two weeks).")
