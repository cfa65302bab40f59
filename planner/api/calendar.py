"""The organisation's closure days through the API: anyone in it reads them (they are days
nobody works); org admins add and remove them."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, visible
from planner import access as planner_access
from planner.api.schemas.calendar import ClosureDayIn, ClosureDayOut
from planner.models import ClosureDay
from planner.services import calendar as calendar_services

router = Router()


@router.get("/closure-days", response=list[ClosureDayOut], operation_id="closure_days_list")
@paginate(LimitOffsetPagination)
def closure_days_list(request: HttpRequest) -> QuerySet[ClosureDay]:
    """Days your organisation is closed, which count like bank holidays for its people."""
    return planner_access.closure_days_visible_to(caller(request)).order_by("date")


@router.post("/closure-days", response={201: ClosureDayOut}, operation_id="closure_days_create")
def closure_days_create(request: HttpRequest, payload: ClosureDayIn) -> Status:
    actor = caller(request)
    if not planner_access.can_manage_closure_days(actor):
        raise PermissionDenied("Only org admins can set the organisation's closure days.")
    closure = calendar_services.closure_day_add(actor=actor, date=payload.date, name=payload.name)
    return Status(201, closure)


@router.delete(
    "/closure-days/{closure_day_id}", response={204: None}, operation_id="closure_days_delete"
)
def closure_days_delete(request: HttpRequest, closure_day_id: int) -> Status:
    actor = caller(request)
    closure = visible(planner_access.closure_days_visible_to(actor), closure_day_id, "closure day")
    calendar_services.closure_day_remove(actor=actor, closure=closure)
    return Status(204, None)
