"""The one upload → preview → apply flow of pages every import uses; a domain configures it with
its importer and the words its pages use.

- upload: the form; a file that cannot be read is refused on the form and nothing is kept;
- preview: the counts, the problems row by row, every row (a page at a time), and the button to
  import when every row is good; after importing, what it did;
- template: the empty workbook to start from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_http_methods, require_safe
from django_tables2 import RequestConfig

from core.web import requires, xlsx_response
from integrations.imports.forms import UploadForm
from integrations.imports.importer import Importer
from integrations.imports.rows import RowsRefused
from integrations.imports.tables import ColumnsTable, ImportRowsTable, RowErrorsTable
from integrations.spreadsheets.reading import FileProblem, upload_content

ROWS_PER_PAGE = 100
OUTCOME_LABELS = {"create": "Add", "update": "Update", "unchanged": "Unchanged", "error": "Problem"}


@dataclass(frozen=True)
class Link:
    url_name: str
    text: str
    download: bool = False


@dataclass(frozen=True)
class ImportTexts:
    """The words of one import's pages."""

    what: str  # "Staff list": captions the table of columns
    upload_title: str
    intro: tuple[str, ...]
    template_hint: str  # follows "Download the template workbook (.xlsx)"
    file_label: str
    file_missing: str
    template_filename: str
    preview_title: str
    counts: Mapping[str, str]  # outcome → label, in the order shown
    shown: tuple[tuple[str, str], ...]  # (header, row attribute) shown for every row
    confirm_noun: str  # "Import 3 changes"
    nothing_to_import: str
    done_title: str
    done_counts: tuple[tuple[str, str], ...]  # (label, outcome) of what importing did
    done_message: str  # formatted with the filename and the counts
    done_link: Link
    done_note: str = ""
    columns_note: str = ""
    links: tuple[Link, ...] = ()
    outcome_labels: Mapping[str, str] = field(default_factory=lambda: OUTCOME_LABELS)
    refused_problem: str = "Some rows were refused, so nothing was imported."
    refused_caption: str = "Rows that were refused"


class ImportPages:
    """The pages of one import, named ``<namespace>:<name>``, ``-preview`` and ``-template``;
    only people who pass the importer's ``may_import`` open them."""

    def __init__(
        self, importer: type[Importer], texts: ImportTexts, *, namespace: str, name: str
    ) -> None:
        self.importer = importer
        self.texts = texts
        self.url_name = f"{namespace}:{name}"
        self.name = name
        allowed = requires(importer.may_import)
        self.upload = allowed(require_http_methods(["GET", "POST"])(self._upload))
        self.preview = allowed(require_http_methods(["GET", "POST"])(self._preview))
        self.template = allowed(require_safe(self._template))

    def urls(self, prefix: str) -> list[URLPattern]:
        return [
            path(prefix, self.upload, name=self.name),
            path(f"{prefix}template.xlsx", self.template, name=f"{self.name}-template"),
            path(f"{prefix}<int:pk>/", self.preview, name=f"{self.name}-preview"),
        ]

    def _context(self, **extra: object) -> dict[str, object]:
        return {
            "texts": self.texts,
            "upload_url": reverse(self.url_name),
            "template_url": reverse(f"{self.url_name}-template"),
            **extra,
        }

    def _upload(self, request: HttpRequest) -> HttpResponse:
        form = UploadForm(
            request.POST or None,
            request.FILES or None,
            label=self.texts.file_label,
            missing=self.texts.file_missing,
        )
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                batch = self.importer(request.user).keep(
                    filename=upload.name, content=upload_content(upload)
                )
            except FileProblem as problem:
                form.add_error("file", str(problem))
            else:
                return redirect(f"{self.url_name}-preview", pk=batch.pk)
        columns = ColumnsTable(
            self.importer.columns,
            caption=f"{self.texts.what} columns (matched by name, in any order)",
        )
        return render(
            request, "integrations/import_upload.html", self._context(form=form, columns=columns)
        )

    def _preview(self, request: HttpRequest, pk: int) -> HttpResponse:
        importer = self.importer(request.user)
        batch = get_object_or_404(importer.batches(), pk=pk)
        if batch.applied_at is not None:
            done = [
                (label, batch.summary.get(outcome, 0)) for label, outcome in self.texts.done_counts
            ]
            return render(
                request, "integrations/import_done.html", self._context(batch=batch, done=done)
            )
        problem, refused = None, None
        if request.method == "POST":
            try:
                summary = importer.apply_batch(batch)
            except RowsRefused as error:
                problem = self.texts.refused_problem
                refused = RowErrorsTable(error.errors, caption=self.texts.refused_caption)
            except ValidationError as error:
                problem = " ".join(error.messages)
            else:
                messages.success(
                    request, self.texts.done_message.format(filename=batch.filename, **summary)
                )
                return redirect(f"{self.url_name}-preview", pk=batch.pk)
        plan = importer.plan_batch(batch)
        rows = ImportRowsTable(
            plan.rows,
            shown=self.texts.shown,
            outcome_labels=self.texts.outcome_labels,
            caption="Every row",
        )
        RequestConfig(request, paginate={"per_page": ROWS_PER_PAGE}).configure(rows)
        context = self._context(
            batch=batch,
            plan=plan,
            counts=[
                (label, outcome, plan.counts[outcome])
                for outcome, label in self.texts.counts.items()
            ],
            rows=rows,
            problems=RowErrorsTable(plan.errors, caption="Problems") if plan.errors else None,
            problem=problem,
            refused=refused,
        )
        return render(
            request, "integrations/import_preview.html", context, status=409 if problem else 200
        )

    def _template(self, request: HttpRequest) -> HttpResponse:
        return xlsx_response(self.importer(request.user).template(), self.texts.template_filename)
