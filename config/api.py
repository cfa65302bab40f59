"""The JSON API root at /api/v1/; each app adds its own router.

Every operation accepts a signed-in browser session (with CSRF) or a personal API token, answers
errors in one shape (``core.api_errors``) and pages its lists with limit/offset.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import ConfigError
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation

from config.api_auth import API_AUTH
from core.api_errors import document_errors, register_error_handlers
from learning_catalogue.api import router as catalogue_router
from planner.api import router as planner_router
from teams.api import router as teams_router


class SignedInSwagger(Swagger):
    """The interactive docs are for signed-in people; the schema itself stays public so
    scripts and code generators can fetch it."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().render_page(request, api, **kwargs)


class ProtectedTimeAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        return document_errors(
            super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        )

    def get_openapi_operation_id(self, operation: Operation) -> str:
        # Clients and the permission test key on operationId, so it must never change because a
        # function was renamed or moved: every operation names its own.
        raise ConfigError(f"{operation.view_func.__qualname__} needs an explicit operation_id.")


api = ProtectedTimeAPI(
    title="Protected Time API",
    version="1",
    description=(
        "Organisations, teams, people, working patterns and registrations. Authenticate with "
        "your browser session (send the CSRF token on writes) or a personal API token "
        "(`Authorization: Bearer pt_…`), which acts with exactly your permissions. Lists take "
        "`limit` and `offset` and answer `{count, items}`; errors answer `{error: {status, "
        "code, message, fields}}`."
    ),
    urls_namespace="api",
    auth=API_AUTH,
    docs=SignedInSwagger(),
)
register_error_handlers(api)

api.add_router("/", teams_router)
api.add_router("/", catalogue_router)
api.add_router("/", planner_router)
