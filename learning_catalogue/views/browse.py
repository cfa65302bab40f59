"""The catalogue as practitioners browse it: search and filters (``filters.ActivityFilter``),
and an activity's page with its sessions, your place and ratings."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from learning_catalogue import access as catalogue_access
from learning_catalogue.filters import BROWSE_FIELDS, ActivityFilter
from learning_catalogue.forms import (
    RatingForm,
)
from learning_catalogue.models import (
    ACTIVE_PLACE_STATUSES,
    Activity,
    ActivityStatus,
    Rating,
    Session,
    SessionPlace,
)
from learning_catalogue.selectors import (
    annotated,
    comments_for,
    places_left,
    rating_summary,
    recommended_for,
    with_places,
)
from learning_catalogue.services import feedback
from learning_catalogue.services.activities import TRANSITIONS
from learning_catalogue.tables import (
    ActivityCards,
    SessionTable,
    paged,
)
from teams.models import CareerStage, Person, Role


@login_required
@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    filters = ActivityFilter(request.GET, user=request.user, fields=BROWSE_FIELDS)
    table = paged(request, ActivityCards(filters.qs))
    query = request.GET.copy()
    query.pop("page", None)
    bite_size = request.GET.copy()
    bite_size["bite_size"] = "on"
    bite_size.pop("page", None)
    return render(
        request,
        "learning_catalogue/catalogue.html",
        {
            "form": filters.form,
            "table": table,
            "page": table.page,
            "query": query.urlencode(),
            "filtered": bool(set(request.GET) - {"page", "sort"}),
            "bite_size_query": bite_size.urlencode(),
            "recommended": list(recommended_for(request.user)) if not request.GET else [],
            "can_publish": catalogue_access.can_publish(request.user),
        },
    )


def _sessions(activity: Activity, user: Person) -> list[Session]:
    """Sessions not yet over with their seats left and the visitor's own place."""
    sessions = with_places(activity.sessions.filter(end__gt=timezone.now())).order_by("start", "pk")
    mine = {
        place.session_id: place
        for place in SessionPlace.objects.filter(
            session__activity=activity, person=user, status__in=ACTIVE_PLACE_STATUSES
        )
    }
    rows = []
    for session in sessions:
        session.my_place = mine.get(session.pk)
        session.places_left = places_left(session)
        rows.append(session)
    return rows


@login_required
@require_safe
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(
        annotated(catalogue_access.activities_visible_to(request.user), request.user), pk=pk
    )
    can_publish = catalogue_access.can_publish(request.user)
    my_rating = Rating.objects.filter(activity=activity, person=request.user).first()
    rating_form = None
    if activity.status != ActivityStatus.DRAFT and feedback.can_rate(request.user, activity):
        rating_form = RatingForm(
            initial={
                "usefulness": my_rating.usefulness,
                "would_recommend": "yes" if my_rating.would_recommend else "no",
                "comment": my_rating.comment,
            }
            if my_rating
            else None
        )
    return render(
        request,
        "learning_catalogue/activity.html",
        {
            "activity": activity,
            "topics": list(activity.topics.all()),
            "sessions": SessionTable(_sessions(activity, request.user)),
            "summary": rating_summary(activity),
            "comments": comments_for(request.user, activity)[:50],
            "rating_form": rating_form,
            "my_rating": my_rating,
            "can_publish": can_publish,
            "status_choices": [
                (status, ActivityStatus(status).label)
                for status, sources in TRANSITIONS.items()
                if activity.status in sources
            ],
            "audience": [
                *(CareerStage(value).label for value in activity.audience_career_stages),
                *(Role(value).label for value in activity.audience_roles),
                *(team.name for team in activity.audience_teams.all()),
            ],
            "sees_session_pages": catalogue_access.sees_session_pages(request.user),
        },
    )
