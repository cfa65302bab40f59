"""Pages under /organisation/: people, teams, audit log, settings and API tokens."""

from django.urls import path

from teams import views

app_name = "teams"

urlpatterns = [
    path("people/", views.people, name="people"),
    path("people/new/", views.person_create, name="person-create"),
    path("people/<int:pk>/", views.person, name="person"),
    path("people/<int:pk>/edit/", views.person_edit, name="person-edit"),
    path("people/<int:pk>/roles/", views.person_roles, name="person-roles"),
    path("people/<int:pk>/teams/add/", views.membership_add, name="membership-add"),
    path(
        "people/<int:pk>/teams/<int:membership_pk>/end/",
        views.membership_end,
        name="membership-end",
    ),
    path(
        "people/<int:pk>/working-patterns/add/",
        views.working_pattern_add,
        name="working-pattern-add",
    ),
    path("people/<int:pk>/registrations/add/", views.registration_add, name="registration-add"),
    path(
        "people/<int:pk>/registrations/<int:registration_pk>/edit/",
        views.registration_edit,
        name="registration-edit",
    ),
    path(
        "people/<int:pk>/registrations/<int:registration_pk>/remove/",
        views.registration_remove,
        name="registration-remove",
    ),
    path("teams/", views.teams, name="teams"),
    path("teams/new/", views.team_create, name="team-create"),
    path("teams/<int:pk>/", views.team, name="team"),
    path("teams/<int:pk>/edit/", views.team_edit, name="team-edit"),
    path("teams/<int:pk>/managers/add/", views.team_manager_add, name="team-manager-add"),
    path(
        "teams/<int:pk>/managers/<int:person_pk>/remove/",
        views.team_manager_remove,
        name="team-manager-remove",
    ),
    path("settings/", views.organisation_settings, name="settings"),
    path("audit/", views.audit, name="audit"),
    path("audit/<int:pk>/", views.audit_entry, name="audit-entry"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/new/", views.token_create, name="token-create"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
]
