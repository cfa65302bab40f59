"""The catalogue's spreadsheet import and export through the API, with the pages' rules: L&D
leads and org admins upload a file (.xlsx or .csv) and read the plan of every row, then apply
it — all rows or none, and a file that matches the catalogue changes nothing. The export is the
same workbook the page downloads, which imports back unchanged."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import File, Router, Status
from ninja.files import UploadedFile

from core.api import caller, visible
from core.web import XLSX, xlsx_response
from integrations.imports.rows import ImportPlan, RowError, RowsRefused
from integrations.models import ImportBatch
from integrations.spreadsheets.reading import FileProblem, upload_content
from learning_catalogue import access as catalogue_access
from learning_catalogue.api.schemas.imports import ImportOut
from learning_catalogue.imports.catalogue import CatalogueImporter
from learning_catalogue.imports.export import catalogue_workbook

router = Router()


class RowsRefusedError(ValidationError):
    """The catalogue refused rows while applying: nothing was kept (409, each row named)."""

    http_status = 409
    api_code = "rows_refused"

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(
            {"rows": [f"Row {error.row}, {error.column}: {error.message}" for error in errors]}
        )


def _batch(importer: CatalogueImporter, batch_id: int) -> ImportBatch:
    """An upload of the caller's own; anyone else's is not found."""
    return visible(importer.batches(), batch_id, "import")


def _out(batch: ImportBatch, plan: ImportPlan | None) -> dict[str, object]:
    if plan is None:
        return {
            "id": batch.pk,
            "filename": batch.filename,
            "applied": True,
            "counts": batch.summary,
            "rows": [],
        }
    return {
        "id": batch.pk,
        "filename": batch.filename,
        "applied": False,
        "counts": plan.counts,
        "rows": [
            {
                "row": row.row,
                "title": row.title,
                "outcome": row.outcome,
                "changes": row.changes,
                "errors": [{"column": e.column, "message": e.message} for e in row.errors],
            }
            for row in plan.rows
        ],
    }


@router.get(
    "/export",
    response={200: None},
    operation_id="catalogue_export",
    openapi_extra={
        "responses": {200: {"description": "The catalogue workbook", "content": {XLSX: {}}}}
    },
)
def catalogue_export(request: HttpRequest) -> HttpResponse:
    """Every activity as the import's workbook (.xlsx): edit it and import it back."""
    actor = caller(request)
    catalogue_access.require_publisher(actor)
    content = catalogue_workbook(catalogue_access.activities_visible_to(actor))
    return xlsx_response(content, "catalogue.xlsx")


@router.post("/imports", response={201: ImportOut}, operation_id="catalogue_imports_create")
def catalogue_imports_create(request: HttpRequest, file: File[UploadedFile]) -> Status:
    """Uploads a file and answers the plan of every row (nothing is written yet); a file that
    cannot be read, or has unknown or missing columns, is refused on ``file``."""
    actor = caller(request)
    catalogue_access.require_publisher(actor)
    importer = CatalogueImporter(actor)
    try:
        batch = importer.keep(filename=file.name or "catalogue.xlsx", content=upload_content(file))
    except FileProblem as problem:
        raise ValidationError({"file": str(problem)}) from problem
    return Status(201, _out(batch, importer.plan_batch(batch)))


@router.get("/imports/{batch_id}", response=ImportOut, operation_id="catalogue_imports_read")
def catalogue_imports_read(request: HttpRequest, batch_id: int) -> dict[str, object]:
    """The plan of your upload as the catalogue stands now, or what applying it did."""
    actor = caller(request)
    catalogue_access.require_publisher(actor)
    importer = CatalogueImporter(actor)
    batch = _batch(importer, batch_id)
    if batch.applied_at is not None:
        return _out(batch, None)
    return _out(batch, importer.plan_batch(batch))


@router.post(
    "/imports/{batch_id}/apply", response=ImportOut, operation_id="catalogue_imports_apply"
)
def catalogue_imports_apply(request: HttpRequest, batch_id: int) -> dict[str, object]:
    """Applies every row in one transaction, or none: 422 while the file has problems, 409
    naming each row the catalogue refused."""
    actor = caller(request)
    catalogue_access.require_publisher(actor)
    importer = CatalogueImporter(actor)
    batch = _batch(importer, batch_id)
    try:
        importer.apply_batch(batch)
    except RowsRefused as refused:
        raise RowsRefusedError(refused.errors) from refused
    batch.refresh_from_db()
    return _out(batch, None)
