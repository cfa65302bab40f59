"""The building blocks of the demo plans: registration numbers valid for their regulator,
work emails made from names, renewal dates and seeded dates after a start."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable


def work_email(full_name: str, domain: str) -> str:
    local = full_name.lower().replace("'", "").replace(" ", ".")
    return f"{local}@{domain}"


class Numbers:
    """Registration numbers that are valid for their regulator and never repeat."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            number = make()
            if number not in self.used:
                self.used.add(number)
                return number

    def swe(self) -> str:
        return self._unique(lambda: f"SW{self.rng.randint(10000, 999999)}")

    def hcpc(self) -> str:
        return self._unique(lambda: f"OT{self.rng.randint(10000, 99999)}")

    def nmc(self) -> str:
        letters = "ABCDEFGHIJKL"
        return self._unique(
            lambda: (
                f"{self.rng.randint(0, 99):02d}{self.rng.choice(letters)}"
                f"{self.rng.randint(0, 9999):04d}{self.rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}"
            )
        )


def renewal_due(on: datetime.date) -> datetime.date:
    """Social Work England registrations renew every year by 30 November."""
    due = datetime.date(on.year, 11, 30)
    return due if due >= on else datetime.date(on.year + 1, 11, 30)


def days_after(start: datetime.date, rng: random.Random, low: int, high: int) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(low, high))
