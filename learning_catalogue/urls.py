"""Catalogue pages, under /learning/: the catalogue itself, "My learning" under my/ and
publishing under manage/, so the menu marks the section a page belongs to; grouped by
sub-domain as the views are."""

from django.urls import path

from learning_catalogue.views import (
    activities,
    browse,
    catalogue_import,
    feedback,
    needs,
    places,
    sessions,
    suggestions,
)

app_name = "learning_catalogue"

ACTIVITY = "activities/<int:pk>/"
SESSION = "sessions/<int:pk>/"
PLACE = "places/<int:pk>/"
LISTS = "manage/lists/"

urlpatterns = [
    # Browsing, and what practitioners say about an activity.
    path("", browse.catalogue, name="catalogue"),
    path(ACTIVITY, browse.activity_detail, name="activity"),
    path(f"{ACTIVITY}save/", feedback.activity_save_to_list, name="activity-save"),
    path(f"{ACTIVITY}rate/", feedback.activity_rate, name="activity-rate"),
    path("my/list/", feedback.my_list, name="my-list"),
    # Sessions and places on them.
    path("my/", places.my_places, name="my-places"),
    path(SESSION, sessions.session_detail, name="session"),
    path(f"{SESSION}book/", places.session_book, name="session-book"),
    path(f"{SESSION}reservations/", sessions.reservation_set, name="reservation-set"),
    path(f"{SESSION}teams/<int:team_pk>/allocate/", places.allocate, name="allocate"),
    path(f"{PLACE}cancel/", places.place_cancel, name="place-cancel"),
    path(f"{PLACE}accept/", places.offer_accept, name="offer-accept"),
    path(f"{PLACE}decline/", places.offer_decline, name="offer-decline"),
    # Publishing: activities, their sessions, the formats and topics, and settings.
    path("manage/", activities.manage, name="manage"),
    path("manage/activities/new/", activities.activity_create, name="activity-create"),
    path(f"{ACTIVITY}edit/", activities.activity_edit, name="activity-edit"),
    path(f"{ACTIVITY}status/", activities.activity_status, name="activity-status"),
    path(f"{ACTIVITY}sessions/new/", sessions.session_create, name="session-create"),
    path(f"{SESSION}edit/", sessions.session_edit, name="session-edit"),
    path(f"{SESSION}cancel/", sessions.session_cancel, name="session-cancel"),
    path(LISTS, activities.lists, name="lists"),
    path("manage/settings/", activities.settings_update, name="settings"),
    path(f"{LISTS}<str:kind>/add/", activities.list_item_add, name="list-item-add"),
    path(f"{LISTS}<str:kind>/<int:pk>/", activities.list_item_edit, name="list-item"),
    # Suggestions and learning needs.
    path("my/suggestions/", suggestions.suggestions, name="suggestions"),
    path("suggestions/<int:pk>/accept/", suggestions.suggestion_accept, name="suggestion-accept"),
    path(
        "suggestions/<int:pk>/decline/", suggestions.suggestion_decline, name="suggestion-decline"
    ),
    path("my/needs/", needs.my_needs, name="my-needs"),
    path("needs/<int:pk>/", needs.need_edit, name="need-edit"),
    path("manage/needs/", needs.needs_summary, name="needs-summary"),
    path("people/<int:pk>/needs/", needs.person_needs, name="person-needs"),
    *catalogue_import.urlpatterns,
]
