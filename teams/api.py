"""The teams app's JSON API: organisations, teams, memberships, people, working patterns,
registrations, regulators, the audit log and personal API tokens.

Handlers stay thin. Reads start from ``teams.access`` (or a selector built on it), so anything
the caller may not see answers 404 as if it did not exist, whether it was named in the path or
in the body. Writes call ``teams.services``, which check permission (403), validate (422) and
write the audit entry. Errors are shaped by ``config.api_errors``.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from config.api_errors import Conflict, NotFound
from teams import access, selectors, services
from teams.models import (
    AuditEntry,
    Membership,
    Organisation,
    Person,
    Registration,
    Regulator,
    RoleAssignment,
    Team,
    WorkingPattern,
)
from teams.schemas import (
    AuditEntryOut,
    AuditFilter,
    MembershipCreate,
    MembershipEnd,
    MembershipFilter,
    MembershipOut,
    OrganisationOut,
    OrganisationPatch,
    PersonCreate,
    PersonDetailOut,
    PersonFilter,
    PersonOut,
    PersonPatch,
    RegistrationCreate,
    RegistrationFilter,
    RegistrationOut,
    RegistrationPatch,
    RegulatorOut,
    TeamCreate,
    TeamFilter,
    TeamManagerIn,
    TeamOut,
    TeamPatch,
    TokenCreate,
    TokenCreated,
    TokenOut,
    WorkingPatternIn,
    WorkingPatternOut,
)

router = Router()


def _actor(request: HttpRequest) -> Person:
    """The authenticated person (session or token); operations act with their permissions."""
    return request.auth


def _visible[M: Model](
    queryset: QuerySet[M], pk: int | None, what: str, *, field: str | None = None
) -> M:
    """One object from a queryset already scoped to the caller, else 404."""
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise NotFound(f"There is no {what} with id {pk} that you can see.", field=field)
    return found


@contextmanager
def _fields_named(**api_names: str) -> Iterator[None]:
    """Services key errors by model field (``parent``); the API's fields are ``parent_id``."""
    try:
        yield
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        renamed = {api_names.get(name, name): msgs for name, msgs in error.message_dict.items()}
        raise ValidationError(renamed) from error


def _regulator(code: str) -> Regulator:
    regulator = Regulator.objects.filter(code=code.strip().lower()).first()
    if regulator is None:
        # Regulators are public reference data, so an unknown code is a mistake, not a secret.
        raise ValidationError(
            {"regulator": f"No regulator has the code '{code}'; see /regulators."}
        )
    return regulator


# Organisations ---------------------------------------------------------------------------------


@router.get(
    "/organisations",
    response=list[OrganisationOut],
    operation_id="organisations_list",
    tags=["organisations"],
)
@paginate(LimitOffsetPagination)
def organisations_list(request: HttpRequest) -> QuerySet[Organisation]:
    """Your own organisation (the list shape leaves room for partnerships later)."""
    return access.organisations_visible_to(_actor(request)).order_by("name")


@router.get(
    "/organisations/{organisation_id}",
    response=OrganisationOut,
    operation_id="organisations_get",
    tags=["organisations"],
)
def organisations_get(request: HttpRequest, organisation_id: int) -> Organisation:
    return _visible(
        access.organisations_visible_to(_actor(request)), organisation_id, "organisation"
    )


@router.patch(
    "/organisations/{organisation_id}",
    response=OrganisationOut,
    operation_id="organisations_update",
    tags=["organisations"],
)
def organisations_update(
    request: HttpRequest, organisation_id: int, payload: OrganisationPatch
) -> Organisation:
    """Org admins: name, header colour and the full-time week (FTE 1.0) in minutes."""
    actor = _actor(request)
    organisation = _visible(access.organisations_visible_to(actor), organisation_id, "organisation")
    return services.organisation_update(
        actor=actor, organisation=organisation, **payload.model_dump(exclude_unset=True)
    )


# Teams -----------------------------------------------------------------------------------------


def _team_out(actor: Person, pk: int) -> Team:
    """A team as the list shows it (managers, visible member count)."""
    return _visible(selectors.teams_tree(actor), pk, "team")


def _parent(actor: Person, parent_id: int | None) -> Team | None:
    if parent_id is None:
        return None
    return _visible(access.teams_visible_to(actor), parent_id, "team", field="parent_id")


@router.get("/teams", response=list[TeamOut], operation_id="teams_list", tags=["teams"])
@paginate(LimitOffsetPagination)
def teams_list(request: HttpRequest, filters: Query[TeamFilter]) -> QuerySet[Team]:
    """Services and teams you may see, in tree order."""
    return filters.filter(selectors.teams_tree(_actor(request)))


