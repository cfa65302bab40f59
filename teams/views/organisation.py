"""The organisation's own settings: its name, header colour and full-time week."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from core.web import form_page, posted
from teams import services
from teams.forms import OrganisationForm
from teams.views.common import structure_admin_required


@structure_admin_required
@require_http_methods(["GET", "POST"])
def organisation_settings(request: HttpRequest) -> HttpResponse:
    organisation = request.user.organisation
    hours = f"{organisation.standard_weekly_minutes / 60:.2f}".rstrip("0").rstrip(".")
    form = OrganisationForm(
        posted(request),
        initial={
            "name": organisation.name,
            "brand_colour": organisation.brand_colour,
            "standard_weekly_hours": hours,
        },
    )
    return form_page(
        request,
        form,
        lambda: services.organisation_update(
            actor=request.user,
            organisation=organisation,
            name=form.cleaned_data["name"],
            brand_colour=form.cleaned_data["brand_colour"].lower(),
            standard_weekly_minutes=form.standard_weekly_minutes(),
        ),
        message="The organisation settings have been saved.",
        to=reverse("teams:settings"),
        title="Organisation settings",
        button="Save settings",
    )
