"""People, with their roles, specialisms, current teams and working patterns."""

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named
from teams import selectors, services
from teams.api.lookups import named_team, visible_person
from teams.api.schemas.people import (
    PersonCreate,
    PersonDetailOut,
    PersonFilter,
    PersonOut,
    PersonPatch,
    WorkingPatternIn,
    WorkingPatternOut,
)
from teams.filters import PersonApiFilter
from teams.models import Person, WorkingPattern

router = Router(tags=["people"])


@router.get("/people", response=list[PersonOut], operation_id="people_list")
@paginate(LimitOffsetPagination)
def people_list(request: HttpRequest, filters: Query[PersonFilter]) -> QuerySet[Person]:
    """Everyone you may see: yourself, the people in teams you manage, or your organisation."""
    actor = caller(request)
    return PersonApiFilter(
        filters.model_dump(exclude_none=True),
        queryset=selectors.people_list(actor),
        request=request,
    ).qs


@router.get("/people/{person_id}", response=PersonDetailOut, operation_id="people_get")
def people_get(request: HttpRequest, person_id: int) -> Person:
    """A person with roles, specialisms, current teams, working pattern and registrations."""
    return selectors.person_detail(caller(request), person_id)


@router.post("/people", response={201: PersonDetailOut}, operation_id="people_create")
def people_create(request: HttpRequest, payload: PersonCreate) -> Person:
    """Adds someone to your organisation; they set a password through the reset link."""
    actor = caller(request)
    fields = payload.model_dump()
    team_id = fields.pop("team_id")
    specialisms = fields.pop("specialisms")
    team = named_team(actor, team_id, field="team_id")
    with transaction.atomic(), fields_named(team="team_id"):
        person = services.person_create(actor=actor, team=team, **fields)
        if specialisms:
            services.person_specialisms_set(actor=actor, person=person, tags=specialisms)
    return selectors.person_detail(actor, person.pk)


@router.patch("/people/{person_id}", response=PersonDetailOut, operation_id="people_update")
def people_update(request: HttpRequest, person_id: int, payload: PersonPatch) -> Person:
    """Changes the fields sent; ``roles`` and ``specialisms`` replace the whole set."""
    actor = caller(request)
    person = visible_person(actor, person_id)
    fields = payload.model_dump(exclude_unset=True)
    if "leaving_reason" in fields and fields["leaving_reason"] is None:
        fields["leaving_reason"] = ""  # stored blank, not null: someone still employed
    roles = fields.pop("roles", None)
    specialisms = fields.pop("specialisms", None)
    with transaction.atomic():
        # Called even with no other fields, so permission is checked before anything changes.
        person = services.person_update(actor=actor, person=person, **fields)
        if roles is not None:
            services.person_roles_set(actor=actor, person=person, roles=roles)
        if specialisms is not None:
            services.person_specialisms_set(actor=actor, person=person, tags=specialisms)
    return selectors.person_detail(actor, person.pk)


# Working patterns ------------------------------------------------------------------------------


@router.get(
    "/people/{person_id}/working-patterns",
    response=list[WorkingPatternOut],
    operation_id="working_patterns_list",
    tags=["working patterns"],
)
@paginate(LimitOffsetPagination)
def working_patterns_list(request: HttpRequest, person_id: int) -> QuerySet[WorkingPattern]:
    """A person's patterns, newest first; each is in force until the next one starts."""
    person = visible_person(caller(request), person_id)
    return (
        WorkingPattern.objects.filter(person=person)
        .select_related("person__organisation")
        .order_by("-effective_from")
    )


@router.post(
    "/people/{person_id}/working-patterns",
    response={201: WorkingPatternOut},
    operation_id="working_patterns_set",
    tags=["working patterns"],
)
def working_patterns_set(
    request: HttpRequest, person_id: int, payload: WorkingPatternIn
) -> WorkingPattern:
    """Contracted minutes per weekday from a date (replacing a pattern on that same date)."""
    actor = caller(request)
    person = visible_person(actor, person_id)
    return services.working_pattern_set(
        actor=actor,
        person=person,
        effective_from=payload.effective_from,
        minutes=payload.minutes(),
    )
