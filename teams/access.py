"""Who may see and change what: the only place that decides.

Every view, endpoint and task that reads people or teams starts from one of these selectors,
so a rule changes here and nowhere else.

- practitioner: themselves;
- team manager: people currently in the teams they manage, and in teams below them;
- L&D lead: everyone in their organisation;
- org admin: the organisation's structure, people and audit log;
- anyone, other organisations: nothing (callers answer 404, as if it did not exist).
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr

from teams.models import (
    ApiToken,
    AuditEntry,
    Membership,
    Organisation,
    Person,
    PersonQuerySet,
    Role,
    Team,
    TeamManager,
)
from teams.models.organisation import TeamQuerySet

Viewer = Person | AnonymousUser


def _signed_in(user: Viewer) -> bool:
    return bool(user.is_authenticated and user.is_active)


def is_org_admin(user: Viewer) -> bool:
    return _signed_in(user) and user.has_role(Role.ORG_ADMIN)


def is_ld_lead(user: Viewer) -> bool:
    return _signed_in(user) and user.has_role(Role.LD_LEAD)


def is_team_manager(user: Viewer) -> bool:
    return _signed_in(user) and user.has_role(Role.TEAM_MANAGER)


def sees_whole_organisation(user: Viewer) -> bool:
    return is_org_admin(user) or is_ld_lead(user)


def sees_teams(user: Viewer) -> bool:
    """Team managers, L&D leads and org admins: the people and teams pages, the team planner."""
    return is_team_manager(user) or sees_whole_organisation(user)


def organisations_visible_to(user: Viewer) -> QuerySet[Organisation]:
    """A person only ever sees their own employer."""
    if not _signed_in(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(pk=user.organisation_id)


def teams_managed_by(user: Viewer) -> TeamQuerySet:
    """Teams the person manages and every team below them, as one query."""
    if not is_team_manager(user):
        return Team.objects.none()
    # The outer team is at or below a managed team when the managed team's path is a prefix of
    # the outer team's path ("/3/" is a prefix of "/3/12/").
    manages_this_or_above = TeamManager.objects.filter(
        person_id=user.pk,
        team__path=Substr(OuterRef("path"), 1, Length("team__path")),
    )
    return Team.objects.filter(organisation_id=user.organisation_id).filter(
        Exists(manages_this_or_above)
    )


def teams_visible_to(user: Viewer) -> TeamQuerySet:
    """Whole tree for org admins and L&D; managed teams and own teams for everyone else."""
    if not _signed_in(user):
        return Team.objects.none()
    teams = Team.objects.filter(organisation_id=user.organisation_id)
    if sees_whole_organisation(user):
        return teams
    own_teams = Membership.objects.current().filter(person_id=user.pk).values("team_id")
    return teams.filter(Q(pk__in=teams_managed_by(user).values("pk")) | Q(pk__in=own_teams))


def people_visible_to(user: Viewer, *, on: datetime.date | None = None) -> PersonQuerySet:
    """Everyone the user may read, as one query they can filter further."""
    if not _signed_in(user):
        return Person.objects.none()
    people = Person.objects.filter(organisation_id=user.organisation_id)
    if sees_whole_organisation(user):
        return people
    managed_members = (
        Membership.objects.current(on)
        .filter(team__in=teams_managed_by(user).values("pk"))
        .values("person_id")
    )
    return people.filter(Q(pk=user.pk) | Q(pk__in=managed_members))


def people_managed_by(user: Viewer) -> PersonQuerySet:
    """People currently in a team the user manages (or a team below one), never the user."""
    if not is_team_manager(user):
        return Person.objects.none()
    members = (
        Membership.objects.current()
        .filter(team__in=teams_managed_by(user).values("pk"))
        .values("person_id")
    )
    return Person.objects.filter(organisation_id=user.organisation_id, pk__in=members).exclude(
        pk=user.pk
    )


def manages(user: Viewer, person: Person) -> bool:
    return people_managed_by(user).filter(pk=person.pk).exists()


def can_manage_people(user: Viewer) -> bool:
    """Creating and editing people, their contracts, roles and registrations."""
    return is_org_admin(user)


def can_manage_structure(user: Viewer) -> bool:
    """Creating and editing services, teams and their managers."""
    return is_org_admin(user)


def can_read_audit(user: Viewer) -> bool:
    """The audit log names everyone's changes, so only org admins read it."""
    return is_org_admin(user)


def audit_visible_to(user: Viewer) -> QuerySet[AuditEntry]:
    if not can_read_audit(user):
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(organisation_id=user.organisation_id)


def can_hold_tokens(user: Viewer) -> bool:
    """Anyone signed in may create tokens: a token acts with its owner's own permissions."""
    return _signed_in(user)


def owns_token(user: Viewer, token: ApiToken) -> bool:
    return _signed_in(user) and token.person_id == user.pk


def tokens_of(user: Viewer) -> QuerySet[ApiToken]:
    """A person only ever sees and revokes their own tokens."""
    if not _signed_in(user):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(person_id=user.pk)
