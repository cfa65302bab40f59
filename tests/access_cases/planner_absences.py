"""Who may change or be asked to remove an absence (tests/test_url_permissions.py): one of
practitioner A's, so Team A's manager and org admins may; Priya and L&D leads only read it."""

from __future__ import annotations

from tests.access_cases import FORBIDDEN, NOT_FOUND, page_expect
from tests.factories import make_absence, this_monday

RECORDERS_ONLY = page_expect(
    practitioner=FORBIDDEN, other_manager=NOT_FOUND, ld_lead=FORBIDDEN, outsider=NOT_FOUND
)


def _absence(world: object) -> int:
    return make_absence(world.practitioner_a, this_monday(), this_monday()).pk


URL_EXPECTATIONS = {
    "planner:absence-edit": RECORDERS_ONLY,
    "planner:absence-remove": RECORDERS_ONLY,
}

URL_KWARGS = {
    "planner:absence-edit": {"pk": _absence},
    "planner:absence-remove": {"pk": _absence},
}
