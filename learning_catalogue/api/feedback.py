"""What practitioners bring to the catalogue, through the API: their learning list, ratings
(L&D read the comments with names; everyone else sees averages from three ratings),
suggestions (triaged by L&D, the reason for a decline shown to the person who asked) and
learning needs (read by the person and their manager; L&D see them only counted by team, small
groups suppressed). Every write goes through ``learning_catalogue.services.feedback``.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from learning_catalogue import access as catalogue_access
from learning_catalogue.api.activities import (
    activity_card,
    cards,
    topics_of,
    visible_activity,
)
from learning_catalogue.api.schemas import (
    ActivityOut,
    CommentOut,
    MyRatingOut,
    NamedRef,
    NeedCellOut,
    NeedFilter,
    NeedIn,
    NeedOut,
    NeedPatch,
    NeedRowOut,
    NeedsSummaryFilter,
    NeedsSummaryOut,
    RatingIn,
    RatingOut,
    SuggestionDeclineIn,
    SuggestionFilter,
    SuggestionIn,
    SuggestionOut,
)
from learning_catalogue.models import Activity, LearningNeed, Rating, SavedActivity, Suggestion
from learning_catalogue.selectors import (
    annotated,
    comments_for,
    needs_by_topic,
    needs_level,
    needs_teams,
    rating_summary,
    recommended_for,
)
from learning_catalogue.services import feedback as feedback_services
from teams import access
from teams.models import Person

router = Router(tags=["learning catalogue"])


# Learning list ---------------------------------------------------------------------------------


@router.get(
    "/catalogue/saved",
    response=list[ActivityOut],
    operation_id="catalogue_saved_list",
    tags=["learning catalogue"],
)
@paginate(LimitOffsetPagination)
def catalogue_saved_list(request: HttpRequest) -> QuerySet[Activity]:
    """Your learning list, most recently saved first."""
    actor = caller(request)
    saved_at = SavedActivity.objects.filter(person=actor, activity=OuterRef("pk")).values(
        "saved_at"
    )[:1]
    return (
        cards(annotated(catalogue_access.activities_visible_to(actor), actor))
        .filter(is_saved=True)
        .annotate(saved_at=Subquery(saved_at))
        .order_by("-saved_at", "-pk")
    )


@router.put(
    "/catalogue/saved/{activity_id}",
    response=ActivityOut,
    operation_id="catalogue_saved_add",
    tags=["learning catalogue"],
)
def catalogue_saved_add(request: HttpRequest, activity_id: int) -> Activity:
    """Puts a published activity on your learning list (saving it again changes nothing)."""
    actor = caller(request)
    feedback_services.saved_add(actor=actor, activity=visible_activity(actor, activity_id))
    return activity_card(actor, activity_id)


@router.delete(
    "/catalogue/saved/{activity_id}",
    response={204: None},
    operation_id="catalogue_saved_remove",
    tags=["learning catalogue"],
)
def catalogue_saved_remove(request: HttpRequest, activity_id: int) -> Status:
    """Takes an activity off your learning list; the same answer when it was not on it, so
    a retried request does no harm."""
    actor = caller(request)
    feedback_services.saved_remove(actor=actor, activity=visible_activity(actor, activity_id))
    return Status(204, None)


# Ratings ---------------------------------------------------------------------------------------


@router.put(
    "/catalogue/activities/{activity_id}/rating",
    response=MyRatingOut,
    operation_id="catalogue_rating_save",
    tags=["learning catalogue"],
)
def catalogue_rating_save(request: HttpRequest, activity_id: int, payload: RatingIn) -> Rating:
    """Records or changes your own rating, once you have taken part: after a session you
    had a place on, or any time for learning on demand or arranged with a person."""
    actor = caller(request)
    return feedback_services.rating_save(
        actor=actor, activity=visible_activity(actor, activity_id), **payload.model_dump()
    )


@router.get(
    "/catalogue/activities/{activity_id}/rating-summary",
    response=RatingOut,
    operation_id="catalogue_rating_summary",
    tags=["learning catalogue"],
)
def catalogue_rating_summary(request: HttpRequest, activity_id: int) -> RatingOut:
    """How many rated it; the average and share who would recommend it only from three."""
    summary = rating_summary(visible_activity(caller(request), activity_id))
    return RatingOut(
        count=summary.count,
        average=summary.average,
        recommend_percent=summary.recommend_percent,
    )


@router.get(
    "/catalogue/activities/{activity_id}/comments",
    response=list[CommentOut],
    operation_id="catalogue_comments_list",
    tags=["learning catalogue"],
)
@paginate(LimitOffsetPagination)
def catalogue_comments_list(request: HttpRequest, activity_id: int) -> QuerySet[Rating]:
    """Ratings with a comment, with the name of who wrote each: for L&D leads and org
    admins only, newest first."""
    actor = caller(request)
    activity = visible_activity(actor, activity_id)
    if not catalogue_access.can_publish(actor):
        raise PermissionDenied("Comments are for L&D leads and org admins.")
    return comments_for(actor, activity).order_by("-updated_at", "-pk")


# Suggestions -----------------------------------------------------------------------------------


def _suggestions(actor: Person) -> QuerySet[Suggestion]:
    """L&D leads and org admins triage the organisation's; everyone else sees their own."""
    return (
        catalogue_access.suggestions_visible_to(actor)
        .select_related("suggested_by", "topic")
        .order_by("-created_at", "-pk")
    )


