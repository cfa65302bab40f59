"""What practitioners say about the catalogue, through the API: their learning list and ratings
(L&D read the comments with names; everyone else sees averages from three ratings). Every
write goes through ``learning_catalogue.services.feedback``. Suggestions and learning needs
have their own modules (``suggestions``, ``needs``).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller
from learning_catalogue import access as catalogue_access
from learning_catalogue.api.activities import (
    activity_card,
    cards,
    visible_activity,
)
from learning_catalogue.api.schemas.activities import ActivityOut, RatingOut
from learning_catalogue.api.schemas.feedback import CommentOut, MyRatingOut, RatingIn
from learning_catalogue.models import Activity, Rating, SavedActivity
from learning_catalogue.selectors import (
    annotated,
    comments_for,
    rating_summary,
)
from learning_catalogue.services import feedback as feedback_services

router = Router()


# Learning list ---------------------------------------------------------------------------------


@router.get("/saved", response=list[ActivityOut], operation_id="catalogue_saved_list")
@paginate(LimitOffsetPagination)
def catalogue_saved_list(request: HttpRequest) -> QuerySet[Activity]:
    """Your learning list, most recently saved first."""
    actor = caller(request)
    saved_at = SavedActivity.objects.filter(person=actor, activity=OuterRef("pk")).values(
        "saved_at"
    )[:1]
    return (
        cards(annotated(catalogue_access.activities_visible_to(actor), actor))
        .filter(is_saved=True)
        .annotate(saved_at=Subquery(saved_at))
        .order_by("-saved_at", "-pk")
    )


@router.put("/saved/{activity_id}", response=ActivityOut, operation_id="catalogue_saved_add")
def catalogue_saved_add(request: HttpRequest, activity_id: int) -> Activity:
    """Puts a published activity on your learning list (saving it again changes nothing)."""
    actor = caller(request)
    feedback_services.saved_add(actor=actor, activity=visible_activity(actor, activity_id))
    return activity_card(actor, activity_id)


@router.delete("/saved/{activity_id}", response={204: None}, operation_id="catalogue_saved_remove")
def catalogue_saved_remove(request: HttpRequest, activity_id: int) -> Status:
    """Takes an activity off your learning list; the same answer when it was not on it, so
    a retried request does no harm."""
    actor = caller(request)
    feedback_services.saved_remove(actor=actor, activity=visible_activity(actor, activity_id))
    return Status(204, None)


# Ratings ---------------------------------------------------------------------------------------


@router.put(
    "/activities/{activity_id}/rating", response=MyRatingOut, operation_id="catalogue_rating_save"
)
def catalogue_rating_save(request: HttpRequest, activity_id: int, payload: RatingIn) -> Rating:
    """Records or changes your own rating, once you have taken part: after a session you
    had a place on, or any time for learning on demand or arranged with a person."""
    actor = caller(request)
    return feedback_services.rating_save(
        actor=actor, activity=visible_activity(actor, activity_id), **payload.model_dump()
    )


@router.get(
    "/activities/{activity_id}/rating-summary",
    response=RatingOut,
    operation_id="catalogue_rating_summary",
)
def catalogue_rating_summary(request: HttpRequest, activity_id: int) -> RatingOut:
    """How many rated it; the average and share who would recommend it only from three."""
    summary = rating_summary(visible_activity(caller(request), activity_id))
    return RatingOut(
        count=summary.count,
        average=summary.average,
        recommend_percent=summary.recommend_percent,
    )


@router.get(
    "/activities/{activity_id}/comments",
    response=list[CommentOut],
    operation_id="catalogue_comments_list",
)
@paginate(LimitOffsetPagination)
def catalogue_comments_list(request: HttpRequest, activity_id: int) -> QuerySet[Rating]:
    """Ratings with a comment, with the name of who wrote each: for L&D leads and org
    admins only, newest first."""
    actor = caller(request)
    activity = visible_activity(actor, activity_id)
    if not catalogue_access.can_publish(actor):
        raise PermissionDenied("Comments are for L&D leads and org admins.")
    return comments_for(actor, activity).order_by("-updated_at", "-pk")
