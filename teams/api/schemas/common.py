"""What every API's schemas share: request bodies that refuse unknown fields, PATCH bodies that
refuse a null where a field cannot be empty, and the short references to a person and a team
that other outputs embed. The planner and catalogue APIs build on these too."""

from __future__ import annotations

from typing import ClassVar

from ninja import Schema
from pydantic import ConfigDict, ValidationInfo, field_validator


class Input(Schema):
    """Request bodies: unknown fields are refused, choices arrive as their plain values."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Patch(Input):
    """PATCH bodies: only the fields sent change. ``null`` is allowed only where a field can
    really be empty (``nullable``); elsewhere it would store nonsense such as a blank name."""

    nullable: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*")
    @classmethod
    def refuse_null(cls, value: object, info: ValidationInfo) -> object:
        # Only runs for fields that were sent: defaults are not validated.
        if value is None and info.field_name not in cls.nullable:
            raise ValueError("This cannot be null; leave the field out to keep its value.")
        return value


class PersonRef(Schema):
    id: int
    full_name: str


class TeamRef(Schema):
    id: int
    name: str
    kind: str
