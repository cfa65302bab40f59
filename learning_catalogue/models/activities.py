"""What the catalogue offers: activities in editable formats and topics, for an audience."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models


class Format(models.Model):
    """A kind of learning (podcast, webinar, shadowing...): data, so L&D can add their own."""

    organisation = models.ForeignKey(
        "teams.Organisation", on_delete=models.CASCADE, related_name="learning_formats"
    )
    name = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["organisation", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="format_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Topic(models.Model):
    organisation = models.ForeignKey(
        "teams.Organisation", on_delete=models.CASCADE, related_name="learning_topics"
    )
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="topic_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class ActivityStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    RETIRED = "retired", "Retired"


class DeliveryMode(models.TextChoices):
    ON_DEMAND = "on_demand", "On demand"
    SCHEDULED = "scheduled", "Scheduled sessions"
    ARRANGED = "arranged", "Arranged with a person"


class ProviderKind(models.TextChoices):
    INTERNAL = "internal", "Internal"
    EXTERNAL = "external", "External"


class Activity(models.Model):
    organisation = models.ForeignKey(
        "teams.Organisation", on_delete=models.CASCADE, related_name="learning_activities"
    )
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    format = models.ForeignKey(Format, on_delete=models.PROTECT, related_name="activities")
    topics = models.ManyToManyField(Topic, blank=True, related_name="activities")
    duration_minutes = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    delivery_mode = models.CharField(max_length=20, choices=DeliveryMode.choices)
    provider_kind = models.CharField(
        max_length=20, choices=ProviderKind.choices, default=ProviderKind.INTERNAL
    )
    provider_name = models.CharField(max_length=200, blank=True)
    cost_per_place = models.DecimalField(
        max_digits=10, decimal_places=2, default=Decimal(0), validators=[MinValueValidator(0)]
    )
    other_direct_costs = models.DecimalField(
        max_digits=10, decimal_places=2, default=Decimal(0), validators=[MinValueValidator(0)]
    )
    link = models.URLField(blank=True)
    resource = models.TextField(blank=True, help_text="Where to find it when there is no link.")
    has_captions = models.BooleanField(default=False)
    has_transcript = models.BooleanField(default=False)
    has_british_sign_language = models.BooleanField(default=False)
    # Who it is meant for; empty means everyone.
    audience_career_stages = models.JSONField(default=list, blank=True)
    audience_roles = models.JSONField(default=list, blank=True)
    audience_teams = models.ManyToManyField("teams.Team", blank=True, related_name="+")
    co_designed_with = models.CharField(max_length=300, blank=True)
    status = models.CharField(
        max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.DRAFT
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        "teams.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Title, summary, format, topics and provider as lower-case words separated by single
    # spaces, kept by the services: PostgreSQL's full-text search and SQLite's LIKE read the
    # same words, so search gives the same results on both.
    search_text = models.TextField(blank=True, default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "id"]
        verbose_name_plural = "activities"
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return self.title
