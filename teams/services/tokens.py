"""Personal API tokens: creating (the key is returned once), revoking, and signing in with one."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from teams import access
from teams.models import ApiToken, Person
from teams.services.common import audit, require

TOKEN_PREFIX = "pt_"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, actor: Person, name: str) -> tuple[ApiToken, str]:
    """Creates a token for the actor; the raw key is returned once and never stored."""
    require(access.can_hold_tokens(actor))
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the token a name so you can recognise it later."})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        person=actor, name=name[:100], prefix=raw[:10], key_hash=hash_token(raw)
    )
    audit(actor, "api_token.create", token, after={"name": token.name, "prefix": token.prefix})
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor: Person, token: ApiToken) -> ApiToken:
    require(access.owns_token(actor, token), "You can only revoke your own tokens.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit(actor, "api_token.revoke", token, after={"revoked_at": token.revoked_at})
    return token


def api_token_authenticate(raw: str) -> Person | None:
    """The active person behind a live token, recording when it was last used."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("person", "person__organisation")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, person__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Writing on every request would serialise API calls on SQLite; a minute's precision is
    # enough for "last used".
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.person
