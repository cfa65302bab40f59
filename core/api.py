"""Shared by every app's API handlers: who is calling, and finding what they may see."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpRequest

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
