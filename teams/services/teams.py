"""Writes to the tree of services and teams and to who manages them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from teams.audit import snapshot
from teams.models import Person, Team, TeamManager
from teams.models.organisation import path_below
from teams.services.common import apply_fields, audit, audit_snapshot, require_structure_manager
from teams.services.people import role_grant

TEAM_FIELDS = ("name", "kind", "parent", "minimum_staff_on_duty")


def _compute_path(team: Team) -> str:
    return path_below(team.parent if team.parent_id else None, team.pk)


def _validate_parent(team: Team, parent: Team | None) -> None:
    if parent is None:
        return
    if parent.organisation_id != team.organisation_id:
        raise ValidationError({"parent": "Choose a service or team in your organisation."})
    if team.pk and parent.path.startswith(team.path):
        raise ValidationError({"parent": "A team cannot sit below itself or its own teams."})


@transaction.atomic
def team_create(
    *,
    actor: Person,
    name: str,
    kind: str = Team.Kind.TEAM,
    parent: Team | None = None,
    minimum_staff_on_duty: int = 0,
) -> Team:
    require_structure_manager(actor)
    team = Team(
        organisation_id=actor.organisation_id,
        name=name.strip(),
        kind=kind,
        parent=parent,
        minimum_staff_on_duty=minimum_staff_on_duty,
    )
    _validate_parent(team, parent)
    team.full_clean(exclude=["path"])
    team.save()
    team.path = _compute_path(team)
    team.save(update_fields=["path"])
    audit_snapshot(actor, "team.create", team, TEAM_FIELDS)
    return team


@transaction.atomic
def team_update(*, actor: Person, team: Team, **fields: object) -> Team:
    require_structure_manager(actor, team)
    team = Team.objects.select_for_update().get(pk=team.pk)
    before = snapshot(team, TEAM_FIELDS)
    old_path = team.path
    apply_fields(team, fields, TEAM_FIELDS)
    if "name" in fields:
        team.name = str(team.name).strip()
    _validate_parent(team, team.parent)
    team.full_clean(exclude=["path"])
    team.path = _compute_path(team)
    team.save()
    if team.path != old_path:
        for below in Team.objects.filter(path__startswith=old_path).exclude(pk=team.pk):
            below.path = team.path + below.path[len(old_path) :]
            below.save(update_fields=["path"])
    audit_snapshot(actor, "team.update", team, TEAM_FIELDS, before)
    return team


@transaction.atomic
def team_delete(*, actor: Person, team: Team) -> None:
    require_structure_manager(actor, team)
    if team.children.exists() or team.memberships.exists():
        raise ValidationError(
            "This team still has teams below it or people's memberships; move them first."
        )
    audit(actor, "team.delete", team, before=snapshot(team, TEAM_FIELDS))
    team.delete()


@transaction.atomic
def team_manager_add(*, actor: Person, team: Team, person: Person) -> TeamManager:
    require_structure_manager(actor, team, person)
    link, created = TeamManager.objects.get_or_create(team=team, person=person)
    if created:
        role_grant(actor=actor, person=person, role="team_manager")
        audit(actor, "team.manager_add", team, after={"manager": person.pk})
    return link


@transaction.atomic
def team_manager_remove(*, actor: Person, team: Team, person: Person) -> None:
    require_structure_manager(actor, team, person)
    deleted, _ = TeamManager.objects.filter(team=team, person=person).delete()
    if deleted:
        audit(actor, "team.manager_remove", team, before={"manager": person.pk})
