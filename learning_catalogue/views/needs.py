"""Learning needs: the person's own, recorded or agreed by their manager, and needs across teams
by topic with small groups suppressed."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from core.web import act, form_page, posted, saved
from learning_catalogue import access as catalogue_access
from learning_catalogue.forms import (
    NeedForm,
)
from learning_catalogue.models import (
    LearningNeed,
    Topic,
)
from learning_catalogue.selectors import (
    needs_by_topic,
    needs_level,
    recommended_for,
)
from learning_catalogue.services import needs as need_services
from learning_catalogue.tables import (
    NeedTable,
)
from teams import access
from teams.access import manages
from teams.privacy import SMALLEST_GROUP


def _need_save(
    request: HttpRequest, form: NeedForm, person: object, need: LearningNeed | None = None
) -> LearningNeed:
    return need_services.need_save(
        actor=request.user,
        person=person,
        need=need,
        topic=form.cleaned_data["topic"],
        details=form.cleaned_data["details"],
        agreed=form.cleaned_data.get("agreed", False),
    )


def _person_needs(request: HttpRequest, person: object) -> HttpResponse:
    can_agree = person.pk != request.user.pk and manages(request.user, person)
    form = NeedForm(posted(request), organisation=request.user.organisation, can_agree=can_agree)
    if recorded := saved(
        request,
        form,
        lambda: _need_save(request, form, person),
        message="The learning need is recorded.",
        to=request.path,
    ):
        return recorded
    own = person.pk == request.user.pk
    return render(
        request,
        "learning_catalogue/needs.html",
        {
            "form": form,
            "person": person,
            "own": own,
            "can_agree": can_agree,
            "needs": NeedTable(
                list(
                    LearningNeed.objects.filter(person=person).select_related("topic", "agreed_by")
                )
            ),
            "recommended": list(recommended_for(person)) if own else [],
        },
        status=422 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_needs(request: HttpRequest) -> HttpResponse:
    return _person_needs(request, request.user)


@login_required
@require_http_methods(["GET", "POST"])
def person_needs(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(access.people_visible_to(request.user), pk=pk)
    if not catalogue_access.can_record_needs_for(request.user, person):
        raise PermissionDenied
    return _person_needs(request, person)


def _editable_need(request: HttpRequest, pk: int) -> LearningNeed:
    need = get_object_or_404(
        catalogue_access.needs_found_by(request.user).select_related("person", "topic"), pk=pk
    )
    if not catalogue_access.can_record_needs_for(request.user, need.person):
        raise PermissionDenied
    return need


def _needs_url(request: HttpRequest, need: LearningNeed) -> str:
    if need.person_id == request.user.pk:
        return reverse("learning_catalogue:my-needs")
    return reverse("learning_catalogue:person-needs", args=[need.person_id])


@login_required
@require_http_methods(["GET", "POST"])
def need_edit(request: HttpRequest, pk: int) -> HttpResponse:
    need = _editable_need(request, pk)
    back = _needs_url(request, need)
    if request.method == "POST" and request.POST.get("delete"):
        return act(
            request,
            lambda: need_services.need_delete(actor=request.user, need=need),
            message="The learning need is removed.",
            to=back,
        )
    can_agree = need.person_id != request.user.pk and manages(request.user, need.person)
    form = NeedForm(
        posted(request),
        initial={"topic": need.topic, "details": need.details, "agreed": need.status == "agreed"},
        organisation=request.user.organisation,
        can_agree=can_agree,
    )
    return form_page(
        request,
        form,
        lambda: _need_save(request, form, need.person, need),
        message="The learning need is saved.",
        to=back,
        template="learning_catalogue/need_edit.html",
        invalid_status=422,
        caption=need.person.full_name,
        title="Change a learning need",
        button="Save",
        cancel_url=back,
    )


@login_required
@require_safe
def needs_summary(request: HttpRequest) -> HttpResponse:
    """Services first, then the teams within one (``?within=``), so a large organisation is
    read a level at a time."""
    within = request.GET.get("within", "")
    level = needs_level(
        request.user,
        get_object_or_404(catalogue_access.needs_teams(request.user), pk=int(within))
        if within.isdigit()
        else None,
    )
    topics = list(Topic.objects.filter(organisation_id=request.user.organisation_id))
    rows = needs_by_topic(request.user, level.teams, [topic.pk for topic in topics])
    for team, row in zip(level.teams, rows, strict=True):
        row.team_id = team.pk if team.pk in level.opens else None
    # A topic a line and a group a column: there are more topics than groups on a level.
    by_topic = [
        (topic, [None if row.suppressed else row.ordered_cells[index] for row in rows])
        for index, topic in enumerate(topics)
    ]
    return render(
        request,
        "learning_catalogue/needs_summary.html",
        {
            "rows": rows,
            "by_topic": by_topic,
            "smallest_group": SMALLEST_GROUP,
            "within": level.within,
        },
    )
