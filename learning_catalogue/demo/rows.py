"""Building blocks of the demo's rows: dated bulk writes, working days, and the offers and
learners the rest of the load passes around."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model

from core.time import london
from learning_catalogue.demo.data import ARRANGED_FORMATS, BATCH, CUTOFF, SCHEDULED_FORMATS
from learning_catalogue.demo.plans import Plan
from learning_catalogue.models import (
    Activity,
    DeliveryMode,
    Session,
)
from planner.models import BankHoliday


def create_dated[M: Model](
    model: type[M], rows: list[tuple[M, datetime.datetime]], fields: tuple[str, ...]
) -> list[M]:
    """bulk_create stamps auto_now fields with the time of the load; the demo's rows carry
    their own history, so the stamps are put back to when each row was made."""
    made = model._default_manager.bulk_create([row for row, _ in rows], batch_size=BATCH)
    for row, when in rows:
        for name in fields:
            setattr(row, name, when)
    model._default_manager.bulk_update(made, list(fields), batch_size=BATCH)
    return made


def time_between(
    rng: random.Random, earliest: datetime.datetime, latest: datetime.datetime
) -> datetime.datetime:
    if latest <= earliest:
        return earliest
    return earliest + datetime.timedelta(
        seconds=rng.randrange(int((latest - earliest).total_seconds()))
    )


WorkingDay = Callable[[datetime.date], datetime.date]


def working_day_rule() -> WorkingDay:
    """The first day from a given one that L&D would run a session or publish on: not a
    weekend, a bank holiday or Christmas week."""
    holidays = frozenset(
        BankHoliday.objects.filter(division=BankHoliday.Division.ENGLAND_AND_WALES).values_list(
            "date", flat=True
        )
    )

    def working(day: datetime.date) -> datetime.date:
        while day.weekday() >= 5 or day in holidays or (day.month, day.day) >= (12, 24):
            day += datetime.timedelta(days=1)
        return day

    return working


def office_hours(day: datetime.date, rng: random.Random) -> datetime.datetime:
    return london(day, datetime.time(rng.randint(9, 16), rng.choice((0, 15, 30, 45))))


def delivery_mode(plan: Plan) -> str:
    if plan.format in SCHEDULED_FORMATS:
        return DeliveryMode.SCHEDULED
    if plan.format in ARRANGED_FORMATS:
        return DeliveryMode.ARRANGED
    return DeliveryMode.ON_DEMAND


@dataclass
class Offer:
    """An activity as written, with what the rest of the load needs: its sessions, the teams
    it is for, the mean usefulness its raters give and how often people pick it on demand."""

    plan: Plan
    activity: Activity
    days: list[datetime.date]
    retired_on: datetime.date | None
    team_ids: set[int]
    quality: float
    popularity: int
    sessions: list[Session] = field(default_factory=list)

    @property
    def scheduled(self) -> bool:
        return self.activity.delivery_mode == DeliveryMode.SCHEDULED

    @property
    def offered_until(self) -> datetime.datetime:
        """When people last took it: its retirement, or the records' day."""
        return london(self.retired_on, datetime.time(17, 0)) if self.retired_on else CUTOFF


@dataclass(frozen=True)
class Learner:
    """A practitioner who books, rates and saves, with their team and who agrees their needs."""

    pk: int
    email: str
    stage: str
    started: datetime.date | None
    roles: frozenset[str]
    team_id: int | None
    manager_id: int | None

    def can_take(self, offer: Offer) -> bool:
        plan = offer.plan
        return (
            (not plan.stages or self.stage in plan.stages)
            and (not plan.roles or bool(self.roles & set(plan.roles)))
            and (not offer.team_ids or self.team_id in offer.team_ids)
        )
