"""The organisation's protected time allowances: the period, the dated rules, adding and
removing a rule. For org admins and L&D leads."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_tables2 import RequestConfig

from core.web import act, posted, requires
from planner import access as planner_access
from planner.allowances import NEWLY_QUALIFIED_DEFAULT
from planner.forms import MONTHS, AllowanceRuleForm, PlannerSettingsForm
from planner.selectors.metrics import planner_settings_for
from planner.services import allowances as allowance_services
from planner.tables import AllowanceRuleTable
from planner.views.common import form_page
from teams import access

PER_PAGE = 50


@requires(planner_access.can_manage_allowances)
@require_safe
def allowances(request: HttpRequest) -> HttpResponse:
    rules = (
        planner_access.allowance_rules_visible_to(request.user)
        .select_related("team", "person")
        .order_by("scope", "-effective_from", "-pk")
    )
    table = AllowanceRuleTable(
        rules, empty_text=f"No rules yet: only the default applies ({NEWLY_QUALIFIED_DEFAULT})."
    )
    RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
    settings = planner_settings_for(request.user.organisation_id)
    return render(
        request,
        "planner/allowances.html",
        {
            "settings": settings,
            "year_starts": dict(MONTHS)[settings.year_starts_month],
            "table": table,
        },
    )


@requires(planner_access.can_manage_allowances)
@require_http_methods(["GET", "POST"])
def allowance_settings(request: HttpRequest) -> HttpResponse:
    current = planner_settings_for(request.user.organisation_id)
    form = PlannerSettingsForm(
        posted(request),
        initial={
            "allowance_period": current.allowance_period,
            "year_starts_month": current.year_starts_month,
        },
    )
    return form_page(
        request,
        form,
        lambda: allowance_services.planner_settings_update(actor=request.user, **form.cleaned_data),
        message="The allowance period has been saved.",
        to=reverse("planner:allowances"),
        title="Allowance period",
        button="Save",
    )


@requires(planner_access.can_manage_allowances)
@require_http_methods(["GET", "POST"])
def allowance_rule_create(request: HttpRequest) -> HttpResponse:
    form = AllowanceRuleForm(posted(request), teams=access.teams_visible_to(request.user))
    return form_page(
        request,
        form,
        lambda: allowance_services.allowance_rule_create(
            actor=request.user, **form.service_arguments(access.people_visible_to(request.user))
        ),
        message="The allowance rule has been added.",
        to=reverse("planner:allowances"),
        title="Add an allowance rule",
        button="Add rule",
    )


@login_required
@require_POST
@requires(planner_access.can_manage_allowances)
def allowance_rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rule = get_object_or_404(planner_access.allowance_rules_visible_to(request.user), pk=pk)
    return act(
        request,
        lambda: allowance_services.allowance_rule_delete(actor=request.user, rule=rule),
        message="The allowance rule has been removed.",
        to=reverse("planner:allowances"),
    )
