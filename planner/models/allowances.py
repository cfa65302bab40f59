"""How much protected learning time people get: per-organisation settings and dated rules.

The most specific rule in force wins: person, then team, then career stage, then the
organisation's default. A rule gives either a percentage of contracted time (newly qualified
staff: 10% by default, per docs/domain.md) or full-time-equivalent minutes per period, pro-rated by
the person's working pattern.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from teams.models import CareerStage


class AllowancePeriod(models.TextChoices):
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Year"


class PlannerSettings(models.Model):
    """One row per organisation, created with defaults on first use."""

    organisation = models.OneToOneField(
        "teams.Organisation", on_delete=models.CASCADE, related_name="planner_settings"
    )
    allowance_period = models.CharField(
        max_length=10, choices=AllowancePeriod.choices, default=AllowancePeriod.QUARTER
    )
    year_starts_month = models.PositiveSmallIntegerField(
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="Month the allowance year starts (4 = April, the public sector's year).",
    )

    class Meta:
        verbose_name_plural = "planner settings"

    def __str__(self) -> str:
        return f"Planner settings for {self.organisation}"


class AllowanceScope(models.TextChoices):
    ORGANISATION = "organisation", "Everyone"
    CAREER_STAGE = "career_stage", "Career stage"
    TEAM = "team", "Team"
    PERSON = "person", "Person"


class AllowanceRule(models.Model):
    organisation = models.ForeignKey(
        "teams.Organisation", on_delete=models.CASCADE, related_name="allowance_rules"
    )
    scope = models.CharField(max_length=20, choices=AllowanceScope.choices)
    career_stage = models.CharField(max_length=20, choices=CareerStage.choices, blank=True)
    team = models.ForeignKey(
        "teams.Team", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    person = models.ForeignKey(
        "teams.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    effective_from = models.DateField()
    percent_of_contracted = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text="Share of contracted working time in the period, e.g. 10 for 10%.",
    )
    full_time_minutes_per_period = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Minutes per period for a full-time person; part-time people get it pro rata.",
    )
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation", "scope", "-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        percent_of_contracted__isnull=False,
                        full_time_minutes_per_period__isnull=True,
                    )
                    | Q(
                        percent_of_contracted__isnull=True,
                        full_time_minutes_per_period__isnull=False,
                    )
                ),
                name="allowance_rule_gives_one_amount",
            ),
            models.CheckConstraint(
                condition=(
                    Q(scope="organisation", career_stage="", team__isnull=True, person__isnull=True)
                    | Q(scope="career_stage", team__isnull=True, person__isnull=True)
                    & ~Q(career_stage="")
                    | Q(scope="team", career_stage="", team__isnull=False, person__isnull=True)
                    | Q(scope="person", career_stage="", team__isnull=True, person__isnull=False)
                ),
                name="allowance_rule_target_matches_scope",
            ),
        ]

    def __str__(self) -> str:
        amount = (
            f"{self.percent_of_contracted}% of contracted time"
            if self.percent_of_contracted is not None
            else f"{self.full_time_minutes_per_period} minutes full-time"
        )
        return f"{self.get_scope_display()}: {amount} from {self.effective_from}"
