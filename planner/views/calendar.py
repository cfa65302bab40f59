"""The organisation's closure days: the list, adding one and removing one. For org admins."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_tables2 import RequestConfig

from core.web import act, posted, requires
from planner import access as planner_access
from planner.forms import ClosureDayForm
from planner.services import calendar as calendar_services
from planner.tables import ClosureDayTable
from planner.views.common import form_page

PER_PAGE = 50


@requires(planner_access.can_manage_closure_days)
@require_safe
def closure_days(request: HttpRequest) -> HttpResponse:
    table = ClosureDayTable(planner_access.closure_days_visible_to(request.user).order_by("date"))
    RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
    return render(request, "planner/closure_days.html", {"table": table})


@requires(planner_access.can_manage_closure_days)
@require_http_methods(["GET", "POST"])
def closure_day_add(request: HttpRequest) -> HttpResponse:
    form = ClosureDayForm(posted(request))
    return form_page(
        request,
        form,
        lambda: calendar_services.closure_day_add(actor=request.user, **form.cleaned_data),
        message="The closure day has been added.",
        to=reverse("planner:closure-days"),
        title="Add a closure day",
        button="Add closure day",
    )


@login_required
@require_POST
@requires(planner_access.can_manage_closure_days)
def closure_day_remove(request: HttpRequest, pk: int) -> HttpResponse:
    closure = get_object_or_404(planner_access.closure_days_visible_to(request.user), pk=pk)
    return act(
        request,
        lambda: calendar_services.closure_day_remove(actor=request.user, closure=closure),
        message="The closure day has been removed.",
        to=reverse("planner:closure-days"),
    )
