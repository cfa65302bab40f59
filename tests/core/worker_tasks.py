"""A task for the worker fault test: two notices, with a pause between them while a flag file
exists, so the test can kill the worker after the first is sent and before the second."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.mail import EmailMessage
from django.tasks import task

from integrations.mail import send_all


def _notice(recipient: str, which: str) -> EmailMessage:
    return EmailMessage(subject=f"{which} notice", body=f"{which} for {recipient}", to=[recipient])


@task
def two_notices(*, recipient: str, pause_file: str) -> int:
    sent = send_all([_notice(recipient, "First")])
    while Path(pause_file).exists():
        time.sleep(0.1)
    return sent + send_all([_notice(recipient, "Second")])
