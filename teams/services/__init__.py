"""Every write to organisations, teams and people goes through a function in this package, a
module per sub-domain (organisation, teams, people, memberships, registrations, tokens).

Each function takes the acting person, checks permission with ``teams.access``, validates,
writes inside one transaction and records an audit entry with the fields before and after.
Validation problems raise ``ValidationError`` keyed by field; permission problems raise
``PermissionDenied``.

The functions are re-exported here on purpose: the staff-list import, the demo seeds, the API
token sign-in and the tests call ``services.person_create`` and the like, and one name per write
reads better at those call sites than which module holds it. Code inside a module imports the
module it needs directly.
"""

from teams.services.memberships import membership_end, membership_start
from teams.services.organisation import organisation_update
from teams.services.people import (
    person_create,
    person_roles_set,
    person_specialisms_set,
    person_update,
    role_grant,
    working_pattern_set,
)
from teams.services.registrations import registration_add, registration_remove, registration_update
from teams.services.teams import (
    team_create,
    team_delete,
    team_manager_add,
    team_manager_remove,
    team_update,
)
from teams.services.tokens import (
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
    hash_token,
)

__all__ = [
    "api_token_authenticate",
    "api_token_create",
    "api_token_revoke",
    "hash_token",
    "membership_end",
    "membership_start",
    "organisation_update",
    "person_create",
    "person_roles_set",
    "person_specialisms_set",
    "person_update",
    "registration_add",
    "registration_remove",
    "registration_update",
    "role_grant",
    "team_create",
    "team_delete",
    "team_manager_add",
    "team_manager_remove",
    "team_update",
    "working_pattern_set",
]
