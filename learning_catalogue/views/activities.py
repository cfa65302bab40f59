"""Publishing activities (L&D leads and org admins): every activity whatever its status, adding
and changing activities, moving them through draft → published → retired, the formats and
topics, and how long an offered place is held."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.web import form_page, posted, saved
from learning_catalogue import access as catalogue_access
from learning_catalogue.filters import MANAGE_FIELDS, ActivityFilter
from learning_catalogue.forms import (
    ActivityForm,
    CatalogueSettingsForm,
    ListItemForm,
    StatusForm,
)
from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    Format,
    Topic,
)
from learning_catalogue.selectors import (
    ANY_STATUS,
)
from learning_catalogue.services import activities as activity_services
from learning_catalogue.services import places as place_services
from learning_catalogue.tables import (
    ManageActivityTable,
    paged,
)
from learning_catalogue.views.common import (
    activity_url,
    require_publisher,
    visible_activity,
)
from teams import access


@login_required
@require_safe
def manage(request: HttpRequest) -> HttpResponse:
    require_publisher(request)
    filters = ActivityFilter(
        request.GET, user=request.user, fields=MANAGE_FIELDS, default_status=ANY_STATUS
    )
    data = filters.asked
    table = paged(request, ManageActivityTable(filters.qs))
    return render(
        request,
        "learning_catalogue/manage.html",
        {
            "filter_form": filters.form,
            "filtered": bool(data.get("q") or data.get("status")),
            "table": table,
            "page": table.page,
            "counts": {
                **dict.fromkeys(ActivityStatus.values, 0),
                **dict(
                    catalogue_access.activities_visible_to(request.user)
                    .values_list("status")
                    .annotate(count=Count("pk"))
                    .values_list("status", "count")
                ),
            },
        },
    )


def _activity_form(request: HttpRequest, activity: Activity | None) -> ActivityForm:
    initial = None
    if activity is not None:
        initial = {
            **{name: getattr(activity, name) for name in activity_services.EDITABLE_FIELDS},
            "topics": list(activity.topics.all()),
            "audience_teams": list(activity.audience_teams.all()),
        }
    else:
        initial = {"provider_kind": "internal", "cost_per_place": 0, "other_direct_costs": 0}
    return ActivityForm(
        posted(request),
        initial=initial,
        organisation=request.user.organisation,
        teams=access.teams_visible_to(request.user),
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest) -> HttpResponse:
    require_publisher(request)
    return _activity_edit(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_publisher(request)
    return _activity_edit(request, visible_activity(request, pk))


def _activity_edit(request: HttpRequest, activity: Activity | None) -> HttpResponse:
    form = _activity_form(request, activity)
    return form_page(
        request,
        form,
        lambda: activity_services.activity_save(
            actor=request.user,
            activity=activity,
            values=form.values(),
            topics=form.cleaned_data["topics"],
            audience_teams=form.cleaned_data["audience_teams"],
        ),
        message=lambda done: (
            f"“{done}” is saved as a draft." if activity is None else f"“{done}” is saved."
        ),
        to=lambda done: activity_url(done.pk),
        invalid_status=422,
        title="Add an activity" if activity is None else f"Change “{activity}”",
        button="Save as draft" if activity is None else "Save changes",
        cancel_url=activity_url(activity.pk) if activity else reverse("learning_catalogue:manage"),
    )


@login_required
@require_POST
def activity_status(request: HttpRequest, pk: int) -> HttpResponse:
    require_publisher(request)
    activity = visible_activity(request, pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose draft, published or retired.")
        return redirect(activity_url(pk))
    try:
        activity_services.activity_set_status(
            actor=request.user, activity=activity, status=form.cleaned_data["status"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        label = ActivityStatus(form.cleaned_data["status"]).label.lower()
        messages.success(request, f"“{activity}” is now {label}.")
    return redirect(activity_url(pk))


LIST_MODELS = {"formats": Format, "topics": Topic}


def _list_model(kind: str) -> type[Format] | type[Topic]:
    if kind not in LIST_MODELS:
        raise Http404("There is no such list.")
    return LIST_MODELS[kind]


@login_required
@require_safe
def lists(request: HttpRequest) -> HttpResponse:
    require_publisher(request)
    return _lists_page(request)


def _lists_page(request: HttpRequest, **forms: object) -> HttpResponse:
    """The formats, topics and settings page; with a form sent back (a list's ``kind`` or
    ``settings``), that form with its errors, answering 422."""
    organisation = request.user.organisation_id
    context = {
        "sections": [
            {
                "heading": model._meta.verbose_name_plural.capitalize(),
                "label": model._meta.verbose_name,
                "kind": kind,
                "items": model.objects.filter(organisation_id=organisation),
                "form": forms.get(kind) or ListItemForm(prefix=kind),
            }
            for kind, model in LIST_MODELS.items()
        ],
        "settings_form": forms.get("settings")
        or CatalogueSettingsForm(
            initial={"offer_hours": place_services.offer_hours_of(organisation)}
        ),
    }
    return render(request, "learning_catalogue/lists.html", context, status=422 if forms else 200)


@login_required
@require_POST
def list_item_add(request: HttpRequest, kind: str) -> HttpResponse:
    require_publisher(request)
    model = _list_model(kind)
    form = ListItemForm(request.POST, prefix=kind)
    return saved(
        request,
        form,
        lambda: activity_services.list_item_save(
            actor=request.user, model=model, item=None, name=form.cleaned_data["name"]
        ),
        message=lambda _: f"“{form.cleaned_data['name']}” is added.",
        to=reverse("learning_catalogue:lists"),
    ) or _lists_page(request, **{kind: form})


@login_required
@require_http_methods(["GET", "POST"])
def list_item_edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    require_publisher(request)
    model = _list_model(kind)
    item = get_object_or_404(model, organisation_id=request.user.organisation_id, pk=pk)
    if request.method == "POST" and request.POST.get("delete"):
        try:
            activity_services.list_item_delete(actor=request.user, item=item)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("learning_catalogue:list-item", kind=kind, pk=pk)
        messages.success(request, f"“{item.name}” is removed.")
        return redirect("learning_catalogue:lists")
    form = ListItemForm(posted(request), initial={"name": item.name})
    label = model._meta.verbose_name
    return form_page(
        request,
        form,
        lambda: activity_services.list_item_save(
            actor=request.user, model=model, item=item, name=form.cleaned_data["name"]
        ),
        message=lambda _: f"Renamed to “{form.cleaned_data['name']}”.",
        to=reverse("learning_catalogue:lists"),
        template="learning_catalogue/list_item.html",
        invalid_status=422,
        title=item.name,
        caption=label.capitalize(),
        label=label,
        button="Rename",
        cancel_url=reverse("learning_catalogue:lists"),
        back_text="Formats, topics and settings",
    )


@login_required
@require_POST
def settings_update(request: HttpRequest) -> HttpResponse:
    require_publisher(request)
    form = CatalogueSettingsForm(request.POST)
    return saved(
        request,
        form,
        lambda: place_services.catalogue_settings_update(
            actor=request.user, offer_hours=form.cleaned_data["offer_hours"]
        ),
        message=lambda _: (
            f"An offered place is now held for {form.cleaned_data['offer_hours']} hours."
        ),
        to=reverse("learning_catalogue:lists"),
    ) or _lists_page(request, settings=form)
