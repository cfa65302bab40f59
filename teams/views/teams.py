"""The teams pages: the organisation's tree, a team's page, adding and editing a team and who
manages it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.web import act, form_page, posted
from teams import access, selectors, services
from teams.forms import TeamForm, TeamManagerForm
from teams.models import Team
from teams.tables import TeamMemberTable, TeamTreeTable
from teams.views.common import structure_admin_required, team_url


@login_required
@require_safe
def teams(request: HttpRequest) -> HttpResponse:
    tree = list(selectors.teams_tree(request.user))
    return render(
        request,
        "teams/teams.html",
        {
            "teams": tree,
            "table": TeamTreeTable(tree),
            "can_manage": access.can_manage_structure(request.user),
        },
    )


@login_required
@require_safe
def team(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.team_detail(request.user, pk)
    members = list(selectors.team_members(request.user, found))
    return render(
        request,
        "teams/team.html",
        {
            "team": found,
            "members": members,
            "members_table": TeamMemberTable(members, caption=f"People in {found.name} now"),
            "subteams": selectors.team_subteams(request.user, found),
            "parent_visible": selectors.team_is_visible(request.user, found.parent_id),
            "can_manage": access.can_manage_structure(request.user),
        },
    )


@structure_admin_required
@require_http_methods(["GET", "POST"])
def team_create(request: HttpRequest) -> HttpResponse:
    form = TeamForm(
        posted(request),
        organisation=request.user.organisation,
        initial={"kind": Team.Kind.TEAM, "parent": request.GET.get("parent")},
    )
    return form_page(
        request,
        form,
        lambda: services.team_create(actor=request.user, **form.cleaned_data),
        message=lambda created: f"{created} has been added.",
        to=team_url,
        title="Add a team or service",
        button="Add",
        cancel_url=reverse("teams:teams"),
    )


@structure_admin_required
@require_http_methods(["GET", "POST"])
def team_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.team_for_admin(request.user, pk)
    initial = {name: getattr(found, name) for name in TeamForm.base_fields}
    form = TeamForm(
        posted(request), organisation=request.user.organisation, team=found, initial=initial
    )
    return form_page(
        request,
        form,
        lambda: services.team_update(actor=request.user, team=found, **form.cleaned_data),
        message=lambda updated: f"{updated.name} has been saved.",
        to=team_url,
        title=f"Edit {found}",
        button="Save",
        cancel_url=team_url(found),
    )


@structure_admin_required
@require_http_methods(["GET", "POST"])
def team_manager_add(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.team_for_admin(request.user, pk)
    form = TeamManagerForm(
        posted(request), people=selectors.manager_candidates(request.user, found)
    )
    return form_page(
        request,
        form,
        lambda: services.team_manager_add(
            actor=request.user, team=found, person=form.cleaned_data["person"]
        ),
        message=lambda link: f"{link.person} now manages {found}.",
        to=team_url(found),
        title=f"Add a manager to {found}",
        button="Add manager",
        cancel_url=team_url(found),
    )


@structure_admin_required
@require_POST
def team_manager_remove(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    found = selectors.team_for_admin(request.user, pk)
    manager = selectors.person_for_admin(request.user, person_pk)
    return act(
        request,
        lambda: services.team_manager_remove(actor=request.user, team=found, person=manager),
        message=f"{manager} no longer manages {found}.",
        to=team_url(found),
    )
