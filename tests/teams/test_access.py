"""teams.access decides who sees whom; these tests pin each rule."""

import datetime

from django.utils import timezone

from teams import access
from teams.models import Membership


def names(queryset):
    return sorted(person.full_name for person in queryset)


def test_practitioner_sees_only_themselves(world):
    assert names(access.people_visible_to(world.practitioner_a)) == ["Priya Practitioner"]


def test_team_manager_sees_current_members_of_their_team(world):
    assert names(access.people_visible_to(world.manager_a)) == [
        "Alex Amari",
        "Maya Manager",
        "Priya Practitioner",
    ]


def test_service_manager_sees_every_team_below(world):
    visible = names(access.people_visible_to(world.service_manager))
    assert "Bola Bello" in visible and "Priya Practitioner" in visible
    assert "Chris Carter" not in visible
    teams = sorted(team.name for team in access.teams_managed_by(world.service_manager))
    assert teams == ["Assessment", "Assessment Team 1", "Assessment Team 2"]


def test_manager_loses_sight_of_someone_who_moved_team(world):
    today = timezone.localdate()
    Membership.objects.filter(person=world.practitioner_a).update(
        end_date=today - datetime.timedelta(days=1)
    )
    Membership.objects.create(person=world.practitioner_a, team=world.team_c, start_date=today)
    assert "Priya Practitioner" not in names(access.people_visible_to(world.manager_a))


def test_ld_lead_and_org_admin_see_their_whole_organisation_only(world):
    for user in (world.ld_lead, world.org_admin):
        visible = names(access.people_visible_to(user))
        assert len(visible) == 9
        assert "Olive Outsider" not in visible


def test_other_organisation_sees_nothing_of_ours(world):
    assert names(access.people_visible_to(world.outsider)) == ["Olive Outsider"]
    assert not access.teams_visible_to(world.outsider).filter(pk=world.team_a.pk).exists()


def test_only_org_admin_reads_the_audit_log(world):
    assert access.audit_visible_to(world.ld_lead).count() == 0
    assert not access.can_manage_people(world.manager_a)
    assert access.can_manage_people(world.org_admin)


def test_selectors_are_one_query(world, django_assert_num_queries):
    user = world.service_manager
    _ = user.roles
    with django_assert_num_queries(1):
        list(access.people_visible_to(user))
