"""What every importer records once an upload is applied: who imported which file, with its
counts, in the organisation's audit log (integrations cannot import ``teams.audit`` itself)."""

from __future__ import annotations

from typing import ClassVar

from integrations.imports.importer import Importer
from integrations.models import ImportBatch
from teams.audit import audit_record


class AuditedImporter(Importer):
    """An importer whose applied uploads are audited as ``audit_action``."""

    audit_action: ClassVar[str]

    def record(self, batch: ImportBatch) -> None:
        audit_record(
            actor=self.actor,
            organisation=self.actor.organisation,
            action=self.audit_action,
            obj=batch,
            after={"filename": batch.filename, "sha256": batch.sha256, **batch.summary},
        )
