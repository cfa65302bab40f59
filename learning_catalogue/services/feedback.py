"""What practitioners add: their learning list, ratings, suggestions (triaged by L&D) and
learning needs (proposed by the person, agreed by their manager in supervision).

A rating belongs to its author; L&D read the comments, other practitioners only ever see
averages (``learning_catalogue.selectors``). Every change is audited.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from learning_catalogue import access as catalogue_access
from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    Format,
    LearningNeed,
    NeedStatus,
    PlaceStatus,
    Rating,
    SavedActivity,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
    Topic,
)
from learning_catalogue.services.activities import activity_save, topic_save
from teams.audit import audit_record, snapshot
from teams.models import Person

RATING_FIELDS = ("activity", "person", "usefulness", "would_recommend", "comment")
SUGGESTION_FIELDS = ("kind", "title", "details", "topic", "status", "decline_reason", "activity")
NEED_FIELDS = ("person", "topic", "details", "status", "agreed_by")
COMMENT_MAX_LENGTH = 2000


def _visible_activity(actor: Person, activity: Activity) -> Activity:
    if not catalogue_access.activities_visible_to(actor).filter(pk=activity.pk).exists():
        raise PermissionDenied
    return activity


def _audit(
    actor: Person,
    action: str,
    obj: models.Model,
    fields: tuple[str, ...],
    before: dict[str, object] | None = None,
) -> None:
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action=action,
        obj=obj,
        before=before,
        after=snapshot(obj, fields) if obj.pk else None,
    )


@transaction.atomic
def saved_add(*, actor: Person, activity: Activity) -> SavedActivity:
    """Puts an activity on the actor's learning list (saving twice keeps one entry)."""
    _visible_activity(actor, activity)
    if activity.status != ActivityStatus.PUBLISHED:
        raise ValidationError("Only published activities can be saved.")
    saved, _created = SavedActivity.objects.get_or_create(person=actor, activity=activity)
    return saved


@transaction.atomic
def saved_remove(*, actor: Person, activity: Activity) -> bool:
    """Takes an activity off the actor's learning list; says whether it was there."""
    deleted, _ = SavedActivity.objects.filter(person=actor, activity=activity).delete()
    return bool(deleted)


def can_rate(actor: Person, activity: Activity) -> bool:
    """After the activity: a scheduled one once a session they had a place on has ended;
    one on demand or arranged with a person whenever they say they have done it."""
    if activity.delivery_mode != DeliveryMode.SCHEDULED:
        return activity.status != ActivityStatus.DRAFT
    return activity.sessions.filter(
        end__lte=timezone.now(),
        cancelled_at=None,
        places__person=actor,
        places__status=PlaceStatus.BOOKED,
    ).exists()


@transaction.atomic
def rating_save(
    *,
    actor: Person,
    activity: Activity,
    usefulness: int,
    would_recommend: bool,
    comment: str = "",
) -> Rating:
    """Records or changes the actor's rating of an activity they have taken part in."""
    _visible_activity(actor, activity)
    errors = {}
    if not isinstance(usefulness, int) or not 1 <= usefulness <= 5:
        errors["usefulness"] = "Choose how useful it was, from 1 to 5."
    if not isinstance(would_recommend, bool):
        errors["would_recommend"] = "Say whether you would recommend it."
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        errors["comment"] = f"Keep the comment to {COMMENT_MAX_LENGTH} characters or fewer."
    if errors:
        raise ValidationError(errors)
    if not can_rate(actor, activity):
        raise ValidationError("You can rate a session once you have attended it.")
    rating = Rating.objects.select_for_update().filter(activity=activity, person=actor).first()
    before = snapshot(rating, RATING_FIELDS) if rating else None
    if rating is None:
        rating = Rating(activity=activity, person=actor)
    rating.usefulness, rating.would_recommend, rating.comment = (
        usefulness,
        would_recommend,
        comment,
    )
    rating.save()
    _audit(actor, "rating.update" if before else "rating.create", rating, RATING_FIELDS, before)
    return rating


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
    _audit(actor, "suggestion.create", suggestion, SUGGESTION_FIELDS)
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
    _audit(actor, "suggestion.accept", suggestion, SUGGESTION_FIELDS, before)
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
    _audit(actor, "suggestion.decline", suggestion, SUGGESTION_FIELDS, before)
    return suggestion


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
    _audit(
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
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="learning_need.delete",
        obj=need,
        before=snapshot(need, NEED_FIELDS),
    )
    need.delete()
