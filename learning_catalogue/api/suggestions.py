"""Suggestions through the API: anyone suggests an activity; L&D leads and org admins triage
the organisation's, and the reason for a decline is shown to the person who asked. Every
write goes through ``learning_catalogue.services.feedback``.
"""

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from learning_catalogue import access as catalogue_access
from learning_catalogue.api.activities import topics_of
from learning_catalogue.api.schemas.suggestions import (
    SuggestionDeclineIn,
    SuggestionFilter,
    SuggestionIn,
    SuggestionOut,
)
from learning_catalogue.models import Suggestion
from learning_catalogue.services import suggestions as suggestion_services
from teams.models import Person

router = Router()


def _suggestions(actor: Person) -> QuerySet[Suggestion]:
    """L&D leads and org admins triage the organisation's; everyone else sees their own."""
    return (
        catalogue_access.suggestions_visible_to(actor)
        .select_related("suggested_by", "topic")
        .order_by("-created_at", "-pk")
    )


def _suggestion(actor: Person, suggestion_id: int) -> Suggestion:
    return visible(_suggestions(actor), suggestion_id, "suggestion")


def _decided(
    request: HttpRequest, suggestion_id: int, decide: Callable[..., object], **arguments: str
) -> Suggestion:
    """Runs the service ``decide`` on a suggestion the caller may see (a decline's reason is
    the API's ``reason``); answers the suggestion as it is now."""
    actor = caller(request)
    with fields_named(decline_reason="reason"):
        decide(actor=actor, suggestion=_suggestion(actor, suggestion_id), **arguments)
    return _suggestion(actor, suggestion_id)


@router.get("/suggestions", response=list[SuggestionOut], operation_id="catalogue_suggestions_list")
@paginate(LimitOffsetPagination)
def catalogue_suggestions_list(
    request: HttpRequest, filters: Query[SuggestionFilter]
) -> QuerySet[Suggestion]:
    """Your own suggestions and what became of them; every suggestion in your organisation
    for L&D leads and org admins. Newest first."""
    return filters.filter(_suggestions(caller(request)))


@router.post(
    "/suggestions", response={201: SuggestionOut}, operation_id="catalogue_suggestions_create"
)
def catalogue_suggestions_create(request: HttpRequest, payload: SuggestionIn) -> Status:
    """Suggests an activity or a topic for L&D to consider."""
    actor = caller(request)
    topic = (
        visible(topics_of(actor), payload.topic_id, "topic", field="topic_id")
        if payload.topic_id is not None
        else None
    )
    with fields_named(topic="topic_id"):
        suggestion = suggestion_services.suggestion_create(
            actor=actor,
            topic=topic,
            **payload.model_dump(exclude={"topic_id"}),
        )
    return Status(201, _suggestion(actor, suggestion.pk))


@router.post(
    "/suggestions/{suggestion_id}/accept",
    response=SuggestionOut,
    operation_id="catalogue_suggestions_accept",
)
def catalogue_suggestions_accept(request: HttpRequest, suggestion_id: int) -> Suggestion:
    """L&D take it on: an activity becomes a draft to complete, a topic joins the list."""
    return _decided(request, suggestion_id, suggestion_services.suggestion_accept)


@router.post(
    "/suggestions/{suggestion_id}/decline",
    response=SuggestionOut,
    operation_id="catalogue_suggestions_decline",
)
def catalogue_suggestions_decline(
    request: HttpRequest, suggestion_id: int, payload: SuggestionDeclineIn
) -> Suggestion:
    """L&D turn it down, saying why; the person who suggested it reads the reason."""
    return _decided(
        request, suggestion_id, suggestion_services.suggestion_decline, reason=payload.reason
    )
