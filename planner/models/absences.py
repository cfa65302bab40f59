"""Leave, sickness and TOIL days, so working time and cover conflicts are right."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q


class AbsenceKind(models.TextChoices):
    ANNUAL_LEAVE = "annual_leave", "Annual leave"
    SICKNESS = "sickness", "Sickness"
    TOIL = "toil", "Time off in lieu"
    OTHER = "other", "Other absence"


class Absence(models.Model):
    person = models.ForeignKey("teams.Person", on_delete=models.CASCADE, related_name="absences")
    kind = models.CharField(max_length=20, choices=AbsenceKind.choices)
    start_date = models.DateField()
    end_date = models.DateField()
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start_date", "id"]
        indexes = [models.Index(fields=["person", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="absence_ends_on_or_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.person} from {self.start_date}"
