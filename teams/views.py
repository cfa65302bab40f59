"""Pages for the organisation: home, people, teams, audit log, settings and API tokens.

Views stay thin: reads come from ``teams.selectors`` (built on ``teams.access``), writes go
through ``teams.services``. Pages that change things are for org admins and answer 403 to
everyone else; objects outside what the visitor may see answer 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import (
    HttpRequest,
    HttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_tables2 import RequestConfig

from core.hooks import app_functions
from core.web import posted, requires, save
from teams import access, selectors, services
from teams.filters import AuditFilter, PersonFilter, filters_in_use
from teams.forms import (
    ApiTokenForm,
    MembershipEndForm,
    MembershipStartForm,
    OrganisationForm,
    PersonCreateForm,
    PersonEditForm,
    RegistrationForm,
    RolesForm,
    TeamForm,
    TeamManagerForm,
    WorkingPatternForm,
)
from teams.models import Person, Team
from teams.models.people import WEEKDAY_FIELDS
from teams.tables import AuditTable, PersonTable

PAGE_SIZE = 25


people_admin_required = requires(access.can_manage_people)
structure_admin_required = requires(access.can_manage_structure)
audit_reader_required = requires(access.is_org_admin)


# Home -----------------------------------------------------------------------------------------


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    context: dict[str, object] = {
        "own_memberships": selectors.own_memberships(user),
        "own_pattern": selectors.own_pattern(user),
        "own_registrations": selectors.own_registrations(user),
        "is_manager": access.is_team_manager(user),
        "is_org_admin": access.is_org_admin(user),
        "sees_organisation": access.sees_whole_organisation(user),
    }
    if context["is_manager"]:
        context["managed_teams"] = selectors.managed_teams_with_counts(user)
    if context["sees_organisation"]:
        context["counts"] = selectors.organisation_counts(user)
    if context["is_org_admin"]:
        context["recent_audit"] = selectors.recent_audit(user)
    context["app_panels"] = [
        panel for home_panels in app_functions("home", "home_panels") for panel in home_panels(user)
    ]
    return render(request, "home.html", context)


# People ---------------------------------------------------------------------------------------


@login_required
@require_safe
def people(request: HttpRequest) -> HttpResponse:
    filterset = PersonFilter(
        request.GET or None, queryset=selectors.people_list(request.user), request=request
    )
    table = PersonTable(filterset.qs, empty_text="No people match these filters.")
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    return render(
        request,
        "teams/people.html",
        {
            "filter": filterset,
            "table": table,
            "filtered": filters_in_use(filterset),
            "can_manage": access.can_manage_people(request.user),
        },
    )


@login_required
@require_safe
def person(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.person_detail(request.user, pk)
    return render(
        request,
        "teams/person.html",
        {
            "person": found,
            "can_manage": access.can_manage_people(request.user),
            "weekdays": [(name, name.removesuffix("_minutes").title()) for name in WEEKDAY_FIELDS],
        },
    )


def _person_url(person: Person) -> str:
    return reverse("teams:person", args=[person.pk])


@people_admin_required
@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    organisation = request.user.organisation
    form = PersonCreateForm(posted(request), organisation=organisation)
    created: list[Person] = []
    if form.is_valid():
        data = dict(form.cleaned_data)
        roles, team, team_start = data.pop("roles"), data.pop("team"), data.pop("team_start")
        if save(
            form,
            lambda: created.append(
                services.person_create(
                    actor=request.user, roles=roles, team=team, team_start=team_start, **data
                )
            ),
        ):
            messages.success(request, f"{created[0]} has been added.")
            return redirect(_person_url(created[0]))
    return render(request, "teams/person_form.html", {"form": form, "title": "Add a person"})


@people_admin_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = selectors.person_for_admin(request.user, pk)
    initial = {name: getattr(target, name) for name in PersonEditForm.base_fields}
    form = PersonEditForm(posted(request), initial=initial)
    if form.is_valid() and save(
        form, lambda: services.person_update(actor=request.user, person=target, **form.cleaned_data)
    ):
        messages.success(request, f"{target}'s details have been saved.")
        return redirect(_person_url(target))
    return render(
        request,
        "teams/person_form.html",
        {"form": form, "title": f"Edit {target}", "person": target},
    )


@people_admin_required
@require_http_methods(["GET", "POST"])
def person_roles(request: HttpRequest, pk: int) -> HttpResponse:
    target = selectors.person_for_admin(request.user, pk)
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

    if form.is_valid() and save(form, write):
        messages.success(request, f"{target}'s roles and specialisms have been saved.")
        return redirect(_person_url(target))
    return render(
        request,
        "teams/simple_form.html",
        {"form": form, "title": "Roles and specialisms", "person": target, "button": "Save"},
    )


@people_admin_required
@require_http_methods(["GET", "POST"])
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    target = selectors.person_for_admin(request.user, pk)
    form = MembershipStartForm(posted(request), organisation=request.user.organisation)
    if form.is_valid() and save(
        form,
        lambda: services.membership_start(
            actor=request.user,
            person=target,
            team=form.cleaned_data["team"],
            start_date=form.cleaned_data["start_date"],
            ends_other_memberships=not form.cleaned_data["keep_other_teams"],
        ),
    ):
        messages.success(request, f"{target} joins {form.cleaned_data['team']}.")
        return redirect(_person_url(target))
    return render(
        request,
        "teams/simple_form.html",
        {"form": form, "title": "Move or add to a team", "person": target, "button": "Save"},
    )


@people_admin_required
@require_http_methods(["GET", "POST"])
def membership_end(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    target = selectors.person_for_admin(request.user, pk)
    membership = selectors.membership_of(target, membership_pk)
    form = MembershipEndForm(posted(request))
    if form.is_valid() and save(
        form,
        lambda: services.membership_end(
            actor=request.user, membership=membership, end_date=form.cleaned_data["end_date"]
        ),
    ):
        messages.success(request, f"{target}'s time in {membership.team} has been ended.")
        return redirect(_person_url(target))
    return render(
        request,
        "teams/simple_form.html",
        {
            "form": form,
            "title": f"End membership of {membership.team}",
            "person": target,
            "button": "End membership",
        },
    )


@people_admin_required
@require_http_methods(["GET", "POST"])
def working_pattern_add(request: HttpRequest, pk: int) -> HttpResponse:
    target = selectors.person_for_admin(request.user, pk)
    form = WorkingPatternForm(posted(request))
    if form.is_valid() and save(
        form,
        lambda: services.working_pattern_set(
            actor=request.user,
            person=target,
            effective_from=form.cleaned_data["effective_from"],
            minutes=form.minutes(),
        ),
    ):
        messages.success(request, f"{target}'s working pattern has been saved.")
        return redirect(_person_url(target))
    return render(
        request,
        "teams/working_pattern_form.html",
        {"form": form, "person": target, "weekday_fields": [form[name] for name in WEEKDAY_FIELDS]},
    )


@people_admin_required
@require_http_methods(["GET", "POST"])
def registration_add(request: HttpRequest, pk: int) -> HttpResponse:
    target = selectors.person_for_admin(request.user, pk)
    form = RegistrationForm(posted(request))
    if form.is_valid() and save(
        form,
        lambda: services.registration_add(actor=request.user, person=target, **form.cleaned_data),
    ):
        messages.success(request, f"The registration has been added to {target}.")
        return redirect(_person_url(target))
    return render(
        request,
        "teams/simple_form.html",
        {
            "form": form,
            "title": "Add a registration",
            "person": target,
            "button": "Add registration",
        },
    )


@people_admin_required
@require_http_methods(["GET", "POST"])
def registration_edit(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    target = selectors.person_for_admin(request.user, pk)
    registration = selectors.registration_of(target, registration_pk)
    initial = {name: getattr(registration, name) for name in RegistrationForm.base_fields}
    form = RegistrationForm(posted(request), initial=initial)
    if form.is_valid() and save(
        form,
        lambda: services.registration_update(
            actor=request.user, registration=registration, **form.cleaned_data
        ),
    ):
        messages.success(request, "The registration has been saved.")
        return redirect(_person_url(target))
    return render(
        request,
        "teams/simple_form.html",
        {"form": form, "title": "Edit registration", "person": target, "button": "Save"},
    )


@people_admin_required
@require_http_methods(["GET", "POST"])
def registration_remove(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    target = selectors.person_for_admin(request.user, pk)
    registration = selectors.registration_of(target, registration_pk)
    if request.method == "POST":
        services.registration_remove(actor=request.user, registration=registration)
        messages.success(request, f"The registration {registration} has been removed.")
        return redirect(_person_url(target))
    return render(
        request,
        "teams/confirm.html",
        {
            "title": f"Remove registration {registration}?",
            "body": f"{target}'s {registration.regulator} registration will be removed. "
            "The audit log keeps a record of it.",
            "button": "Remove registration",
            "cancel_url": _person_url(target),
        },
    )


# Teams ----------------------------------------------------------------------------------------


@login_required
@require_safe
def teams(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "teams/teams.html",
        {
            "teams": selectors.teams_tree(request.user),
            "can_manage": access.can_manage_structure(request.user),
        },
    )


@login_required
@require_safe
def team(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.team_detail(request.user, pk)
    return render(
        request,
        "teams/team.html",
        {
            "team": found,
            "members": selectors.team_members(request.user, found),
            "subteams": selectors.team_subteams(request.user, found),
            "parent_visible": selectors.team_is_visible(request.user, found.parent_id),
            "can_manage": access.can_manage_structure(request.user),
        },
    )


def _team_url(team: Team) -> str:
    return reverse("teams:team", args=[team.pk])


@structure_admin_required
@require_http_methods(["GET", "POST"])
def team_create(request: HttpRequest) -> HttpResponse:
    form = TeamForm(
        posted(request),
        organisation=request.user.organisation,
        initial={"kind": Team.Kind.TEAM, "parent": request.GET.get("parent")},
    )
    created: list[Team] = []
    if form.is_valid() and save(
        form, lambda: created.append(services.team_create(actor=request.user, **form.cleaned_data))
    ):
        messages.success(request, f"{created[0]} has been added.")
        return redirect(_team_url(created[0]))
    return render(
        request,
        "teams/simple_form.html",
        {"form": form, "title": "Add a team or service", "button": "Add"},
    )


@structure_admin_required
@require_http_methods(["GET", "POST"])
def team_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.team_for_admin(request.user, pk)
    initial = {name: getattr(found, name) for name in TeamForm.base_fields}
    form = TeamForm(
        posted(request), organisation=request.user.organisation, team=found, initial=initial
    )
    if form.is_valid() and save(
        form, lambda: services.team_update(actor=request.user, team=found, **form.cleaned_data)
    ):
        messages.success(request, f"{form.cleaned_data['name']} has been saved.")
        return redirect(_team_url(found))
    return render(
        request,
        "teams/simple_form.html",
        {"form": form, "title": f"Edit {found}", "button": "Save"},
    )


@structure_admin_required
@require_http_methods(["GET", "POST"])
def team_manager_add(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.team_for_admin(request.user, pk)
    candidates = (
        access.people_visible_to(request.user)
        .employed_on()
        .exclude(managed_teams=found)
        .order_by("full_name")
    )
    form = TeamManagerForm(posted(request), people=candidates)
    if form.is_valid() and save(
        form,
        lambda: services.team_manager_add(
            actor=request.user, team=found, person=form.cleaned_data["person"]
        ),
    ):
        messages.success(request, f"{form.cleaned_data['person']} now manages {found}.")
        return redirect(_team_url(found))
    return render(
        request,
        "teams/simple_form.html",
        {"form": form, "title": f"Add a manager to {found}", "button": "Add manager"},
    )


@structure_admin_required
@require_POST
def team_manager_remove(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    found = selectors.team_for_admin(request.user, pk)
    manager = selectors.person_for_admin(request.user, person_pk)
    services.team_manager_remove(actor=request.user, team=found, person=manager)
    messages.success(request, f"{manager} no longer manages {found}.")
    return redirect(_team_url(found))


# Organisation settings ------------------------------------------------------------------------


@structure_admin_required
@require_http_methods(["GET", "POST"])
def organisation_settings(request: HttpRequest) -> HttpResponse:
    organisation = request.user.organisation
    form = OrganisationForm(
        posted(request),
        initial={
            "name": organisation.name,
            "brand_colour": organisation.brand_colour,
            "standard_weekly_hours": f"{organisation.standard_weekly_minutes / 60:.2f}".rstrip(
                "0"
            ).rstrip("."),
        },
    )
    if form.is_valid() and save(
        form,
        lambda: services.organisation_update(
            actor=request.user,
            organisation=organisation,
            name=form.cleaned_data["name"],
            brand_colour=form.cleaned_data["brand_colour"].lower(),
            standard_weekly_minutes=form.standard_weekly_minutes(),
        ),
    ):
        messages.success(request, "The organisation settings have been saved.")
        return redirect("teams:settings")
    return render(
        request,
        "teams/simple_form.html",
        {"form": form, "title": "Organisation settings", "button": "Save settings"},
    )


# Audit log ------------------------------------------------------------------------------------


@audit_reader_required
@require_safe
def audit(request: HttpRequest) -> HttpResponse:
    filterset = AuditFilter(
        request.GET or None, queryset=selectors.audit_list(request.user), request=request
    )
    table = AuditTable(filterset.qs, empty_text="No audit entries match these filters.")
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    return render(
        request,
        "teams/audit.html",
        {"filter": filterset, "table": table, "filtered": filters_in_use(filterset)},
    )


@audit_reader_required
@require_safe
def audit_entry(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.audit_entry(request.user, pk)
    keys = sorted(set(entry.before) | set(entry.after))
    rows = [
        {
            "field": key,
            "before": entry.before.get(key, ""),
            "after": entry.after.get(key, ""),
            "changed": entry.before.get(key) != entry.after.get(key),
        }
        for key in keys
    ]
    return render(request, "teams/audit_entry.html", {"entry": entry, "rows": rows})


# API tokens -----------------------------------------------------------------------------------


@login_required
@require_safe
def tokens(request: HttpRequest) -> HttpResponse:
    return render(request, "teams/tokens.html", {"tokens": selectors.tokens_list(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def token_create(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(posted(request))
    created: list[tuple[object, str]] = []
    if form.is_valid() and save(
        form,
        lambda: created.append(
            services.api_token_create(actor=request.user, name=form.cleaned_data["name"])
        ),
    ):
        token, raw = created[0]
        # The key is shown in this response only and never stored, so it must not be cached.
        response = render(request, "teams/token_created.html", {"token": token, "raw_key": raw})
        response["Cache-Control"] = "no-store"
        return response
    return render(
        request,
        "teams/simple_form.html",
        {
            "form": form,
            "title": "Create an API token",
            "button": "Create token",
            "cancel_url": reverse("teams:tokens"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = selectors.token_for_owner(request.user, pk)
    if request.method == "POST":
        services.api_token_revoke(actor=request.user, token=token)
        messages.success(request, f"The token “{token.name}” has been revoked.")
        return redirect("teams:tokens")
    return render(
        request,
        "teams/confirm.html",
        {
            "title": f"Revoke the token “{token.name}”?",
            "body": "Scripts using it will stop working straight away. This cannot be undone.",
            "button": "Revoke token",
            "cancel_url": reverse("teams:tokens"),
            "warning": True,
        },
    )
