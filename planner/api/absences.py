"""Leave, sickness and TOIL through the API: read for anyone the caller may see, recorded and
removed by the person's manager or an org admin."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from planner import access as planner_access
from planner.api.schemas.absences import AbsenceFilter, AbsenceIn, AbsenceOut
from planner.models import Absence
from planner.services import absences as absence_services
from teams.api.lookups import visible_person

router = Router()


@router.get("/absences", response=list[AbsenceOut], operation_id="absences_list")
@paginate(LimitOffsetPagination)
def absences_list(request: HttpRequest, filters: Query[AbsenceFilter]) -> QuerySet[Absence]:
    """Absences of the people you may see, newest first."""
    absences = filters.filter(planner_access.absences_visible_to(caller(request)))
    return absences.order_by("-start_date", "-pk")


@router.post("/absences", response={201: AbsenceOut}, operation_id="absences_create")
def absences_create(request: HttpRequest, payload: AbsenceIn) -> Status:
    """Records an absence; one overlapping the person's others is refused (422)."""
    actor = caller(request)
    person = visible_person(actor, payload.person_id, field="person_id")
    with fields_named(person="person_id"):
        absence = absence_services.absence_record(
            actor=actor,
            person=person,
            **payload.model_dump(exclude={"person_id"}),
        )
    return Status(201, absence)


@router.delete("/absences/{absence_id}", response={204: None}, operation_id="absences_delete")
def absences_delete(request: HttpRequest, absence_id: int) -> Status:
    actor = caller(request)
    absence = visible(
        planner_access.absences_visible_to(actor).select_related("person"), absence_id, "absence"
    )
    absence_services.absence_delete(actor=actor, absence=absence)
    return Status(204, None)
