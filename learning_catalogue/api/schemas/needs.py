"""Shapes of the learning needs endpoints (``learning_catalogue.api.needs``), with needs by
team (small groups suppressed)."""

import datetime

from ninja import Field, FilterSchema, Schema

from core.api import Input, Patch
from learning_catalogue.api.schemas.activities import NamedRef
from learning_catalogue.models import NeedStatus
from teams.api.schemas.common import PersonRef


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


class NeedFilter(FilterSchema):
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
