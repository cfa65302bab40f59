"""Keeping an uploaded file between its preview and its confirmation, shared by every import."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.db.models import Model
from django.utils import timezone

from integrations.models import ImportBatch


def keep_upload(
    *,
    actor: Model,
    kind: str,
    filename: str,
    content: bytes,
    plan: Callable[[ImportBatch], object],
) -> ImportBatch:
    """Plans the file first, so one that cannot be read (``FileProblem``) stores nothing; then
    keeps it, with its digest, for the preview and the confirmation."""
    batch = ImportBatch(
        organisation=actor.organisation,
        uploaded_by=actor,
        kind=kind,
        filename=filename[-255:],
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
    )
    plan(batch)
    batch.save()
    purge_unapplied()
    return batch


def purge_unapplied(*, now: datetime.datetime | None = None) -> int:
    """Deletes uploads previewed but never confirmed for ``IMPORT_KEEP_UNAPPLIED_HOURS``: they
    may hold personal data nobody chose to import. Run on every upload, so no schedule is
    needed; returns how many went."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        hours=settings.IMPORT_KEEP_UNAPPLIED_HOURS
    )
    deleted, _by_model = ImportBatch.objects.filter(
        applied_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


def mark_applied(batch: ImportBatch, summary: dict[str, int]) -> None:
    """Records that the file was imported, with its counts. The file itself is dropped: what it
    held (often personal data) now lives in the records it made."""
    batch.applied_at = timezone.now()
    batch.summary = summary
    batch.content = b""
    batch.save(update_fields=["applied_at", "summary", "content"])
