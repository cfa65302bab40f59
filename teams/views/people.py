"""The people pages: the list, a person's page, adding and editing someone, their roles and
specialisms, and their working patterns."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from core.web import form_page, posted
from teams import access, selectors, services
from teams.filters import PersonFilter
from teams.forms import PersonCreateForm, PersonEditForm, RolesForm, WorkingPatternForm
from teams.models import Person
from teams.models.people import WEEKDAY_FIELDS
from teams.tables import PersonMembershipTable, PersonTable, WorkingPatternTable
from teams.views.common import (
    filtered_table,
    people_admin_required,
    person_admin_page,
    person_form_page,
    person_url,
)


@login_required
@require_safe
def people(request: HttpRequest) -> HttpResponse:
    page = filtered_table(
        request,
        PersonFilter,
        selectors.people_list(request.user),
        PersonTable,
        empty_text="No people match these filters.",
    )
    return render(
        request,
        "teams/people.html",
        {**page, "can_manage": access.can_manage_people(request.user)},
    )


@login_required
@require_safe
def person(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.person_detail(request.user, pk)
    can_manage = access.can_manage_people(request.user)
    return render(
        request,
        "teams/person.html",
        {
            "person": found,
            "can_manage": can_manage,
            "memberships": PersonMembershipTable(found, can_manage=can_manage),
            "patterns": WorkingPatternTable(found),
        },
    )


@people_admin_required
@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    form = PersonCreateForm(posted(request), organisation=request.user.organisation)

    def write() -> Person:
        data = dict(form.cleaned_data)
        roles, team, team_start = data.pop("roles"), data.pop("team"), data.pop("team_start")
        return services.person_create(
            actor=request.user, roles=roles, team=team, team_start=team_start, **data
        )

    return form_page(
        request,
        form,
        write,
        message=lambda created: f"{created} has been added.",
        to=person_url,
        template="teams/person_form.html",
        title="Add a person",
        button="Add person",
        cancel_url=reverse("teams:people"),
    )


@person_admin_page
def person_edit(request: HttpRequest, target: Person) -> HttpResponse:
    initial = {name: getattr(target, name) for name in PersonEditForm.base_fields}
    form = PersonEditForm(posted(request), initial=initial)
    return person_form_page(
        request,
        target,
        form,
        lambda: services.person_update(actor=request.user, person=target, **form.cleaned_data),
        message=f"{target}'s details have been saved.",
        template="teams/person_form.html",
        title=f"Edit {target}",
        button="Save details",
    )


@person_admin_page
def person_roles(request: HttpRequest, target: Person) -> HttpResponse:
    initial = {
        "roles": list(target.role_assignments.values_list("role", flat=True)),
        "specialisms": list(target.specialisms.values_list("tag", flat=True)),
    }
    form = RolesForm(posted(request), initial=initial)

    def write() -> None:
        services.person_roles_set(
            actor=request.user, person=target, roles=form.cleaned_data["roles"]
        )
        services.person_specialisms_set(
            actor=request.user, person=target, tags=form.cleaned_data["specialisms"]
        )

    return person_form_page(
        request,
        target,
        form,
        write,
        message=f"{target}'s roles and specialisms have been saved.",
        title="Roles and specialisms",
        button="Save",
    )


@person_admin_page
def working_pattern_add(request: HttpRequest, target: Person) -> HttpResponse:
    form = WorkingPatternForm(posted(request))
    return person_form_page(
        request,
        target,
        form,
        lambda: services.working_pattern_set(
            actor=request.user,
            person=target,
            effective_from=form.cleaned_data["effective_from"],
            minutes=form.minutes(),
        ),
        message=f"{target}'s working pattern has been saved.",
        template="teams/working_pattern_form.html",
        title="Add a working pattern",
        button="Save working pattern",
        weekday_fields=[form[name] for name in WEEKDAY_FIELDS],
    )
