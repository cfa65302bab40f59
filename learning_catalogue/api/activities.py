"""Activities, formats and topics through the API, with the pages' permissions: everyone in an
organisation browses its published activities; L&D leads and org admins also see drafts and
retired ones, write activities, publish them and keep the lists of formats and topics. Every
write goes through ``learning_catalogue.services.activities``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from core.api_errors import Conflict, NotFound
from learning_catalogue import access as catalogue_access
from learning_catalogue import filters as catalogue_filters
from learning_catalogue.api.schemas.activities import (
    ActivityFilter,
    ActivityIn,
    ActivityOut,
    ActivityPatch,
    ActivityStatusIn,
    FormatOut,
    ListItemIn,
    NamedRef,
)
from learning_catalogue.models import Activity, ActivityStatus, Format, Rating, Topic
from learning_catalogue.selectors import annotated
from learning_catalogue.services import activities as activity_services
from teams import access
from teams.models import Person, Team

router = Router()

# The services name model fields; the API's request fields are ids.
REFERENCE_FIELDS = {
    "format": "format_id",
    "topics": "topic_ids",
    "audience_teams": "audience_team_ids",
}


def cards(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """Adds what ``ActivityOut`` reads beyond ``selectors.annotated``: how many raters would
    recommend it (a subquery, so rows never multiply) and the audience teams, once a page."""
    recommends = (
        Rating.objects.filter(activity=OuterRef("pk"), would_recommend=True)
        .values("activity")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return activities.annotate(
        rating_recommends=Coalesce(Subquery(recommends), 0, output_field=IntegerField())
    ).prefetch_related("audience_teams")


def visible_activity(actor: Person, activity_id: int) -> Activity:
    """An activity the caller may see (drafts only for L&D leads and org admins), else 404."""
    return visible(catalogue_access.activities_visible_to(actor), activity_id, "activity")


def activity_card(actor: Person, activity_id: int) -> Activity:
    """One activity as the list shows it."""
    activities = annotated(catalogue_access.activities_visible_to(actor), actor)
    return visible(cards(activities), activity_id, "activity")


def formats_of(actor: Person) -> QuerySet[Format]:
    return Format.objects.filter(organisation_id=actor.organisation_id)


def topics_of(actor: Person) -> QuerySet[Topic]:
    return Topic.objects.filter(organisation_id=actor.organisation_id)


def all_visible[M: Topic | Team](
    queryset: QuerySet[M], pks: Iterable[int], what: str, *, field: str
) -> list[M]:
    """Every one of ``pks`` from a queryset scoped to the caller, else 404 naming the first
    missing one."""
    wanted = set(pks)
    found = list(queryset.filter(pk__in=wanted))
    missing = wanted - {item.pk for item in found}
    if missing:
        raise NotFound(f"There is no {what} with id {min(missing)} that you can see.", field=field)
    return found


def _topics(actor: Person, pks: Iterable[int]) -> list[Topic]:
    return all_visible(topics_of(actor), pks, "topic", field="topic_ids")


def _teams(actor: Person, pks: Iterable[int]) -> list[Team]:
    return all_visible(access.teams_visible_to(actor), pks, "team", field="audience_team_ids")


def _format(actor: Person, format_id: int) -> Format:
    return visible(formats_of(actor), format_id, "format", field="format_id")


@router.get("/activities", response=list[ActivityOut], operation_id="catalogue_activities_list")
@paginate(LimitOffsetPagination)
def catalogue_activities_list(
    request: HttpRequest, filters: Query[ActivityFilter]
) -> QuerySet[Activity]:
    """Browse and search your organisation's published activities, each with its next
    session, rating (an average only from three ratings) and whether you saved it."""
    actor = caller(request)
    if filters.status not in (None, ActivityStatus.PUBLISHED) and not (
        catalogue_access.can_publish(actor)
    ):
        raise PermissionDenied("Only L&D leads and org admins see drafts and retired activities.")
    # The schema has checked the query; the page's filter reads it (``filters``).
    found = catalogue_filters.ActivityFilter(
        filters.model_dump(exclude_defaults=True), user=actor
    ).qs
    return cards(found)


@router.get(
    "/activities/{activity_id}", response=ActivityOut, operation_id="catalogue_activities_get"
)
def catalogue_activities_get(request: HttpRequest, activity_id: int) -> Activity:
    return activity_card(caller(request), activity_id)


@router.post("/activities", response={201: ActivityOut}, operation_id="catalogue_activities_create")
def catalogue_activities_create(request: HttpRequest, payload: ActivityIn) -> Status:
    """Adds a draft activity (L&D leads and org admins); publish it through its status."""
    actor = caller(request)
    values = payload.model_dump(exclude=set(REFERENCE_FIELDS.values()))
    values["format"] = _format(actor, payload.format_id)
    topics = _topics(actor, payload.topic_ids)
    teams = _teams(actor, payload.audience_team_ids)
    with fields_named(**REFERENCE_FIELDS):
        activity = activity_services.activity_save(
            actor=actor, values=values, topics=topics, audience_teams=teams
        )
    return Status(201, activity_card(actor, activity.pk))


@router.patch(
    "/activities/{activity_id}", response=ActivityOut, operation_id="catalogue_activities_update"
)
def catalogue_activities_update(
    request: HttpRequest, activity_id: int, payload: ActivityPatch
) -> Activity:
    """Changes the fields sent; topics and audience teams, when sent, replace the old ones."""
    actor = caller(request)
    activity = visible_activity(actor, activity_id)
    values = payload.model_dump(exclude_unset=True)
    if "format_id" in values:
        values["format"] = _format(actor, values.pop("format_id"))
    topics = (
        _topics(actor, values.pop("topic_ids"))
        if "topic_ids" in values
        else list(activity.topics.all())
    )
    teams = (
        _teams(actor, values.pop("audience_team_ids"))
        if "audience_team_ids" in values
        else list(activity.audience_teams.all())
    )
    with fields_named(**REFERENCE_FIELDS):
        activity_services.activity_save(
            actor=actor, values=values, topics=topics, audience_teams=teams, activity=activity
        )
    return activity_card(actor, activity.pk)


@router.post(
    "/activities/{activity_id}/status",
    response=ActivityOut,
    operation_id="catalogue_activities_set_status",
)
def catalogue_activities_set_status(
    request: HttpRequest, activity_id: int, payload: ActivityStatusIn
) -> Activity:
    """Publishes, retires or returns to draft. An activity on demand needs a link or a
    resource before it is published."""
    actor = caller(request)
    activity = visible_activity(actor, activity_id)
    activity_services.activity_set_status(actor=actor, activity=activity, status=payload.status)
    return activity_card(actor, activity.pk)


# Formats and topics: editable lists, so L&D add their own kinds of learning ------------------


@dataclass(frozen=True)
class EditableList[M: Format | Topic]:
    """One of the organisation's own lists: read by everyone in it; L&D add to it, rename its
    items and remove those nothing uses."""

    what: str
    items_of: Callable[[Person], QuerySet[M]]
    save: Callable[..., M]
    order: tuple[str, ...]

    def listed(self, request: HttpRequest) -> QuerySet[M]:
        return self.items_of(caller(request)).order_by(*self.order)

    def add(self, request: HttpRequest, payload: ListItemIn) -> Status:
        return Status(201, self.save(actor=caller(request), name=payload.name))

    def rename(self, request: HttpRequest, pk: int, payload: ListItemIn) -> M:
        actor = caller(request)
        item = visible(self.items_of(actor), pk, self.what)
        return self.save(actor=actor, name=payload.name, item=item)

    def remove(self, request: HttpRequest, pk: int) -> Status:
        """One in use cannot go (409): activities and needs point at it; rename it instead."""
        actor = caller(request)
        item = visible(self.items_of(actor), pk, self.what)
        try:
            activity_services.list_item_delete(actor=actor, item=item)
        except ValidationError as error:
            raise Conflict(" ".join(error.messages)) from error
        return Status(204, None)


FORMATS = EditableList(
    "format", formats_of, activity_services.format_save, ("position", "name", "pk")
)
TOPICS = EditableList("topic", topics_of, activity_services.topic_save, ("name", "pk"))


@router.get("/formats", response=list[FormatOut], operation_id="catalogue_formats_list")
@paginate(LimitOffsetPagination)
def catalogue_formats_list(request: HttpRequest) -> QuerySet[Format]:
    """Your organisation's kinds of learning, in the order L&D set."""
    return FORMATS.listed(request)


