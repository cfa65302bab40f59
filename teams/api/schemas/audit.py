"""Shapes of ``teams.api.audit``."""

from __future__ import annotations

import datetime
from typing import Annotated

from django.utils import timezone
from ninja import FilterLookup, FilterSchema, Schema
from pydantic import field_validator

from teams.api.schemas.common import PersonRef
from teams.models import AuditEntry


class AuditEntryOut(Schema):
    id: int
    at: datetime.datetime
    actor: PersonRef | None
    action: str
    object_type: str
    object_id: str
    object_repr: str
    before: dict[str, object]
    after: dict[str, object]
    changed_fields: list[str]

    @staticmethod
    def resolve_changed_fields(entry: AuditEntry) -> list[str]:
        return entry.changed_fields


class AuditFilter(FilterSchema):
    action: str | None = None
    object_type: str | None = None
    actor_id: int | None = None
    since: Annotated[datetime.datetime | None, FilterLookup("at__gte")] = None
    until: Annotated[datetime.datetime | None, FilterLookup("at__lte")] = None

    @field_validator("since", "until")
    @classmethod
    def in_local_time(cls, value: datetime.datetime | None) -> datetime.datetime | None:
        """A time given without an offset (or a bare date) means UK local time."""
        if value is not None and timezone.is_naive(value):
            return timezone.make_aware(value)
        return value