def _suggestion(actor: Person, suggestion_id: int) -> Suggestion:
    return visible(_suggestions(actor), suggestion_id, "suggestion")


@router.get(
    "/catalogue/suggestions",
    response=list[SuggestionOut],
    operation_id="catalogue_suggestions_list",
    tags=["learning catalogue"],
)
@paginate(LimitOffsetPagination)
def catalogue_suggestions_list(
    request: HttpRequest, filters: Query[SuggestionFilter]
) -> QuerySet[Suggestion]:
    """Your own suggestions and what became of them; every suggestion in your organisation
    for L&D leads and org admins. Newest first."""
    found = _suggestions(caller(request))
    if filters.status:
        found = found.filter(status=filters.status)
    return found


@router.post(
    "/catalogue/suggestions",
    response={201: SuggestionOut},
    operation_id="catalogue_suggestions_create",
    tags=["learning catalogue"],
)
def catalogue_suggestions_create(request: HttpRequest, payload: SuggestionIn) -> Status:
    """Suggests an activity or a topic for L&D to consider."""
    actor = caller(request)
    topic = (
        visible(topics_of(actor), payload.topic_id, "topic", field="topic_id")
        if payload.topic_id is not None
        else None
    )
    with fields_named(topic="topic_id"):
        suggestion = feedback_services.suggestion_create(
            actor=actor,
            kind=payload.kind,
            title=payload.title,
            details=payload.details,
            topic=topic,
        )
    return Status(201, _suggestion(actor, suggestion.pk))


@router.post(
    "/catalogue/suggestions/{suggestion_id}/accept",
    response=SuggestionOut,
    operation_id="catalogue_suggestions_accept",
    tags=["learning catalogue"],
)
def catalogue_suggestions_accept(request: HttpRequest, suggestion_id: int) -> Suggestion:
    """L&D take it on: an activity becomes a draft to complete, a topic joins the list."""
    actor = caller(request)
    feedback_services.suggestion_accept(actor=actor, suggestion=_suggestion(actor, suggestion_id))
    return _suggestion(actor, suggestion_id)


@router.post(
    "/catalogue/suggestions/{suggestion_id}/decline",
    response=SuggestionOut,
    operation_id="catalogue_suggestions_decline",
    tags=["learning catalogue"],
)
def catalogue_suggestions_decline(
    request: HttpRequest, suggestion_id: int, payload: SuggestionDeclineIn
) -> Suggestion:
    """L&D turn it down, saying why; the person who suggested it reads the reason."""
    actor = caller(request)
    with fields_named(decline_reason="reason"):
        feedback_services.suggestion_decline(
            actor=actor, suggestion=_suggestion(actor, suggestion_id), reason=payload.reason
        )
    return _suggestion(actor, suggestion_id)


# Learning needs --------------------------------------------------------------------------------


def _needs(actor: Person) -> QuerySet[LearningNeed]:
    """A person's needs are read by them and their manager, who agree them in supervision;
    L&D see them only counted by team (``catalogue_needs_summary``)."""
    return (
        catalogue_access.needs_listed_for(actor)
        .select_related("person", "topic")
        .order_by("-created_at", "-pk")
    )


def _need(actor: Person, need_id: int) -> LearningNeed:
    """As the pages decide: a need of someone the caller may see is found, and the services
    then refuse (403) anyone but the person and their manager; anyone else's is 404."""
    needs = catalogue_access.needs_found_by(actor).select_related("person", "topic")
    return visible(needs, need_id, "learning need")


@router.get(
    "/catalogue/needs",
    response=list[NeedOut],
    operation_id="catalogue_needs_list",
    tags=["learning catalogue"],
)
@paginate(LimitOffsetPagination)
def catalogue_needs_list(
    request: HttpRequest, filters: Query[NeedFilter]
) -> QuerySet[LearningNeed]:
    """Your learning needs and, for managers, those of the people you manage; newest first."""
    needs = _needs(caller(request))
    if filters.person_id is not None:
        needs = needs.filter(person_id=filters.person_id)
    if filters.topic_id is not None:
        needs = needs.filter(topic_id=filters.topic_id)
    if filters.status:
        needs = needs.filter(status=filters.status)
    return needs


