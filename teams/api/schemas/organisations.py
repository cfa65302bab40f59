"""Shapes of ``teams.api.organisations``."""

from __future__ import annotations

import datetime

from ninja import Field, Schema

from core.api import Patch


class OrganisationOut(Schema):
    id: int
    name: str
    slug: str
    brand_colour: str
    standard_weekly_minutes: int
    created_at: datetime.datetime


class OrganisationPatch(Patch):
    name: str | None = None
    brand_colour: str | None = Field(None, description="A hex colour like #1d70b8.")
    standard_weekly_minutes: int | None = Field(None, ge=1, le=7 * 1440)
