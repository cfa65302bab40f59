"""Reads for the organisation pages, each starting from ``teams.access``.

Lists load what their rows show with a fixed number of queries (select_related and prefetches),
so a page costs the same for 5 rows as for 50.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from teams import access
from teams.access import Viewer
from teams.models import (
    ApiToken,
    AuditEntry,
    Membership,
    Person,
    PersonQuerySet,
    Registration,
    Team,
    WorkingPattern,
)
from teams.models.organisation import TeamQuerySet, in_force


def _current_memberships(on: datetime.date | None = None) -> Prefetch:
    return Prefetch(
        "memberships",
        queryset=Membership.objects.current(on).select_related("team").order_by("team__name"),
        to_attr="current_memberships",
    )


def people_list(user: Viewer) -> PersonQuerySet:
    """The people list: everyone the user may see, with current teams and roles."""
    return access.people_visible_to(user).prefetch_related(
        _current_memberships(), "role_assignments"
    )


def person_detail(user: Viewer, pk: int) -> Person:
    """One visible person with everything their page shows; 404 when not visible."""
    person = get_object_or_404(
        access.people_visible_to(user)
        .select_related("organisation")
        .prefetch_related(
            "role_assignments",
            "specialisms",
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("team").order_by("-start_date"),
                to_attr="all_memberships",
            ),
            Prefetch(
                "working_patterns",
                queryset=WorkingPattern.objects.order_by("-effective_from"),
                to_attr="patterns",
            ),
            Prefetch(
                "registrations",
                queryset=Registration.objects.select_related("regulator"),
                to_attr="registration_list",
            ),
        ),
        pk=pk,
    )
    today = timezone.localdate()
    person.current_memberships = [m for m in person.all_memberships if m.is_current(today)]
    person.past_memberships = [
        m for m in person.all_memberships if m not in person.current_memberships
    ]
    person.current_pattern = next((p for p in person.patterns if p.effective_from <= today), None)
    return person


def person_for_admin(user: Viewer, pk: int) -> Person:
    """A person an org admin edits: in their organisation, else 404."""
    return get_object_or_404(access.people_visible_to(user), pk=pk)


def registration_of(person: Person, pk: int) -> Registration:
    """One of a person's registrations; the caller has already checked the person."""
    return get_object_or_404(
        Registration.objects.select_related("regulator", "person").filter(person=person), pk=pk
    )


def membership_of(person: Person, pk: int) -> Membership:
    """One of a person's memberships; the caller has already checked the person."""
    return get_object_or_404(
        Membership.objects.select_related("team", "person").filter(person=person), pk=pk
    )


def _visible_member_count(user: Viewer) -> Count:
    """Current members of a team whom the user may see (a practitioner counts only themselves)."""
    return Count(
        "memberships",
        filter=in_force(prefix="memberships__")
        & Q(memberships__person__in=access.people_visible_to(user).values("pk")),
        distinct=True,
    )


def teams_tree(user: Viewer) -> TeamQuerySet:
    """Visible teams in tree order (by materialised path) with member counts and managers."""
    return (
        access.teams_visible_to(user)
        .select_related("parent")
        .annotate(member_count=_visible_member_count(user))
        .prefetch_related(Prefetch("managers", queryset=Person.objects.order_by("full_name")))
        .order_by("path")
    )


def team_detail(user: Viewer, pk: int) -> Team:
    return get_object_or_404(
        access.teams_visible_to(user)
        .select_related("parent")
        .prefetch_related(Prefetch("managers", queryset=Person.objects.order_by("full_name"))),
        pk=pk,
    )


def team_for_admin(user: Viewer, pk: int) -> Team:
    """A team an org admin edits: in their organisation, else 404."""
    return get_object_or_404(access.teams_visible_to(user), pk=pk)


def manager_candidates(user: Viewer, team: Team) -> PersonQuerySet:
    """Who can be made a manager of the team: people still employed who do not manage it yet."""
    return (
        access.people_visible_to(user)
        .employed_on()
        .exclude(managed_teams=team)
        .order_by("full_name")
    )


def team_members(user: Viewer, team: Team) -> QuerySet[Membership]:
    """Current memberships of a team, limited to the people the user may see."""
    return (
        Membership.objects.current()
        .filter(team=team, person__in=access.people_visible_to(user).values("pk"))
        .select_related("person")
        .prefetch_related("person__role_assignments")
        .order_by("person__full_name")
    )


def team_subteams(user: Viewer, team: Team) -> TeamQuerySet:
    """The teams directly below, as far as the user may see them (links must not 404)."""
    return access.teams_visible_to(user).filter(parent=team).order_by("name")


def team_is_visible(user: Viewer, pk: int | None) -> bool:
    return pk is not None and access.teams_visible_to(user).filter(pk=pk).exists()


def audit_list(user: Viewer) -> QuerySet[AuditEntry]:
    return access.audit_visible_to(user).select_related("actor")


def audit_entry(user: Viewer, pk: int) -> AuditEntry:
    return get_object_or_404(audit_list(user), pk=pk)


def tokens_list(user: Viewer) -> QuerySet[ApiToken]:
    return access.tokens_of(user).order_by("-created_at")


def token_for_owner(user: Viewer, pk: int) -> ApiToken:
    return get_object_or_404(access.tokens_of(user), pk=pk)


# Home page ------------------------------------------------------------------------------------


def own_memberships(user: Person) -> QuerySet[Membership]:
    return Membership.objects.current().filter(person_id=user.pk).select_related("team")


def own_pattern(user: Person) -> WorkingPattern | None:
    return (
        WorkingPattern.objects.filter(person_id=user.pk, effective_from__lte=timezone.localdate())
        .order_by("-effective_from")
        .first()
    )


def own_registrations(user: Person) -> QuerySet[Registration]:
    return Registration.objects.filter(person_id=user.pk).select_related("regulator")


def managed_teams_with_counts(user: Viewer) -> TeamQuerySet:
    return access.teams_managed_by(user).annotate(member_count=_visible_member_count(user))


def organisation_counts(user: Viewer) -> dict[str, int]:
    return {
        "people": access.people_visible_to(user).employed_on().count(),
        "teams": access.teams_visible_to(user).filter(kind=Team.Kind.TEAM).count(),
        "services": access.teams_visible_to(user).filter(kind=Team.Kind.SERVICE).count(),
    }


def recent_audit(user: Viewer, limit: int = 5) -> list[AuditEntry]:
    return list(audit_list(user)[:limit])
