"""Sending email, for every app's notices: links that work outside the site, plain-text bodies
rendered in London time, one message per recipient, and each message sent once per task run."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.tasks import current_task_id
from core.time import LONDON
from integrations.models import SentMessage


def absolute_url(path: str) -> str:
    """A site path as a link that works from an email (``settings.SITE_URL``)."""
    return f"{settings.SITE_URL}{path}"


def render_text(template: str, context: dict[str, object]) -> str:
    """A plain-text body, with times shown in London time whatever the active zone."""
    with timezone.override(LONDON):
        return render_to_string(template, context).strip() + "\n"


def _key(run: str, message: EmailMessage) -> str:
    what = "\n".join([*message.to, *message.cc, *message.bcc, message.subject, message.body])
    return f"{run}:{hashlib.sha256(what.encode()).hexdigest()}"


def send_once(message: EmailMessage) -> bool:
    """Sends the message unless this task run already has; True when it went out.

    The run's claim on the message and the sending share one transaction: a worker killed
    before the send finishes leaves no claim, so the run repeated sends it; a run repeated
    after the send committed skips it. Outside a task (a page, a command) it simply sends."""
    run = current_task_id()
    if run is None:
        message.send()
        return True
    try:
        with transaction.atomic():
            SentMessage.objects.create(key=_key(run, message))
            message.send()
    except IntegrityError:
        return False
    return True


def send_all(messages: list[EmailMessage]) -> int:
    """Sends each message once per task run; answers how many were sent now."""
    return sum(send_once(message) for message in messages)
