"""Pages under /organisation/: people, teams, audit log, settings and API tokens."""

from django.urls import path

from teams.views import audit, memberships, organisation, people, registrations, teams, tokens

app_name = "teams"

PERSON = "people/<int:pk>/"
REGISTRATION = PERSON + "registrations/<int:registration_pk>/"

urlpatterns = [
    path("people/", people.people, name="people"),
    path("people/new/", people.person_create, name="person-create"),
    path(PERSON, people.person, name="person"),
    path(PERSON + "edit/", people.person_edit, name="person-edit"),
    path(PERSON + "roles/", people.person_roles, name="person-roles"),
    path(PERSON + "working-patterns/add/", people.working_pattern_add, name="working-pattern-add"),
    path(PERSON + "teams/add/", memberships.membership_add, name="membership-add"),
    path(
        PERSON + "teams/<int:membership_pk>/end/",
        memberships.membership_end,
        name="membership-end",
    ),
    path(PERSON + "registrations/add/", registrations.registration_add, name="registration-add"),
    path(REGISTRATION + "edit/", registrations.registration_edit, name="registration-edit"),
    path(REGISTRATION + "remove/", registrations.registration_remove, name="registration-remove"),
    path("teams/", teams.teams, name="teams"),
    path("teams/new/", teams.team_create, name="team-create"),
    path("teams/<int:pk>/", teams.team, name="team"),
    path("teams/<int:pk>/edit/", teams.team_edit, name="team-edit"),
    path("teams/<int:pk>/managers/add/", teams.team_manager_add, name="team-manager-add"),
    path(
        "teams/<int:pk>/managers/<int:person_pk>/remove/",
        teams.team_manager_remove,
        name="team-manager-remove",
    ),
    path("settings/", organisation.organisation_settings, name="settings"),
    path("audit/", audit.audit, name="audit"),
    path("audit/<int:pk>/", audit.audit_entry, name="audit-entry"),
    path("tokens/", tokens.tokens, name="tokens"),
    path("tokens/new/", tokens.token_create, name="token-create"),
    path("tokens/<int:pk>/revoke/", tokens.token_revoke, name="token-revoke"),
]
