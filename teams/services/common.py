"""What every teams service does before and after its write: refuse an actor without the
permission, refuse objects of another organisation, apply only the fields a service may change,
and record the audit entry in the actor's organisation."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models

from teams import access
from teams.audit import audit_record, snapshot
from teams.models import Organisation, Person

NOT_PERMITTED = "You do not have permission to do that."


def require(allowed: bool, message: str = NOT_PERMITTED) -> None:
    if not allowed:
        raise PermissionDenied(message)


def same_organisation(actor: Person, *objects: models.Model) -> None:
    """Objects from another organisation are treated as not found by callers."""
    for obj in objects:
        organisation_id = obj.pk if isinstance(obj, Organisation) else obj.organisation_id
        if organisation_id != actor.organisation_id:
            raise PermissionDenied("That belongs to another organisation.")


def permission(rule: Callable[[Person], bool], message: str = NOT_PERMITTED) -> Callable[..., None]:
    """A check that refuses an actor the ``rule`` does not allow (saying ``message``) and any
    object given that belongs to another organisation."""

    def check(actor: Person, *objects: models.Model) -> None:
        require(rule(actor), message)
        same_organisation(actor, *objects)

    return check


# The two permissions teams writes need, each with the organisation check that goes with it.
require_people_manager = permission(access.can_manage_people)
require_structure_manager = permission(access.can_manage_structure)


def apply_fields(obj: object, fields: dict[str, object], allowed: Iterable[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValidationError({name: "This field cannot be changed here." for name in unknown})
    for name, value in fields.items():
        setattr(obj, name, value)


def audit(
    actor: Person | None,
    action: str,
    obj: models.Model,
    *,
    before: dict[str, object] | None = None,
    after: dict[str, object] | None = None,
    organisation: Organisation | None = None,
) -> None:
    """An audit entry in the actor's organisation (every teams write stays inside it), or in
    ``organisation`` for a write the system makes itself (no actor)."""
    audit_record(
        actor=actor,
        organisation=organisation or actor.organisation,
        action=action,
        obj=obj,
        before=before,
        after=after,
    )


def audit_snapshot(
    actor: Person | None,
    action: str,
    obj: models.Model,
    fields: Iterable[str],
    before: dict[str, object] | None = None,
    *,
    organisation: Organisation | None = None,
) -> None:
    """An audit entry whose ``after`` is the object's ``fields`` (none once it is deleted), so
    a service names what matters once and audits each write in one line."""
    after = snapshot(obj, fields) if obj.pk else None
    audit(actor, action, obj, before=before, after=after, organisation=organisation)


def audit_change(
    actor: Person, action: str, obj: models.Model, fields: Iterable[str], before: dict[str, object]
) -> None:
    """Audits an update of ``fields`` only when it changed one, so saving an unchanged form is
    silent."""
    after = snapshot(obj, fields)
    if after != before:
        audit(actor, action, obj, before=before, after=after)


def audited_delete(actor: Person, action: str, obj: models.Model, fields: Iterable[str]) -> None:
    """Deletes the object; the audit log keeps its ``fields`` as they were."""
    audit(actor, action, obj, before=snapshot(obj, fields))
    obj.delete()
