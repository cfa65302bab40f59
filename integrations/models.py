"""Rows the integrations keep: uploaded import files waiting for confirmation, and which task
runs have sent which messages."""

from django.conf import settings
from django.db import models


class ImportBatch(models.Model):
    """An uploaded file kept between its preview and its confirmation.

    Confirming re-reads exactly these bytes, so what is applied is what was previewed; nothing
    about people is written until then.
    """

    class Kind(models.TextChoices):
        PEOPLE = "people", "Staff list"
        ABSENCES = "absences", "Absences"
        CATALOGUE = "catalogue", "Learning catalogue"

    organisation = models.ForeignKey(
        "teams.Organisation", on_delete=models.CASCADE, related_name="import_batches"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PEOPLE)
    filename = models.CharField(max_length=255)
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filename}"


class SentMessage(models.Model):
    """A message a task run has sent, so the same run repeated (its worker died and the task was
    handed back, see ``core.worker``) does not send it again. Keyed by the run and the message."""

    key = models.CharField(max_length=128, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key
