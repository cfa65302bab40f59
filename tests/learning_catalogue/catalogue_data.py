"""A small catalogue built through the services, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from learning_catalogue.models import Activity, ActivityStatus, DeliveryMode, Format, Topic
from learning_catalogue.services.activities import activity_save, activity_set_status
from learning_catalogue.services.sessions import session_save
from teams.models import Person


def fmt(person: Person, name: str) -> Format:
    return Format.objects.get(organisation_id=person.organisation_id, name=name)


def topic(person: Person, name: str) -> Topic:
    return Topic.objects.get(organisation_id=person.organisation_id, name=name)


def add_activity(
    ld_lead: Person,
    title: str,
    *,
    format_name: str = "Podcast",
    topics: tuple[str, ...] = (),
    minutes: int = 20,
    mode: str = DeliveryMode.ON_DEMAND,
    cost: str = "0",
    summary: str = "",
    stages: tuple[str, ...] = (),
    publish: bool = True,
    session_in_days: int | None = None,
) -> Activity:
    activity = activity_save(
        actor=ld_lead,
        values={
            "title": title,
            "summary": summary,
            "format": fmt(ld_lead, format_name),
            "duration_minutes": minutes,
            "delivery_mode": mode,
            "cost_per_place": Decimal(cost),
            "link": "https://learning.example/" + str(abs(hash(title)) % 10_000),
            "audience_career_stages": list(stages),
        },
        topics=[topic(ld_lead, name) for name in topics],
    )
    if publish:
        activity = activity_set_status(
            actor=ld_lead, activity=activity, status=ActivityStatus.PUBLISHED
        )
    if session_in_days is not None:
        start = timezone.now() + datetime.timedelta(days=session_in_days)
        session_save(
            actor=ld_lead,
            activity=activity,
            start=start,
            end=start + datetime.timedelta(minutes=minutes),
            capacity=10,
            online_link="https://meet.example/session",
        )
    return activity


def small_catalogue(ld_lead: Person) -> dict[str, Activity]:
    resilience = "Emotional resilience and wellbeing"
    return {
        "podcast": add_activity(
            ld_lead,
            "Staying well on duty: a resilience podcast",
            topics=(resilience,),
            minutes=15,
            summary="Practitioners talk about burn-out, boundaries and recovery.",
        ),
        "long_podcast": add_activity(
            ld_lead, "Supervision that sustains", topics=(resilience,), minutes=45
        ),
        "webinar": add_activity(
            ld_lead,
            "Anti-racist practice in assessments",
            format_name="Webinar",
            topics=("Anti-racist practice", "Assessment and analysis"),
            minutes=90,
            mode=DeliveryMode.SCHEDULED,
            session_in_days=10,
        ),
        "course": add_activity(
            ld_lead,
            "Mental Capacity Act refresher",
            format_name="In-person training",
            topics=("Law and policy", "Safeguarding adults"),
            minutes=360,
            mode=DeliveryMode.SCHEDULED,
            cost="125.50",
            stages=("experienced",),
            session_in_days=40,
        ),
        "nq_reading": add_activity(
            ld_lead,
            "Reading for newly qualified workers: writing analytical assessments",
            format_name="Reading",
            topics=("Assessment and analysis",),
            minutes=30,
            stages=("newly_qualified",),
        ),
        "draft": add_activity(
            ld_lead, "Draft: resilience circles", topics=(resilience,), minutes=10, publish=False
        ),
    }
