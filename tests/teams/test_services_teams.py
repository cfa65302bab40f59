"""Team tree writes: paths follow moves, cycles are refused, only org admins write."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from teams import services
from teams.models import AuditEntry, Team


def test_team_create_sets_path_below_parent_and_audits(world):
    team = services.team_create(actor=world.org_admin, name=" Duty Team ", parent=world.assessment)
    assert team.name == "Duty Team"
    assert team.path == f"{world.assessment.path}{team.pk:010d}/"
    entry = AuditEntry.objects.get(action="team.create", object_id=str(team.pk))
    assert entry.actor == world.org_admin
    assert entry.after["name"] == "Duty Team"
    assert entry.after["parent"] == world.assessment.pk


def test_moving_a_service_moves_every_team_below(world):
    services.team_update(actor=world.org_admin, team=world.assessment, parent=world.adults)
    world.team_a.refresh_from_db()
    assert world.team_a.path.startswith(f"{world.adults.path}{world.assessment.pk:010d}/")
    entry = AuditEntry.objects.get(action="team.update")
    assert entry.before["parent"] == world.children.pk
    assert entry.after["parent"] == world.adults.pk


def test_a_team_cannot_move_below_itself(world):
    with pytest.raises(ValidationError) as error:
        services.team_update(actor=world.org_admin, team=world.assessment, parent=world.team_a)
    assert "below itself" in str(error.value)
    world.assessment.refresh_from_db()
    assert world.assessment.parent == world.children


def test_parent_from_another_organisation_is_refused(world):
    with pytest.raises(ValidationError):
        services.team_create(actor=world.org_admin, name="X", parent=world.outsider_team)


def test_duplicate_name_under_the_same_parent_is_refused(world):
    with pytest.raises(ValidationError):
        services.team_create(
            actor=world.org_admin, name="Assessment Team 1", parent=world.assessment
        )


@pytest.mark.parametrize("who", ["ld_lead", "manager_a", "practitioner_a"])
def test_only_org_admins_change_the_structure(world, who):
    with pytest.raises(PermissionDenied):
        services.team_create(actor=getattr(world, who), name="Rogue team")
    assert not Team.objects.filter(name="Rogue team").exists()


def test_outsider_cannot_touch_our_teams(world):
    with pytest.raises(PermissionDenied):
        services.team_update(actor=world.outsider, team=world.team_a, name="Taken over")


def test_adding_a_manager_grants_the_role_and_widens_their_view(world):
    services.team_manager_add(actor=world.org_admin, team=world.team_c, person=world.practitioner_b)
    world.practitioner_b.refresh_from_db()
    assert world.practitioner_b.has_role("team_manager")
    from teams import access

    visible = {p.full_name for p in access.people_visible_to(world.practitioner_b)}
    assert "Chris Carter" in visible


def test_a_team_with_people_cannot_be_deleted(world):
    with pytest.raises(ValidationError):
        services.team_delete(actor=world.org_admin, team=world.team_a)
    empty = services.team_create(actor=world.org_admin, name="Empty", parent=world.adults)
    services.team_delete(actor=world.org_admin, team=empty)
    assert not Team.objects.filter(pk=empty.pk).exists()
    assert AuditEntry.objects.filter(action="team.delete").count() == 1


def test_ordering_by_path_keeps_the_tree_in_order_whatever_the_id_lengths(world):
    # Enough teams that ids cross a power of ten, which unpadded text paths would misorder.
    services_created = [
        services.team_create(actor=world.org_admin, name=f"Service {n}", kind="service")
        for n in range(12)
    ]
    below_first = services.team_create(
        actor=world.org_admin, name="Below the first", parent=services_created[0]
    )
    ordered = list(Team.objects.filter(pk__in=[t.pk for t in [*services_created, below_first]]))
    assert ordered == [services_created[0], below_first, *services_created[1:]]
