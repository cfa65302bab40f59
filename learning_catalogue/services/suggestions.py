"""Suggestions: anyone suggests an activity or a topic; L&D leads and org admins accept one
(a draft activity or a new topic) or decline it with a reason the person reads. Audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from learning_catalogue import access as catalogue_access
from learning_catalogue.models import (
    DeliveryMode,
    Format,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
    Topic,
)
from learning_catalogue.services.activities import activity_save, topic_save
from teams.audit import snapshot
from teams.models import Person
from teams.services.common import audit_snapshot

SUGGESTION_FIELDS = ("kind", "title", "details", "topic", "status", "decline_reason", "activity")


@transaction.atomic
def suggestion_create(
    *, actor: Person, kind: str, title: str, details: str = "", topic: Topic | None = None
) -> Suggestion:
    """Anyone suggests an activity or a topic for L&D to consider."""
    title = " ".join((title or "").split())
    errors = {}
    if kind not in SuggestionKind.values:
        errors["kind"] = "Choose whether you suggest an activity or a topic."
    if not title:
        errors["title"] = "Say what you suggest."
    elif len(title) > 200:
        errors["title"] = "Keep the title to 200 characters or fewer."
    if topic is not None and topic.organisation_id != actor.organisation_id:
        errors["topic"] = "Choose a topic from the list."
    if errors:
        raise ValidationError(errors)
    suggestion = Suggestion.objects.create(
        organisation_id=actor.organisation_id,
        suggested_by=actor,
        kind=kind,
        title=title,
        details=(details or "").strip(),
        topic=topic,
    )
    audit_snapshot(actor, "suggestion.create", suggestion, SUGGESTION_FIELDS)
    return suggestion


def _open_suggestion(actor: Person, suggestion: Suggestion) -> Suggestion:
    catalogue_access.require_publisher(actor)
    if suggestion.organisation_id != actor.organisation_id:
        raise PermissionDenied
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != SuggestionStatus.OPEN:
        raise ValidationError(
            f"This suggestion was already {suggestion.get_status_display().lower()}."
        )
    return suggestion


@transaction.atomic
def suggestion_accept(*, actor: Person, suggestion: Suggestion) -> Suggestion:
    """L&D take a suggestion on: an activity becomes a draft to complete and publish, a topic
    joins the list."""
    suggestion = _open_suggestion(actor, suggestion)
    before = snapshot(suggestion, SUGGESTION_FIELDS)
    if suggestion.kind == SuggestionKind.TOPIC:
        existing = Topic.objects.filter(
            organisation_id=actor.organisation_id, name__iexact=suggestion.title
        ).first()
        suggestion.created_topic = existing or topic_save(actor=actor, name=suggestion.title)
    else:
        other = (
            Format.objects.filter(organisation_id=actor.organisation_id, name="Other").first()
            or Format.objects.filter(organisation_id=actor.organisation_id).first()
        )
        suggestion.activity = activity_save(
            actor=actor,
            values={
                "title": suggestion.title,
                "summary": suggestion.details,
                "format": other,
                "duration_minutes": 60,
                "delivery_mode": DeliveryMode.ON_DEMAND,
                "co_designed_with": f"Suggested by {suggestion.suggested_by.full_name}",
            },
            topics=[suggestion.topic] if suggestion.topic else [],
        )
    suggestion.status = SuggestionStatus.ACCEPTED
    suggestion.decided_by = actor
    suggestion.decided_at = timezone.now()
    suggestion.save()
    audit_snapshot(actor, "suggestion.accept", suggestion, SUGGESTION_FIELDS, before)
    return suggestion


@transaction.atomic
def suggestion_decline(*, actor: Person, suggestion: Suggestion, reason: str) -> Suggestion:
    """L&D turn a suggestion down, with a reason the person who made it sees."""
    suggestion = _open_suggestion(actor, suggestion)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"decline_reason": "Say why, so the person who suggested it knows."})
    before = snapshot(suggestion, SUGGESTION_FIELDS)
    suggestion.status = SuggestionStatus.DECLINED
    suggestion.decline_reason = reason
    suggestion.decided_by = actor
    suggestion.decided_at = timezone.now()
    suggestion.save()
    audit_snapshot(actor, "suggestion.decline", suggestion, SUGGESTION_FIELDS, before)
    return suggestion
