"""Personal API tokens: your own only; the key is shown once."""

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller
from teams import selectors, services
from teams.api.schemas.tokens import TokenCreate, TokenCreated, TokenOut
from teams.models import ApiToken

router = Router(tags=["tokens"])


@router.get("/tokens", response=list[TokenOut], operation_id="tokens_list")
@paginate(LimitOffsetPagination)
def tokens_list(request: HttpRequest) -> QuerySet[ApiToken]:
    """Your own personal API tokens (never the keys themselves)."""
    return selectors.tokens_list(caller(request))


@router.post("/tokens", response={201: TokenCreated}, operation_id="tokens_create")
def tokens_create(
    request: HttpRequest, response: HttpResponse, payload: TokenCreate
) -> dict[str, object]:
    """Creates a token acting with your permissions. Copy ``key`` now: it is shown only once."""
    token, raw = services.api_token_create(actor=caller(request), name=payload.name)
    # The key must not linger in a cache on the way back.
    response["Cache-Control"] = "no-store"
    return {**TokenOut.from_orm(token).model_dump(), "key": raw}


@router.post("/tokens/{token_id}/revoke", response=TokenOut, operation_id="tokens_revoke")
def tokens_revoke(request: HttpRequest, token_id: int) -> ApiToken:
    """Stops a token working at once; the record stays so you can see when it was used."""
    actor = caller(request)
    token = selectors.token_for_owner(actor, token_id)
    return services.api_token_revoke(actor=actor, token=token)
