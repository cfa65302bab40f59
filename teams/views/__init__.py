"""Pages for the organisation, a module per sub-domain: home, people (with working patterns),
memberships, registrations, teams, organisation settings, audit log and API tokens.

Views stay thin: reads come from ``teams.selectors`` (built on ``teams.access``), writes go
through ``teams.services``. Pages that change things are for org admins and answer 403 to
everyone else; objects outside what the visitor may see answer 404.
"""
