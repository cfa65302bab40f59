"""Your personal API tokens: the list, creating one (its key shown once) and revoking one."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from core.web import FORM_PAGE, confirm_page, posted, save
from teams import selectors, services
from teams.forms import ApiTokenForm
from teams.models import ApiToken
from teams.tables import TokenTable


@login_required
@require_safe
def tokens(request: HttpRequest) -> HttpResponse:
    found = list(selectors.tokens_list(request.user))
    return render(request, "teams/tokens.html", {"tokens": found, "table": TokenTable(found)})


@login_required
@require_http_methods(["GET", "POST"])
def token_create(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(posted(request))
    created: list[tuple[ApiToken, str]] = []
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
        FORM_PAGE,
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
    return confirm_page(
        request,
        lambda: services.api_token_revoke(actor=request.user, token=token),
        message=f"The token “{token.name}” has been revoked.",
        to=reverse("teams:tokens"),
        title=f"Revoke the token “{token.name}”?",
        body="Scripts using it will stop working straight away. This cannot be undone.",
        button="Revoke token",
        warning=True,
    )
