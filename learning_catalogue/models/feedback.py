"""What practitioners bring to the catalogue: a learning list of activities saved for later,
ratings after an activity, suggestions for L&D to triage, and learning needs agreed in
supervision."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q


class SavedActivity(models.Model):
    """One entry on a person's "My learning list"."""

    person = models.ForeignKey(
        "teams.Person", on_delete=models.CASCADE, related_name="saved_activities"
    )
    activity = models.ForeignKey(
        "learning_catalogue.Activity", on_delete=models.CASCADE, related_name="saves"
    )
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-saved_at", "-id"]
        verbose_name_plural = "saved activities"
        constraints = [
            models.UniqueConstraint(fields=["person", "activity"], name="save_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.activity} saved by {self.person}"


class Rating(models.Model):
    """A practitioner's judgement of an activity they took part in; one each, changeable."""

    activity = models.ForeignKey(
        "learning_catalogue.Activity", on_delete=models.CASCADE, related_name="ratings"
    )
    person = models.ForeignKey("teams.Person", on_delete=models.CASCADE, related_name="+")
    usefulness = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="Useful for my practice, from 1 (not at all) to 5 (very).",
    )
    would_recommend = models.BooleanField()
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="rate_once_per_person"),
            models.CheckConstraint(
                condition=Q(usefulness__gte=1, usefulness__lte=5), name="usefulness_one_to_five"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.usefulness}/5 for {self.activity}"


class SuggestionKind(models.TextChoices):
    ACTIVITY = "activity", "An activity"
    TOPIC = "topic", "A topic"


class SuggestionStatus(models.TextChoices):
    OPEN = "open", "Waiting for L&D"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class Suggestion(models.Model):
    organisation = models.ForeignKey(
        "teams.Organisation", on_delete=models.CASCADE, related_name="learning_suggestions"
    )
    suggested_by = models.ForeignKey(
        "teams.Person", on_delete=models.CASCADE, related_name="learning_suggestions"
    )
    kind = models.CharField(max_length=20, choices=SuggestionKind.choices)
    title = models.CharField(max_length=200)
    details = models.TextField(blank=True)
    topic = models.ForeignKey(
        "learning_catalogue.Topic",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        max_length=20, choices=SuggestionStatus.choices, default=SuggestionStatus.OPEN
    )
    decline_reason = models.TextField(blank=True)
    # What accepting it made: a draft activity, or a topic.
    activity = models.ForeignKey(
        "learning_catalogue.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_topic = models.ForeignKey(
        "learning_catalogue.Topic",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        "teams.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return self.title


class NeedStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    AGREED = "agreed", "Agreed in supervision"


class LearningNeed(models.Model):
    person = models.ForeignKey(
        "teams.Person", on_delete=models.CASCADE, related_name="learning_needs"
    )
    topic = models.ForeignKey(
        "learning_catalogue.Topic", on_delete=models.PROTECT, related_name="needs"
    )
    details = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=NeedStatus.choices, default=NeedStatus.PROPOSED
    )
    agreed_by = models.ForeignKey(
        "teams.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    agreed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.person}: {self.topic}"
