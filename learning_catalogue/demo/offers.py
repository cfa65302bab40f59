"""Writing activities and their sessions on working days, for the demo and the scale
organisations alike."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from decimal import Decimal

from django.utils.text import slugify

from core.time import london
from learning_catalogue.demo.data import (
    BATCH,
    CAPTIONED_FORMATS,
    CUTOFF,
    DEMO_FIRST,
    DEMO_LAST,
    SCALE_FIRST,
    SCALE_LAST,
    SCHEDULED_FORMATS,
    SESSION_CANCELLATIONS,
    SETUPS,
    TRANSCRIBED_FORMATS,
    VENUES,
)
from learning_catalogue.demo.people import topics_by_name
from learning_catalogue.demo.plans import Plan
from learning_catalogue.demo.rows import (
    Offer,
    WorkingDay,
    create_dated,
    delivery_mode,
    office_hours,
    working_day_rule,
)
from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    Format,
    ProviderKind,
    Session,
)
from learning_catalogue.services.activities import search_text_for
from planner.demo import RECORDED_TO
from teams.models import (
    Organisation,
    Team,
)

DaysFor = Callable[[Plan, random.Random, datetime.date | None, WorkingDay], list[datetime.date]]


def demo_days(
    plan: Plan, rng: random.Random, retired_on: datetime.date | None, working: WorkingDay
) -> list[datetime.date]:
    """Every four to eight weeks over the demo's fifteen months (until retirement), on a
    working day; a conference once."""
    if plan.format not in SCHEDULED_FORMATS or plan.status == ActivityStatus.DRAFT:
        return []
    if plan.once is not None:
        return [working(RECORDED_TO + datetime.timedelta(days=plan.once))]
    last = retired_on or DEMO_LAST
    day = DEMO_FIRST + datetime.timedelta(days=rng.randint(0, 35))
    days = []
    while working(day) <= last:
        days.append(working(day))
        day += datetime.timedelta(weeks=rng.randint(4, 8))
    return days


def scale_days(
    plan: Plan, rng: random.Random, retired_on: datetime.date | None, working: WorkingDay
) -> list[datetime.date]:
    """Two to four sessions in the synthetic organisation's half-year."""
    if plan.format not in SCHEDULED_FORMATS or plan.status == ActivityStatus.DRAFT:
        return []
    last = retired_on or SCALE_LAST
    working_days = {
        working(SCALE_FIRST + datetime.timedelta(days=n)) for n in range((last - SCALE_FIRST).days)
    }
    days = sorted(day for day in working_days if day <= last)
    if len(days) < 2:
        return []
    return sorted(rng.sample(days, min(len(days), rng.randint(2, 4))))


