"""The catalogue of a synthetic organisation of any size (the ``extend_scale`` hook), written a
chunk of people at a time."""

from __future__ import annotations

import datetime
import random
from collections import Counter
from collections.abc import Iterator
from typing import TextIO

from learning_catalogue.defaults import ensure_defaults
from learning_catalogue.demo.data import (
    BATCH,
    CUTOFF,
    SCALE_ACTIVITIES,
    SCALE_ON_DEMAND_RATINGS,
    SCALE_VARIANTS,
)
from learning_catalogue.demo.offers import (
    plan_sessions,
    scale_days,
    write_activities,
    write_sessions,
)
from learning_catalogue.demo.opinions import need_row, need_topics, rating_row
from learning_catalogue.demo.people import Managers, catalogue_author_id, topics_by_name
from learning_catalogue.demo.plans import PLANS
from learning_catalogue.demo.rows import Offer, create_dated, time_between
from learning_catalogue.models import (
    ActivityStatus,
    LearningNeed,
    PlaceStatus,
    Rating,
    Session,
    SessionPlace,
)
from planner.demo import RECORDED_TO
from teams.models import (
    Membership,
    Organisation,
)


def extend_scale(*, organisation: Organisation, stdout: TextIO) -> None:
    """About 300 activities, two to four sessions for each scheduled one, places and ratings,
    and learning needs for a fifth of the people: written a chunk of people at a time, so a
    100,000-person organisation fits in memory."""
    rng = random.Random(f"scale-catalogue-{organisation.slug}")  # noqa: S311 - repeatable
    ensure_defaults(organisation)
    count = min(SCALE_ACTIVITIES, len(SCALE_VARIANTS) * len(PLANS))
    plans = [
        (PLANS[n % len(PLANS)], PLANS[n % len(PLANS)].title + SCALE_VARIANTS[n // len(PLANS)])
        for n in range(count)
    ]
    offers = write_activities(
        organisation, plans, rng, catalogue_author_id(organisation), scale_days
    )
    plan_sessions(organisation, offers, rng)
    sessions = write_sessions(offers, rng)
    made = _scale_people(organisation, offers, sessions, rng)
    stdout.write(
        f"{organisation.slug}: {len(offers)} catalogue activities, {len(sessions)} sessions, "
        f"{made['places']} places, {made['ratings']} ratings, {made['needs']} learning needs."
    )


def _membership_chunks(organisation: Organisation) -> Iterator[list[tuple[int, int, str]]]:
    """(person, team, career stage) for every current member, ``BATCH`` at a time."""
    rows = (
        Membership.objects.current(on=RECORDED_TO)
        .filter(team__organisation=organisation, person__is_active=True)
        .order_by("person_id", "pk")
        .values_list("person_id", "team_id", "person__career_stage")
        .iterator(chunk_size=BATCH)
    )
    chunk: list[tuple[int, int, str]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == BATCH:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _scale_people(
    organisation: Organisation, offers: list[Offer], sessions: list[Session], rng: random.Random
) -> Counter:
    """Places on sessions until about half the seats are taken, ratings from half the people
    who went and a few thousand on demand, and needs for a fifth of people."""
    people = organisation.people.count() or 1
    open_sessions = [session for session in sessions if session.cancelled_at is None]
    seats = sum(session.capacity for session in open_sessions) // 2
    by_activity = {offer.activity.pk: offer for offer in offers}
    rateable = [
        offer
        for offer in offers
        if not offer.scheduled
        and offer.plan.status != ActivityStatus.DRAFT
        and not offer.plan.stages
        and not offer.plan.roles
    ]
    weights = [offer.popularity for offer in rateable]
    place_chance = min(1.0, seats / people)
    rating_chance = min(1.0, SCALE_ON_DEMAND_RATINGS / (2 * people))
    held: Counter[int] = Counter()
    topics = topics_by_name(organisation)
    managers = Managers(organisation)
    made: Counter = Counter()
    seen: set[int] = set()
    for chunk in _membership_chunks(organisation):
        places: list[tuple[SessionPlace, datetime.datetime]] = []
        ratings: list[tuple[Rating, datetime.datetime]] = []
        needs: list[tuple[LearningNeed, datetime.datetime]] = []
        for person_id, team_id, stage in chunk:
            if person_id in seen:  # one row a person, whatever their memberships
                continue
            seen.add(person_id)
            if open_sessions and rng.random() < place_chance:
                session = rng.choice(open_sessions)
                offer = by_activity[session.activity_id]
                fits = not offer.plan.roles and (
                    not offer.plan.stages or stage in offer.plan.stages
                )
                if fits and held[session.pk] < session.capacity:
                    held[session.pk] += 1
                    joined = min(
                        session.start - datetime.timedelta(days=rng.randint(7, 60)),
                        CUTOFF - datetime.timedelta(hours=rng.randint(2, 400)),
                    )
                    places.append(
                        (
                            SessionPlace(
                                session=session,
                                person_id=person_id,
                                status=PlaceStatus.BOOKED,
                                booked_by_id=person_id,
                            ),
                            joined,
                        )
                    )
                    if session.end <= CUTOFF and rng.random() < 0.5:
                        ratings.append(rating_row(offer, person_id, session.end, rng))
            if rateable and rng.random() < rating_chance:
                for offer in {
                    id(offer): offer
                    for offer in rng.choices(rateable, weights=weights, k=rng.randint(1, 3))
                }.values():
                    when = time_between(rng, offer.activity.published_at, offer.offered_until)
                    ratings.append(rating_row(offer, person_id, when, rng))
            if rng.random() < 0.2:
                manager_id = managers.of(person_id, team_id)
                for name in need_topics(rng):
                    needs.append(need_row(person_id, manager_id, name, topics, rng))
        create_dated(SessionPlace, places, ("joined_at",))
        create_dated(Rating, ratings, ("created_at", "updated_at"))
        create_dated(LearningNeed, needs, ("created_at", "updated_at"))
        made.update(places=len(places), ratings=len(ratings), needs=len(needs))
    return made
