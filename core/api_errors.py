"""One error body for the whole API, whichever layer raised the problem.

Every error answers ``{"error": {"status", "code", "message", "fields"}}``, where ``fields``
maps a request field to what is wrong with it, so a script or a person can fix the request
without guessing. Services raise Django's own exceptions; they are translated here, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

if TYPE_CHECKING:
    from collections.abc import Callable

    from ninja import NinjaAPI

# The request locations ninja puts first in an error's "loc"; the client only cares about the
# field, not where ninja found it.
_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}

CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "validation_error",
    429: "throttled",
}


CONFLICT_MESSAGE = "That clashes with something already recorded; see the fields for what."


class ErrorDetail(Schema):
    status: int
    code: str
    message: str
    fields: dict[str, list[str]] = {}


class ErrorOut(Schema):
    error: ErrorDetail


class NotFound(Http404):
    """Something the caller named cannot be seen: it may not exist, or belong to someone else.

    ``field`` names the request field that pointed at it, when it came from the body or query.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Conflict(HttpError):
    """The request is well-formed but clashes with the current state (409)."""

    def __init__(self, message: str) -> None:
        super().__init__(409, message)


def error_body(
    *,
    status: int,
    message: str,
    fields: dict[str, list[str]] | None = None,
    code: str | None = None,
) -> dict[str, dict[str, object]]:
    """The one error shape every API answer uses, whatever produced it."""
    return {
        "error": {
            "status": status,
            "code": code or CODES.get(status, "error"),
            "message": message,
            "fields": fields or {},
        }
    }


def error_response(
    api: NinjaAPI,
    request: HttpRequest,
    *,
    status: int,
    message: str,
    fields: dict[str, list[str]] | None = None,
    code: str | None = None,
) -> HttpResponse:
    body = error_body(status=status, message=message, fields=fields, code=code)
    return api.create_response(request, body, status=status)


def _field_name(loc: list[object] | tuple[object, ...]) -> str:
    """``("body", "payload", "email")`` → ``"email"``; ``("query", "limit")`` → ``"limit"``."""
    parts = [str(part) for part in loc]
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
    # Ninja names the whole body after the handler's argument ("payload"); drop it when a field
    # inside it is meant.
    if len(parts) > 1 and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(parts) or "__all__"


def _ninja_validation_error(
    request: HttpRequest, exc: NinjaValidationError, api: NinjaAPI
) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    for error in exc.errors:
        message = str(error.get("msg", "Invalid value.")).removeprefix("Value error, ")
        fields.setdefault(_field_name(error.get("loc", ())), []).append(message)
    return error_response(
        api, request, status=422, message="Some fields are missing or invalid.", fields=fields
    )


def _django_validation_error(
    request: HttpRequest, exc: DjangoValidationError, api: NinjaAPI
) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        fields = {name: list(messages) for name, messages in exc.message_dict.items()}
    else:
        fields = {NON_FIELD_ERRORS: list(exc.messages)}
    general = fields.pop(NON_FIELD_ERRORS, [])
    # A service may mark its refusal as a clash with recorded state (409) rather than bad input.
    status = getattr(exc, "http_status", 422)
    default = "Some fields are missing or invalid." if status == 422 else CONFLICT_MESSAGE
    message = " ".join(general) if general else default
    return error_response(
        api,
        request,
        status=status,
        message=message,
        fields=fields,
        code=getattr(exc, "api_code", None),
    )


def _authentication_error(
    request: HttpRequest, exc: AuthenticationError, api: NinjaAPI
) -> HttpResponse:
    message = exc.message if exc.message != "Unauthorized" else ""
    response = error_response(
        api,
        request,
        status=401,
        message=message or "Sign in, or send a personal API token as 'Authorization: Bearer …'.",
    )
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def _http_error(request: HttpRequest, exc: HttpError, api: NinjaAPI) -> HttpResponse:
    # Raisers may name a more precise code than the status gives (e.g. "csrf_failed").
    code = getattr(exc, "code", None)
    return error_response(api, request, status=exc.status_code, message=exc.message, code=code)


def _permission_denied(request: HttpRequest, exc: PermissionDenied, api: NinjaAPI) -> HttpResponse:
    message = str(exc) or "You do not have permission to do that."
    return error_response(api, request, status=403, message=message)


def _not_found(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    field = getattr(exc, "field", None)
    message = str(exc) if isinstance(exc, NotFound) else "Not found."
    fields = {field: [message]} if field else None
    return error_response(api, request, status=404, message=message, fields=fields)


def _integrity_error(request: HttpRequest, exc: IntegrityError, api: NinjaAPI) -> HttpResponse:
    return error_response(
        api,
        request,
        status=409,
        message="That clashes with something already recorded (perhaps a duplicate); "
        "reload it and try again.",
    )


def register_error_handlers(api: NinjaAPI) -> None:
    """Replaces ninja's default handlers so every failure has the same body."""
    handlers = {
        NinjaValidationError: _ninja_validation_error,
        DjangoValidationError: _django_validation_error,
        AuthenticationError: _authentication_error,
        HttpError: _http_error,
        PermissionDenied: _permission_denied,
        Http404: _not_found,
        ObjectDoesNotExist: _not_found,
        IntegrityError: _integrity_error,
    }
    for exception, handler in handlers.items():
        api.add_exception_handler(
            exception,
            lambda request, exc, handler=handler: handler(request, exc, api),
        )


def document_errors(schema: dict) -> dict:
    """Adds ``ErrorOut`` to the OpenAPI components and to every operation's responses."""
    error_schema = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(error_schema.pop("$defs", {}))
    components["ErrorOut"] = error_schema
    reference = {"$ref": "#/components/schemas/ErrorOut"}
    descriptions = {
        400: "The request body is not valid JSON.",
        401: "Not signed in, or the API token is not valid.",
        403: "Signed in, but not allowed to do this (or the CSRF token is missing).",
        404: "Not found, or not visible to you.",
        409: "Clashes with something already recorded.",
        422: "Some fields are missing or invalid; see error.fields.",
    }
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            writes = method in {"post", "put", "patch", "delete"}
            for status, description in descriptions.items():
                if status in {400, 409} and not writes:
                    continue
                operation.setdefault("responses", {}).setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": reference}},
                    },
                )
    return schema


class ApiMethodNotAllowedMiddleware:
    """django-ninja answers a method a path does not take with a plain-text 405; scripts get
    the API's error shape instead, with the ``Allow`` header kept."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 405
            and request.path.startswith("/api/")
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            allowed = response.get("Allow", "")
            body = error_body(
                status=405,
                message=f"This address does not take {request.method}; it takes {allowed}.",
            )
            json_response = JsonResponse(body, status=405)
            json_response["Allow"] = allowed
            return json_response
        return response
