"""Learning catalogue benchmark: ``python benchmarks/catalogue.py [--sizes 100,1000,10000]``.

Creates a throwaway database (as ``benchmarks/run.py`` does), and for each size N seeds a
synthetic organisation of 500 people with ``seed_scale`` (whose catalogue hook writes about 300
activities with sessions, places, ratings and learning needs), then bulk-inserts activities until
the organisation has N: titles and summaries taken from its own activities with varied words, a
format and one to three topics from its lists, 10 to 420 minutes, half of them published (the
rest drafts and a few retired), their search words, ratings from distinct people on two in five
and future sessions on most scheduled ones. It then measures, through the test client:

- the catalogue (first page, no filters) as a practitioner: queries and time;
- a word search with filters (``?q=resilience&bite_size=on&sort=rated``);
- the catalogue sorted by the soonest session (``?sort=soonest``);
- the API's list (``/api/v1/catalogue/activities?q=practice&limit=20``);
- the learning needs summary as the organisation's L&D lead.

Each figure is printed with its ratio to the smallest size in the same run. Query counts should
stay at x1.00 whatever the size of the catalogue; a page of twenty cards should grow far slower
than the catalogue. With ``DATABASE_URL`` naming a PostgreSQL database, searches use its
full-text search rather than SQLite's LIKE.
"""

from __future__ import annotations

import datetime
import io
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import Results, Sizes, page_costs, run_sizes  # noqa: E402

PEOPLE = 500
SIZES = Sizes(
    default=(100, 1_000, 10_000),
    are="numbers of activities",
    database_note=f"{PEOPLE} people; activities",
    named=lambda _size, results: f"{results['activities']:,.0f} activities",
    against="activities asked for",
)
BATCH = 2_000
# Words added to a copied title, so the catalogue's words vary as a real one's do.
QUALIFIERS = [
    "for duty and assessment teams",
    "in hospital discharge",
    "for newly qualified social workers",
    "with case studies",
    "for practice educators",
    "in the first 72 hours",
    "for fostering and adoption",
    "with lived experience trainers",
    "for court work",
    "in transitions to adulthood",
    "for night and weekend teams",
    "after a serious case review",
    "for managers",
    "in multi-agency meetings",
    "a practical toolkit",
    "part two",
]
EXTRA_SENTENCES = [
    "Includes a short reflective log to bring to supervision.",
    "Built with the principal social worker and people who use services.",
    "Counts towards your continuing professional development record.",
    "Bring a recent case (anonymised) to work on together.",
    "Slides and a one-page summary are shared afterwards.",
    "",
    "",
]
EXTERNAL_PROVIDERS = [
    "Research in Practice",
    "Wellbeing at Work CIC",
    "Skills for Care",
    "The Centre for Practice Learning",
]
DURATIONS = [10, 15, 20, 25, 30, 30, 45, 60, 60, 90, 120, 150, 180, 240, 360, 420]
COMMENTS = [
    "Practical, and short enough to fit between visits.",
    "Useful reminders; some of it I knew already.",
    "I have changed how I write my analysis since.",
    "Too much theory for the time it took.",
]


