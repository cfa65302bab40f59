"""Shapes of the suggestions endpoints (``learning_catalogue.api.suggestions``)."""

import datetime

from ninja import Field, FilterSchema, Schema

from core.api import Input
from learning_catalogue.api.schemas.activities import NamedRef
from learning_catalogue.models import (
    SuggestionKind,
    SuggestionStatus,
)
from teams.api.schemas.common import PersonRef


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


class SuggestionFilter(FilterSchema):
    status: SuggestionStatus | None = None


class SuggestionDeclineIn(Input):
    reason: str = Field(description="Shown to the person who made the suggestion.")
