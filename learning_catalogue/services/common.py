"""What the catalogue's services share: an activity the actor may see (audit entries with a
snapshot of the fields that matter are ``teams.services.common.audit_snapshot``)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from learning_catalogue import access as catalogue_access
from learning_catalogue.models import Activity
from teams.models import Person

# Free text people write (a rating's comment, a need's details) is kept to this.
COMMENT_MAX_LENGTH = 2000


def visible_activity(actor: Person, activity: Activity) -> Activity:
    if not catalogue_access.activities_visible_to(actor).filter(pk=activity.pk).exists():
        raise PermissionDenied
    return activity
