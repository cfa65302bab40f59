"""Request and response shapes of the catalogue API (``learning_catalogue.api``).

Outputs read only what the endpoint's queryset already loaded (select_related, prefetches and
annotations), so serialising a page of 200 rows costs no more queries than a page of 10.
Request bodies refuse unknown fields, as the rest of the API does (``teams.schemas.Input``).
"""

import datetime
import enum
from decimal import Decimal

from ninja import Field, Schema

from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    NeedStatus,
    PlaceStatus,
    ProviderKind,
    Session,
    SessionPlace,
    SuggestionKind,
    SuggestionStatus,
)
from learning_catalogue.selectors import (
    ANY_STATUS,
    AUDIENCE_ME,
    FEWEST_RATINGS_SHOWN,
    SORTS,
    places_left,
)
from teams.models import CareerStage, Role
from teams.schemas import Input, Patch, PersonRef

# Built from the selectors' own lists so the documented choices cannot drift from what
# ``selectors.browse`` understands.
Sort = enum.StrEnum("Sort", [(key.upper(), key) for key in SORTS])
Audience = enum.StrEnum(
    "Audience", [(value.upper(), value) for value in (AUDIENCE_ME, *CareerStage.values)]
)
StatusChoice = enum.StrEnum(
    "StatusChoice", [(value.upper(), value) for value in (*ActivityStatus.values, ANY_STATUS)]
)


class NamedRef(Schema):
    id: int
    name: str


# Activities ------------------------------------------------------------------------------------


class RatingOut(Schema):
    count: int
    average: float | None = Field(
        description=f"Usefulness out of 5; null below {FEWEST_RATINGS_SHOWN} ratings."
    )
    recommend_percent: int | None = Field(
        description=f"Who would recommend it; null below {FEWEST_RATINGS_SHOWN} ratings."
    )


def rating_out(count: int, average: float | None, recommends: int) -> RatingOut:
    """A rating summary that never shows a figure from fewer than ``FEWEST_RATINGS_SHOWN``
    ratings: one or two ratings would tell readers what a named colleague thought."""
    if count < FEWEST_RATINGS_SHOWN or average is None:
        return RatingOut(count=count, average=None, recommend_percent=None)
    return RatingOut(
        count=count,
        average=round(float(average), 1),
        recommend_percent=round(100 * recommends / count),
    )


class ActivityOut(Schema):
    id: int
    title: str
    summary: str
    format: NamedRef
    topics: list[NamedRef]
    duration_minutes: int
    delivery_mode: DeliveryMode
    provider_kind: ProviderKind
    provider_name: str
    cost_per_place: Decimal = Field(description="GBP, as a decimal string.")
    other_direct_costs: Decimal = Field(description="GBP, as a decimal string.")
    link: str
    resource: str = Field(description="Where to find it when there is no link.")
    has_captions: bool
    has_transcript: bool
    has_british_sign_language: bool
    audience_career_stages: list[str] = Field(description="Empty means every career stage.")
    audience_roles: list[str] = Field(description="Empty means every role.")
    audience_teams: list[NamedRef] = Field(description="Empty means every team.")
    co_designed_with: str
    status: ActivityStatus
    next_start: datetime.datetime | None = Field(description="The next session not cancelled.")
    rating: RatingOut
    saved: bool = Field(description="On your learning list.")

    @staticmethod
    def resolve_rating(activity: Activity) -> RatingOut:
        return rating_out(
            activity.rating_count, activity.rating_average, activity.rating_recommends
        )

    @staticmethod
    def resolve_saved(activity: Activity) -> bool:
        return activity.is_saved


class ActivityFilter(Schema):
    q: str = Field("", description="Words, each matching the start of a word.")
    format: list[int] = Field([], description="Format ids; repeat for several.")
    topic: list[int] = Field([], description="Topic ids; repeat for several (any of them).")
    max_minutes: int | None = Field(None, ge=1)
    bite_size: bool = Field(False, description="30 minutes or less.")
    on_demand: bool = False
    starts_from: datetime.date | None = Field(None, description="With a session from this day.")
    starts_to: datetime.date | None = Field(None, description="With a session up to this day.")
    free: bool = False
    audience: Audience | None = Field(
        None, description="'me' for activities meant for you, or a career stage."
    )
    status: StatusChoice | None = Field(
        None,
        description="Published when left out; draft, retired or any for L&D leads and org admins.",
    )
    sort: Sort = Sort.TITLE


class ActivityIn(Input):
    title: str
    summary: str = ""
    format_id: int
    topic_ids: list[int] = []
    duration_minutes: int
    delivery_mode: DeliveryMode
    provider_kind: ProviderKind = ProviderKind.INTERNAL
    provider_name: str = ""
    cost_per_place: Decimal = Field(Decimal(0), description="GBP.")
    other_direct_costs: Decimal = Field(Decimal(0), description="GBP.")
    link: str = ""
    resource: str = ""
    has_captions: bool = False
    has_transcript: bool = False
    has_british_sign_language: bool = False
    audience_career_stages: list[CareerStage] = []
    audience_roles: list[Role] = []
    audience_team_ids: list[int] = []
    co_designed_with: str = ""


