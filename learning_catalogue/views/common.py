"""Helpers the catalogue's pages share."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from learning_catalogue import access as catalogue_access
from learning_catalogue.models import Activity, Session


def visible_activity(request: HttpRequest, pk: int) -> Activity:
    """An activity the visitor may see (drafts only for L&D), else 404."""
    return get_object_or_404(
        catalogue_access.activities_visible_to(request.user).select_related("format"), pk=pk
    )


def visible_session(request: HttpRequest, pk: int) -> Session:
    return get_object_or_404(
        catalogue_access.sessions_visible_to(request.user).select_related("activity"), pk=pk
    )


def require_publisher(request: HttpRequest) -> None:
    catalogue_access.require_publisher(request.user)
