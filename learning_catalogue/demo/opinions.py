"""What people thought and want: ratings, learning lists, learning needs and suggestions."""

from __future__ import annotations

import datetime
import random

from learning_catalogue.demo.data import (
    CUTOFF,
    GOOD_COMMENTS,
    MIXED_COMMENTS,
    NEED_DETAILS,
    NEED_WEIGHTS,
    POOR_COMMENTS,
    PRACTITIONER_SAVES,
    SUGGESTIONS,
)
from learning_catalogue.demo.people import topics_by_name
from learning_catalogue.demo.places import Places
from learning_catalogue.demo.plans import RESILIENCE
from learning_catalogue.demo.rows import Learner, Offer, time_between
from learning_catalogue.models import (
    ActivityStatus,
    LearningNeed,
    NeedStatus,
    PlaceStatus,
    Rating,
    SavedActivity,
    SessionPlace,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
    Topic,
)
from teams.models import (
    Organisation,
)


def _usefulness(offer: Offer, rng: random.Random) -> tuple[int, bool, str]:
    usefulness = max(1, min(5, round(rng.gauss(offer.quality, 0.9))))
    recommend = usefulness >= 4 or (usefulness == 3 and rng.random() < 0.4)
    comment = ""
    if rng.random() < 0.35:
        pool = (
            GOOD_COMMENTS
            if usefulness >= 4
            else MIXED_COMMENTS
            if usefulness == 3
            else POOR_COMMENTS
        )
        comment = rng.choice(pool)
    return usefulness, recommend, comment


def rating_row(
    offer: Offer, person_id: int, when: datetime.datetime, rng: random.Random
) -> tuple[Rating, datetime.datetime]:
    usefulness, recommend, comment = _usefulness(offer, rng)
    rating = Rating(
        activity=offer.activity,
        person_id=person_id,
        usefulness=usefulness,
        would_recommend=recommend,
        comment=comment,
    )
    return rating, when


def session_rating_rows(
    written: list[SessionPlace], offers: list[Offer], rng: random.Random
) -> list[tuple[Rating, datetime.datetime]]:
    """Two in five of the people who had a place on a session that went ahead rate it."""
    by_activity = {offer.activity.pk: offer for offer in offers}
    rows = []
    for place in written:
        session = place.session
        if (
            place.status == PlaceStatus.BOOKED
            and session.end <= CUTOFF
            and session.cancelled_at is None
            and rng.random() < 0.4
        ):
            when = min(session.end + datetime.timedelta(days=rng.randint(0, 6)), CUTOFF)
            rows.append(rating_row(by_activity[session.activity_id], place.person_id, when, rng))
    return rows


def on_demand_rating_rows(
    learners: list[Learner], offers: list[Offer], rng: random.Random
) -> list[tuple[Rating, datetime.datetime]]:
    """One to five ratings each of things done on demand or arranged, popular ones most."""
    rateable = [
        offer
        for offer in offers
        if not offer.scheduled and offer.plan.status != ActivityStatus.DRAFT
    ]
    rows = []
    for learner in learners:
        mine = [offer for offer in rateable if learner.can_take(offer)]
        if not mine:
            continue
        picked = {
            id(offer): offer
            for offer in rng.choices(
                mine, weights=[offer.popularity for offer in mine], k=rng.randint(1, 5)
            )
        }
        for offer in picked.values():
            when = time_between(rng, offer.activity.published_at, offer.offered_until)
            rows.append(rating_row(offer, learner.pk, when, rng))
    return rows


