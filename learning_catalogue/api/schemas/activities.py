"""Shapes of the activities endpoints (``learning_catalogue.api.activities``): an activity's
card, its filters, writes, formats and topics.

Outputs read only what the endpoint's queryset already loaded (select_related, prefetches and
annotations), so serialising a page of 200 rows costs no more queries than a page of 10.
Request bodies refuse unknown fields, as the rest of the API does (``core.api.Input``).
"""

import datetime
import enum
from decimal import Decimal

from ninja import Field, Schema

from core.api import Input, Patch
from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    ProviderKind,
)
from learning_catalogue.selectors import (
    ANY_STATUS,
    AUDIENCE_ME,
    FEWEST_RATINGS_SHOWN,
    SORTS,
)
from teams.models import CareerStage, Role

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


# The query of the activities list as documented and checked (a docstring would show in the
# OpenAPI document); the FilterSet of the same name in ``learning_catalogue.filters`` applies it.
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
