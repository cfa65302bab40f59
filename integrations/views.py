"""Pages for the HR staff list import: upload, preview every row, confirm, template."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from integrations import services
from integrations.forms import StaffListUploadForm
from integrations.models import ImportBatch
from integrations.spreadsheets.people_import import COLUMNS
from integrations.spreadsheets.people_template import people_template_workbook
from integrations.spreadsheets.reading import FileProblem, upload_content
from teams.views import people_admin_required

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROWS_PER_PAGE = 100


@people_admin_required
@require_http_methods(["GET", "POST"])
def people_import(request: HttpRequest) -> HttpResponse:
    form = StaffListUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = services.import_batch_create(
                actor=request.user, filename=upload.name, content=upload_content(upload)
            )
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            return redirect("integrations:people-import-preview", pk=batch.pk)
    return render(request, "integrations/people_import.html", {"form": form, "columns": COLUMNS})


@people_admin_required
@require_http_methods(["GET", "POST"])
def people_import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, pk=pk, organisation_id=request.user.organisation_id)
    if batch.applied_at is not None:
        return render(request, "integrations/people_import_done.html", {"batch": batch})
    problem = None
    if request.method == "POST":
        try:
            summary = services.people_import_apply(actor=request.user, batch=batch)
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(
                request,
                f"Imported {batch.filename}: {summary['create']} added, "
                f"{summary['update']} updated, {summary['unchanged']} unchanged.",
            )
            return redirect("integrations:people-import-preview", pk=batch.pk)
    plan = services.people_import_plan(batch=batch)
    page = Paginator(plan.rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "integrations/people_import_preview.html",
        {"batch": batch, "plan": plan, "page": page, "problem": problem},
        status=409 if problem else 200,
    )


@people_admin_required
@require_safe
def people_import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(people_template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="staff-list-template.xlsx"'
    return response
