"""Days that are not working days: England and Wales bank holidays for everyone, and an
organisation's own closure days for its people, both as data."""

from __future__ import annotations

from django.db import models

from teams.models import Organisation


class BankHoliday(models.Model):
    """A bank holiday in a UK division. Seeded for England and Wales from the ``holidays``
    package; editable as data, because one-off holidays (a coronation, a jubilee) are announced
    by proclamation."""

    class Division(models.TextChoices):
        ENGLAND_AND_WALES = "england-and-wales", "England and Wales"

    division = models.CharField(
        max_length=30, choices=Division.choices, default=Division.ENGLAND_AND_WALES
    )
    date = models.DateField()
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["division", "date"], name="one_bank_holiday_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.date:%-d %B %Y})"


class ClosureDay(models.Model):
    """A day the organisation closes (a Christmas closure, an office move): nobody in it is
    expected at work, exactly as on a bank holiday."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="closure_days"
    )
    date = models.DateField()
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "date"], name="one_closure_day_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.date:%-d %B %Y})"
