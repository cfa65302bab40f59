"""Who covers a practitioner's work while they learn, and what they cover."""

from __future__ import annotations

from django.db import models


class CoverDuty(models.TextChoices):
    DUTY = "duty", "Duty"
    PLANNED_VISITS = "planned_visits", "Planned visits"
    PHONE_AND_EMAIL = "phone_and_email", "Phone and email"
    CASE_LIST = "case_list", "Named case list"


class CoverStatus(models.TextChoices):
    ASKED = "asked", "Asked"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    WITHDRAWN = "withdrawn", "Withdrawn"


class CoverConflictKind(models.TextChoices):
    COLLEAGUE_LEARNING = "colleague_learning", "The colleague is booked on learning"
    COLLEAGUE_ABSENT = "colleague_absent", "The colleague is absent"
    COLLEAGUE_NOT_WORKING = "colleague_not_working", "The colleague does not work that day"
    COLLEAGUE_COVERING = "colleague_covering", "The colleague is already covering someone else"
    TEAM_BELOW_MINIMUM = "team_below_minimum", "The team would fall below its minimum on duty"


class CoverAssignment(models.Model):
    booking = models.ForeignKey(
        "planner.Booking", on_delete=models.CASCADE, related_name="cover_assignments"
    )
    colleague = models.ForeignKey(
        "teams.Person", on_delete=models.PROTECT, related_name="cover_assignments"
    )
    # Copied from the booking so overlapping cover is one indexed query.
    start = models.DateTimeField()
    end = models.DateTimeField()
    duties = models.JSONField(default=list, help_text="CoverDuty values.")
    case_list_reference = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=CoverStatus.choices, default=CoverStatus.ASKED)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    # Conflicts found when the cover was assigned, and the manager's reason for going ahead.
    conflicts = models.JSONField(default=list, help_text="CoverConflictKind values.")
    conflicts_accepted_reason = models.TextField(blank=True)
    conflicts_accepted_by = models.ForeignKey(
        "teams.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assigned_by = models.ForeignKey(
        "teams.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["colleague", "start"])]

    def __str__(self) -> str:
        return f"{self.colleague} covers booking {self.booking_id}"