@router.get("/teams/{team_id}", response=TeamOut, operation_id="teams_get", tags=["teams"])
def teams_get(request: HttpRequest, team_id: int) -> Team:
    return _team_out(_actor(request), team_id)


@router.post("/teams", response={201: TeamOut}, operation_id="teams_create", tags=["teams"])
def teams_create(request: HttpRequest, payload: TeamCreate) -> Team:
    actor = _actor(request)
    fields = payload.model_dump()
    parent = _parent(actor, fields.pop("parent_id"))
    with _fields_named(parent="parent_id"):
        team = services.team_create(actor=actor, parent=parent, **fields)
    return _team_out(actor, team.pk)


@router.patch("/teams/{team_id}", response=TeamOut, operation_id="teams_update", tags=["teams"])
def teams_update(request: HttpRequest, team_id: int, payload: TeamPatch) -> Team:
    actor = _actor(request)
    team = _visible(access.teams_visible_to(actor), team_id, "team")
    fields = payload.model_dump(exclude_unset=True)
    if "parent_id" in fields:
        fields["parent"] = _parent(actor, fields.pop("parent_id"))
    with _fields_named(parent="parent_id"):
        services.team_update(actor=actor, team=team, **fields)
    return _team_out(actor, team.pk)


@router.delete(
    "/teams/{team_id}", response={204: None}, operation_id="teams_delete", tags=["teams"]
)
def teams_delete(request: HttpRequest, team_id: int) -> Status:
    """Only an empty team: move its teams and people's memberships first (else 409)."""
    actor = _actor(request)
    team = _visible(access.teams_visible_to(actor), team_id, "team")
    try:
        services.team_delete(actor=actor, team=team)
    except ValidationError as error:
        raise Conflict(" ".join(error.messages)) from error
    return Status(204, None)


@router.post(
    "/teams/{team_id}/managers",
    response={201: TeamOut},
    operation_id="team_managers_add",
    tags=["teams"],
)
def team_managers_add(request: HttpRequest, team_id: int, payload: TeamManagerIn) -> Team:
    """Makes someone a manager of the team (and gives them the team manager role)."""
    actor = _actor(request)
    team = _visible(access.teams_visible_to(actor), team_id, "team")
    person = _visible(
        access.people_visible_to(actor), payload.person_id, "person", field="person_id"
    )
    services.team_manager_add(actor=actor, team=team, person=person)
    return _team_out(actor, team.pk)


@router.delete(
    "/teams/{team_id}/managers/{person_id}",
    response={204: None},
    operation_id="team_managers_remove",
    tags=["teams"],
)
def team_managers_remove(request: HttpRequest, team_id: int, person_id: int) -> Status:
    actor = _actor(request)
    team = _visible(access.teams_visible_to(actor), team_id, "team")
    person = _visible(access.people_visible_to(actor), person_id, "person")
    if not team.manager_links.filter(person=person).exists():
        raise NotFound(f"{person} does not manage {team}.")
    services.team_manager_remove(actor=actor, team=team, person=person)
    return Status(204, None)


# Memberships -----------------------------------------------------------------------------------


def _memberships(actor: Person) -> QuerySet[Membership]:
    """Team histories of the people the caller may see."""
    return (
        Membership.objects.filter(person__in=access.people_visible_to(actor).values("pk"))
        .select_related("person", "team")
        .order_by("-start_date", "-pk")
    )


@router.get(
    "/memberships",
    response=list[MembershipOut],
    operation_id="memberships_list",
    tags=["memberships"],
)
@paginate(LimitOffsetPagination)
def memberships_list(request: HttpRequest, filters: Query[MembershipFilter]) -> QuerySet:
    return filters.filter(_memberships(_actor(request)))


@router.get(
    "/memberships/{membership_id}",
    response=MembershipOut,
    operation_id="memberships_get",
    tags=["memberships"],
)
def memberships_get(request: HttpRequest, membership_id: int) -> Membership:
    return _visible(_memberships(_actor(request)), membership_id, "membership")


@router.post(
    "/memberships",
    response={201: MembershipOut},
    operation_id="memberships_create",
    tags=["memberships"],
)
def memberships_create(request: HttpRequest, payload: MembershipCreate) -> Membership:
    """Puts a person in a team from a date; by default they leave their other teams."""
    actor = _actor(request)
    person = _visible(
        access.people_visible_to(actor), payload.person_id, "person", field="person_id"
    )
    team = _visible(access.teams_visible_to(actor), payload.team_id, "team", field="team_id")
    with _fields_named(team="team_id", person="person_id"):
        membership = services.membership_start(
            actor=actor,
            person=person,
            team=team,
            start_date=payload.start_date,
            end_date=payload.end_date,
            ends_other_memberships=payload.ends_other_memberships,
        )
    return membership


