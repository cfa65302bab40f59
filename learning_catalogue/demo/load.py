"""Loading the catalogue of each demo organisation (the ``load_demo`` hook)."""

from __future__ import annotations

import random
from collections import Counter
from typing import TextIO

from learning_catalogue.defaults import ensure_defaults
from learning_catalogue.demo.data import (
    FULL_SESSION_TITLE,
    PRACTITIONER_BOOKING_TITLE,
    RESERVED_SESSION_TITLE,
    WAITING,
)
from learning_catalogue.demo.offers import (
    demo_days,
    plan_sessions,
    write_activities,
    write_sessions,
)
from learning_catalogue.demo.opinions import (
    need_rows,
    on_demand_rating_rows,
    save_rows,
    session_rating_rows,
    suggestion_rows,
)
from learning_catalogue.demo.people import (
    catalogue_author_id,
    learners_of,
    practitioner_email,
    topics_by_name,
)
from learning_catalogue.demo.places import (
    Places,
    book_a_year,
    fill_with_waiting_list,
    first_future_session,
    reserve_for_team,
)
from learning_catalogue.demo.plans import PLANS
from learning_catalogue.demo.rows import create_dated
from learning_catalogue.models import (
    Activity,
    LearningNeed,
    Rating,
    SavedActivity,
    Suggestion,
)
from teams.demo import SEED, demo_plans
from teams.models import (
    Organisation,
)


def load_demo(*, stdout: TextIO) -> None:
    """The catalogue for each demo organisation (never another organisation that happens to
    be in the database: a synthetic one can hold 100,000 people)."""
    slugs = [plan.slug for plan in demo_plans()]
    for organisation in Organisation.objects.filter(slug__in=slugs).order_by("pk"):
        if Activity.objects.filter(organisation=organisation).exists():
            stdout.write(f"{organisation.name}: learning catalogue already loaded.")
            continue
        rng = random.Random(f"{SEED}-catalogue-{organisation.slug}")  # noqa: S311 - repeatable
        made = _load_organisation(organisation, rng)
        stdout.write(
            f"{organisation.name}: {made['activities']} catalogue activities, "
            f"{made['sessions']} sessions, {made['places']} places, {made['ratings']} ratings, "
            f"{made['needs']} learning needs."
        )


def _load_organisation(organisation: Organisation, rng: random.Random) -> Counter:
    """The catalogue, then the places that tell a story (a full session with a waiting list,
    places kept for a team, the demo practitioner's bookings), so they get their seats before
    everyone else's year of learning fills the rest; then what people thought and want."""
    ensure_defaults(organisation)
    author_id = catalogue_author_id(organisation)
    learners = learners_of(organisation)
    offers = write_activities(
        organisation, [(plan, plan.title) for plan in PLANS], rng, author_id, demo_days
    )
    by_title = {offer.activity.title: offer for offer in offers}
    plan_sessions(organisation, offers, rng)
    takers = [learner for learner in learners if learner.can_take(by_title[FULL_SESSION_TITLE])]
    full = first_future_session(by_title[FULL_SESSION_TITLE], days=21)
    if full is not None and len(takers) < full.capacity + WAITING:
        full = None  # too few people to fill it (the small second organisation)
    reserved = first_future_session(by_title[RESERVED_SESSION_TITLE], days=14)
    sessions = write_sessions(offers, rng)
    places = Places()
    for session in sessions:
        places.seats[session.pk] = session.capacity
    practitioner = next(
        (learner for learner in learners if learner.email == practitioner_email(organisation)),
        None,
    )
    if full is not None:
        fill_with_waiting_list(
            full, by_title[FULL_SESSION_TITLE], takers, practitioner, places, rng
        )
    if reserved is not None:
        reserve_for_team(
            organisation, reserved, by_title[RESERVED_SESSION_TITLE], learners, places, rng
        )
    if practitioner is not None:
        webinar = by_title[PRACTITIONER_BOOKING_TITLE]
        booked = first_future_session(webinar, days=14, free_for=(practitioner, places))
        if booked is not None:
            places.add(practitioner.pk, booked, webinar, rng)
    for learner in learners:
        book_a_year(learner, offers, places, rng)
    written = places.write()
    ratings = session_rating_rows(written, offers, rng) + on_demand_rating_rows(
        learners, offers, rng
    )
    create_dated(Rating, ratings, ("created_at", "updated_at"))
    saves = save_rows(learners, offers, places, practitioner, rng)
    create_dated(SavedActivity, saves, ("saved_at",))
    needs = need_rows(learners, practitioner, topics_by_name(organisation), rng, share=0.4)
    create_dated(LearningNeed, needs, ("created_at", "updated_at"))
    suggestions = suggestion_rows(organisation, learners, by_title, author_id, rng)
    create_dated(Suggestion, suggestions, ("created_at",))
    return Counter(
        activities=len(offers),
        sessions=len(sessions),
        places=len(written),
        ratings=len(ratings),
        needs=len(needs),
    )
