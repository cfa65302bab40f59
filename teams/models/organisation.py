"""An employer, its services and teams (one tree), team managers and dated memberships."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Organisation(models.Model):
    """One employer. Every other row belongs to exactly one organisation."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    brand_colour = models.CharField(
        max_length=7,
        default="#1d70b8",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Enter a colour like #1d70b8.")],
        help_text="Shown in the page header, as a hex colour like #1d70b8.",
    )
    standard_weekly_minutes = models.PositiveIntegerField(
        default=37 * 60, help_text="Full-time contracted minutes a week (FTE 1.0)."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TeamQuerySet(models.QuerySet["Team"]):
    def descendants_of(self, teams: models.QuerySet[Team] | list[Team]) -> TeamQuerySet:
        """These teams and every team below them in the tree."""
        paths = [team.path for team in teams]
        if not paths:
            return self.none()
        condition = Q()
        for path in paths:
            condition |= Q(path__startswith=path)
        return self.filter(condition)


PATH_DIGITS = 10


def path_below(parent: Team | None, pk: int) -> str:
    """The materialised path of team ``pk`` under ``parent``.

    Each primary key is zero-padded so that sorting paths as text sorts the tree depth-first
    in creation order ("/0000000098/" before "/0000000102/", which unpadded text would swap).
    """
    parent_path = parent.path if parent is not None else "/"
    return f"{parent_path}{pk:0{PATH_DIGITS}d}/"


class Team(models.Model):
    """A node in the organisation's tree: a service (with teams below it) or a team."""

    class Kind(models.TextChoices):
        SERVICE = "service", "Service"
        TEAM = "team", "Team"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TEAM)
    # Materialised path of zero-padded primary keys ("/0000000003/0000000012/") so "this team and every team below" is a
    # single indexed prefix query whatever the depth of the tree.
    path = models.CharField(max_length=500, db_index=True, editable=False, default="")
    minimum_staff_on_duty = models.PositiveSmallIntegerField(
        default=0, help_text="Fewest people who must be working on any day (0 for no minimum)."
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="TeamManager", related_name="managed_teams"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "parent", "name"], name="team_name_unique_in_parent"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2


class TeamManager(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="manager_links")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="manager_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "person"], name="team_manager_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} manages {self.team}"


def in_force(on: datetime.date | None = None, prefix: str = "") -> Q:
    """The one rule for a current membership: started on or before the day (today by default)
    and not ended before it. ``prefix`` reaches memberships from another model
    ("memberships__"), so counts and filters across a relation use the same rule."""
    day = on or timezone.localdate()
    return Q(**{f"{prefix}start_date__lte": day}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": day})
    )


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self, on: datetime.date | None = None) -> MembershipQuerySet:
        """Memberships in force on a day (today by default)."""
        return self.filter(in_force(on))

    def overlapping(self, first_day: datetime.date, last_day: datetime.date) -> MembershipQuerySet:
        """Memberships in force on any day from ``first_day`` to ``last_day``: started by the
        last day and not ended before the first."""
        return self.filter(start_date__lte=last_day).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=first_day)
        )


class Membership(models.Model):
    """A person's time in a team; people move teams, so history is kept as dated rows."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="memberships")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        indexes = [models.Index(fields=["team", "start_date", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.team} from {self.start_date}"

    def is_current(self, on: datetime.date | None = None) -> bool:
        """``in_force`` for one membership already loaded (a prefetched history)."""
        day = on or timezone.localdate()
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)
