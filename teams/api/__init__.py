"""The teams app's JSON API: organisations, teams, memberships, people, working patterns,
registrations, regulators, the audit log and personal API tokens.

Handlers stay thin. Reads start from ``teams.access`` (or a selector built on it), so anything
the caller may not see answers 404 as if it did not exist, whether it was named in the path or
in the body. Writes call ``teams.services``, which check permission (403), validate (422) and
write the audit entry. Errors are shaped by ``core.api_errors``.
"""

from ninja import Router

from teams.api import audit, memberships, organisations, people, registrations, teams, tokens

router = Router()
for module in (organisations, teams, memberships, people, registrations, audit, tokens):
    router.add_router("", module.router)
