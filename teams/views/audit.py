"""The audit log and one entry's fields before and after, for org admins."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from teams import selectors
from teams.filters import AuditFilter
from teams.tables import AuditTable
from teams.views.common import audit_reader_required, filtered_table


@audit_reader_required
@require_safe
def audit(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "teams/audit.html",
        filtered_table(
            request,
            AuditFilter,
            selectors.audit_list(request.user),
            AuditTable,
            empty_text="No audit entries match these filters.",
        ),
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