@router.post("/formats", response={201: FormatOut}, operation_id="catalogue_formats_create")
def catalogue_formats_create(request: HttpRequest, payload: ListItemIn) -> Status:
    return FORMATS.add(request, payload)


@router.patch("/formats/{format_id}", response=FormatOut, operation_id="catalogue_formats_update")
def catalogue_formats_update(request: HttpRequest, format_id: int, payload: ListItemIn) -> Format:
    """Renames a format; activities in it are found by the new name."""
    return FORMATS.rename(request, format_id, payload)


@router.delete(
    "/formats/{format_id}", response={204: None}, operation_id="catalogue_formats_delete"
)
def catalogue_formats_delete(request: HttpRequest, format_id: int) -> Status:
    return FORMATS.remove(request, format_id)


@router.get("/topics", response=list[NamedRef], operation_id="catalogue_topics_list")
@paginate(LimitOffsetPagination)
def catalogue_topics_list(request: HttpRequest) -> QuerySet[Topic]:
    """Your organisation's topics, A to Z."""
    return TOPICS.listed(request)


@router.post("/topics", response={201: NamedRef}, operation_id="catalogue_topics_create")
def catalogue_topics_create(request: HttpRequest, payload: ListItemIn) -> Status:
    return TOPICS.add(request, payload)


@router.patch("/topics/{topic_id}", response=NamedRef, operation_id="catalogue_topics_update")
def catalogue_topics_update(request: HttpRequest, topic_id: int, payload: ListItemIn) -> Topic:
    """Renames a topic; activities and learning needs on it keep it."""
    return TOPICS.rename(request, topic_id, payload)


@router.delete("/topics/{topic_id}", response={204: None}, operation_id="catalogue_topics_delete")
def catalogue_topics_delete(request: HttpRequest, topic_id: int) -> Status:
    return TOPICS.remove(request, topic_id)
