"""Changing the catalogue in bulk, for L&D leads and org admins: upload a workbook, check what
every row would do, confirm; a template to start from; and the whole catalogue as a workbook to
edit and upload again. The rules (all or nothing, idempotent, text never a formula) live in
``integrations.spreadsheets.catalogue_import``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_safe

from integrations.forms import StaffListUploadForm
from integrations.models import ImportBatch
from integrations.spreadsheets.catalogue_export import (
    catalogue_template_workbook,
    catalogue_workbook,
)
from integrations.spreadsheets.catalogue_import import (
    COLUMNS,
    RowError,
    RowsRefused,
    catalogue_import_apply,
    catalogue_import_batch_create,
    catalogue_import_plan,
)
from integrations.spreadsheets.reading import FileProblem, upload_content
from learning_catalogue.access import activities_visible_to
from learning_catalogue.views.common import require_publisher

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROWS_PER_PAGE = 100


class CatalogueUploadForm(StaffListUploadForm):
    """The same file rules as the staff list, for a workbook of learning activities."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].label = "Upload the catalogue file"
        self.fields["file"].error_messages["required"] = "Choose the catalogue file to upload."


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def catalogue_import(request: HttpRequest) -> HttpResponse:
    require_publisher(request)
    form = CatalogueUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = catalogue_import_batch_create(
                actor=request.user, filename=upload.name, content=upload_content(upload)
            )
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            return redirect("learning_catalogue:catalogue-import-preview", pk=batch.pk)
    return render(
        request, "learning_catalogue/catalogue_import.html", {"form": form, "columns": COLUMNS}
    )


@login_required
@require_http_methods(["GET", "POST"])
def catalogue_import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    require_publisher(request)
    batch = get_object_or_404(
        ImportBatch, pk=pk, kind=ImportBatch.Kind.CATALOGUE, uploaded_by_id=request.user.pk
    )
    if batch.applied_at is not None:
        return render(request, "learning_catalogue/catalogue_import_done.html", {"batch": batch})
    problem = None
    refused: list[RowError] = []
    if request.method == "POST":
        try:
            summary = catalogue_import_apply(actor=request.user, batch=batch)
        except RowsRefused as error:
            problem = "The catalogue refused some rows, so nothing was imported."
            refused = error.errors
        except ValidationError as error:
            problem = " ".join(error.messages)
        else:
            messages.success(
                request,
                f"Imported {batch.filename}: {summary['create']} activities added, "
                f"{summary['update']} changed, {summary['unchanged']} unchanged.",
            )
            return redirect("learning_catalogue:catalogue-import-preview", pk=batch.pk)
    plan = catalogue_import_plan(batch=batch, actor=request.user)
    page = Paginator(plan.rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "learning_catalogue/catalogue_import_preview.html",
        {"batch": batch, "plan": plan, "page": page, "problem": problem, "refused": refused},
        status=409 if problem else 200,
    )


@login_required
@require_safe
def catalogue_import_template(request: HttpRequest) -> HttpResponse:
    require_publisher(request)
    return _xlsx(catalogue_template_workbook(request.user.organisation), "catalogue-template.xlsx")


@login_required
@require_safe
def catalogue_export(request: HttpRequest) -> HttpResponse:
    require_publisher(request)
    return _xlsx(catalogue_workbook(activities_visible_to(request.user)), "catalogue.xlsx")


urlpatterns = [
    path("manage/import/", catalogue_import, name="catalogue-import"),
    path(
        "manage/import/template.xlsx",
        catalogue_import_template,
        name="catalogue-import-template",
    ),
    path("manage/import/<int:pk>/", catalogue_import_preview, name="catalogue-import-preview"),
    path("manage/export.xlsx", catalogue_export, name="catalogue-export"),
]
