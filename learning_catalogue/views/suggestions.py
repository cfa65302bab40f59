"""Suggestions: practitioners suggest an activity or a topic; L&D accept one into a draft or a
topic, or decline it with a reason the person sees."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from core.web import form_page, posted, saved
from learning_catalogue import access as catalogue_access
from learning_catalogue.forms import (
    DeclineSuggestionForm,
    SuggestionForm,
)
from learning_catalogue.models import (
    Suggestion,
    SuggestionStatus,
)
from learning_catalogue.services import suggestions as suggestion_services
from learning_catalogue.tables import (
    SuggestionCards,
    paged,
)


@login_required
@require_http_methods(["GET", "POST"])
def suggestions(request: HttpRequest) -> HttpResponse:
    form = SuggestionForm(posted(request), organisation=request.user.organisation)
    if sent := saved(
        request,
        form,
        lambda: suggestion_services.suggestion_create(actor=request.user, **form.cleaned_data),
        message="Thank you: your suggestion has gone to the L&D team.",
        to=reverse("learning_catalogue:suggestions"),
    ):
        return sent
    can_publish = catalogue_access.can_publish(request.user)
    found = catalogue_access.suggestions_visible_to(request.user).select_related(
        "suggested_by", "topic", "activity", "created_topic"
    )
    status = request.GET.get("status", SuggestionStatus.OPEN if can_publish else "")
    if status in SuggestionStatus.values:
        found = found.filter(status=status)
    table = paged(request, SuggestionCards(found))
    return render(
        request,
        "learning_catalogue/suggestions.html",
        {
            "form": form,
            "table": table,
            "page": table.page,
            "can_publish": can_publish,
            "status": status,
            "statuses": SuggestionStatus.choices,
        },
        status=422 if form.is_bound else 200,
    )


def _triaged(request: HttpRequest, pk: int) -> Suggestion:
    if not catalogue_access.can_publish(request.user):
        raise PermissionDenied
    return get_object_or_404(
        catalogue_access.suggestions_visible_to(request.user).select_related("suggested_by"),
        pk=pk,
    )


@login_required
@require_POST
def suggestion_accept(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = _triaged(request, pk)
    try:
        suggestion = suggestion_services.suggestion_accept(
            actor=request.user, suggestion=suggestion
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("learning_catalogue:suggestions")
    if suggestion.activity_id:
        messages.success(request, "Accepted: complete the draft activity and publish it.")
        return redirect("learning_catalogue:activity-edit", pk=suggestion.activity_id)
    messages.success(request, f"Accepted: “{suggestion.created_topic}” is a topic now.")
    return redirect("learning_catalogue:suggestions")


@login_required
@require_http_methods(["GET", "POST"])
def suggestion_decline(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = _triaged(request, pk)
    form = DeclineSuggestionForm(posted(request))
    return form_page(
        request,
        form,
        lambda: suggestion_services.suggestion_decline(
            actor=request.user, suggestion=suggestion, reason=form.cleaned_data["decline_reason"]
        ),
        message="Declined; the person who suggested it can read your reason.",
        to=reverse("learning_catalogue:suggestions"),
        invalid_status=422,
        caption=f"Suggested by {suggestion.suggested_by.full_name}",
        title=f"Decline “{suggestion.title}”",
        button="Decline suggestion",
        cancel_url=reverse("learning_catalogue:suggestions"),
    )
