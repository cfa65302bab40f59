"""Shared by every app's API: who is calling, finding what they may see, and the request bodies
every app's schemas build on."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from ninja import Schema
from pydantic import ConfigDict, ValidationInfo, field_validator

from core.api_errors import NotFound


def caller(request: HttpRequest) -> AbstractBaseUser:
    """The authenticated person (session or token); operations act with their permissions."""
    return request.auth


def visible[M: Model](
    queryset: QuerySet[M], pk: int | None, what: str, *, field: str | None = None
) -> M:
    """One object from a queryset already scoped to the caller, else 404."""
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise NotFound(f"There is no {what} with id {pk} that you can see.", field=field)
    return found


@contextmanager
def fields_named(**api_names: str) -> Iterator[None]:
    """Services key errors by model field (``parent``); the API's fields are ``parent_id``."""
    try:
        yield
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        renamed = {api_names.get(name, name): msgs for name, msgs in error.message_dict.items()}
        renamed_error = ValidationError(renamed)
        # Keep how the API should answer it (``core.api_errors``), e.g. 409 for a clash.
        for attribute in ("http_status", "api_code"):
            if hasattr(error, attribute):
                setattr(renamed_error, attribute, getattr(error, attribute))
        raise renamed_error from error


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