@router.post(
    "/memberships/{membership_id}/end",
    response={200: MembershipOut, 204: None},
    operation_id="memberships_end",
    tags=["memberships"],
)
def memberships_end(
    request: HttpRequest, membership_id: int, payload: MembershipEnd
) -> Membership | Status:
    """Ends a membership on a date. One ended before it began never happened: it is removed
    (answering 204)."""
    actor = _actor(request)
    membership = _visible(_memberships(actor), membership_id, "membership")
    ended = services.membership_end(actor=actor, membership=membership, end_date=payload.end_date)
    if ended.pk is None:
        return Status(204, None)
    return ended


# People ----------------------------------------------------------------------------------------


def _filter_people(actor: Person, people: QuerySet[Person], filters: PersonFilter) -> QuerySet:
    if filters.team_id is not None:
        team = access.teams_visible_to(actor).filter(pk=filters.team_id).first()
        if team is None:
            return people.none()
        below = Team.objects.descendants_of([team]).values("pk")
        people = people.filter(
            pk__in=Membership.objects.current().filter(team__in=below).values("person_id")
        )
    if filters.role:
        people = people.filter(
            pk__in=RoleAssignment.objects.filter(role=filters.role).values("person_id")
        )
    if filters.contract_type:
        people = people.filter(contract_type=filters.contract_type)
    if filters.career_stage:
        people = people.filter(career_stage=filters.career_stage)
    if filters.regulator:
        registered = Registration.objects.filter(regulator__code=filters.regulator.lower())
        people = people.filter(pk__in=registered.values("person_id"))
    if filters.active is not None:
        today = timezone.localdate()
        employed = Q(is_active=True) & (
            Q(employment_end__isnull=True) | Q(employment_end__gte=today)
        )
        people = people.filter(employed if filters.active else ~employed)
    if filters.q and filters.q.strip():
        text = filters.q.strip()
        people = people.filter(
            Q(full_name__icontains=text)
            | Q(email__icontains=text)
            | Q(employee_number__iexact=text)
        )
    return people


@router.get("/people", response=list[PersonOut], operation_id="people_list", tags=["people"])
@paginate(LimitOffsetPagination)
def people_list(request: HttpRequest, filters: Query[PersonFilter]) -> QuerySet[Person]:
    """Everyone you may see: yourself, the people in teams you manage, or your organisation."""
    actor = _actor(request)
    return _filter_people(actor, selectors.people_list(actor), filters)


@router.get(
    "/people/{person_id}",
    response=PersonDetailOut,
    operation_id="people_get",
    tags=["people"],
)
def people_get(request: HttpRequest, person_id: int) -> Person:
    """A person with roles, specialisms, current teams, working pattern and registrations."""
    return selectors.person_detail(_actor(request), person_id)


@router.post(
    "/people", response={201: PersonDetailOut}, operation_id="people_create", tags=["people"]
)
def people_create(request: HttpRequest, payload: PersonCreate) -> Person:
    """Adds someone to your organisation; they set a password through the reset link."""
    actor = _actor(request)
    fields = payload.model_dump()
    team_id = fields.pop("team_id")
    specialisms = fields.pop("specialisms")
    team = None
    if team_id is not None:
        team = _visible(access.teams_visible_to(actor), team_id, "team", field="team_id")
    with transaction.atomic(), _fields_named(team="team_id"):
        person = services.person_create(actor=actor, team=team, **fields)
        if specialisms:
            services.person_specialisms_set(actor=actor, person=person, tags=specialisms)
    return selectors.person_detail(actor, person.pk)


@router.patch(
    "/people/{person_id}",
    response=PersonDetailOut,
    operation_id="people_update",
    tags=["people"],
)
def people_update(request: HttpRequest, person_id: int, payload: PersonPatch) -> Person:
    """Changes the fields sent; ``roles`` and ``specialisms`` replace the whole set."""
    actor = _actor(request)
    person = _visible(access.people_visible_to(actor), person_id, "person")
    fields = payload.model_dump(exclude_unset=True)
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
    person = _visible(access.people_visible_to(_actor(request)), person_id, "person")
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
    actor = _actor(request)
    person = _visible(access.people_visible_to(actor), person_id, "person")
    return services.working_pattern_set(
        actor=actor,
        person=person,
        effective_from=payload.effective_from,
        minutes=payload.minutes(),
    )


# Registrations ---------------------------------------------------------------------------------


def _registrations(actor: Person) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(person__in=access.people_visible_to(actor).values("pk"))
        .select_related("regulator", "person")
        .order_by("person__full_name", "regulator__name", "pk")
    )


@router.get(
    "/registrations",
    response=list[RegistrationOut],
    operation_id="registrations_list",
    tags=["registrations"],
)
@paginate(LimitOffsetPagination)
def registrations_list(
    request: HttpRequest, filters: Query[RegistrationFilter]
) -> QuerySet[Registration]:
    return filters.filter(_registrations(_actor(request)))


