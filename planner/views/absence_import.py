"""Importing leave, sickness and TOIL from an HR spreadsheet: upload, preview every row,
confirm, and a template, with the staff list import's rules (all or nothing, idempotent)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from integrations import services
from integrations.forms import AbsencesUploadForm
from integrations.models import ImportBatch
from integrations.spreadsheets.absences_import import COLUMNS
from integrations.spreadsheets.absences_template import absences_template_workbook
from integrations.spreadsheets.reading import FileProblem, upload_content

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROWS_PER_PAGE = 100


def _require_importer(request: HttpRequest) -> None:
    if not services.can_import_absences(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def absence_import(request: HttpRequest) -> HttpResponse:
    _require_importer(request)
    form = AbsencesUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = services.absence_import_batch_create(
                actor=request.user, filename=upload.name, content=upload_content(upload)
            )
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            return redirect("planner:absence-import-preview", pk=batch.pk)
    return render(request, "planner/absence_import.html", {"form": form, "columns": COLUMNS})


@login_required
@require_http_methods(["GET", "POST"])
def absence_import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    _require_importer(request)
    batch = get_object_or_404(
        ImportBatch, pk=pk, kind=ImportBatch.Kind.ABSENCES, uploaded_by_id=request.user.pk
    )
    if batch.applied_at is not None:
        return render(request, "planner/absence_import_done.html", {"batch": batch})
    problem = None
    if request.method == "POST":
        try:
            summary = services.absence_import_apply(actor=request.user, batch=batch)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(
                request,
                f"Imported {batch.filename}: {summary['create']} absences added, "
                f"{summary['unchanged']} already recorded.",
            )
            return redirect("planner:absence-import-preview", pk=batch.pk)
    plan = services.absence_import_plan(batch=batch, actor=request.user)
    page = Paginator(plan.rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "planner/absence_import_preview.html",
        {"batch": batch, "plan": plan, "page": page, "problem": problem},
        status=409 if problem else 200,
    )


@login_required
@require_safe
def absence_import_template(request: HttpRequest) -> HttpResponse:
    _require_importer(request)
    response = HttpResponse(absences_template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="absences-template.xlsx"'
    return response
