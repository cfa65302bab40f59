"""Who may call each protected time operation (tests/core/api/test_api_permission_matrix.py), with
Team A's things: practitioner A's bookings and the cover on them."""

from __future__ import annotations

import datetime
import itertools

from planner.models import AllowanceRule, ClosureDay
from tests.access_cases import (
    CREATED,
    FORBIDDEN,
    LEADS_AND_ADMINS,
    NO_CONTENT,
    NOT_FOUND,
    OK,
    READ_TEAM_A,
    everyone,
    forbidden_except,
)
from tests.factories import london, make_absence, make_booking, make_cover

_unique = itertools.count(1)

# Reading practitioner A's protected time: Priya herself, L&D and admins; Ben (Team B) and
# other organisations are told it does not exist.
READ = READ_TEAM_A
# Deciding on it: only Team A's manager (not an actor here); whoever can read it gets 403.
DECIDE = forbidden_except(other_manager=NOT_FOUND, outsider=NOT_FOUND)


def _fresh_day() -> datetime.date:
    """A day of its own for each call, so new bookings never overlap earlier ones."""
    return datetime.date(2027, 1, 4) + datetime.timedelta(days=next(_unique))


def _fresh_booking(world: object, status: str, **fields: object) -> dict[str, int]:
    return {
        "booking_id": make_booking(world.practitioner_a, _fresh_day(), status=status, **fields).pk
    }


def _things(world: object) -> dict[str, object]:
    booking = make_booking(world.practitioner_a, datetime.date(2026, 12, 8))
    return {
        "booking": booking,
        "cover": make_cover(booking, world.practitioner_a2),
        "absence": make_absence(
            world.practitioner_a, datetime.date(2026, 12, 1), datetime.date(2026, 12, 1)
        ),
        "rule": _rule(world),
        "closure": _closure(world),
    }


def _closure(world: object) -> ClosureDay:
    return ClosureDay.objects.create(
        organisation=world.organisation, date=_fresh_day(), name="Christmas closure"
    )


def _rule(world: object) -> AllowanceRule:
    return AllowanceRule.objects.create(
        organisation=world.organisation,
        scope="organisation",
        effective_from=datetime.date(2026, 4, 1),
        full_time_minutes_per_period=1200,
    )


API_THINGS = _things

SETTERS = LEADS_AND_ADMINS

API_EXPECTATIONS = {
    "bookings_list": everyone(OK),
    "bookings_get": READ,
    # Priya asks for her own time; L&D and admins may read her but not book for her.
    "bookings_create": forbidden_except(
        practitioner=CREATED, other_manager=NOT_FOUND, outsider=NOT_FOUND
    ),
    "bookings_approve": DECIDE,
    "bookings_decline": DECIDE,
    "bookings_confirm": DECIDE,
    # Priya may withdraw her own booking.
    "bookings_cancel": {**DECIDE, "practitioner": OK},
    "bookings_attendance": DECIDE,
    "cover_conflicts_check": DECIDE,
    "cover_assign": DECIDE,
    "cover_list": everyone(OK),
    # Cover Priya was asked to give on Alex's booking: hers to acknowledge.
    "cover_acknowledge": {**DECIDE, "practitioner": OK},
    "cover_withdraw": DECIDE,
    "team_protected_time_metrics": {**DECIDE, "ld_lead": OK, "org_admin": OK},
    "team_planner_get": {**DECIDE, "ld_lead": OK, "org_admin": OK},
    "absences_list": everyone(OK),
    # Priya's absences: her manager or an org admin records them.
    "absences_create": {**DECIDE, "org_admin": CREATED},
    "absences_delete": {**DECIDE, "org_admin": NO_CONTENT},
    "planner_settings_get": everyone(OK),
    # Allowances: L&D leads and org admins, each in their own organisation.
    "planner_settings_update": SETTERS,
    "allowance_rules_list": SETTERS,
    "allowance_rules_create": {
        **SETTERS,
        "ld_lead": CREATED,
        "org_admin": CREATED,
        "outsider": CREATED,
    },
    "allowance_rules_delete": {
        **SETTERS,
        "ld_lead": NO_CONTENT,
        "org_admin": NO_CONTENT,
        "outsider": NOT_FOUND,
    },
    "person_allowance_get": READ,
    # Closure days: everyone reads their organisation's; org admins set them.
    "closure_days_list": everyone(OK),
    "closure_days_create": {
        **SETTERS,
        "ld_lead": FORBIDDEN,
        "org_admin": CREATED,
        "outsider": CREATED,
    },
    "closure_days_delete": {
        **SETTERS,
        "ld_lead": FORBIDDEN,
        "org_admin": NO_CONTENT,
        "outsider": NOT_FOUND,
    },
}

