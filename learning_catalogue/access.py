"""Who may see and change what in the catalogue, built on ``teams.access``.

Everyone in an organisation sees its published activities and their sessions, and retired ones
they have a record of; L&D leads and org admins also see drafts and every retired one, and
publish. A person's places are theirs; team managers allocate their teams' reserved places to
the people they manage.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    LearningNeed,
    Rating,
    SavedActivity,
    Session,
    SessionPlace,
    Suggestion,
)
from teams import access
from teams.access import Viewer
from teams.models import Person, Team


def can_publish(user: Viewer) -> bool:
    return access.is_ld_lead(user) or access.is_org_admin(user)


def require_publisher(user: Viewer) -> None:
    """Refuses anyone but L&D leads and org admins, saying who may."""
    if not can_publish(user):
        raise PermissionDenied("Only L&D leads and org admins can change the catalogue.")


def activities_visible_to(user: Viewer) -> QuerySet[Activity]:
    """L&D see every activity; others the published ones, and a retired one they have a
    record of (a place, their learning list, a rating), so their records still open."""
    if not user.is_authenticated:
        return Activity.objects.none()
    found = Activity.objects.filter(organisation_id=user.organisation_id)
    if can_publish(user):
        return found
    on_record = (
        Q(pk__in=SessionPlace.objects.filter(person_id=user.pk).values("session__activity_id"))
        | Q(pk__in=SavedActivity.objects.filter(person_id=user.pk).values("activity_id"))
        | Q(pk__in=Rating.objects.filter(person_id=user.pk).values("activity_id"))
    )
    return found.filter(
        Q(status=ActivityStatus.PUBLISHED) | (Q(status=ActivityStatus.RETIRED) & on_record)
    )


def sessions_visible_to(user: Viewer) -> QuerySet[Session]:
    return Session.objects.filter(activity__in=activities_visible_to(user).values("pk"))


def places_visible_to(user: Viewer) -> QuerySet[SessionPlace]:
    """Your own places; managers their people's; L&D leads and org admins everyone's."""
    if not user.is_authenticated:
        return SessionPlace.objects.none()
    return SessionPlace.objects.filter(
        session__activity__organisation_id=user.organisation_id,
        person__in=access.people_visible_to(user).values("pk"),
    )


def sees_session_pages(user: Viewer) -> bool:
    """A session's page of places and reservations: L&D, and team managers (who give out
    their teams' kept places)."""
    return can_publish(user) or access.is_team_manager(user)


def teams_allocating(user: Viewer) -> QuerySet[Team]:
    """The teams whose kept places the user gives out: the teams they manage."""
    return access.teams_managed_by(user)


def allocatable_people(user: Viewer, team: Team) -> QuerySet[Person]:
    """Who may have one of ``team``'s kept places from the user: the active people they
    manage who are current members of the team (``can_allocate`` for one person)."""
    return access.people_managed_by(user).filter(
        pk__in=team.memberships.current().values("person_id"), is_active=True
    )


def teams_to_reserve_for(user: Viewer) -> QuerySet[Team]:
    """Teams (not services or directorates) L&D may keep places for."""
    return access.teams_visible_to(user).filter(kind=Team.Kind.TEAM)


def can_allocate(user: Viewer, team: Team, person: Person) -> bool:
    """A team's reserved places go to its current members, allocated by their manager."""
    return (
        access.teams_managed_by(user).filter(pk=team.pk).exists()
        and person.memberships.current().filter(team=team).exists()
        and access.manages(user, person)
    )


def suggestions_visible_to(user: Viewer) -> QuerySet[Suggestion]:
    """L&D leads and org admins triage the organisation's suggestions; everyone else sees
    their own, with the reason when one is declined."""
    if not user.is_authenticated:
        return Suggestion.objects.none()
    found = Suggestion.objects.filter(organisation_id=user.organisation_id)
    return found if can_publish(user) else found.filter(suggested_by_id=user.pk)


def can_record_needs_for(user: Viewer, person: Person) -> bool:
    """A person records their own learning needs; their manager records and agrees them."""
    return user.is_authenticated and (user.pk == person.pk or access.manages(user, person))


def needs_listed_for(user: Viewer) -> QuerySet[LearningNeed]:
    """The needs a person works with: their own and those of the people they manage. L&D see
    needs only counted by team (``selectors.needs_by_topic``)."""
    if not user.is_authenticated:
        return LearningNeed.objects.none()
    return LearningNeed.objects.filter(
        Q(person_id=user.pk) | Q(person__in=access.people_managed_by(user).values("pk"))
    )


def needs_teams(user: Viewer) -> QuerySet[Team]:
    """Teams whose needs the user may see in aggregate (``selectors.needs_by_topic``): L&D and
    org admins every team; managers their own teams."""
    if access.sees_whole_organisation(user):
        return access.teams_visible_to(user).order_by("path")
    return access.teams_managed_by(user).order_by("path")


def needs_found_by(user: Viewer) -> QuerySet[LearningNeed]:
    """Needs of anyone the user may see: found (so someone who may not change it is refused,
    403) rather than not found (404, for people they cannot see at all)."""
    return LearningNeed.objects.filter(person__in=access.people_visible_to(user).values("pk"))
