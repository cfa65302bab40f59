"""A person's leave, sickness and TOIL days: listed for whoever may see the person, recorded and
removed by their manager or an org admin, so the planner and cover conflicts know they are away."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_tables2 import RequestConfig

from core.web import act, posted
from planner import access as planner_access
from planner.forms import AbsenceForm
from planner.models import Absence
from planner.services import absences as absence_services
from planner.tables import AbsenceTable
from planner.views.common import form_page
from teams import access

PER_PAGE = 25


def _absences_url(person_pk: int) -> str:
    return reverse("planner:absences", args=[person_pk])


@login_required
@require_safe
def absence_list(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(access.people_visible_to(request.user), pk=pk)
    absences = planner_access.absences_visible_to(request.user).filter(person=person)
    can_record = planner_access.can_record_absence_for(request.user, person)
    table = AbsenceTable(
        absences.order_by("-start_date", "-pk"), exclude=() if can_record else ("change",)
    )
    RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
    return render(
        request,
        "planner/absences.html",
        {"person": person, "table": table, "can_record": can_record},
    )


@login_required
@require_http_methods(["GET", "POST"])
def absence_create(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(access.people_visible_to(request.user), pk=pk)
    if not planner_access.can_record_absence_for(request.user, person):
        raise PermissionDenied
    form = AbsenceForm(posted(request))
    return form_page(
        request,
        form,
        lambda: absence_services.absence_record(
            actor=request.user, person=person, **form.cleaned_data
        ),
        message=f"{person}'s absence has been recorded.",
        to=_absences_url(person.pk),
        title=f"Record an absence for {person}",
        button="Record absence",
    )


def _changeable(request: HttpRequest, pk: int) -> Absence:
    """An absence of someone the visitor may see (else 404) and record absences for (else 403)."""
    absence = get_object_or_404(
        planner_access.absences_visible_to(request.user).select_related("person"), pk=pk
    )
    if not planner_access.can_record_absence_for(request.user, absence.person):
        raise PermissionDenied
    return absence


@login_required
@require_http_methods(["GET", "POST"])
def absence_edit(request: HttpRequest, pk: int) -> HttpResponse:
    absence = _changeable(request, pk)
    person = absence.person
    form = AbsenceForm(
        posted(request),
        initial={
            "kind": absence.kind,
            "start_date": absence.start_date,
            "end_date": absence.end_date,
            "note": absence.note,
        },
    )
    return form_page(
        request,
        form,
        lambda: absence_services.absence_update(
            actor=request.user, absence=absence, **form.cleaned_data
        ),
        message=f"{person}'s absence has been changed.",
        to=_absences_url(person.pk),
        title=f"Change an absence for {person}",
        button="Save changes",
    )


@login_required
@require_safe
def absence_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks before removing: the button posts to ``absence_delete``."""
    absence = _changeable(request, pk)
    return render(
        request,
        "planner/absence_remove.html",
        {
            "absence": absence,
            "caption": absence.person.full_name,
            "title": "Remove this absence?",
            "body": "The planner will count these days as working days again. The audit log "
            "keeps a record of the absence.",
            "button": "Remove absence",
            "action": reverse("planner:absence-delete", args=[absence.pk]),
            "cancel_url": _absences_url(absence.person_id),
            "keep": "Keep it",
        },
    )


@login_required
@require_POST
def absence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    absence = get_object_or_404(
        planner_access.absences_visible_to(request.user).select_related("person"), pk=pk
    )
    return act(
        request,
        lambda: absence_services.absence_delete(actor=request.user, absence=absence),
        message=f"{absence.get_kind_display()} from {absence.start_date:%-d %B %Y} removed.",
        to=_absences_url(absence.person_id),
    )
