"""Your organisation: read by everyone in it, changed by its org admins."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, visible
from teams import access, services
from teams.api.schemas.organisations import OrganisationOut, OrganisationPatch
from teams.models import Organisation

router = Router(tags=["organisations"])


@router.get("/organisations", response=list[OrganisationOut], operation_id="organisations_list")
@paginate(LimitOffsetPagination)
def organisations_list(request: HttpRequest) -> QuerySet[Organisation]:
    """Your own organisation (the list shape leaves room for partnerships later)."""
    return access.organisations_visible_to(caller(request)).order_by("name")


@router.get(
    "/organisations/{organisation_id}", response=OrganisationOut, operation_id="organisations_get"
)
def organisations_get(request: HttpRequest, organisation_id: int) -> Organisation:
    return visible(
        access.organisations_visible_to(caller(request)), organisation_id, "organisation"
    )


@router.patch(
    "/organisations/{organisation_id}",
    response=OrganisationOut,
    operation_id="organisations_update",
)
def organisations_update(
    request: HttpRequest, organisation_id: int, payload: OrganisationPatch
) -> Organisation:
    """Org admins: name, header colour and the full-time week (FTE 1.0) in minutes."""
    actor = caller(request)
    organisation = visible(access.organisations_visible_to(actor), organisation_id, "organisation")
    return services.organisation_update(
        actor=actor, organisation=organisation, **payload.model_dump(exclude_unset=True)
    )
