"""Importing leave, sickness and TOIL from an HR spreadsheet: upload, preview every row,
confirm, and a template, on the one import flow (all or nothing, idempotent)."""

from __future__ import annotations

from integrations.imports.pages import OUTCOME_LABELS, ImportPages, ImportTexts, Link
from planner.imports.absences import AbsenceImporter

ABSENCES = ImportTexts(
    what="Absences",
    upload_title="Import absences",
    intro=(
        "Upload leave, sickness and TOIL from your HR system, one absence per row, so the "
        "planner and cover checks know who is away. You will see what each row would do before "
        "anything is saved, and nothing is saved unless every row is valid. Absences already "
        "recorded are left as they are, so importing the same file again changes nothing.",
    ),
    template_hint="to see the columns, with an example row and guidance.",
    file_label="Upload the absences file",
    file_missing="Choose the absences file to upload.",
    template_filename="absences-template.xlsx",
    preview_title="Check the absences",
    counts={
        "create": "Absences to add",
        "unchanged": "Already recorded",
        "error": "Rows with problems",
    },
    shown=(("Person", "person_shown"), ("Absence", "absence_shown")),
    outcome_labels={**OUTCOME_LABELS, "unchanged": "Already recorded"},
    confirm_noun="absence",
    nothing_to_import="Every absence in this file is already recorded. There is nothing to import.",
    done_title="Absences imported",
    done_counts=(("Added", "create"), ("Already recorded", "unchanged")),
    done_message="Imported {filename}: {create} absences added, {unchanged} already recorded.",
    done_link=Link("planner:teams", "Open the team planner"),
)

pages = ImportPages(AbsenceImporter, ABSENCES, namespace="planner", name="absence-import")
absence_import = pages.upload
absence_import_preview = pages.preview
absence_import_template = pages.template
