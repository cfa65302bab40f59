"""The address a request really came from, for sign-in protection (django-axes).

Behind the TLS proxy the production steps prescribe, every connection comes from the proxy, so
locking on the connecting address would let anyone lock a named colleague out. With
``TRUSTED_PROXY_COUNT`` set to the number of proxies in front of the site, the client is the
address that the outermost trusted proxy saw, read from the right of ``X-Forwarded-For`` (the
entries left of it are whatever the client chose to send, so they are never believed). With no
trusted proxy the header is ignored and the connecting address is the client.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    remote = _valid(request.META.get("REMOTE_ADDR", ""))
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part]
    if len(forwarded) < hops:
        # A request that did not pass through every trusted proxy: only its own address is known.
        return remote
    return _valid(forwarded[-hops]) or remote
