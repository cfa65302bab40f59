"""The teams API's permission expectations (organisations, teams, memberships, people, working
patterns, registrations, the audit log and tokens), merged into
tests/core/api/test_api_permission_matrix.py; see ``tests.access_cases``."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from teams import services
from teams.audit import audit_record
from teams.models import Membership, TeamManager
from tests.access_cases import (
    CREATED,
    FORBIDDEN,
    NO_CONTENT,
    NOT_FOUND,
    OK,
    READ_TEAM_A,
    api_expect,
    everyone,
    forbidden_except,
)
from tests.factories import MembershipFactory, RegistrationFactory, TeamFactory

expect = api_expect

# Changing one of Team A's things: only our org admin; those who can see it are refused (403),
# those who cannot see it are told it does not exist (404).
ADMIN_CHANGES_VISIBLE = forbidden_except(other_manager=NOT_FOUND, org_admin=OK, outsider=NOT_FOUND)


def admin_changes(status: int, practitioner: int = FORBIDDEN) -> dict[str, int]:
    return {**ADMIN_CHANGES_VISIBLE, "org_admin": status, "practitioner": practitioner}


# Creating something new in one's own organisation: any org admin, including the outsider's
# (it lands in their own organisation).
ADMIN_CREATES = forbidden_except(org_admin=CREATED, outsider=CREATED)

API_EXPECTATIONS: dict[str, dict[str, int]] = {
    "organisations_list": everyone(OK),
    "organisations_get": expect(
        practitioner=OK, other_manager=OK, ld_lead=OK, org_admin=OK, outsider=NOT_FOUND
    ),
    "organisations_update": forbidden_except(org_admin=OK, outsider=NOT_FOUND),
    "teams_list": everyone(OK),
    "teams_get": READ_TEAM_A,
    "teams_create": ADMIN_CREATES,
    "teams_update": ADMIN_CHANGES_VISIBLE,
    # A fresh empty team: the practitioner is not in it, so for them it does not exist.
    "teams_delete": admin_changes(NO_CONTENT, practitioner=NOT_FOUND),
    "team_managers_add": admin_changes(CREATED),
    # The manager being removed (Maya) is not visible to Priya.
    "team_managers_remove": admin_changes(NO_CONTENT, practitioner=NOT_FOUND),
    "memberships_list": everyone(OK),
    "memberships_get": READ_TEAM_A,
    "memberships_create": admin_changes(CREATED),
    "memberships_end": ADMIN_CHANGES_VISIBLE,
    "people_list": everyone(OK),
    "people_get": READ_TEAM_A,
    "people_create": ADMIN_CREATES,
    "people_update": ADMIN_CHANGES_VISIBLE,
    "working_patterns_list": READ_TEAM_A,
    "working_patterns_set": admin_changes(CREATED),
    "registrations_list": everyone(OK),
    "registrations_get": READ_TEAM_A,
    "registrations_create": admin_changes(CREATED),
    "registrations_update": ADMIN_CHANGES_VISIBLE,
    "registrations_delete": admin_changes(NO_CONTENT),
    "regulators_list": everyone(OK),
    "audit_list": forbidden_except(org_admin=OK, outsider=OK),
    "audit_get": forbidden_except(org_admin=OK, outsider=NOT_FOUND),
    "tokens_list": everyone(OK),
    "tokens_create": everyone(CREATED),
    # Priya's token: only Priya may revoke it; for everyone else it does not exist.
    "tokens_revoke": expect(
        practitioner=OK,
        other_manager=NOT_FOUND,
        ld_lead=NOT_FOUND,
        org_admin=NOT_FOUND,
        outsider=NOT_FOUND,
    ),
}

_unique = itertools.count(1)


def _fresh_date():
    return (datetime.date(2021, 1, 1) + datetime.timedelta(days=next(_unique))).isoformat()


# Path parameters by name: Team A's things (``API_THINGS`` below).
API_PATH_VALUES = {
    "organisation_id": lambda world, things: world.organisation.pk,
    "team_id": lambda world, things: world.team_a.pk,
    "person_id": lambda world, things: world.practitioner_a.pk,
    "membership_id": lambda world, things: things["membership"].pk,
    "registration_id": lambda world, things: things["registration"].pk,
    "entry_id": lambda world, things: things["audit_entry"].pk,
    "token_id": lambda world, things: things["token"].pk,
}

# Operations that use their object up, or need one of their own: a fresh one for each call.
API_FRESH_PATH_VALUES = {
    "teams_delete": lambda world: {
        "team_id": TeamFactory(organisation=world.organisation, parent=world.team_a).pk
    },
    "team_managers_remove": lambda world: {
        "person_id": TeamManager.objects.get_or_create(team=world.team_a, person=world.manager_a)[
            0
        ].person_id
    },
    "memberships_end": lambda world: {
        "membership_id": MembershipFactory(
            person=world.practitioner_a, team=world.team_c, start_date=datetime.date(2022, 1, 1)
        ).pk
    },
    "registrations_delete": lambda world: {
        "registration_id": RegistrationFactory(person=world.practitioner_a).pk
    },
    "tokens_revoke": lambda world: {
        "token_id": services.api_token_create(actor=world.practitioner_a, name="Script")[0].pk
    },
}

# A valid body for every write, fresh for each call (unique names, numbers and dates).
API_BODIES = {
    "organisations_update": lambda world: {"brand_colour": "#0b0c0c"},
    "teams_create": lambda world: {"name": f"New team {next(_unique)}", "kind": "team"},
    "teams_update": lambda world: {"minimum_staff_on_duty": 2},
    "team_managers_add": lambda world: {"person_id": world.practitioner_a.pk},
    "memberships_create": lambda world: {
        "person_id": world.practitioner_a.pk,
        "team_id": world.team_a.pk,
        "start_date": _fresh_date(),
        "ends_other_memberships": False,
    },
    "memberships_end": lambda world: {"end_date": datetime.date.today().isoformat()},
    "people_create": lambda world: {
        "email": f"new.person{next(_unique)}@example.org",
        "full_name": "New Person",
    },
    "people_update": lambda world: {"job_title": "Senior social worker"},
    "working_patterns_set": lambda world: {
        "effective_from": _fresh_date(),
        "monday_minutes": 450,
        "tuesday_minutes": 450,
    },
    "registrations_create": lambda world: {
        "person_id": world.practitioner_a.pk,
        "regulator": "swe",
        "number": f"SW{700000 + next(_unique)}",
    },
    "registrations_update": lambda world: {"renewal_due": "2027-11-30"},
    "tokens_create": lambda world: {"name": f"Script {next(_unique)}"},
}


def API_THINGS(world: Any) -> dict[str, Any]:
    """Team A's things that the world does not already hold."""
    registration = RegistrationFactory(person=world.practitioner_a)
    return {
        "membership": Membership.objects.get(person=world.practitioner_a, team=world.team_a),
        "registration": registration,
        "audit_entry": audit_record(
            actor=world.org_admin,
            organisation=world.organisation,
            action="registration.add",
            obj=registration,
        ),
        "token": services.api_token_create(actor=world.practitioner_a, name="Priya's script")[0],
    }
