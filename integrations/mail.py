"""Sending email, for every app's notices: links that work outside the site, plain-text bodies
rendered in London time, and one message per recipient."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

from core.time import LONDON


def absolute_url(path: str) -> str:
    """A site path as a link that works from an email (``settings.SITE_URL``)."""
    return f"{settings.SITE_URL}{path}"


def render_text(template: str, context: dict[str, object]) -> str:
    """A plain-text body, with times shown in London time whatever the active zone."""
    with timezone.override(LONDON):
        return render_to_string(template, context).strip() + "\n"


def send_all(messages: list[EmailMessage]) -> int:
    """Sends each message; answers how many were sent."""
    for message in messages:
        message.send()
    return len(messages)
