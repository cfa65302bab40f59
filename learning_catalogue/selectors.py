"""Reading the catalogue: what a card shows and who an activity is for (the browse filters and
sorts are ``filters.ActivityFilter``), seats left on sessions, rating summaries (shown from three
ratings), recommendations for a person's needs, and needs aggregated by topic and team with
small groups suppressed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Avg,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    TextField,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from learning_catalogue import access as catalogue_access
from learning_catalogue.models import (
    HOLDING_PLACE_STATUSES,
    Activity,
    ActivityStatus,
    LearningNeed,
    PlaceStatus,
    Rating,
    SavedActivity,
    Session,
    SessionPlace,
    SessionReservation,
)
from teams import access
from teams.models import Membership, Person, Team
from teams.models.organisation import in_force
from teams.privacy import SMALLEST_GROUP, shown

BITE_SIZE_MINUTES = 30
# Averages of fewer ratings say more about the raters than the activity.
FEWEST_RATINGS_SHOWN = 3
SORTS = {
    "title": "A to Z",
    "soonest": "Soonest",
    "shortest": "Shortest",
    "rated": "Best rated",
}
AUDIENCE_ME = "me"
# L&D asking for every activity, whatever its status.
ANY_STATUS = "any"


def _upcoming_sessions(now: datetime.datetime) -> QuerySet[Session]:
    return Session.objects.filter(
        activity=OuterRef("pk"), cancelled_at=None, start__gt=now
    ).order_by("start", "id")


def _counted(places: QuerySet[SessionPlace]) -> Coalesce:
    """How many of ``places`` each session has, as a subquery so rows never multiply."""
    counted = places.values("session").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted), 0, output_field=IntegerField())


def with_places(sessions: QuerySet[Session]) -> QuerySet[Session]:
    """Sessions with their seats counted: ``reserved_places`` (kept for teams),
    ``booked_places`` (booked or on offer), ``open_places_held`` (of those, not a team's) and
    ``waiting``. ``places_left`` reads them."""
    places = SessionPlace.objects.filter(session=OuterRef("pk"))
    holding = places.filter(status__in=HOLDING_PLACE_STATUSES)
    reserved = (
        SessionReservation.objects.filter(session=OuterRef("pk"))
        .values("session")
        .annotate(total=Sum("places"))
        .values("total")[:1]
    )
    return sessions.annotate(
        reserved_places=Coalesce(Subquery(reserved), 0, output_field=IntegerField()),
        booked_places=_counted(holding),
        open_places_held=_counted(holding.filter(reserved_for=None)),
        waiting=_counted(places.filter(status=PlaceStatus.WAITING)),
    )


def places_left(session: Session) -> int:
    """Seats anyone may book (a team's kept places are not), from ``with_places``; the same
    sum ``services.places.open_places`` makes under the session's lock."""
    return max(0, session.capacity - session.reserved_places - session.open_places_held)


def annotated(activities: QuerySet[Activity], user: Person) -> QuerySet[Activity]:
    """Adds what a catalogue card shows, as subqueries so the row count never multiplies:
    the next session, the rating average and count, and whether the user saved it."""
    now = timezone.now()
    ratings = Rating.objects.filter(activity=OuterRef("pk")).values("activity")
    return (
        activities.select_related("format")
        .prefetch_related("topics")
        .annotate(
            next_start=Subquery(_upcoming_sessions(now).values("start")[:1]),
            rating_count=Coalesce(
                Subquery(ratings.annotate(n=Count("pk")).values("n")[:1]),
                0,
                output_field=IntegerField(),
            ),
            rating_average=Subquery(ratings.annotate(a=Avg("usefulness")).values("a")[:1]),
            is_saved=Exists(SavedActivity.objects.filter(activity=OuterRef("pk"), person=user)),
        )
    )


def for_audience(activities: QuerySet[Activity], audience: str, user: Person) -> QuerySet:
    """Activities meant for ``audience``: a career stage, or ``me`` (the user's stage, roles and
    teams). Stored as JSON lists; read as text so the same test runs on SQLite and PostgreSQL."""
    activities = activities.annotate(
        _stages=Cast("audience_career_stages", TextField()),
        _roles=Cast("audience_roles", TextField()),
    )
    if audience != AUDIENCE_ME:
        return activities.filter(
            Q(audience_career_stages=[]) | Q(_stages__contains=f'"{audience}"')
        )
    stage_ok = Q(audience_career_stages=[])
    if user.career_stage:
        stage_ok |= Q(_stages__contains=f'"{user.career_stage}"')
    role_ok = Q(audience_roles=[])
    for role in user.roles:
        role_ok |= Q(_roles__contains=f'"{role}"')
    my_teams = Membership.objects.current().filter(person=user).values("team_id")
    team_ok = ~Exists(
        Activity.audience_teams.through.objects.filter(activity_id=OuterRef("pk"))
    ) | Exists(
        Activity.audience_teams.through.objects.filter(
            activity_id=OuterRef("pk"), team_id__in=my_teams
        )
    )
    return activities.filter(stage_ok & role_ok & team_ok)


@dataclass(frozen=True)
class RatingSummary:
    count: int
    average: float | None
    recommend_percent: int | None

    @property
    def shown(self) -> bool:
        return self.count >= FEWEST_RATINGS_SHOWN


def rating_summary(activity: Activity) -> RatingSummary:
    found = Rating.objects.filter(activity=activity).aggregate(
        count=Count("pk"),
        average=Avg("usefulness"),
        recommend=Count("pk", filter=Q(would_recommend=True)),
    )
    count = found["count"]
    if count < FEWEST_RATINGS_SHOWN:
        return RatingSummary(count=count, average=None, recommend_percent=None)
    return RatingSummary(
        count=count,
        average=round(float(found["average"]), 1),
        recommend_percent=round(100 * found["recommend"] / count),
    )


def comments_for(user: Person, activity: Activity) -> QuerySet[Rating]:
    """Comments go to L&D with names; nobody else reads them."""
    if not catalogue_access.can_publish(user) or activity.organisation_id != user.organisation_id:
        return Rating.objects.none()
    return activity.ratings.exclude(comment="").select_related("person")


def recommended_for(user: Person, limit: int = 6) -> QuerySet[Activity]:
    """Published activities on the topics of the user's learning needs, soonest first."""
    topics = LearningNeed.objects.filter(person=user).values("topic_id")
    activities = catalogue_access.activities_visible_to(user).filter(
        status=ActivityStatus.PUBLISHED,
        pk__in=Activity.topics.through.objects.filter(topic_id__in=topics).values("activity_id"),
    )
    return annotated(activities, user).order_by(
        F("next_start").asc(nulls_last=True), "title", "pk"
    )[:limit]


@dataclass(frozen=True)
class NeedCell:
    """People in a group with a need on a topic; ``None`` when too few to show."""

    people: int | None
    percent: int | None


@dataclass
class NeedRow:
    group: str
    headcount: int
    suppressed: bool
    cells: dict[int, NeedCell]
    # Set by the page when the group has teams within it to open.
    team_id: int | None = None

    @property
    def ordered_cells(self) -> list[NeedCell]:
        """The cells in the order of the topics asked for."""
        return list(self.cells.values())


def needs_by_topic(user: Person, teams: list[Team], topic_ids: list[int]) -> list[NeedRow]:
    """For each team (with every team below it) and topic: how many of its current people
    have a learning need on the topic, as a share of the team. A team of fewer than five
    people is suppressed whole; counts of one to four show as "fewer than five".

    Two queries whatever the number of teams: each team is one filtered count (its subtree by
    materialised path) over the current memberships of the people the user may see."""
    if not teams:
        return []
    visible = access.people_visible_to(user).filter(is_active=True).values("pk")
    headcounts = Membership.objects.filter(in_force(), person__in=visible).aggregate(
        **{
            f"team_{team.pk}": Count(
                "person_id", filter=Q(team__path__startswith=team.path), distinct=True
            )
            for team in teams
        }
    )
    needs: dict[int, dict[str, int]] = {
        row.pop("topic_id"): row
        for row in LearningNeed.objects.filter(
            in_force(prefix="person__memberships__"),
            person__in=visible,
            topic_id__in=topic_ids,
        )
        .values("topic_id")
        .annotate(
            **{
                f"team_{team.pk}": Count(
                    "person_id",
                    filter=Q(person__memberships__team__path__startswith=team.path),
                    distinct=True,
                )
                for team in teams
            }
        )
    }
    rows = []
    for team in teams:
        key = f"team_{team.pk}"
        headcount = headcounts[key]
        if headcount < SMALLEST_GROUP:
            rows.append(NeedRow(team.name, headcount, True, {}))
            continue
        cells = {}
        for topic_id in topic_ids:
            people = needs.get(topic_id, {}).get(key, 0)
            cells[topic_id] = (
                NeedCell(people, round(100 * people / headcount))
                if shown(people)
                else NeedCell(None, None)
            )
        rows.append(NeedRow(team.name, headcount, False, cells))
    return rows


# Groups a level shows at most: a directorate with more services than this is read in parts.
MOST_GROUPS = 100


@dataclass
class NeedsLevel:
    """One level of the organisation for needs by team: the group opened (None at the top),
    its groups, and which of them have teams within to open."""

    within: Team | None
    teams: list[Team]
    opens: set[int]


def needs_level(user: Person, within: Team | None = None) -> NeedsLevel:
    """Services first (L&D and org admins) or the user's own top teams (managers), then the
    teams within one of them (found by the caller among ``access.needs_teams``), so a large
    organisation is read a level at a time. PermissionDenied for someone with no teams.
    The top is the allowed teams with no allowed team above them: the services for those who
    see every team, a manager's own top teams otherwise."""
    allowed = catalogue_access.needs_teams(user)
    if not allowed.exists():
        raise PermissionDenied("Needs by team are for team managers, L&D leads and org admins.")
    if within is not None:
        teams = allowed.filter(parent=within)
    else:
        teams = allowed.exclude(parent__in=allowed)
    teams = list(teams.order_by("name", "pk")[:MOST_GROUPS])
    opens = set(allowed.filter(parent__in=teams).values_list("parent_id", flat=True))
    return NeedsLevel(within=within, teams=teams, opens=opens)
