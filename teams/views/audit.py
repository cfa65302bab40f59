"""The audit log and one entry's fields before and after, for org admins."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django_tables2 import RequestConfig

from teams import selectors
from teams.filters import AuditFilter, filters_in_use
from teams.tables import AuditTable
from teams.views.common import PAGE_SIZE, audit_reader_required


@audit_reader_required
@require_safe
def audit(request: HttpRequest) -> HttpResponse:
    filterset = AuditFilter(
        request.GET or None, queryset=selectors.audit_list(request.user), request=request
    )
    table = AuditTable(filterset.qs, empty_text="No audit entries match these filters.")
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    return render(
        request,
        "teams/audit.html",
        {"filter": filterset, "table": table, "filtered": filters_in_use(filterset)},
    )


@audit_reader_required
@require_safe
def audit_entry(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.audit_entry(request.user, pk)
    keys = sorted(set(entry.before) | set(entry.after))
    rows = [
        {
            "field": key,
            "before": entry.before.get(key, ""),
            "after": entry.after.get(key, ""),
            "changed": entry.before.get(key) != entry.after.get(key),
        }
        for key in keys
    ]
    return render(request, "teams/audit_entry.html", {"entry": entry, "rows": rows})
