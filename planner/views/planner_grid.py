"""The team planner (people-by-days) and the team's metrics, for team managers (their teams)
and L&D leads and org admins (every team, read-only)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.web import date_param
from planner import access as planner_access
from planner.access import can_import_absences
from planner.selectors import metrics as metrics_selectors
from planner.selectors import planner_grid as grid_selectors
from planner.tables import PersonUseTable, PlannedTeamTable, unpaged
from teams import access


def _require_planner(request: HttpRequest) -> None:
    """Practitioners have no planner: the pages exist, their role cannot use them (403)."""
    if not planner_access.can_open_planner(request.user):
        raise PermissionDenied


def _managed_on_page(user: object, rows: list[grid_selectors.Row]) -> frozenset[int]:
    """People on the page the user manages: they may book time and record absences for them
    (one query at most)."""
    ids = [row.person.pk for row in rows]
    if not access.is_team_manager(user) or not ids:
        return frozenset()
    managed = access.people_managed_by(user).filter(pk__in=ids)
    return frozenset(managed.values_list("pk", flat=True))


@login_required
@require_safe
def teams(request: HttpRequest) -> HttpResponse:
    _require_planner(request)
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


@login_required
@require_safe
def team_planner(request: HttpRequest, pk: int) -> HttpResponse:
    _require_planner(request)
    team = grid_selectors.planner_team(request.user, pk)
    today = timezone.localdate()
    period = grid_selectors.planner_period(
        request.GET.get("view", ""), date_param(request, "start", today)
    )
    grid = grid_selectors.planner_grid(
        user=request.user, team=team, period=period, page=request.GET.get("page")
    )
    metrics = metrics_selectors.team_metrics(user=request.user, team=team, on=today, today=today)
    managed = _managed_on_page(request.user, grid.rows)
    return render(
        request,
        "planner/team_planner.html",
        {
            "team": team,
            "grid": grid,
            "period": period,
            "metrics": metrics,
            "today": today,
            "can_book": access.is_team_manager(request.user),
            "managed": managed,
            # Org admins record absences for anyone (they run the HR import).
            "absence_recordable": frozenset(row.person.pk for row in grid.rows)
            if access.is_org_admin(request.user)
            else managed,
            "other_view": "month" if period.view == "week" else "week",
        },
    )


@login_required
@require_safe
def team_metrics(request: HttpRequest, pk: int) -> HttpResponse:
    _require_planner(request)
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
