"""The two hooks: the demo organisations' year of protected time and allowance rules
(``seed_demo``), and a synthetic organisation's lighter half-year (``seed_scale``)."""

from __future__ import annotations

import datetime
import random
from typing import TextIO

from planner.demo.builders import plan_organisation
from planner.demo.data import (
    DEMO_SPAN,
    RECORDED_TO,
    SCALE_SPAN,
)
from planner.models import (
    AllowanceRule,
    AllowanceScope,
    Booking,
    PlannerSettings,
)
from teams.demo import SEED
from teams.models import CareerStage, Organisation


def load_demo(*, stdout: TextIO) -> None:
    for organisation in Organisation.objects.order_by("pk"):
        if Booking.objects.filter(organisation=organisation).exists():
            stdout.write(f"{organisation.name}: protected time already loaded.")
            continue
        rng = random.Random(f"{SEED}-{organisation.slug}")  # noqa: S311 - repeatable, not secret
        _allowance_rules(organisation)
        made = plan_organisation(organisation, rng, DEMO_SPAN)
        stdout.write(
            f"{organisation.name}: {made['bookings']} bookings, {made['cover']} cover, "
            f"{made['absences']} absences."
        )


def _allowance_rules(organisation: Organisation) -> None:
    """Two days a quarter for a full-time person, pro rata; newly qualified staff keep the
    built-in 10%. Written directly, like the rest of the demo."""
    PlannerSettings.objects.get_or_create(organisation=organisation)
    AllowanceRule.objects.get_or_create(
        organisation=organisation,
        scope=AllowanceScope.ORGANISATION,
        effective_from=RECORDED_TO - datetime.timedelta(days=365),
        defaults={"full_time_minutes_per_period": 2 * 444, "note": "Two days a quarter"},
    )
    AllowanceRule.objects.get_or_create(
        organisation=organisation,
        scope=AllowanceScope.CAREER_STAGE,
        career_stage=CareerStage.NEWLY_QUALIFIED,
        effective_from=RECORDED_TO - datetime.timedelta(days=365),
        defaults={"percent_of_contracted": 10, "note": "ASYE protected development time"},
    )


def extend_scale(*, organisation: Organisation, stdout: TextIO) -> None:
    """Bookings, cover and absences for every person of a synthetic organisation."""
    rng = random.Random(f"scale-{organisation.slug}")  # noqa: S311 - repeatable, not secret
    made = plan_organisation(organisation, rng, SCALE_SPAN)
    stdout.write(
        f"{organisation.slug}: {made['bookings']} bookings, {made['cover']} cover, "
        f"{made['absences']} absences."
    )