def _new_activities(organisation: object, count: int, rng: random.Random) -> None:
    """``count`` more activities for ``organisation``, written in bulk: topics through the
    through table, ratings from distinct people and future sessions."""
    from django.db import transaction
    from django.utils import timezone

    from learning_catalogue.demo.data import ARRANGED_FORMATS, SCHEDULED_FORMATS, VENUES
    from learning_catalogue.models import (
        Activity,
        ActivityStatus,
        DeliveryMode,
        Format,
        ProviderKind,
        Rating,
        Session,
        Topic,
    )
    from learning_catalogue.services.activities import search_text_for
    from teams.models import Person

    if count <= 0:
        return
    formats = list(Format.objects.filter(organisation=organisation).order_by("pk"))
    topics = list(Topic.objects.filter(organisation=organisation).order_by("pk"))
    texts = list(
        Activity.objects.filter(organisation=organisation)
        .order_by("pk")
        .values_list("title", "summary")
    )
    people = list(
        Person.objects.filter(organisation=organisation, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    internal = f"{organisation.name} Workforce Development"
    now = timezone.now()
    with transaction.atomic():
        made: list[tuple[Activity, list[object]]] = []
        for number in range(count):
            title, _ = rng.choice(texts)
            _, summary = rng.choice(texts)
            kind = rng.choice(formats)
            chosen = rng.sample(topics, rng.randint(1, 3))
            external = rng.random() < 0.3
            mode = (
                DeliveryMode.SCHEDULED
                if kind.name in SCHEDULED_FORMATS
                else DeliveryMode.ARRANGED
                if kind.name in ARRANGED_FORMATS
                else DeliveryMode.ON_DEMAND
            )
            if number % 2 == 0:
                status = ActivityStatus.PUBLISHED
            else:
                status = ActivityStatus.RETIRED if number % 8 == 1 else ActivityStatus.DRAFT
            activity = Activity(
                organisation=organisation,
                title=f"{title} {rng.choice(QUALIFIERS)} ({number + 1})",
                summary=f"{summary} {rng.choice(EXTRA_SENTENCES)}".strip(),
                format=kind,
                duration_minutes=rng.choice(DURATIONS),
                delivery_mode=mode,
                provider_kind=ProviderKind.EXTERNAL if external else ProviderKind.INTERNAL,
                provider_name=rng.choice(EXTERNAL_PROVIDERS) if external else internal,
                link="https://learning.example/on-demand" if mode == DeliveryMode.ON_DEMAND else "",
                status=status,
                published_at=(
                    now - datetime.timedelta(days=rng.randint(20, 400))
                    if status != ActivityStatus.DRAFT
                    else None
                ),
            )
            activity.search_text = search_text_for(activity, chosen)
            made.append((activity, chosen))
        activities = Activity.objects.bulk_create([row for row, _ in made], batch_size=BATCH)
        Activity.topics.through.objects.bulk_create(
            [
                Activity.topics.through(activity_id=activity.pk, topic_id=topic.pk)
                for activity, (_, chosen) in zip(activities, made, strict=True)
                for topic in chosen
            ],
            batch_size=BATCH,
        )
        ratings = []
        sessions = []
        for activity in activities:
            if activity.status == ActivityStatus.DRAFT:
                continue
            if rng.random() < 0.4:
                for person_id in rng.sample(people, rng.randint(1, 12)):
                    usefulness = rng.choice((2, 3, 4, 4, 5, 5))
                    ratings.append(
                        Rating(
                            activity=activity,
                            person_id=person_id,
                            usefulness=usefulness,
                            would_recommend=usefulness >= 4,
                            comment=rng.choice(COMMENTS) if rng.random() < 0.2 else "",
                        )
                    )
            if (
                activity.status == ActivityStatus.PUBLISHED
                and activity.delivery_mode == DeliveryMode.SCHEDULED
                and rng.random() < 0.8
            ):
                for _ in range(rng.randint(1, 3)):
                    start = (now + datetime.timedelta(days=rng.randint(3, 150))).replace(
                        hour=rng.randint(9, 15), minute=rng.choice((0, 30)), second=0, microsecond=0
                    )
                    online = rng.random() < 0.5
                    sessions.append(
                        Session(
                            activity=activity,
                            start=start,
                            end=start + datetime.timedelta(minutes=activity.duration_minutes),
                            online_link="https://meet.example/session" if online else "",
                            venue="" if online else rng.choice(VENUES),
                            capacity=rng.randint(8, 30),
                        )
                    )
        Rating.objects.bulk_create(ratings, batch_size=BATCH)
        Session.objects.bulk_create(sessions, batch_size=BATCH)


def seed_catalogue(size: int) -> tuple[object, object, int]:
    """An organisation of ``PEOPLE`` people whose catalogue has at least ``size`` activities;
    returns a plain practitioner, the L&D lead and the number of activities."""
    from django.core.management import call_command

    from learning_catalogue.models import Activity
    from teams.models import Organisation, Person, Role, RoleAssignment

    slug = f"catalogue-{size}"
    call_command(
        "seed_scale", "--people", str(PEOPLE), "--organisation", slug, stdout=io.StringIO()
    )
    organisation = Organisation.objects.get(slug=slug)
    have = Activity.objects.filter(organisation=organisation).count()
    _new_activities(organisation, size - have, random.Random(f"catalogue-bench-{size}"))
    people = Person.objects.filter(organisation=organisation, is_active=True).order_by("pk")
    # A practitioner and nothing else: they see published activities only, as most people do.
    practitioner = (
        people.filter(role_assignments__role=Role.PRACTITIONER)
        .exclude(role_assignments__role__in=[Role.TEAM_MANAGER, Role.LD_LEAD, Role.ORG_ADMIN])
        .first()
    )
    lead = people.filter(role_assignments__role=Role.LD_LEAD).first()
    if lead is None:
        lead = people.exclude(pk=practitioner.pk).last()
        RoleAssignment.objects.get_or_create(person=lead, role=Role.LD_LEAD)
    return practitioner, lead, Activity.objects.filter(organisation=organisation).count()


def measure(size: int) -> Results:
    from django.test import Client
    from django.urls import reverse

    started = time.perf_counter()
    practitioner, lead, activities = seed_catalogue(size)
    seed_seconds = time.perf_counter() - started
    catalogue = reverse("learning_catalogue:catalogue")
    pages = {
        "catalogue": (practitioner, catalogue),
        "search+filters": (practitioner, catalogue + "?q=resilience&bite_size=on&sort=rated"),
        "sort soonest": (practitioner, catalogue + "?sort=soonest"),
        "API list": (practitioner, "/api/v1/catalogue/activities?q=practice&limit=20"),
        "needs summary": (lead, reverse("learning_catalogue:needs-summary")),
    }
    results: Results = {"seed (s)": seed_seconds, "activities": activities}
    for name, (person, url) in pages.items():
        client = Client()
        client.force_login(person)
        response = page_costs(results, name, client, url)
        if name == "search+filters":
            results["search+filters matches"] = response.context["page"].paginator.count
        if name == "API list":
            results["API list matches"] = response.json()["count"]
    return results


if __name__ == "__main__":
    run_sizes(__doc__, measure, SIZES)