class ActivityPatch(Patch):
    title: str | None = None
    summary: str | None = None
    format_id: int | None = None
    topic_ids: list[int] | None = None
    duration_minutes: int | None = None
    delivery_mode: DeliveryMode | None = None
    provider_kind: ProviderKind | None = None
    provider_name: str | None = None
    cost_per_place: Decimal | None = None
    other_direct_costs: Decimal | None = None
    link: str | None = None
    resource: str | None = None
    has_captions: bool | None = None
    has_transcript: bool | None = None
    has_british_sign_language: bool | None = None
    audience_career_stages: list[CareerStage] | None = None
    audience_roles: list[Role] | None = None
    audience_team_ids: list[int] | None = None
    co_designed_with: str | None = None


class ActivityStatusIn(Input):
    status: ActivityStatus = Field(
        description="Where to move it; a move the workflow does not allow answers 422."
    )


class FormatOut(Schema):
    id: int
    name: str
    position: int


class ListItemIn(Input):
    name: str


# Sessions and places ---------------------------------------------------------------------------


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


class PlaceFilter(Schema):
    person_id: int | None = None
    status: PlaceStatus | None = None
    upcoming: bool | None = Field(
        None, description="true: sessions not yet started; false: sessions started or past."
    )


# Feedback --------------------------------------------------------------------------------------


class RatingIn(Input):
    usefulness: int = Field(description="Useful for your practice, from 1 (not at all) to 5.")
    would_recommend: bool
    comment: str = Field("", description="Read by L&D with your name; nobody else sees it.")


class MyRatingOut(Schema):
    activity_id: int
    usefulness: int
    would_recommend: bool
    comment: str
    updated_at: datetime.datetime


class CommentOut(Schema):
    id: int
    person: PersonRef
    usefulness: int
    would_recommend: bool
    comment: str
    updated_at: datetime.datetime


class SuggestionOut(Schema):
    id: int
    kind: SuggestionKind
    title: str
    details: str
    topic: NamedRef | None
    status: SuggestionStatus
    decline_reason: str = Field(description="Why L&D declined it, for the person who asked.")
    suggested_by: PersonRef
    activity_id: int | None = Field(description="The draft activity accepting it made.")
    created_topic_id: int | None = Field(description="The topic accepting it made or found.")
    decided_at: datetime.datetime | None
    created_at: datetime.datetime


class SuggestionIn(Input):
    kind: SuggestionKind
    title: str
    details: str = ""
    topic_id: int | None = None


class SuggestionFilter(Schema):
    status: SuggestionStatus | None = None


class SuggestionDeclineIn(Input):
    reason: str = Field(description="Shown to the person who made the suggestion.")


class NeedOut(Schema):
    id: int
    person: PersonRef
    topic: NamedRef
    details: str
    status: NeedStatus
    agreed_by_id: int | None
    agreed_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime


class NeedIn(Input):
    person_id: int | None = Field(None, description="Whose need; yours when left out.")
    topic_id: int
    details: str = ""
    agreed: bool = Field(False, description="Agreed in supervision: the person's manager only.")


class NeedPatch(Patch):
    topic_id: int | None = None
    details: str | None = None
    agreed: bool | None = Field(
        None, description="Managers only; the person changing an agreed need re-proposes it."
    )


class NeedFilter(Schema):
    person_id: int | None = None
    topic_id: int | None = None
    status: NeedStatus | None = None


class NeedsSummaryFilter(Schema):
    within: int | None = Field(
        None, description="A team whose teams to count; the top level you may see when left out."
    )
    topic: list[int] = Field([], description="Topic ids; every topic when left out.")


class NeedCellOut(Schema):
    topic_id: int
    people: int | None = Field(description="Null for one to four people: too few to show.")
    percent: int | None


class NeedRowOut(Schema):
    team: NamedRef
    has_teams_within: bool = Field(description="Ask again ``within`` it to count its teams.")
    suppressed: bool = Field(description="Fewer than five people: nothing is shown.")
    headcount: int | None = Field(description="Null when suppressed.")
    cells: list[NeedCellOut]


class NeedsSummaryOut(Schema):
    topics: list[NamedRef]
    rows: list[NeedRowOut] = Field(description="Each team counts everyone in the teams below it.")


class CatalogueSettingsOut(Schema):
    offer_hours: int = Field(
        description="Hours a person offered a freed place has to take it before it passes on."
    )


class CatalogueSettingsIn(Schema):
    offer_hours: int = Field(description="From 1 to 336 (two weeks).")
