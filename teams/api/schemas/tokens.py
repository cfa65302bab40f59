"""Shapes of ``teams.api.tokens``."""

from __future__ import annotations

import datetime

from ninja import Field, Schema

from core.api import Input


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(description="The first characters, to recognise the token by.")
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    revoked_at: datetime.datetime | None
    is_active: bool


class TokenCreated(TokenOut):
    key: str = Field(description="The token itself: shown this once, never stored.")


class TokenCreate(Input):
    name: str = Field(min_length=1, max_length=100)
