"""Professional registrations and the regulators they name."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, visible
from teams import access, services
from teams.api.lookups import visible_person
from teams.api.schemas.registrations import (
    RegistrationCreate,
    RegistrationFilter,
    RegistrationOut,
    RegistrationPatch,
    RegulatorOut,
)
from teams.models import Person, Registration, Regulator

router = Router(tags=["registrations"])


def _regulator(code: str) -> Regulator:
    regulator = Regulator.objects.filter(code=code.strip().lower()).first()
    if regulator is None:
        # Regulators are public reference data, so an unknown code is a mistake, not a secret.
        raise ValidationError(
            {"regulator": f"No regulator has the code '{code}'; see /regulators."}
        )
    return regulator


def _registrations(actor: Person) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(person__in=access.people_visible_to(actor).values("pk"))
        .select_related("regulator", "person")
        .order_by("person__full_name", "regulator__name", "pk")
    )


@router.get("/registrations", response=list[RegistrationOut], operation_id="registrations_list")
@paginate(LimitOffsetPagination)
def registrations_list(
    request: HttpRequest, filters: Query[RegistrationFilter]
) -> QuerySet[Registration]:
    return filters.filter(_registrations(caller(request)))


@router.get(
    "/registrations/{registration_id}", response=RegistrationOut, operation_id="registrations_get"
)
def registrations_get(request: HttpRequest, registration_id: int) -> Registration:
    return visible(_registrations(caller(request)), registration_id, "registration")


@router.post("/registrations", response={201: RegistrationOut}, operation_id="registrations_create")
def registrations_create(request: HttpRequest, payload: RegistrationCreate) -> Registration:
    """Records a professional registration; the number must match the regulator's format."""
    actor = caller(request)
    person = visible_person(actor, payload.person_id, field="person_id")
    return services.registration_add(
        actor=actor,
        person=person,
        regulator=_regulator(payload.regulator),
        **payload.model_dump(exclude={"person_id", "regulator"}),
    )


@router.patch(
    "/registrations/{registration_id}",
    response=RegistrationOut,
    operation_id="registrations_update",
)
def registrations_update(
    request: HttpRequest, registration_id: int, payload: RegistrationPatch
) -> Registration:
    actor = caller(request)
    registration = visible(_registrations(actor), registration_id, "registration")
    fields = payload.model_dump(exclude_unset=True)
    if "regulator" in fields:
        fields["regulator"] = _regulator(fields["regulator"] or "")
    return services.registration_update(actor=actor, registration=registration, **fields)


@router.delete(
    "/registrations/{registration_id}", response={204: None}, operation_id="registrations_delete"
)
def registrations_delete(request: HttpRequest, registration_id: int) -> Status:
    actor = caller(request)
    registration = visible(_registrations(actor), registration_id, "registration")
    services.registration_remove(actor=actor, registration=registration)
    return Status(204, None)


@router.get("/regulators", response=list[RegulatorOut], operation_id="regulators_list")
@paginate(LimitOffsetPagination)
def regulators_list(request: HttpRequest) -> QuerySet[Regulator]:
    """The regulators a registration can name, with what their numbers look like."""
    return Regulator.objects.order_by("name")
