"""What practitioners say about an activity on its pages: saving it to their learning list,
the list itself, and rating what they took part in."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.web import posted, save
from learning_catalogue import access as catalogue_access
from learning_catalogue.forms import (
    RatingForm,
)
from learning_catalogue.models import (
    SavedActivity,
)
from learning_catalogue.services import feedback
from learning_catalogue.tables import (
    SavedCards,
    paged,
)
from learning_catalogue.views.common import (
    next_url,
    visible_activity,
)


@login_required
@require_POST
def activity_save_to_list(request: HttpRequest, pk: int) -> HttpResponse:
    activity = visible_activity(request, pk)
    if request.POST.get("remove"):
        feedback.saved_remove(actor=request.user, activity=activity)
        messages.success(request, f"“{activity}” is off your learning list.")
    else:
        try:
            feedback.saved_add(actor=request.user, activity=activity)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"“{activity}” is on your learning list.")
    return redirect(next_url(request, reverse("learning_catalogue:activity", args=[pk])))


@login_required
@require_safe
def my_list(request: HttpRequest) -> HttpResponse:
    saved = SavedActivity.objects.filter(
        person=request.user, activity__in=catalogue_access.activities_visible_to(request.user)
    ).select_related("activity__format")
    table = paged(request, SavedCards(saved))
    return render(request, "learning_catalogue/my_list.html", {"table": table, "page": table.page})


@login_required
@require_http_methods(["POST"])
def activity_rate(request: HttpRequest, pk: int) -> HttpResponse:
    activity = visible_activity(request, pk)
    form = RatingForm(posted(request))
    if form.is_valid() and save(
        form,
        lambda: feedback.rating_save(actor=request.user, activity=activity, **form.cleaned_data),
    ):
        messages.success(request, "Thank you: your rating is saved.")
        return redirect("learning_catalogue:activity", pk=pk)
    return render(
        request,
        "learning_catalogue/rate.html",
        {"form": form, "activity": activity},
        status=422,
    )
