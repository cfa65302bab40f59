"""Protected time pages, under /protected-time/."""

from django.urls import path

from planner.views import (
    absence_import,
    absences,
    allowances,
    booking_detail,
    bookings,
    calendar,
    cover,
    my_time,
    planner_grid,
)

app_name = "planner"

urlpatterns = [
    path("mine/", my_time.my_time, name="my-time"),
    path("teams/", planner_grid.teams, name="teams"),
    path("teams/<int:pk>/", planner_grid.team_planner, name="team-planner"),
    path("teams/<int:pk>/metrics/", planner_grid.team_metrics, name="team-metrics"),
    path("bookings/<int:pk>/", booking_detail.booking_detail, name="booking"),
    path("people/<int:pk>/absences/", absences.absence_list, name="absences"),
    path("people/<int:pk>/absences/new/", absences.absence_create, name="absence-create"),
    path("absences/<int:pk>/delete/", absences.absence_delete, name="absence-delete"),
    path("absences/<int:pk>/edit/", absences.absence_edit, name="absence-edit"),
    path("absences/<int:pk>/remove/", absences.absence_remove, name="absence-remove"),
    path("absences/import/", absence_import.absence_import, name="absence-import"),
    path("allowances/", allowances.allowances, name="allowances"),
    path("allowances/settings/", allowances.allowance_settings, name="allowance-settings"),
    path("allowances/rules/new/", allowances.allowance_rule_create, name="allowance-rule-create"),
    path(
        "allowances/rules/<int:pk>/delete/",
        allowances.allowance_rule_delete,
        name="allowance-rule-delete",
    ),
    path(
        "absences/import/template.xlsx",
        absence_import.absence_import_template,
        name="absence-import-template",
    ),
    path(
        "absences/import/<int:pk>/",
        absence_import.absence_import_preview,
        name="absence-import-preview",
    ),
    path("closure-days/", calendar.closure_days, name="closure-days"),
    path("closure-days/new/", calendar.closure_day_add, name="closure-day-add"),
    path("closure-days/<int:pk>/remove/", calendar.closure_day_remove, name="closure-day-remove"),
    path("mine/request/", bookings.booking_request, name="booking-request"),
    path("bookings/new/", bookings.booking_create, name="booking-create"),
    path("bookings/<int:pk>/approve/", bookings.booking_approve, name="booking-approve"),
    path("bookings/<int:pk>/decline/", bookings.booking_decline, name="booking-decline"),
    path("bookings/<int:pk>/confirm/", bookings.booking_confirm, name="booking-confirm"),
    path(
        "bookings/<int:pk>/confirm-cover/",
        bookings.booking_confirm_cover,
        name="booking-confirm-cover",
    ),
    path("bookings/<int:pk>/cancel/", bookings.booking_cancel, name="booking-cancel"),
    path("bookings/<int:pk>/attendance/", bookings.booking_attendance, name="booking-attendance"),
    path("bookings/<int:pk>/cover/", cover.booking_cover, name="booking-cover"),
    path(
        "bookings/<int:pk>/cover/<int:cover_pk>/withdraw/",
        cover.cover_withdraw,
        name="cover-withdraw",
    ),
    path("cover/<int:pk>/acknowledge/", cover.cover_acknowledge, name="cover-acknowledge"),
]
