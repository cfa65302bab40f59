"""The audit log: org admins read it; nothing in the API writes or deletes it."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, visible
from teams import access, selectors
from teams.api.schemas.audit import AuditEntryOut, AuditFilter
from teams.models import AuditEntry, Person

router = Router(tags=["audit"])


def _require_audit_reader(actor: Person) -> None:
    if not access.can_read_audit(actor):
        raise PermissionDenied("Only org admins can read the audit log.")


@router.get("/audit", response=list[AuditEntryOut], operation_id="audit_list")
@paginate(LimitOffsetPagination)
def audit_list(request: HttpRequest, filters: Query[AuditFilter]) -> QuerySet[AuditEntry]:
    """Who changed what and when, newest first. Read-only: nothing can edit or delete it."""
    actor = caller(request)
    _require_audit_reader(actor)
    return filters.filter(selectors.audit_list(actor))


@router.get("/audit/{entry_id}", response=AuditEntryOut, operation_id="audit_get")
def audit_get(request: HttpRequest, entry_id: int) -> AuditEntry:
    actor = caller(request)
    _require_audit_reader(actor)
    return visible(selectors.audit_list(actor), entry_id, "audit entry")
