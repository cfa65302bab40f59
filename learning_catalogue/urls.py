"""Catalogue pages, under /learning/: the catalogue itself, "My learning" under my/ and
publishing under manage/, so the menu marks the section a page belongs to."""

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

urlpatterns = [
    path("", browse.catalogue, name="catalogue"),
    path("activities/<int:pk>/", browse.activity_detail, name="activity"),
    path("activities/<int:pk>/save/", feedback.activity_save_to_list, name="activity-save"),
    path("activities/<int:pk>/rate/", feedback.activity_rate, name="activity-rate"),
    path("my/list/", feedback.my_list, name="my-list"),
    path("my/", places.my_places, name="my-places"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session"),
    path("sessions/<int:pk>/book/", places.session_book, name="session-book"),
    path("sessions/<int:pk>/reservations/", sessions.reservation_set, name="reservation-set"),
    path("sessions/<int:pk>/teams/<int:team_pk>/allocate/", places.allocate, name="allocate"),
    path("places/<int:pk>/cancel/", places.place_cancel, name="place-cancel"),
    path("places/<int:pk>/accept/", places.offer_accept, name="offer-accept"),
    path("places/<int:pk>/decline/", places.offer_decline, name="offer-decline"),
    path("manage/", activities.manage, name="manage"),
    path("manage/activities/new/", activities.activity_create, name="activity-create"),
    path("activities/<int:pk>/edit/", activities.activity_edit, name="activity-edit"),
    path("activities/<int:pk>/status/", activities.activity_status, name="activity-status"),
    path("activities/<int:pk>/sessions/new/", sessions.session_create, name="session-create"),
    path("sessions/<int:pk>/edit/", sessions.session_edit, name="session-edit"),
    path("sessions/<int:pk>/cancel/", sessions.session_cancel, name="session-cancel"),
    path("manage/lists/", activities.lists, name="lists"),
    path("manage/settings/", activities.settings_update, name="settings"),
    path("manage/lists/<str:kind>/add/", activities.list_item_add, name="list-item-add"),
    path("manage/lists/<str:kind>/<int:pk>/", activities.list_item_edit, name="list-item"),
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
