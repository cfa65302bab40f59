"""Keeping an uploaded file between its preview and its confirmation, shared by every import."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

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
    return batch


def mark_applied(batch: ImportBatch, summary: dict[str, int]) -> None:
    """Records that the file was imported, with its counts. The file itself is dropped: what it
    held (often personal data) now lives in the records it made."""
    batch.applied_at = timezone.now()
    batch.summary = summary
    batch.content = b""
    batch.save(update_fields=["applied_at", "summary", "content"])
