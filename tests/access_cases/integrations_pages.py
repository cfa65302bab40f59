"""Who may open each HR import page (integrations.urls; tests/test_url_permissions.py): org
admins only; another organisation's upload is a 404."""

from __future__ import annotations

from teams.imports.staff_list import import_batch_create
from tests.access_cases import FORBIDDEN, NOT_FOUND, page_expect, same_pk
from tests.spreadsheets import valid_rows, xlsx

ORG_ADMINS = page_expect(practitioner=FORBIDDEN, other_manager=FORBIDDEN, ld_lead=FORBIDDEN)

URL_EXPECTATIONS = {
    "integrations:people-import": ORG_ADMINS,
    "integrations:people-import-template": ORG_ADMINS,
    "integrations:people-import-preview": page_expect(
        practitioner=FORBIDDEN, other_manager=FORBIDDEN, ld_lead=FORBIDDEN, outsider=NOT_FOUND
    ),
}


def _import_batch(world: object) -> int:
    content = xlsx(valid_rows())
    return import_batch_create(actor=world.org_admin, filename="staff.xlsx", content=content).pk


URL_KWARGS = same_pk(_import_batch, "integrations", "people-import-preview")
