"""The site-wide error pages; API addresses get the API's JSON error shape instead."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader

from core.api_errors import error_body

API_PREFIX = "/api/"


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "errors/csrf.html", status=403)


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        # Scripts get the API's error shape even for a path no operation matches.
        body = error_body(status=404, message="There is no API operation at this address.")
        return JsonResponse(body, status=404)
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        body = error_body(status=500, message="Something went wrong; nothing was saved.")
        return JsonResponse(body, status=500)
    # Rendered without the request's context processors: the database may be what failed.
    return HttpResponseServerError(loader.render_to_string("errors/500.html"))
