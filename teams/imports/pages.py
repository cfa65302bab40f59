"""The staff list import's pages (upload, preview, template) on the one import flow, under
/integrations/ as they have always been, for org admins."""

from __future__ import annotations

from integrations.imports.pages import ImportPages, ImportTexts, Link
from teams.imports.staff_list import StaffListImporter

STAFF_LIST = ImportTexts(
    what="Staff list",
    upload_title="Import the staff list",
    intro=(
        "Upload the staff list from your HR system to add and update people, their teams, "
        "roles, working hours and registrations. You will see what each row would do before "
        "anything is saved, and nothing is saved unless every row is valid.",
    ),
    template_hint="to see the columns, with an example row and guidance.",
    file_label="Upload the staff list",
    file_missing="Choose the staff list file to upload.",
    template_filename="staff-list-template.xlsx",
    preview_title="Check the staff list",
    counts={
        "create": "People to add",
        "update": "People to update",
        "unchanged": "Unchanged",
        "error": "Rows with problems",
    },
    shown=(("Name", "full_name"), ("Work email", "email")),
    confirm_noun="change",
    nothing_to_import="Everyone in this file is already up to date. There is nothing to import.",
    done_title="Staff list imported",
    done_counts=(("Added", "create"), ("Updated", "update"), ("Unchanged", "unchanged")),
    done_message=("Imported {filename}: {create} added, {update} updated, {unchanged} unchanged."),
    done_note=(
        'New people can set their password from the sign-in page with "Set or reset your password".'
    ),
    done_link=Link("teams:people", "See everyone"),
)

staff_list_pages = ImportPages(
    StaffListImporter, STAFF_LIST, namespace="integrations", name="people-import"
)