def write_activities(
    organisation: Organisation,
    plans: list[tuple[Plan, str]],
    rng: random.Random,
    author_id: int | None,
    days_for: DaysFor,
) -> list[Offer]:
    """The activities with their topics and audience teams; published before their first
    session, retired a few months before ``RECORDED_TO``."""
    formats = {item.name: item for item in Format.objects.filter(organisation=organisation)}
    topics = topics_by_name(organisation)
    teams: dict[str, int] = {}
    for name, pk in Team.objects.filter(organisation=organisation).values_list("name", "pk"):
        teams.setdefault(name, pk)
    internal = f"{organisation.name} Workforce Development"
    working = working_day_rule()
    offers: list[Offer] = []
    rows: list[tuple[Activity, datetime.datetime]] = []
    for plan, title in plans:
        retired_on = (
            RECORDED_TO - datetime.timedelta(days=rng.randint(60, 150))
            if plan.status == ActivityStatus.RETIRED
            else None
        )
        days = days_for(plan, rng, retired_on, working)
        mode = delivery_mode(plan)
        activity = Activity(
            organisation=organisation,
            title=title,
            summary=plan.summary,
            format=formats[plan.format],
            duration_minutes=plan.minutes,
            delivery_mode=mode,
            provider_kind=ProviderKind.EXTERNAL if plan.external else ProviderKind.INTERNAL,
            provider_name=plan.provider or internal,
            cost_per_place=Decimal(plan.cost),
            other_direct_costs=Decimal(plan.other_costs),
            link=(
                f"https://learning.example/{organisation.slug}/{slugify(title)}"
                if mode == DeliveryMode.ON_DEMAND
                else ""
            ),
            resource=(
                f"Arranged by {plan.provider or internal}: ask your manager to request it."
                if mode == DeliveryMode.ARRANGED
                else ""
            ),
            has_captions=plan.format in CAPTIONED_FORMATS and rng.random() < 0.85,
            has_transcript=plan.format in TRANSCRIBED_FORMATS and rng.random() < 0.8,
            has_british_sign_language=plan.bsl,
            audience_career_stages=list(plan.stages),
            audience_roles=list(plan.roles),
            co_designed_with=plan.co_designed_with,
            status=plan.status,
            created_by_id=author_id,
        )
        activity.search_text = search_text_for(activity, [topics[name] for name in plan.topics])
        if plan.status == ActivityStatus.DRAFT:
            created = office_hours(
                working(RECORDED_TO - datetime.timedelta(days=rng.randint(5, 40))), rng
            )
        else:
            latest = retired_on or RECORDED_TO - datetime.timedelta(days=20)
            if days:
                published_on = min(min(days) - datetime.timedelta(days=rng.randint(14, 45)), latest)
            else:
                earliest = RECORDED_TO - datetime.timedelta(days=420)
                published_on = earliest + datetime.timedelta(
                    days=rng.randint(0, (latest - earliest).days)
                )
            activity.published_at = office_hours(working(published_on), rng)
            created = activity.published_at - datetime.timedelta(days=rng.randint(1, 20))
        rows.append((activity, created))
        offers.append(
            Offer(
                plan=plan,
                activity=activity,
                days=days,
                retired_on=retired_on,
                team_ids={teams[name] for name in plan.teams if name in teams},
                quality=rng.uniform(3.0, 4.7),
                popularity=rng.choice((1, 1, 2, 3, 5, 8)),
            )
        )
    create_dated(Activity, rows, ("created_at", "updated_at"))
    retired = [offer for offer in offers if offer.retired_on]
    for offer in retired:
        offer.activity.updated_at = offer.offered_until
    Activity.objects.bulk_update(
        [offer.activity for offer in retired], ["updated_at"], batch_size=BATCH
    )
    Activity.topics.through.objects.bulk_create(
        [
            Activity.topics.through(activity_id=offer.activity.pk, topic_id=topics[name].pk)
            for offer in offers
            for name in offer.plan.topics
        ],
        batch_size=BATCH,
    )
    Activity.audience_teams.through.objects.bulk_create(
        [
            Activity.audience_teams.through(activity_id=offer.activity.pk, team_id=team_id)
            for offer in offers
            for team_id in sorted(offer.team_ids)
        ],
        batch_size=BATCH,
    )
    return offers


def plan_sessions(organisation: Organisation, offers: list[Offer], rng: random.Random) -> None:
    """Unsaved sessions on each offer's days, one in twenty cancelled with a reason."""
    for offer in offers:
        setup = SETUPS.get(offer.plan.format)
        if setup is None:
            continue
        start_time = rng.choice(setup.starts)
        for day in offer.days:
            start = london(day, start_time)
            online = rng.random() < setup.online
            session = Session(
                activity=offer.activity,
                start=start,
                end=start + datetime.timedelta(minutes=offer.plan.minutes),
                online_link=(
                    f"https://meet.example/{organisation.slug}/"
                    f"{slugify(offer.activity.title)[:40]}-{day:%Y%m%d}"
                    if online
                    else ""
                ),
                venue="" if online else rng.choice(VENUES),
                capacity=rng.randint(*setup.capacity),
                booking_deadline=(
                    start - datetime.timedelta(days=setup.deadline_days)
                    if setup.deadline_days
                    else None
                ),
            )
            if rng.random() < 0.05:
                session.cancelled_at = min(
                    start - datetime.timedelta(days=rng.randint(2, 14), hours=rng.randint(0, 8)),
                    CUTOFF - datetime.timedelta(hours=rng.randint(1, 48)),
                )
                session.cancellation_reason = rng.choice(SESSION_CANCELLATIONS)
            offer.sessions.append(session)


def write_sessions(offers: list[Offer], rng: random.Random) -> list[Session]:
    rows = [
        (
            session,
            min(session.start - datetime.timedelta(days=rng.randint(30, 60)), CUTOFF),
        )
        for offer in offers
        for session in offer.sessions
    ]
    return create_dated(Session, rows, ("created_at",))
