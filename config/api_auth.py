"""How the API knows who is calling: a browser session (with CSRF) or a personal API token.

Both are accepted on every operation. Either way the caller's ``Person`` becomes
``request.auth`` and ``request.user``, so an operation acts with exactly that person's
permissions, decided by ``teams.access`` and ``teams.services``.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from teams.models import Person
from teams.services import api_token_authenticate


class CsrfFailed(HttpError):
    """A signed-in browser sent a write without the CSRF token."""

    code = "csrf_failed"

    def __init__(self) -> None:
        super().__init__(403, "The CSRF token is missing or wrong; reload the page and try again.")


class PersonalTokenAuth(HttpBearer):
    """``Authorization: Bearer pt_...`` for scripts; tokens are looked up by their hash."""

    def authenticate(self, request: HttpRequest, token: str) -> Person | None:
        person = api_token_authenticate(token.strip())
        if person is None:
            # A script that sent a token meant to use it: say so, rather than falling through to
            # the session check and answering with a confusing CSRF failure.
            raise AuthenticationError(message="The API token is not valid or has been revoked.")
        request.user = person
        return person


class SessionWithCsrfAuth(SessionAuth):
    """The signed-in browser session; writes must carry the CSRF token like any form."""

    def __call__(self, request: HttpRequest) -> Person | None:
        user = request.user
        if not (user.is_authenticated and user.is_active):
            return None
        # Checked only for signed-in sessions, so an anonymous caller gets 401, not a CSRF 403.
        if self.csrf and not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise CsrfFailed
        return user


API_AUTH = [PersonalTokenAuth(), SessionWithCsrfAuth(csrf=True)]
