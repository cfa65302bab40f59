"""What practitioners say about the catalogue: their learning list and ratings. A rating belongs
to its author; L&D read the comments, other practitioners only ever see averages
(``learning_catalogue.selectors``). Every change is audited. Suggestions and learning needs
are ``services.suggestions`` and ``services.needs``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    PlaceStatus,
    Rating,
    SavedActivity,
)
from learning_catalogue.services.common import COMMENT_MAX_LENGTH, visible_activity
from teams.audit import snapshot
from teams.models import Person
from teams.services.common import audit_snapshot

RATING_FIELDS = ("activity", "person", "usefulness", "would_recommend", "comment")


@transaction.atomic
def saved_add(*, actor: Person, activity: Activity) -> SavedActivity:
    """Puts an activity on the actor's learning list (saving twice keeps one entry)."""
    visible_activity(actor, activity)
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
    visible_activity(actor, activity)
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
    audit_snapshot(
        actor, "rating.update" if before else "rating.create", rating, RATING_FIELDS, before
    )
    return rating
