"""Who the demo's learning is for and who runs it: the practitioners, their managers, the
L&D author."""

from __future__ import annotations

from collections import defaultdict

from learning_catalogue.demo.rows import Learner
from learning_catalogue.models import (
    Topic,
)
from planner.demo import RECORDED_TO
from teams.models import (
    Membership,
    Organisation,
    Person,
    Role,
    RoleAssignment,
    Team,
    TeamManager,
)


def practitioner_email(organisation: Organisation) -> str:
    return f"practitioner@{organisation.slug}.example"


def catalogue_author_id(organisation: Organisation) -> int | None:
    """The L&D lead, who keeps the catalogue; an org admin where there is none."""
    for role in (Role.LD_LEAD, Role.ORG_ADMIN):
        found = (
            RoleAssignment.objects.filter(
                person__organisation=organisation, person__is_active=True, role=role
            )
            .order_by("person_id")
            .values_list("person_id", flat=True)
            .first()
        )
        if found is not None:
            return found
    return None


def topics_by_name(organisation: Organisation) -> dict[str, Topic]:
    return {topic.name: topic for topic in Topic.objects.filter(organisation=organisation)}


class Managers:
    """Who agrees a person's needs: a manager of their team, or of the team above when they
    manage their own team."""

    def __init__(self, organisation: Organisation) -> None:
        self.parents = dict(
            Team.objects.filter(organisation=organisation).values_list("pk", "parent_id")
        )
        self.managers: defaultdict[int, list[int]] = defaultdict(list)
        for team_id, person_id in (
            TeamManager.objects.filter(team__organisation=organisation)
            .order_by("team_id", "person_id")
            .values_list("team_id", "person_id")
        ):
            self.managers[team_id].append(person_id)

    def of(self, person_id: int, team_id: int | None) -> int | None:
        while team_id is not None:
            others = [pk for pk in self.managers[team_id] if pk != person_id]
            if others:
                return others[0]
            team_id = self.parents.get(team_id)
        return None


def learners_of(organisation: Organisation) -> list[Learner]:
    """The organisation's active practitioners (a handful of queries: the demo is small)."""
    roles: defaultdict[int, set[str]] = defaultdict(set)
    for person_id, role in RoleAssignment.objects.filter(
        person__organisation=organisation
    ).values_list("person_id", "role"):
        roles[person_id].add(role)
    teams: dict[int, int] = {}
    for person_id, team_id in (
        Membership.objects.current(on=RECORDED_TO)
        .filter(person__organisation=organisation)
        .order_by("-start_date", "pk")
        .values_list("person_id", "team_id")
    ):
        teams.setdefault(person_id, team_id)
    managers = Managers(organisation)
    people = Person.objects.filter(
        organisation=organisation, is_active=True, role_assignments__role=Role.PRACTITIONER
    ).order_by("pk")
    return [
        Learner(
            pk=person.pk,
            email=person.email,
            stage=person.career_stage,
            started=person.employment_start,
            roles=frozenset(roles[person.pk]),
            team_id=teams.get(person.pk),
            manager_id=managers.of(person.pk, teams.get(person.pk)),
        )
        for person in people
    ]
