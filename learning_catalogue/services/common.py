"""What the catalogue's services share: an activity the actor may see, and an audit entry with
a snapshot of the fields that matter."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models

from learning_catalogue import access as catalogue_access
from learning_catalogue.models import Activity
from teams.audit import snapshot
from teams.models import Person
from teams.services.common import audit

# Free text people write (a rating's comment, a need's details) is kept to this.
COMMENT_MAX_LENGTH = 2000


def visible_activity(actor: Person, activity: Activity) -> Activity:
    if not catalogue_access.activities_visible_to(actor).filter(pk=activity.pk).exists():
        raise PermissionDenied
    return activity


def audit_snapshot(
    actor: Person,
    action: str,
    obj: models.Model,
    fields: tuple[str, ...],
    before: dict[str, object] | None = None,
) -> None:
    """An audit entry in the actor's organisation, ``after`` the object's ``fields`` (none
    once it is deleted)."""
    audit(actor, action, obj, before=before, after=snapshot(obj, fields) if obj.pk else None)
