"""People (who are also the login), their roles, working patterns and registrations."""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone

from teams.models.organisation import Organisation

WEEKDAY_FIELDS = (
    "monday_minutes",
    "tuesday_minutes",
    "wednesday_minutes",
    "thursday_minutes",
    "friday_minutes",
    "saturday_minutes",
    "sunday_minutes",
)


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    LD_LEAD = "ld_lead", "L&D lead"
    ORG_ADMIN = "org_admin", "Org admin"


class ContractType(models.TextChoices):
    PERMANENT = "permanent", "Permanent"
    FIXED_TERM = "fixed_term", "Fixed-term"
    AGENCY = "agency", "Agency"
    LOCUM = "locum", "Locum"


class CareerStage(models.TextChoices):
    STUDENT = "student", "Student"
    NEWLY_QUALIFIED = "newly_qualified", "Newly qualified (ASYE)"
    EXPERIENCED = "experienced", "Experienced"


class SpecialismTag(models.TextChoices):
    AMHP = "amhp", "AMHP"
    BIA = "bia", "Best Interests Assessor"
    PRACTICE_EDUCATOR = "practice_educator", "Practice educator"
    PRACTICE_SUPERVISOR = "practice_supervisor", "Practice supervisor"


class LeavingReason(models.TextChoices):
    RESIGNATION = "resignation", "Resignation"
    RETIREMENT = "retirement", "Retirement"
    END_OF_CONTRACT = "end_of_contract", "End of contract"
    DISMISSAL = "dismissal", "Dismissal"
    REDUNDANCY = "redundancy", "Redundancy"
    OTHER = "other", "Other"


class PersonQuerySet(models.QuerySet["Person"]):
    """The one rule for "still employed", used by the people page, the API and every count.

    Employment is the contract's dates: started on or before the day (or no start recorded) and
    not ended before it. ``is_active`` is not part of it: that switch only says whether someone
    can sign in (an admin can stop a person signing in while they are still employed)."""

    def employed_on(self, day: datetime.date | None = None) -> PersonQuerySet:
        day = day or timezone.localdate()
        return self.filter(
            models.Q(employment_end__isnull=True) | models.Q(employment_end__gte=day)
        ).filter(models.Q(employment_start__isnull=True) | models.Q(employment_start__lte=day))

    def left_by(self, day: datetime.date | None = None) -> PersonQuerySet:
        """People whose employment ended before the day (not someone who has yet to start)."""
        return self.filter(employment_end__lt=day or timezone.localdate())


class PersonManager(BaseUserManager.from_queryset(PersonQuerySet)):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> Person:
        return self.get(email__iexact=username)


class Person(AbstractBaseUser):
    """Someone employed by an organisation; their work email is their login."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="people")
    email = models.EmailField("work email", unique=True)
    full_name = models.CharField(max_length=200)
    employee_number = models.CharField(max_length=50, blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    contract_type = models.CharField(
        max_length=20, choices=ContractType.choices, default=ContractType.PERMANENT
    )
    employment_start = models.DateField(null=True, blank=True)
    employment_end = models.DateField(null=True, blank=True)
    leaving_reason = models.CharField(max_length=20, choices=LeavingReason.choices, blank=True)
    career_stage = models.CharField(
        max_length=20, choices=CareerStage.choices, default=CareerStage.EXPERIENCED
    )
    asye_start_date = models.DateField("ASYE start date", null=True, blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PersonManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = "person"
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "employee_number"],
                condition=~models.Q(employee_number=""),
                name="employee_number_unique_in_organisation",
            ),
            models.CheckConstraint(
                condition=models.Q(employment_end__isnull=True)
                | models.Q(employment_start__isnull=True)
                | models.Q(employment_end__gte=models.F("employment_start")),
                name="employment_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        self.email = self.email.strip().lower()
        if self.employment_end and not self.leaving_reason:
            raise ValidationError({"leaving_reason": "Give a leaving reason with the end date."})
        if self.career_stage == CareerStage.NEWLY_QUALIFIED and not self.asye_start_date:
            raise ValidationError({"asye_start_date": "Newly qualified people need a start date."})

    @cached_property
    def roles(self) -> frozenset[str]:
        """The person's roles, read once per request."""
        return frozenset(self.role_assignments.values_list("role", flat=True))

    def has_role(self, role: str) -> bool:
        return role in self.roles

    @property
    def is_staff(self) -> bool:
        return False


class RoleAssignment(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "role"], name="role_unique")]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_role_display()}"


class Specialism(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="specialisms")
    tag = models.CharField(max_length=30, choices=SpecialismTag.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "tag"], name="specialism_unique")]

    def __str__(self) -> str:
        return self.get_tag_display()


def _day_minutes() -> models.PositiveSmallIntegerField:
    """Contracted minutes on one weekday: none up to a whole day."""
    return models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(1440)])


class WorkingPattern(models.Model):
    """Contracted minutes for each weekday, in force from a date until the next pattern."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="working_patterns")
    effective_from = models.DateField()
    monday_minutes = _day_minutes()
    tuesday_minutes = _day_minutes()
    wednesday_minutes = _day_minutes()
    thursday_minutes = _day_minutes()
    friday_minutes = _day_minutes()
    saturday_minutes = _day_minutes()
    sunday_minutes = _day_minutes()

    class Meta:
        ordering = ["person", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "effective_from"], name="one_pattern_per_person_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} from {self.effective_from}"

    @property
    def weekly_minutes(self) -> int:
        return sum(getattr(self, name) for name in WEEKDAY_FIELDS)

    def minutes_on(self, day: datetime.date) -> int:
        return getattr(self, WEEKDAY_FIELDS[day.weekday()])

    def fte(self, standard_weekly_minutes: int) -> Decimal:
        """Full-time equivalent against the organisation's standard week, to 2 places."""
        return (Decimal(self.weekly_minutes) / Decimal(standard_weekly_minutes)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )


class Regulator(models.Model):
    """A professional regulator; the number format is data because regulators change it."""

    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=100)
    number_pattern = models.CharField(
        max_length=200, blank=True, help_text="Regular expression a registration number matches."
    )
    number_example = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def number_is_valid(self, number: str) -> bool:
        return not self.number_pattern or re.fullmatch(self.number_pattern, number) is not None


class Registration(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="registrations")
    regulator = models.ForeignKey(Regulator, on_delete=models.PROTECT, related_name="registrations")
    number = models.CharField(max_length=50)
    registered_on = models.DateField(null=True, blank=True)
    renewal_due = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["regulator__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["regulator", "number"], name="registration_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.regulator.code.upper()} {self.number}"

    def clean(self) -> None:
        self.number = self.number.strip().upper()
        if self.regulator_id and not self.regulator.number_is_valid(self.number):
            example = self.regulator.number_example
            raise ValidationError(
                {
                    "number": f"This is not a {self.regulator.name} number"
                    + (f" (they look like {example})." if example else ".")
                }
            )
        if self.registered_on and self.renewal_due and self.renewal_due < self.registered_on:
            raise ValidationError({"renewal_due": "Renewal must be after registration."})
