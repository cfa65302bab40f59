"""Keeping an uploaded file for its preview, shared by every import."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from integrations.models import ImportBatch
from teams.models import Person


def keep_upload(
    *,
    actor: Person,
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
