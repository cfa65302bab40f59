"""Changing the catalogue in bulk, for L&D leads and org admins, on the one import flow: upload
a workbook, check what every row would do, confirm; a template to start from; and the whole
catalogue as a workbook to edit and upload again. The rules live in
``learning_catalogue.imports``."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

from core.web import requires, xlsx_response
from integrations.imports.pages import OUTCOME_LABELS, ImportPages, ImportTexts, Link
from learning_catalogue.access import activities_visible_to, can_publish
from learning_catalogue.imports.catalogue import CatalogueImporter
from learning_catalogue.imports.export import catalogue_workbook

CATALOGUE = ImportTexts(
    what="Catalogue",
    upload_title="Import learning activities",
    intro=(
        "Add or change many catalogue activities at once from a spreadsheet, one activity per "
        "row. You will see what each row would do before anything is saved, and nothing is "
        "saved unless every row is valid. Rows that match what is already in the catalogue are "
        "left as they are, so importing the same file again changes nothing.",
        "A row changes the activity with the same reference, or else the same title; any other "
        "row adds a new activity.",
    ),
    template_hint=", with your formats and topics and guidance for each column.",
    links=(
        Link(
            "learning_catalogue:catalogue-export",
            "Download the whole catalogue (.xlsx) to change activities: edit it and upload it "
            "here.",
            download=True,
        ),
    ),
    columns_note="A column left out of the file leaves that detail of existing activities as it is.",
    file_label="Upload the catalogue file",
    file_missing="Choose the catalogue file to upload.",
    template_filename="catalogue-template.xlsx",
    preview_title="Check the learning activities",
    counts={
        "create": "Activities to add",
        "update": "Activities to change",
        "unchanged": "Unchanged",
        "error": "Rows with problems",
    },
    shown=(("Activity", "title"), ("Status", "status_shown")),
    outcome_labels={**OUTCOME_LABELS, "update": "Change"},
    confirm_noun="change",
    nothing_to_import=(
        "Every activity in this file is already in the catalogue as it says. There is nothing "
        "to import."
    ),
    refused_problem="The catalogue refused some rows, so nothing was imported.",
    refused_caption="Rows the catalogue refused",
    done_title="Learning activities imported",
    done_counts=(("Added", "create"), ("Changed", "update"), ("Unchanged", "unchanged")),
    done_message=(
        "Imported {filename}: {create} activities added, {update} changed, {unchanged} unchanged."
    ),
    done_link=Link(
        "learning_catalogue:catalogue-export", "Download the catalogue (.xlsx)", download=True
    ),
)

pages = ImportPages(
    CatalogueImporter, CATALOGUE, namespace="learning_catalogue", name="catalogue-import"
)


@requires(can_publish)
@require_safe
def catalogue_export(request: HttpRequest) -> HttpResponse:
    return xlsx_response(catalogue_workbook(activities_visible_to(request.user)), "catalogue.xlsx")


urlpatterns = [
    *pages.urls("manage/import/"),
    path("manage/export.xlsx", catalogue_export, name="catalogue-export"),
]
