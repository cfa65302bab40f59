"""The team planner (people-by-days) and the team's metrics, for team managers (their teams)
and L&D leads and org admins (every team, read-only)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.web import date_param, requires
from planner import access as planner_access
from planner.access import can_import_absences
from planner.selectors import metrics as metrics_selectors
from planner.selectors import planner_grid as grid_selectors
from planner.tables import PersonUseTable, PlannedTeamTable, unpaged


@requires(planner_access.can_open_planner)
@require_safe
def teams(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "planner/teams.html",
        {
            "table": unpaged(
                request, PlannedTeamTable(grid_selectors.teams_for_planner(request.user))
            ),
            "can_import_absences": can_import_absences(request.user),
        },
    )


@requires(planner_access.can_open_planner)
@require_safe
def team_planner(request: HttpRequest, pk: int) -> HttpResponse:
    team = grid_selectors.planner_team(request.user, pk)
    today = timezone.localdate()
    period = grid_selectors.planner_period(
        request.GET.get("view", ""), date_param(request, "start", today)
    )
    grid = grid_selectors.planner_grid(
        user=request.user, team=team, period=period, page=request.GET.get("page")
    )
    metrics = metrics_selectors.team_metrics(user=request.user, team=team, on=today, today=today)
    on_page = [row.person.pk for row in grid.rows]
    managed = planner_access.managed_among(request.user, on_page)
    return render(
        request,
        "planner/team_planner.html",
        {
            "team": team,
            "grid": grid,
            "period": period,
            "metrics": metrics,
            "today": today,
            "can_book": planner_access.can_book_for_others(request.user),
            "managed": managed,
            "absence_recordable": planner_access.absences_recordable_among(
                request.user, on_page, managed=managed
            ),
            "other_view": "month" if period.view == "week" else "week",
        },
    )


@requires(planner_access.can_open_planner)
@require_safe
def team_metrics(request: HttpRequest, pk: int) -> HttpResponse:
    team = grid_selectors.planner_team(request.user, pk)
    today = timezone.localdate()
    metrics = metrics_selectors.team_metrics(
        user=request.user, team=team, on=date_param(request, "on", today), today=today
    )
    return render(
        request,
        "planner/team_metrics.html",
        {
            "team": team,
            "metrics": metrics,
            "today": today,
            "people": unpaged(request, PersonUseTable(metrics.people)),
        },
    )
