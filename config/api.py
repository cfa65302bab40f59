"""The JSON API root at /api/v1/; each app adds its own router."""

from ninja import NinjaAPI

api = NinjaAPI(title="Protected Time API", version="1", urls_namespace="api")