@router.get(
    "/registrations/{registration_id}",
    response=RegistrationOut,
    operation_id="registrations_get",
    tags=["registrations"],
)
def registrations_get(request: HttpRequest, registration_id: int) -> Registration:
    return _visible(_registrations(_actor(request)), registration_id, "registration")


@router.post(
    "/registrations",
    response={201: RegistrationOut},
    operation_id="registrations_create",
    tags=["registrations"],
)
def registrations_create(request: HttpRequest, payload: RegistrationCreate) -> Registration:
    """Records a professional registration; the number must match the regulator's format."""
    actor = _actor(request)
    person = _visible(
        access.people_visible_to(actor), payload.person_id, "person", field="person_id"
    )
    return services.registration_add(
        actor=actor,
        person=person,
        regulator=_regulator(payload.regulator),
        number=payload.number,
        registered_on=payload.registered_on,
        renewal_due=payload.renewal_due,
    )


@router.patch(
    "/registrations/{registration_id}",
    response=RegistrationOut,
    operation_id="registrations_update",
    tags=["registrations"],
)
def registrations_update(
    request: HttpRequest, registration_id: int, payload: RegistrationPatch
) -> Registration:
    actor = _actor(request)
    registration = _visible(_registrations(actor), registration_id, "registration")
    fields = payload.model_dump(exclude_unset=True)
    if "regulator" in fields:
        fields["regulator"] = _regulator(fields["regulator"] or "")
    return services.registration_update(actor=actor, registration=registration, **fields)


@router.delete(
    "/registrations/{registration_id}",
    response={204: None},
    operation_id="registrations_delete",
    tags=["registrations"],
)
def registrations_delete(request: HttpRequest, registration_id: int) -> Status:
    actor = _actor(request)
    registration = _visible(_registrations(actor), registration_id, "registration")
    services.registration_remove(actor=actor, registration=registration)
    return Status(204, None)


@router.get(
    "/regulators",
    response=list[RegulatorOut],
    operation_id="regulators_list",
    tags=["registrations"],
)
@paginate(LimitOffsetPagination)
def regulators_list(request: HttpRequest) -> QuerySet[Regulator]:
    """The regulators a registration can name, with what their numbers look like."""
    return Regulator.objects.order_by("name")


# Audit -----------------------------------------------------------------------------------------


def _require_audit_reader(actor: Person) -> None:
    if not access.is_org_admin(actor):
        raise PermissionDenied("Only org admins can read the audit log.")


@router.get("/audit", response=list[AuditEntryOut], operation_id="audit_list", tags=["audit"])
@paginate(LimitOffsetPagination)
def audit_list(request: HttpRequest, filters: Query[AuditFilter]) -> QuerySet[AuditEntry]:
    """Who changed what and when, newest first. Read-only: nothing can edit or delete it."""
    actor = _actor(request)
    _require_audit_reader(actor)
    return filters.filter(selectors.audit_list(actor))


@router.get("/audit/{entry_id}", response=AuditEntryOut, operation_id="audit_get", tags=["audit"])
def audit_get(request: HttpRequest, entry_id: int) -> AuditEntry:
    actor = _actor(request)
    _require_audit_reader(actor)
    return _visible(selectors.audit_list(actor), entry_id, "audit entry")


# API tokens ------------------------------------------------------------------------------------


@router.get("/tokens", response=list[TokenOut], operation_id="tokens_list", tags=["tokens"])
@paginate(LimitOffsetPagination)
def tokens_list(request: HttpRequest) -> QuerySet:
    """Your own personal API tokens (never the keys themselves)."""
    return selectors.tokens_list(_actor(request))


@router.post("/tokens", response={201: TokenCreated}, operation_id="tokens_create", tags=["tokens"])
def tokens_create(
    request: HttpRequest, response: HttpResponse, payload: TokenCreate
) -> dict[str, object]:
    """Creates a token acting with your permissions. Copy ``key`` now: it is shown only once."""
    token, raw = services.api_token_create(actor=_actor(request), name=payload.name)
    # The key must not linger in a cache on the way back.
    response["Cache-Control"] = "no-store"
    return {**TokenOut.from_orm(token).model_dump(), "key": raw}


@router.post(
    "/tokens/{token_id}/revoke",
    response=TokenOut,
    operation_id="tokens_revoke",
    tags=["tokens"],
)
def tokens_revoke(request: HttpRequest, token_id: int) -> object:
    """Stops a token working at once; the record stays so you can see when it was used."""
    actor = _actor(request)
    token = selectors.token_for_owner(actor, token_id)
    return services.api_token_revoke(actor=actor, token=token)
