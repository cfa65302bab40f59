"""Shapes of the feedback endpoints (``learning_catalogue.api.feedback``): ratings and comments."""

import datetime

from ninja import Field, Schema

from core.api import Input
from teams.api.schemas.common import PersonRef


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
