"""The home page: your own teams, pattern and registrations, then what your roles oversee and the
panels other apps add (``home_panels`` hooks)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.hooks import app_functions
from teams import access, selectors
from teams.tables import ManagedTeamTable


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    context: dict[str, object] = {
        "own_memberships": selectors.own_memberships(user),
        "own_pattern": selectors.own_pattern(user),
        "own_registrations": selectors.own_registrations(user),
        "is_manager": access.is_team_manager(user),
        "reads_audit": access.can_read_audit(user),
        "sees_organisation": access.sees_whole_organisation(user),
    }
    if context["is_manager"]:
        managed = list(selectors.managed_teams_with_counts(user))
        context["managed_teams"] = managed
        context["managed_teams_table"] = ManagedTeamTable(managed)
    if context["sees_organisation"]:
        context["counts"] = selectors.organisation_counts(user)
    if context["reads_audit"]:
        context["recent_audit"] = selectors.recent_audit(user)
    context["app_panels"] = [
        panel for home_panels in app_functions("home", "home_panels") for panel in home_panels(user)
    ]
    return render(request, "home.html", context)
