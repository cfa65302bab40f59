"""Helpers the catalogue's pages share."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

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


def activity_url(pk: int) -> str:
    return reverse("learning_catalogue:activity", args=[pk])


def next_url(request: HttpRequest, default: str) -> str:
    """Where a button on a list sends you back to, if it is a page of this site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return default
