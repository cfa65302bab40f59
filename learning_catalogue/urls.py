"""Catalogue pages, under /learning/: the catalogue itself, "My learning" under my/ and
publishing under manage/, so the menu marks the section a page belongs to."""

from django.urls import path

from learning_catalogue.views import (
    browse,
    catalogue_import,
    community,
    manage,
    places,
)

app_name = "learning_catalogue"

urlpatterns = [
    path("", browse.catalogue, name="catalogue"),
    path("activities/<int:pk>/", browse.activity_detail, name="activity"),
    path("activities/<int:pk>/save/", browse.activity_save_to_list, name="activity-save"),
    path("activities/<int:pk>/rate/", browse.activity_rate, name="activity-rate"),
    path("my/list/", browse.my_list, name="my-list"),
    path("my/", places.my_places, name="my-places"),
    path("sessions/<int:pk>/", places.session_detail, name="session"),
    path("sessions/<int:pk>/book/", places.session_book, name="session-book"),
    path("sessions/<int:pk>/reservations/", places.reservation_set, name="reservation-set"),
    path("sessions/<int:pk>/teams/<int:team_pk>/allocate/", places.allocate, name="allocate"),
    path("places/<int:pk>/cancel/", places.place_cancel, name="place-cancel"),
    path("places/<int:pk>/accept/", places.offer_accept, name="offer-accept"),
    path("places/<int:pk>/decline/", places.offer_decline, name="offer-decline"),
    path("manage/", manage.manage, name="manage"),
    path("manage/activities/new/", manage.activity_create, name="activity-create"),
    path("activities/<int:pk>/edit/", manage.activity_edit, name="activity-edit"),
    path("activities/<int:pk>/status/", manage.activity_status, name="activity-status"),
    path("activities/<int:pk>/sessions/new/", manage.session_create, name="session-create"),
    path("sessions/<int:pk>/edit/", manage.session_edit, name="session-edit"),
    path("sessions/<int:pk>/cancel/", manage.session_cancel, name="session-cancel"),
    path("manage/lists/", manage.lists, name="lists"),
    path("manage/settings/", manage.settings_update, name="settings"),
    path("manage/lists/<str:kind>/add/", manage.list_item_add, name="list-item-add"),
    path("manage/lists/<str:kind>/<int:pk>/", manage.list_item_edit, name="list-item"),
    path("my/suggestions/", community.suggestions, name="suggestions"),
    path("suggestions/<int:pk>/accept/", community.suggestion_accept, name="suggestion-accept"),
    path("suggestions/<int:pk>/decline/", community.suggestion_decline, name="suggestion-decline"),
    path("my/needs/", community.my_needs, name="my-needs"),
    path("needs/<int:pk>/", community.need_edit, name="need-edit"),
    path("manage/needs/", community.needs_summary, name="needs-summary"),
    path("people/<int:pk>/needs/", community.person_needs, name="person-needs"),
    *catalogue_import.urlpatterns,
]
