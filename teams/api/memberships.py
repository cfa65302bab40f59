"""People's dated time in teams: starting (a move), ending, reading."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from teams import access, services
from teams.api.lookups import visible_person, visible_team
from teams.api.schemas.memberships import (
    MembershipCreate,
    MembershipEnd,
    MembershipFilter,
    MembershipOut,
)
from teams.models import Membership, Person

router = Router(tags=["memberships"])


def _memberships(actor: Person) -> QuerySet[Membership]:
    """Team histories of the people the caller may see."""
    return (
        Membership.objects.filter(person__in=access.people_visible_to(actor).values("pk"))
        .select_related("person", "team")
        .order_by("-start_date", "-pk")
    )


@router.get("/memberships", response=list[MembershipOut], operation_id="memberships_list")
@paginate(LimitOffsetPagination)
def memberships_list(
    request: HttpRequest, filters: Query[MembershipFilter]
) -> QuerySet[Membership]:
    return filters.filter(_memberships(caller(request)))


@router.get("/memberships/{membership_id}", response=MembershipOut, operation_id="memberships_get")
def memberships_get(request: HttpRequest, membership_id: int) -> Membership:
    return visible(_memberships(caller(request)), membership_id, "membership")


@router.post("/memberships", response={201: MembershipOut}, operation_id="memberships_create")
def memberships_create(request: HttpRequest, payload: MembershipCreate) -> Membership:
    """Puts a person in a team from a date; by default they leave their other teams."""
    actor = caller(request)
    person = visible_person(actor, payload.person_id, field="person_id")
    team = visible_team(actor, payload.team_id, field="team_id")
    with fields_named(team="team_id", person="person_id"):
        membership = services.membership_start(
            actor=actor,
            person=person,
            team=team,
            **payload.model_dump(exclude={"person_id", "team_id"}),
        )
    return membership


@router.post(
    "/memberships/{membership_id}/end",
    response={200: MembershipOut, 204: None},
    operation_id="memberships_end",
)
def memberships_end(
    request: HttpRequest, membership_id: int, payload: MembershipEnd
) -> Membership | Status:
    """Ends a membership on a date. One ended before it began never happened: it is removed
    (answering 204)."""
    actor = caller(request)
    membership = visible(_memberships(actor), membership_id, "membership")
    ended = services.membership_end(actor=actor, membership=membership, end_date=payload.end_date)
    if ended.pk is None:
        return Status(204, None)
    return ended