def save_rows(
    learners: list[Learner],
    offers: list[Offer],
    places: Places,
    practitioner: Learner | None,
    rng: random.Random,
) -> list[tuple[SavedActivity, datetime.datetime]]:
    """A third of people keep a short learning list of things they have not booked yet."""
    published = [offer for offer in offers if offer.plan.status == ActivityStatus.PUBLISHED]
    rows = []
    for learner in learners:
        if learner == practitioner:
            chosen = [offer for offer in published if offer.activity.title in PRACTITIONER_SAVES]
        elif rng.random() < 0.35:
            mine = [
                offer
                for offer in published
                if learner.can_take(offer)
                and offer.activity.pk not in places.activities[learner.pk]
            ]
            chosen = rng.sample(mine, min(len(mine), rng.randint(1, 5)))
        else:
            continue
        for offer in chosen:
            when = time_between(rng, offer.activity.published_at, CUTOFF)
            rows.append((SavedActivity(person_id=learner.pk, activity=offer.activity), when))
    return rows


def need_row(
    person_id: int,
    manager_id: int | None,
    topic_name: str,
    topics: dict[str, Topic],
    rng: random.Random,
) -> tuple[LearningNeed, datetime.datetime]:
    """A need raised in the last ten months; half agreed by the manager in supervision."""
    created = CUTOFF - datetime.timedelta(days=rng.randint(10, 300), hours=rng.randint(0, 8))
    need = LearningNeed(
        person_id=person_id,
        topic=topics[topic_name],
        details=rng.choice(NEED_DETAILS[topic_name]),
    )
    if manager_id is not None and rng.random() < 0.5:
        need.status = NeedStatus.AGREED
        need.agreed_by_id = manager_id
        need.agreed_at = min(created + datetime.timedelta(days=rng.randint(3, 30)), CUTOFF)
    return need, created


def need_topics(rng: random.Random) -> list[str]:
    names = rng.choices(list(NEED_WEIGHTS), weights=list(NEED_WEIGHTS.values()), k=2)
    return list(dict.fromkeys(names[: rng.randint(1, 2)]))


def need_rows(
    learners: list[Learner],
    practitioner: Learner | None,
    topics: dict[str, Topic],
    rng: random.Random,
    *,
    share: float,
) -> list[tuple[LearningNeed, datetime.datetime]]:
    """One or two needs for ``share`` of practitioners, the demo practitioner among them with
    a resilience need, so their recommendations have something to go on."""
    others = [learner for learner in learners if learner != practitioner]
    wanted = round(share * len(learners)) - (practitioner is not None)
    chosen = rng.sample(others, max(0, min(len(others), wanted)))
    rows = []
    if practitioner is not None:
        rows.append(need_row(practitioner.pk, practitioner.manager_id, RESILIENCE, topics, rng))
    for learner in sorted(chosen, key=lambda learner: learner.pk):
        for name in need_topics(rng):
            rows.append(need_row(learner.pk, learner.manager_id, name, topics, rng))
    return rows


def suggestion_rows(
    organisation: Organisation,
    learners: list[Learner],
    by_title: dict[str, Offer],
    author_id: int | None,
    rng: random.Random,
) -> list[tuple[Suggestion, datetime.datetime]]:
    """Suggestions waiting for L&D, and some decided: an accepted activity became a draft and
    an accepted topic joined the list."""
    if not learners:
        return []
    topics = topics_by_name(organisation)
    rows = []
    for plan in SUGGESTIONS:
        created = CUTOFF - datetime.timedelta(days=rng.randint(5, 200), hours=rng.randint(0, 8))
        suggestion = Suggestion(
            organisation=organisation,
            suggested_by_id=rng.choice(learners).pk,
            kind=plan.kind,
            title=plan.title,
            details=plan.details,
            topic=topics[plan.topic] if plan.topic else None,
            status=plan.status,
            decline_reason=plan.decline_reason,
        )
        if plan.status != SuggestionStatus.OPEN:
            suggestion.decided_by_id = author_id
            suggestion.decided_at = min(
                created + datetime.timedelta(days=rng.randint(2, 20)), CUTOFF
            )
        if plan.status == SuggestionStatus.ACCEPTED:
            if plan.kind == SuggestionKind.ACTIVITY:
                suggestion.activity = by_title[plan.title].activity
            else:
                suggestion.created_topic, _ = Topic.objects.get_or_create(
                    organisation=organisation, name=plan.title
                )
        rows.append((suggestion, created))
    return rows
