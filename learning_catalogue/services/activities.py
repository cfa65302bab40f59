"""Publishing the catalogue: activities (draft → published → retired), and the editable lists
of formats and topics. Only L&D leads and org admins change them; every change is audited.

Each save rebuilds the activity's ``search_text`` from its words, so search reads one column
whichever database runs it (see ``learning_catalogue.search``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from learning_catalogue import access as catalogue_access
from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    Format,
    Topic,
)
from learning_catalogue.search import words
from teams.audit import snapshot
from teams.models import CareerStage, Person, Role, Team
from teams.services.common import audit, audit_snapshot

ACTIVITY_FIELDS = (
    "title",
    "summary",
    "format",
    "duration_minutes",
    "delivery_mode",
    "provider_kind",
    "provider_name",
    "cost_per_place",
    "other_direct_costs",
    "link",
    "resource",
    "has_captions",
    "has_transcript",
    "has_british_sign_language",
    "audience_career_stages",
    "audience_roles",
    "co_designed_with",
    "status",
)
EDITABLE_FIELDS = tuple(name for name in ACTIVITY_FIELDS if name != "status")
# Moves the workflow allows, to each status from: draft → published → retired, and a retired
# activity may be published again. Nothing returns to draft: people's records point at it.
TRANSITIONS = {
    ActivityStatus.PUBLISHED: (ActivityStatus.DRAFT, ActivityStatus.RETIRED),
    ActivityStatus.RETIRED: (ActivityStatus.PUBLISHED,),
}


def search_text_for(activity: Activity, topics: Iterable[Topic]) -> str:
    return " ".join(
        words(
            " ".join(
                [
                    activity.title,
                    activity.summary,
                    activity.format.name,
                    activity.provider_name,
                    *(topic.name for topic in topics),
                ]
            )
        )
    )


def refresh_search_text(activities: QuerySet[Activity]) -> int:
    """Rebuilds the search words of ``activities`` (after a format or topic is renamed)."""
    changed = []
    for activity in activities.select_related("format").prefetch_related("topics"):
        text = search_text_for(activity, activity.topics.all())
        if text != activity.search_text:
            activity.search_text = text
            changed.append(activity)
    Activity.objects.bulk_update(changed, ["search_text"])
    return len(changed)


def _same_organisation(actor: Person, items: Iterable[Any], field: str) -> None:
    if any(item.organisation_id != actor.organisation_id for item in items):
        raise ValidationError({field: "Choose from your organisation's own list."})


def _clean_audience(values: Mapping[str, Any]) -> dict[str, str]:
    errors = {}
    stages = values.get("audience_career_stages") or []
    if not set(stages) <= set(CareerStage.values):
        errors["audience_career_stages"] = "Choose career stages from the list."
    roles = values.get("audience_roles") or []
    if not set(roles) <= set(Role.values):
        errors["audience_roles"] = "Choose roles from the list."
    return errors


@transaction.atomic
def activity_save(
    *,
    actor: Person,
    values: Mapping[str, Any],
    topics: Iterable[Topic] = (),
    audience_teams: Iterable[Team] = (),
    activity: Activity | None = None,
) -> Activity:
    """Creates a draft activity, or changes one; ``values`` holds ``EDITABLE_FIELDS``.

    Every field is checked before anything is written; errors are raised per field."""
    catalogue_access.require_publisher(actor)
    topics = list(topics)
    audience_teams = list(audience_teams)
    creating = activity is None
    if activity is None:
        activity = Activity(organisation_id=actor.organisation_id, created_by=actor)
    else:
        activity = Activity.objects.select_for_update().get(pk=activity.pk)
        if activity.organisation_id != actor.organisation_id:
            raise PermissionDenied
    before = None if creating else snapshot(activity, ACTIVITY_FIELDS)
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: "This field cannot be set." for name in sorted(unknown)})
    for name, value in values.items():
        setattr(activity, name, value)
    errors = _clean_audience(values)
    if activity.format_id is not None:
        _same_organisation(actor, [activity.format], "format")
    _same_organisation(actor, topics, "topics")
    _same_organisation(actor, audience_teams, "audience_teams")
    try:
        activity.full_clean(exclude=["organisation", "created_by", "search_text"])
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        raise ValidationError(errors)
    activity.search_text = search_text_for(activity, topics)
    activity.save()
    activity.topics.set(topics)
    activity.audience_teams.set(audience_teams)
    audit(
        actor,
        "activity.create" if creating else "activity.update",
        activity,
        before=before,
        after={
            **snapshot(activity, ACTIVITY_FIELDS),
            "topics": sorted(topic.name for topic in topics),
            "audience_teams": sorted(team.pk for team in audience_teams),
        },
    )
    return activity


@transaction.atomic
def activity_set_status(*, actor: Person, activity: Activity, status: str) -> Activity:
    """Publishes or retires an activity (or publishes a retired one again), as ``TRANSITIONS``
    allows."""
    catalogue_access.require_publisher(actor)
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.organisation_id != actor.organisation_id:
        raise PermissionDenied
    if activity.status not in TRANSITIONS.get(status, ()):
        raise ValidationError(
            {
                "status": f"A {activity.get_status_display().lower()} activity cannot become "
                f"{ActivityStatus(status).label.lower() if status in ActivityStatus.values else status}."
            }
        )
    if (
        status == ActivityStatus.PUBLISHED
        and activity.delivery_mode == DeliveryMode.ON_DEMAND
        and not (activity.link or activity.resource)
    ):
        raise ValidationError(
            {"link": "An on-demand activity needs a link or says where to find it."}
        )
    before = snapshot(activity, ACTIVITY_FIELDS)
    activity.status = status
    if status == ActivityStatus.PUBLISHED and activity.published_at is None:
        activity.published_at = timezone.now()
    activity.save(update_fields=["status", "published_at", "updated_at"])
    audit_snapshot(actor, f"activity.{status}", activity, ACTIVITY_FIELDS, before)
    return activity


@transaction.atomic
def list_item_save(
    *, actor: Person, model: type[Format] | type[Topic], item: Any, name: str
) -> Any:
    catalogue_access.require_publisher(actor)
    name = " ".join((name or "").split())
    label = model._meta.verbose_name
    if not name:
        raise ValidationError({"name": f"Enter the {label}'s name."})
    if len(name) > 100:
        raise ValidationError({"name": f"The {label}'s name must be 100 characters or fewer."})
    clash = model.objects.filter(organisation_id=actor.organisation_id, name__iexact=name)
    if item is not None:
        if item.organisation_id != actor.organisation_id:
            raise PermissionDenied
        clash = clash.exclude(pk=item.pk)
    if clash.exists():
        raise ValidationError({"name": f"There is already a {label} called {name}."})
    creating = item is None
    before = None if creating else {"name": item.name}
    if creating:
        item = model(organisation_id=actor.organisation_id, name=name)
        if model is Format:
            item.position = model.objects.filter(organisation_id=actor.organisation_id).count()
    else:
        item.name = name
    item.save()
    if not creating:
        refresh_search_text(item.activities.all())
    audit(
        actor,
        f"{model._meta.model_name}.{'create' if creating else 'rename'}",
        item,
        before=before,
        after={"name": name},
    )
    return item


@transaction.atomic
def format_save(*, actor: Person, name: str, item: Format | None = None) -> Format:
    return list_item_save(actor=actor, model=Format, item=item, name=name)


@transaction.atomic
def topic_save(*, actor: Person, name: str, item: Topic | None = None) -> Topic:
    return list_item_save(actor=actor, model=Topic, item=item, name=name)


@transaction.atomic
def list_item_delete(*, actor: Person, item: Format | Topic) -> None:
    """Removes a format or topic nothing uses yet; one in use is renamed instead."""
    catalogue_access.require_publisher(actor)
    if item.organisation_id != actor.organisation_id:
        raise PermissionDenied
    label = item._meta.verbose_name
    in_use = item.activities.exists() or (isinstance(item, Topic) and item.needs.exists())
    if in_use:
        raise ValidationError(
            {"name": f"This {label} is used by activities or learning needs; rename it instead."}
        )
    audit(
        actor,
        f"{item._meta.model_name}.delete",
        item,
        before={"name": item.name},
    )
    item.delete()
