"""Places on sessions: a full session with a waiting list, places kept for a team, and a year of
bookings for each practitioner."""

from __future__ import annotations

import datetime
import random
from collections import Counter, defaultdict

from learning_catalogue.demo.data import CUTOFF, DEMO_FIRST, RESERVED_PLACES, RESERVED_TEAM, WAITING
from learning_catalogue.demo.rows import Learner, Offer, create_dated
from learning_catalogue.models import (
    PlaceStatus,
    Session,
    SessionPlace,
    SessionReservation,
)
from planner.demo import RECORDED_TO
from teams.models import (
    CareerStage,
    Organisation,
    Role,
    Team,
)


def first_future_session(
    offer: Offer, *, days: int, free_for: tuple[Learner, Places] | None = None
) -> Session | None:
    """The offer's first session at least ``days`` after ``RECORDED_TO`` that is going ahead
    (with a seat for ``free_for``'s learner on a day they are free), so it stays in the future
    for a while after the demo is loaded."""
    after = CUTOFF + datetime.timedelta(days=days)
    for session in offer.sessions:
        if session.start < after or session.cancelled_at is not None:
            continue
        if free_for is None or free_for[1].free(free_for[0], session):
            return session
    return None


class Places:
    """Places being written, with each session's free seats and each person's activities and
    days, so no one has two places for one activity or one day and no session is overbooked."""

    def __init__(self) -> None:
        self.rows: list[tuple[SessionPlace, datetime.datetime]] = []
        self.seats: dict[int, int] = {}
        self.held: Counter[int] = Counter()
        self.activities: defaultdict[int, set[int]] = defaultdict(set)
        self.days: defaultdict[int, set[datetime.date]] = defaultdict(set)

    def free(self, learner: Learner, session: Session) -> bool:
        return (
            self.held[session.pk] < self.seats[session.pk]
            and session.activity_id not in self.activities[learner.pk]
            and session.start.date() not in self.days[learner.pk]
            and (learner.started is None or learner.started <= session.start.date())
        )

    def add(
        self,
        person_id: int,
        session: Session,
        offer: Offer,
        rng: random.Random,
        *,
        status: str = PlaceStatus.BOOKED,
        reserved_for: SessionReservation | None = None,
        booked_by_id: int | None = None,
        joined: datetime.datetime | None = None,
    ) -> None:
        """A place taken a week to two months before the session (never after the records'
        day); a place on a session later cancelled ends with it."""
        joined = joined or min(
            session.start - datetime.timedelta(days=rng.randint(7, 60), hours=rng.randint(0, 9)),
            CUTOFF - datetime.timedelta(hours=rng.randint(2, 400)),
        )
        ended = None
        if session.cancelled_at is not None:
            status, ended = PlaceStatus.CANCELLED, session.cancelled_at
            joined = min(joined, ended - datetime.timedelta(days=1))
        elif status == PlaceStatus.CANCELLED:
            ended = min(
                session.start - datetime.timedelta(days=rng.randint(1, 6)),
                CUTOFF - datetime.timedelta(hours=1),
            )
            joined = min(joined, ended - datetime.timedelta(days=1))
        place = SessionPlace(
            session=session,
            person_id=person_id,
            status=status,
            reserved_for=reserved_for,
            ended_at=ended,
            booked_by_id=booked_by_id or person_id,
        )
        self.rows.append((place, joined))
        if status == PlaceStatus.BOOKED and reserved_for is None:
            self.held[session.pk] += 1
        self.activities[person_id].add(offer.activity.pk)
        self.days[person_id].add(session.start.date())

    def write(self) -> list[SessionPlace]:
        return create_dated(SessionPlace, self.rows, ("joined_at",))


def fill_with_waiting_list(
    session: Session,
    offer: Offer,
    takers: list[Learner],
    practitioner: Learner | None,
    places: Places,
    rng: random.Random,
) -> None:
    """Every seat booked and three people waiting, the demo practitioner second in line."""
    others = [learner for learner in takers if learner != practitioner]
    chosen = rng.sample(others, session.capacity + WAITING - (practitioner is not None))
    waiting = chosen[session.capacity :]
    if practitioner is not None:
        waiting.insert(1, practitioner)
    for learner in chosen[: session.capacity]:
        places.add(learner.pk, session, offer, rng)
    # The waiting list is in the order people joined it, up to the records' day.
    for position, learner in enumerate(waiting):
        joined = CUTOFF - datetime.timedelta(days=10 - 3 * position, hours=rng.randint(1, 8))
        places.add(learner.pk, session, offer, rng, status=PlaceStatus.WAITING, joined=joined)


def reserve_for_team(
    organisation: Organisation,
    session: Session,
    offer: Offer,
    learners: list[Learner],
    places: Places,
    rng: random.Random,
) -> None:
    """Places kept for one team, half of them already given out by its manager."""
    team_id = (
        Team.objects.filter(organisation=organisation, name=RESERVED_TEAM)
        .values_list("pk", flat=True)
        .first()
    )
    if team_id is None:
        sizes = Counter(learner.team_id for learner in learners if learner.team_id is not None)
        if not sizes:
            return
        team_id = sizes.most_common(1)[0][0]
    reservation = SessionReservation.objects.create(
        session=session, team_id=team_id, places=RESERVED_PLACES
    )
    # The reserved seats are not open to everyone else.
    places.seats[session.pk] -= RESERVED_PLACES
    members = [
        learner
        for learner in learners
        if learner.team_id == team_id
        and Role.TEAM_MANAGER not in learner.roles
        and learner.manager_id is not None
        and places.free(learner, session)
    ]
    for learner in rng.sample(members, min(len(members), RESERVED_PLACES // 2)):
        places.add(
            learner.pk,
            session,
            offer,
            rng,
            reserved_for=reservation,
            booked_by_id=learner.manager_id,
        )


def book_a_year(learner: Learner, offers: list[Offer], places: Places, rng: random.Random) -> None:
    """Eight to fourteen sessions over the past year (more for newly qualified staff, fewer
    for people who joined during it), one in ten cancelled; up to two booked ahead."""
    open_offers = [offer for offer in offers if offer.sessions and learner.can_take(offer)]
    sessions = [session for offer in open_offers for session in offer.sessions]
    by_activity = {offer.activity.pk: offer for offer in open_offers}
    past = [session for session in sessions if session.start < CUTOFF]
    future = [session for session in sessions if session.start >= CUTOFF]
    wanted = rng.randint(8, 14) + (3 if learner.stage == CareerStage.NEWLY_QUALIFIED else 0)
    if learner.started and learner.started > DEMO_FIRST:
        wanted = round(wanted * (RECORDED_TO - learner.started).days / 365)
    for pool, count, cancel_chance in ((past, wanted, 0.1), (future, rng.randint(0, 2), 0.05)):
        for session in rng.sample(pool, len(pool)):
            if count <= 0:
                break
            if not places.free(learner, session):
                continue
            status = PlaceStatus.CANCELLED if rng.random() < cancel_chance else PlaceStatus.BOOKED
            places.add(learner.pk, session, by_activity[session.activity_id], rng, status=status)
            count -= 1
