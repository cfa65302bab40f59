"""Protected time pages, under /protected-time/."""

from django.urls import path

from planner.views import booking_detail, my_time, planner_grid

app_name = "planner"

urlpatterns = [
    path("mine/", my_time.my_time, name="my-time"),
    path("teams/", planner_grid.teams, name="teams"),
    path("teams/<int:pk>/", planner_grid.team_planner, name="team-planner"),
    path("teams/<int:pk>/metrics/", planner_grid.team_metrics, name="team-metrics"),
    path("bookings/<int:pk>/", booking_detail.booking_detail, name="booking"),
]
