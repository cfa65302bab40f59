"""Days that are not working days for anyone: England and Wales bank holidays, as data."""

from __future__ import annotations

from django.db import models


class BankHoliday(models.Model):
    """A bank holiday in a UK division. Seeded for England and Wales; editable as data, because
    one-off holidays (a coronation, a jubilee) are announced by proclamation."""

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
