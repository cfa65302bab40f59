"""The organisation's own closure days (a Christmas closure, an office move): org admins add
and remove them; the working-time rules treat them like bank holidays. Every change is
audited."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from planner import access as planner_access
from planner.models import ClosureDay
from teams.models import Person
from teams.services.common import audit_snapshot, audited_delete, permission

FIELDS = ("date", "name")
NAME_LENGTH = ClosureDay._meta.get_field("name").max_length


_require = permission(
    planner_access.can_manage_closure_days,
    "Only org admins can set the organisation's closure days.",
)


@transaction.atomic
def closure_day_add(*, actor: Person, date: datetime.date | None, name: str) -> ClosureDay:
    """A day the actor's organisation is closed; one a day."""
    _require(actor)
    name = (name or "").strip()
    errors: dict[str, str] = {}
    if date is None:
        errors["date"] = "Enter the date the organisation is closed."
    elif ClosureDay.objects.filter(organisation_id=actor.organisation_id, date=date).exists():
        errors["date"] = "The organisation is already closed that day."
    if not name:
        errors["name"] = "Enter what the closure is, for example Christmas closure."
    elif len(name) > NAME_LENGTH:
        errors["name"] = f"The name must be {NAME_LENGTH} characters or fewer."
    if errors:
        raise ValidationError(errors)
    closure = ClosureDay.objects.create(organisation=actor.organisation, date=date, name=name)
    audit_snapshot(actor, "closure_day.create", closure, FIELDS)
    return closure


@transaction.atomic
def closure_day_remove(*, actor: Person, closure: ClosureDay) -> None:
    """The organisation opens that day after all; the audit log keeps what it was."""
    _require(actor, closure)
    audited_delete(actor, "closure_day.delete", closure, FIELDS)
