"""Learning needs through the API: read by the person and their manager, who agree them in
supervision; L&D see them only counted by team, small groups suppressed. Recommendations are
the activities on the topics of your needs. Every write goes through
``learning_catalogue.services.feedback``.
"""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from learning_catalogue import access as catalogue_access
from learning_catalogue.api.activities import (
    cards,
    topics_of,
)
from learning_catalogue.api.schemas.activities import ActivityOut, NamedRef
from learning_catalogue.api.schemas.needs import (
    NeedCellOut,
    NeedFilter,
    NeedIn,
    NeedOut,
    NeedPatch,
    NeedRowOut,
    NeedsSummaryFilter,
    NeedsSummaryOut,
)
from learning_catalogue.models import Activity, LearningNeed
from learning_catalogue.selectors import (
    needs_by_topic,
    needs_level,
    recommended_for,
)
from learning_catalogue.services import needs as need_services
from teams.api.lookups import named_person
from teams.models import Person

router = Router()


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


@router.get("/needs", response=list[NeedOut], operation_id="catalogue_needs_list")
@paginate(LimitOffsetPagination)
def catalogue_needs_list(
    request: HttpRequest, filters: Query[NeedFilter]
) -> QuerySet[LearningNeed]:
    """Your learning needs and, for managers, those of the people you manage; newest first."""
    return filters.filter(_needs(caller(request)))


# Registered before ``/catalogue/needs/{need_id}``: its URL pattern would take "summary" for an
# id and answer 405.
@router.get("/needs/summary", response=NeedsSummaryOut, operation_id="catalogue_needs_summary")
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
        within = visible(
            catalogue_access.needs_teams(actor), filters.within, "team", field="within"
        )
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


@router.post("/needs", response={201: NeedOut}, operation_id="catalogue_needs_create")
def catalogue_needs_create(request: HttpRequest, payload: NeedIn) -> Status:
    """Records a need for yourself (proposed), or as their manager for one of your people
    (``agreed`` when agreed in supervision)."""
    actor = caller(request)
    person = named_person(actor, payload.person_id, field="person_id", default=actor)
    topic = visible(topics_of(actor), payload.topic_id, "topic", field="topic_id")
    with fields_named(topic="topic_id"):
        need = need_services.need_save(
            actor=actor,
            person=person,
            topic=topic,
            **payload.model_dump(exclude={"person_id", "topic_id"}),
        )
    return Status(201, _need(actor, need.pk))


@router.patch("/needs/{need_id}", response=NeedOut, operation_id="catalogue_needs_update")
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
        need_services.need_save(
            actor=actor,
            person=need.person,
            topic=topic,
            details=changes.get("details", need.details),
            agreed=changes.get("agreed", False),
            need=need,
        )
    return _need(actor, need_id)


@router.delete("/needs/{need_id}", response={204: None}, operation_id="catalogue_needs_delete")
def catalogue_needs_delete(request: HttpRequest, need_id: int) -> Status:
    actor = caller(request)
    need_services.need_delete(actor=actor, need=_need(actor, need_id))
    return Status(204, None)


@router.get(
    "/recommendations", response=list[ActivityOut], operation_id="catalogue_recommendations_list"
)
@paginate(LimitOffsetPagination)
def catalogue_recommendations_list(request: HttpRequest) -> QuerySet[Activity]:
    """Published activities on the topics of your learning needs, soonest session first."""
    actor = caller(request)
    return cards(recommended_for(actor))
