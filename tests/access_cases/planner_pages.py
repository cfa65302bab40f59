"""Who may open each planner page (tests/test_url_permissions.py), with Team A's objects:
a booking of practitioner A's, and Team A itself."""

from __future__ import annotations

from planner.imports.absences import absence_import_batch_create
from tests.access_cases import FORBIDDEN, NOT_FOUND, POST_ONLY, SIGNED_IN, page_expect, same_pk
from tests.factories import make_absence, make_booking, make_cover, this_monday

# Practitioners have no planner; Ben (Team B's manager) cannot see Team A; L&D and admins read it.
TEAM_A_PLANNER = page_expect(practitioner=FORBIDDEN, other_manager=NOT_FOUND, outsider=NOT_FOUND)


# Deciding on practitioner A's booking: only Team A's manager; others who may read it get 403.
DECISION = page_expect(
    practitioner=FORBIDDEN,
    other_manager=NOT_FOUND,
    ld_lead=FORBIDDEN,
    org_admin=FORBIDDEN,
    outsider=NOT_FOUND,
)


IMPORTERS = page_expect(practitioner=FORBIDDEN, ld_lead=FORBIDDEN)
ALLOWANCE_SETTERS = page_expect(practitioner=FORBIDDEN, other_manager=FORBIDDEN)
CLOSURE_SETTERS = page_expect(practitioner=FORBIDDEN, other_manager=FORBIDDEN, ld_lead=FORBIDDEN)


def _absence_batch(world: object) -> int:
    return absence_import_batch_create(
        actor=world.manager_a,
        filename="absences.csv",
        content=b"Work email,Type,First day,Last day\n"
        + f"{world.practitioner_a.email},Sickness,07/12/2026,07/12/2026\n".encode(),
    ).pk


def _booking(world: object) -> int:
    return make_booking(world.practitioner_a, this_monday()).pk


def _cover(world: object) -> int:
    return make_cover(make_booking(world.practitioner_a, this_monday()), world.manager_a).pk


URL_EXPECTATIONS = {
    "planner:my-time": SIGNED_IN,
    "planner:teams": page_expect(practitioner=FORBIDDEN),
    "planner:team-planner": TEAM_A_PLANNER,
    "planner:team-metrics": TEAM_A_PLANNER,
    "planner:booking": page_expect(other_manager=NOT_FOUND, outsider=NOT_FOUND),
    "planner:booking-request": SIGNED_IN,
    # Managers book for their own people; Ben and other organisations' managers see only theirs.
    "planner:booking-create": page_expect(
        practitioner=FORBIDDEN, ld_lead=FORBIDDEN, org_admin=FORBIDDEN
    ),
    "planner:booking-approve": POST_ONLY,
    "planner:booking-decline": DECISION,
    "planner:booking-confirm": DECISION,
    "planner:booking-confirm-cover": POST_ONLY,
    # Priya may cancel her own booking; L&D and admins only read it.
    "planner:booking-cancel": page_expect(
        other_manager=NOT_FOUND, ld_lead=FORBIDDEN, org_admin=FORBIDDEN, outsider=NOT_FOUND
    ),
    "planner:booking-attendance": DECISION,
    "planner:booking-cover": DECISION,
    "planner:cover-withdraw": POST_ONLY,
    "planner:cover-acknowledge": POST_ONLY,
    # Priya sees her own absences; managers record them for their people, org admins for all.
    "planner:absences": page_expect(other_manager=NOT_FOUND, outsider=NOT_FOUND),
    "planner:absence-create": page_expect(
        practitioner=FORBIDDEN, other_manager=NOT_FOUND, ld_lead=FORBIDDEN, outsider=NOT_FOUND
    ),
    "planner:absence-delete": POST_ONLY,
    # Allowances: L&D leads and org admins, each for their own organisation.
    "planner:allowances": ALLOWANCE_SETTERS,
    "planner:allowance-settings": ALLOWANCE_SETTERS,
    "planner:allowance-rule-create": ALLOWANCE_SETTERS,
    "planner:allowance-rule-delete": POST_ONLY,
    # Closure days: org admins, each for their own organisation.
    "planner:closure-days": CLOSURE_SETTERS,
    "planner:closure-day-add": CLOSURE_SETTERS,
    "planner:closure-day-remove": POST_ONLY,
    # Managers import for their people, org admins for everyone (each in their organisation).
    "planner:absence-import": IMPORTERS,
    "planner:absence-import-template": IMPORTERS,
    # A file Maya (Team A's manager) uploaded: hers alone.
    "planner:absence-import-preview": page_expect(
        practitioner=FORBIDDEN,
        other_manager=NOT_FOUND,
        ld_lead=FORBIDDEN,
        org_admin=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
}


def _team_a(world: object) -> int:
    return world.team_a.pk


def _practitioner(world: object) -> int:
    return world.practitioner_a.pk


URL_KWARGS = {
    **same_pk(_team_a, "planner", "team-planner", "team-metrics"),
    **same_pk(
        _booking,
        "planner",
        "booking",
        "booking-approve",
        "booking-decline",
        "booking-confirm",
        "booking-confirm-cover",
        "booking-cancel",
        "booking-attendance",
        "booking-cover",
    ),
    "planner:cover-withdraw": {"pk": _booking, "cover_pk": _cover},
    **same_pk(_cover, "planner", "cover-acknowledge"),
    **same_pk(_practitioner, "planner", "absences", "absence-create"),
    **same_pk(_absence_batch, "planner", "absence-import-preview"),
    # A GET of these is refused before anything is looked up: any pk will do.
    **same_pk(lambda world: 1, "planner", "allowance-rule-delete", "closure-day-remove"),
    **same_pk(
        lambda world: make_absence(world.practitioner_a, this_monday(), this_monday()).pk,
        "planner",
        "absence-delete",
    ),
}
