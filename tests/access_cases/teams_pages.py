"""Who may open each organisation page (teams.urls; tests/test_url_permissions.py), with Team
A's things: practitioner A, their membership and registration, Team A and its manager. An org
admin of another organisation opens the admin pages of their own organisation (200) but gets
404 for our objects."""

from __future__ import annotations

from teams import services
from teams.models import AuditEntry
from tests.access_cases import FORBIDDEN, NOT_ALLOWED, NOT_FOUND, SIGNED_IN, page_expect, same_pk
from tests.factories import RegistrationFactory

# An org admin's page about one of our objects: other org admins get 404, as if it did not exist.
ADMIN_OBJECT = page_expect(
    practitioner=FORBIDDEN, other_manager=FORBIDDEN, ld_lead=FORBIDDEN, outsider=NOT_FOUND
)
# A page every org admin uses for their own organisation, with no object of ours in the URL.
ORG_ADMIN_PAGE = page_expect(practitioner=FORBIDDEN, other_manager=FORBIDDEN, ld_lead=FORBIDDEN)
# Team A's things: whoever may see Team A.
TEAM_A_VISIBLE = page_expect(other_manager=NOT_FOUND, outsider=NOT_FOUND)

URL_EXPECTATIONS = {
    "teams:people": SIGNED_IN,
    "teams:person": TEAM_A_VISIBLE,
    "teams:person-create": ORG_ADMIN_PAGE,
    **dict.fromkeys(
        (
            "teams:person-edit",
            "teams:person-roles",
            "teams:membership-add",
            "teams:membership-end",
            "teams:working-pattern-add",
            "teams:registration-add",
            "teams:registration-edit",
            "teams:registration-remove",
            "teams:team-edit",
            "teams:team-manager-add",
            "teams:audit-entry",
        ),
        ADMIN_OBJECT,
    ),
    "teams:teams": SIGNED_IN,
    "teams:team": TEAM_A_VISIBLE,
    "teams:team-create": ORG_ADMIN_PAGE,
    "teams:team-manager-remove": page_expect(
        practitioner=FORBIDDEN,
        other_manager=FORBIDDEN,
        ld_lead=FORBIDDEN,
        org_admin=NOT_ALLOWED,
        outsider=NOT_ALLOWED,
    ),
    "teams:settings": ORG_ADMIN_PAGE,
    "teams:audit": ORG_ADMIN_PAGE,
    "teams:tokens": SIGNED_IN,
    "teams:token-create": SIGNED_IN,
    # Practitioner A's own token: nobody else, not even an org admin, may open it.
    "teams:token-revoke": page_expect(
        other_manager=NOT_FOUND, ld_lead=NOT_FOUND, org_admin=NOT_FOUND, outsider=NOT_FOUND
    ),
}


def _practitioner(world: object) -> int:
    return world.practitioner_a.pk


def _team(world: object) -> int:
    return world.team_a.pk


def _audit_entry(world: object) -> int:
    team = services.team_create(actor=world.org_admin, name="Audited", parent=world.adults)
    return AuditEntry.objects.get(action="team.create", object_id=str(team.pk)).pk


def _registration(world: object) -> int:
    return RegistrationFactory(person=world.practitioner_a).pk


def _token(world: object) -> int:
    return services.api_token_create(actor=world.practitioner_a, name="Mine")[0].pk


URL_KWARGS = {
    **same_pk(
        _practitioner,
        "teams",
        "person",
        "person-edit",
        "person-roles",
        "membership-add",
        "working-pattern-add",
        "registration-add",
    ),
    "teams:membership-end": {
        "pk": _practitioner,
        "membership_pk": lambda world: world.practitioner_a.memberships.get().pk,
    },
    **{
        f"teams:{name}": {"pk": _practitioner, "registration_pk": _registration}
        for name in ("registration-edit", "registration-remove")
    },
    **same_pk(_team, "teams", "team", "team-edit", "team-manager-add"),
    "teams:team-manager-remove": {"pk": _team, "person_pk": lambda world: world.manager_a.pk},
    **same_pk(_audit_entry, "teams", "audit-entry"),
    **same_pk(_token, "teams", "token-revoke"),
}
