"""Learning needs: proposed by the person, recorded or agreed by their manager in supervision.
Audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from learning_catalogue import access as catalogue_access
from learning_catalogue.models import (
    LearningNeed,
    NeedStatus,
    Topic,
)
from learning_catalogue.services.common import COMMENT_MAX_LENGTH
from teams.audit import snapshot
from teams.models import Person
from teams.services.common import audit_snapshot, audited_delete

NEED_FIELDS = ("person", "topic", "details", "status", "agreed_by")


@transaction.atomic
def need_save(
    *,
    actor: Person,
    person: Person,
    topic: Topic | None,
    details: str = "",
    agreed: bool = False,
    need: LearningNeed | None = None,
) -> LearningNeed:
    """Records or changes a learning need. Only the person's manager can mark it agreed in
    supervision (or take the agreement back); the person changing an agreed need makes it a
    proposal again."""
    if need is not None:
        person = need.person
    if not catalogue_access.can_record_needs_for(actor, person):
        raise PermissionDenied("Only the person or their manager can record their needs.")
    errors = {}
    if topic is None or topic.organisation_id != person.organisation_id:
        errors["topic"] = "Choose a topic."
    details = (details or "").strip()
    if len(details) > COMMENT_MAX_LENGTH:
        errors["details"] = f"Keep this to {COMMENT_MAX_LENGTH} characters or fewer."
    if agreed and actor.pk == person.pk:
        errors["agreed"] = "Your manager agrees needs with you in supervision."
    if errors:
        raise ValidationError(errors)
    before = snapshot(need, NEED_FIELDS) if need else None
    if need is None:
        need = LearningNeed(person=person)
    else:
        need = LearningNeed.objects.select_for_update().get(pk=need.pk)
    need.topic, need.details = topic, details
    if agreed and need.status != NeedStatus.AGREED:
        need.status, need.agreed_by, need.agreed_at = NeedStatus.AGREED, actor, timezone.now()
    elif not agreed:
        need.status, need.agreed_by, need.agreed_at = NeedStatus.PROPOSED, None, None
    need.save()
    audit_snapshot(
        actor,
        "learning_need.update" if before else "learning_need.create",
        need,
        NEED_FIELDS,
        before,
    )
    return need


@transaction.atomic
def need_delete(*, actor: Person, need: LearningNeed) -> None:
    if not catalogue_access.can_record_needs_for(actor, need.person):
        raise PermissionDenied("Only the person or their manager can remove their needs.")
    audited_delete(actor, "learning_need.delete", need, NEED_FIELDS)
