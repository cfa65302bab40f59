"""Services and teams (one tree per organisation) and their managers."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from core.api_errors import Conflict, NotFound
from teams import selectors, services
from teams.api.lookups import named_team, visible_person, visible_team
from teams.api.schemas.teams import TeamCreate, TeamFilter, TeamManagerIn, TeamOut, TeamPatch
from teams.models import Person, Team

router = Router(tags=["teams"])


def _team_out(actor: Person, pk: int) -> Team:
    """A team as the list shows it (managers, visible member count)."""
    return visible(selectors.teams_tree(actor), pk, "team")


@router.get("/teams", response=list[TeamOut], operation_id="teams_list")
@paginate(LimitOffsetPagination)
def teams_list(request: HttpRequest, filters: Query[TeamFilter]) -> QuerySet[Team]:
    """Services and teams you may see, in tree order."""
    return filters.filter(selectors.teams_tree(caller(request)))


@router.get("/teams/{team_id}", response=TeamOut, operation_id="teams_get")
def teams_get(request: HttpRequest, team_id: int) -> Team:
    return _team_out(caller(request), team_id)


@router.post("/teams", response={201: TeamOut}, operation_id="teams_create")
def teams_create(request: HttpRequest, payload: TeamCreate) -> Team:
    actor = caller(request)
    fields = payload.model_dump()
    parent = named_team(actor, fields.pop("parent_id"), field="parent_id")
    with fields_named(parent="parent_id"):
        team = services.team_create(actor=actor, parent=parent, **fields)
    return _team_out(actor, team.pk)


@router.patch("/teams/{team_id}", response=TeamOut, operation_id="teams_update")
def teams_update(request: HttpRequest, team_id: int, payload: TeamPatch) -> Team:
    actor = caller(request)
    team = visible_team(actor, team_id)
    fields = payload.model_dump(exclude_unset=True)
    if "parent_id" in fields:
        fields["parent"] = named_team(actor, fields.pop("parent_id"), field="parent_id")
    with fields_named(parent="parent_id"):
        services.team_update(actor=actor, team=team, **fields)
    return _team_out(actor, team.pk)


@router.delete("/teams/{team_id}", response={204: None}, operation_id="teams_delete")
def teams_delete(request: HttpRequest, team_id: int) -> Status:
    """Only an empty team: move its teams and people's memberships first (else 409)."""
    actor = caller(request)
    team = visible_team(actor, team_id)
    try:
        services.team_delete(actor=actor, team=team)
    except ValidationError as error:
        raise Conflict(" ".join(error.messages)) from error
    return Status(204, None)


@router.post("/teams/{team_id}/managers", response={201: TeamOut}, operation_id="team_managers_add")
def team_managers_add(request: HttpRequest, team_id: int, payload: TeamManagerIn) -> Team:
    """Makes someone a manager of the team (and gives them the team manager role)."""
    actor = caller(request)
    team = visible_team(actor, team_id)
    person = visible_person(actor, payload.person_id, field="person_id")
    services.team_manager_add(actor=actor, team=team, person=person)
    return _team_out(actor, team.pk)


@router.delete(
    "/teams/{team_id}/managers/{person_id}",
    response={204: None},
    operation_id="team_managers_remove",
)
def team_managers_remove(request: HttpRequest, team_id: int, person_id: int) -> Status:
    actor = caller(request)
    team = visible_team(actor, team_id)
    person = visible_person(actor, person_id)
    if not team.manager_links.filter(person=person).exists():
        raise NotFound(f"{person} does not manage {team}.")
    services.team_manager_remove(actor=actor, team=team, person=person)
    return Status(204, None)
