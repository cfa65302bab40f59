"""Writing the audit log. Services call ``audit_record`` inside their transaction."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.db import models

from teams.models import AuditEntry, Organisation, Person


def _json_safe(value: object) -> object:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return sorted(_json_safe(item) for item in value)
    return value


def snapshot(obj: models.Model | None, fields: Iterable[str]) -> dict[str, object]:
    """The named fields of ``obj`` as JSON-safe values (foreign keys as their ids)."""
    if obj is None:
        return {}
    values: dict[str, object] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        attname = field.attname if isinstance(field, models.ForeignKey) else name
        values[name] = _json_safe(getattr(obj, attname))
    return values


def audit_record(
    *,
    actor: Person | None,
    organisation: Organisation,
    action: str,
    obj: models.Model,
    before: dict[str, object] | None = None,
    after: dict[str, object] | None = None,
) -> AuditEntry:
    """Appends one entry: who did what to which object, with the fields before and after."""
    return AuditEntry.objects.create(
        organisation=organisation,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=obj._meta.model_name,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        before={key: _json_safe(value) for key, value in (before or {}).items()},
        after={key: _json_safe(value) for key, value in (after or {}).items()},
    )
