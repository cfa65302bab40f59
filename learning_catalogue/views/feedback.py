"""What practitioners say about an activity on its pages: saving it to their learning list,
the list itself, and rating what they took part in."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.web import act, form_page, posted
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
    activity_url,
    next_url,
    visible_activity,
)


@login_required
@require_POST
def activity_save_to_list(request: HttpRequest, pk: int) -> HttpResponse:
    activity = visible_activity(request, pk)
    if request.POST.get("remove"):
        change, message = feedback.saved_remove, f"“{activity}” is off your learning list."
    else:
        change, message = feedback.saved_add, f"“{activity}” is on your learning list."
    return act(
        request,
        lambda: change(actor=request.user, activity=activity),
        message=message,
        to=next_url(request, activity_url(pk)),
    )


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
    back = activity_url(pk)
    return form_page(
        request,
        form,
        lambda: feedback.rating_save(actor=request.user, activity=activity, **form.cleaned_data),
        message="Thank you: your rating is saved.",
        to=back,
        invalid_status=422,
        caption=activity.title,
        title="Rate it",
        button="Save rating",
        cancel_url=back,
    )