# Registered before ``/catalogue/needs/{need_id}``: its URL pattern would take "summary" for an
# id and answer 405.
@router.get(
    "/catalogue/needs/summary",
    response=NeedsSummaryOut,
    operation_id="catalogue_needs_summary",
    tags=["learning catalogue"],
)
def catalogue_needs_summary(
    request: HttpRequest, filters: Query[NeedsSummaryFilter]
) -> NeedsSummaryOut:
    """How many people in each team (with the teams below it) have a need on each topic, a
    level at a time as the page reads it: the services (L&D leads and org admins) or your
    own teams (managers), then the teams ``within`` one of them. A team of fewer than five
    people is suppressed whole, and a count of one to four is shown as null."""
    actor = caller(request)
    within = None
    if filters.within is not None:
        within = visible(needs_teams(actor), filters.within, "team", field="within")
    level = needs_level(actor, within)
    teams, opens = level.teams, level.opens
    topics = topics_of(actor).order_by("name", "pk")
    if filters.topic:
        topics = topics.filter(pk__in=filters.topic)
    topics = list(topics)
    rows = needs_by_topic(actor, teams, [topic.pk for topic in topics])
    return NeedsSummaryOut(
        topics=[NamedRef(id=topic.pk, name=topic.name) for topic in topics],
        rows=[
            NeedRowOut(
                team=NamedRef(id=team.pk, name=team.name),
                has_teams_within=team.pk in opens,
                suppressed=row.suppressed,
                headcount=None if row.suppressed else row.headcount,
                cells=[
                    NeedCellOut(topic_id=topic_id, people=cell.people, percent=cell.percent)
                    for topic_id, cell in row.cells.items()
                ],
            )
            for team, row in zip(teams, rows, strict=True)
        ],
    )


@router.post(
    "/catalogue/needs",
    response={201: NeedOut},
    operation_id="catalogue_needs_create",
    tags=["learning catalogue"],
)
def catalogue_needs_create(request: HttpRequest, payload: NeedIn) -> Status:
    """Records a need for yourself (proposed), or as their manager for one of your people
    (``agreed`` when agreed in supervision)."""
    actor = caller(request)
    person = (
        actor
        if payload.person_id is None
        else visible(
            access.people_visible_to(actor), payload.person_id, "person", field="person_id"
        )
    )
    topic = visible(topics_of(actor), payload.topic_id, "topic", field="topic_id")
    with fields_named(topic="topic_id"):
        need = feedback_services.need_save(
            actor=actor,
            person=person,
            topic=topic,
            details=payload.details,
            agreed=payload.agreed,
        )
    return Status(201, _need(actor, need.pk))


@router.patch(
    "/catalogue/needs/{need_id}",
    response=NeedOut,
    operation_id="catalogue_needs_update",
    tags=["learning catalogue"],
)
def catalogue_needs_update(request: HttpRequest, need_id: int, payload: NeedPatch) -> LearningNeed:
    """Changes the fields sent. When the person changes a need it is a proposal again."""
    actor = caller(request)
    need = _need(actor, need_id)
    changes = payload.model_dump(exclude_unset=True)
    topic = (
        visible(topics_of(actor), changes["topic_id"], "topic", field="topic_id")
        if "topic_id" in changes
        else need.topic
    )
    with fields_named(topic="topic_id"):
        feedback_services.need_save(
            actor=actor,
            person=need.person,
            topic=topic,
            details=changes.get("details", need.details),
            agreed=changes.get("agreed", False),
            need=need,
        )
    return _need(actor, need_id)


@router.delete(
    "/catalogue/needs/{need_id}",
    response={204: None},
    operation_id="catalogue_needs_delete",
    tags=["learning catalogue"],
)
def catalogue_needs_delete(request: HttpRequest, need_id: int) -> Status:
    actor = caller(request)
    feedback_services.need_delete(actor=actor, need=_need(actor, need_id))
    return Status(204, None)


@router.get(
    "/catalogue/recommendations",
    response=list[ActivityOut],
    operation_id="catalogue_recommendations_list",
    tags=["learning catalogue"],
)
@paginate(LimitOffsetPagination)
def catalogue_recommendations_list(request: HttpRequest) -> QuerySet[Activity]:
    """Published activities on the topics of your learning needs, soonest session first."""
    actor = caller(request)
    return cards(recommended_for(actor))
