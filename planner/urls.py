"""Protected time pages, under /protected-time/, by sub-domain as the views are."""

from django.urls import path

from planner.views import absence_import as imports
from planner.views import absences, allowances, booking_detail, bookings, calendar, cover
from planner.views import my_time as mine
from planner.views import planner_grid as grid

app_name = "planner"

ABSENCE = "absences/<int:pk>/"
BOOKING = "bookings/<int:pk>/"
RULE = "allowances/rules/<int:pk>/"

urlpatterns = [
    # Your own time, and the team planner with its figures.
    path("mine/", mine.my_time, name="my-time"),
    path("teams/", grid.teams, name="teams"),
    path("teams/<int:pk>/", grid.team_planner, name="team-planner"),
    path("teams/<int:pk>/metrics/", grid.team_metrics, name="team-metrics"),
    # Bookings and the decisions on them.
    path(BOOKING, booking_detail.booking_detail, name="booking"),
    path("mine/request/", bookings.booking_request, name="booking-request"),
    path("bookings/new/", bookings.booking_create, name="booking-create"),
    path(f"{BOOKING}approve/", bookings.booking_approve, name="booking-approve"),
    path(f"{BOOKING}decline/", bookings.booking_decline, name="booking-decline"),
    path(f"{BOOKING}confirm/", bookings.booking_confirm, name="booking-confirm"),
    path(f"{BOOKING}confirm-cover/", bookings.booking_confirm_cover, name="booking-confirm-cover"),
    path(f"{BOOKING}cancel/", bookings.booking_cancel, name="booking-cancel"),
    path(f"{BOOKING}attendance/", bookings.booking_attendance, name="booking-attendance"),
    # Cover.
    path(f"{BOOKING}cover/", cover.booking_cover, name="booking-cover"),
    path(f"{BOOKING}cover/<int:cover_pk>/withdraw/", cover.cover_withdraw, name="cover-withdraw"),
    path("cover/<int:pk>/acknowledge/", cover.cover_acknowledge, name="cover-acknowledge"),
    # Absences, and importing them from a spreadsheet.
    path("people/<int:pk>/absences/", absences.absence_list, name="absences"),
    path("people/<int:pk>/absences/new/", absences.absence_create, name="absence-create"),
    path(f"{ABSENCE}delete/", absences.absence_delete, name="absence-delete"),
    path(f"{ABSENCE}edit/", absences.absence_edit, name="absence-edit"),
    path(f"{ABSENCE}remove/", absences.absence_remove, name="absence-remove"),
    path("absences/import/", imports.absence_import, name="absence-import"),
    path(
        "absences/import/template.xlsx",
        imports.absence_import_template,
        name="absence-import-template",
    ),
    path(
        "absences/import/<int:pk>/", imports.absence_import_preview, name="absence-import-preview"
    ),
    # Allowances and the organisation's closure days.
    path("allowances/", allowances.allowances, name="allowances"),
    path("allowances/settings/", allowances.allowance_settings, name="allowance-settings"),
    path("allowances/rules/new/", allowances.allowance_rule_create, name="allowance-rule-create"),
    path(f"{RULE}delete/", allowances.allowance_rule_delete, name="allowance-rule-delete"),
    path("closure-days/", calendar.closure_days, name="closure-days"),
    path("closure-days/new/", calendar.closure_day_add, name="closure-day-add"),
    path("closure-days/<int:pk>/remove/", calendar.closure_day_remove, name="closure-day-remove"),
]