API_PATH_VALUES = {
    "absence_id": lambda world, things: things["absence"].pk,
    "rule_id": lambda world, things: things["rule"].pk,
    "closure_day_id": lambda world, things: things["closure"].pk,
    "booking_id": lambda world, things: things["booking"].pk,
    "cover_id": lambda world, things: things["cover"].pk,
    "colleague_id": lambda world, things: world.practitioner_a2.pk,
}

API_FRESH_PATH_VALUES = {
    "absences_delete": lambda world: {
        "absence_id": make_absence(world.practitioner_a, _fresh_day(), _fresh_day()).pk
    },
    "allowance_rules_delete": lambda world: {"rule_id": _rule(world).pk},
    "closure_days_delete": lambda world: {"closure_day_id": _closure(world).pk},
    "bookings_approve": lambda world: _fresh_booking(world, "requested"),
    "bookings_decline": lambda world: _fresh_booking(world, "requested"),
    "bookings_confirm": lambda world: _fresh_booking(world, "approved"),
    "bookings_cancel": lambda world: _fresh_booking(world, "requested"),
    "bookings_attendance": lambda world: {
        "booking_id": make_booking(
            world.practitioner_a,
            datetime.date(2026, 1, 5) + datetime.timedelta(days=next(_unique)),
            status="confirmed",
            no_cover_needed_reason="Reading day",
        ).pk
    },
    "cover_acknowledge": lambda world: {
        "cover_id": make_cover(
            make_booking(world.practitioner_a2, _fresh_day()), world.practitioner_a
        ).pk
    },
    "cover_withdraw": lambda world: {
        "cover_id": make_cover(
            make_booking(world.practitioner_a, _fresh_day()), world.practitioner_a2
        ).pk
    },
}


def _new_booking(world: object) -> dict[str, object]:
    day = _fresh_day()
    return {
        "person_id": world.practitioner_a.pk,
        "start": london(day, 9).isoformat(),
        "end": london(day, 11).isoformat(),
        "title": "Reading on contextual safeguarding",
        "purpose": "reading",
    }


API_BODIES = {
    "absences_create": lambda world: {
        "person_id": world.practitioner_a.pk,
        "kind": "sickness",
        "start_date": _fresh_day().isoformat(),
        "end_date": _fresh_day().isoformat(),
    },
    "planner_settings_update": lambda world: {
        "allowance_period": "quarter",
        "year_starts_month": 4,
    },
    "allowance_rules_create": lambda world: {
        "scope": "organisation",
        "effective_from": _fresh_day().isoformat(),
        "percent_of_contracted": "5",
    },
    "closure_days_create": lambda world: {
        "date": _fresh_day().isoformat(),
        "name": "Office move",
    },
    "bookings_create": _new_booking,
    "bookings_decline": lambda world: {"reason": "Duty week"},
    "bookings_confirm": lambda world: {"no_cover_needed_reason": "No visits that morning"},
    "bookings_cancel": lambda world: {"reason": "personal", "note": "Moving house"},
    "bookings_attendance": lambda world: {"status": "attended"},
    "cover_assign": lambda world: {"colleague_id": world.practitioner_a2.pk, "duties": ["duty"]},
}

# Lists whose query counts tests/planner/api/test_planner_bookings_api.py asserts flat.
COUNTED_LISTS = {
    "/absences": "tests/planner/api/test_planner_absences_allowances_api.py",
    "/allowance-rules": "tests/planner/api/test_planner_absences_allowances_api.py",
    "/bookings": "test_list_query_counts_do_not_grow_with_rows",
    "/cover": "test_list_query_counts_do_not_grow_with_rows",
    "/closure-days": "tests/planner/api/test_planner_closure_days_api.py",
}
