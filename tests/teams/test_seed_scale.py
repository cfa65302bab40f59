"""Scale data: a whole organisation from bulk inserts, shaped like a real one."""

import io

import pytest
from django.core.management import CommandError, call_command

from teams import access
from teams.management.commands.seed_scale import admin_email, service_manager_email
from teams.models import Membership, Person, Registration, Team, TeamManager, WorkingPattern

pytestmark = pytest.mark.django_db


def seed(people: int, slug: str) -> None:
    call_command(
        "seed_scale", "--people", str(people), "--organisation", slug, stdout=io.StringIO()
    )


def test_people_teams_and_roles_for_the_size_asked():
    seed(300, "scale-a")
    people = Person.objects.filter(organisation__slug="scale-a")
    assert people.count() == 300
    assert Team.objects.filter(organisation__slug="scale-a", kind=Team.Kind.TEAM).count() == 25
    assert Membership.objects.filter(person__in=people).count() == 300
    assert WorkingPattern.objects.filter(person__in=people).count() == 300
    assert Registration.objects.filter(person__in=people).count() == 270
    # Person 0 (first of team 1) is the org admin; the first of every other team manages it,
    # or its service when the team is a service's second.
    assert TeamManager.objects.filter(team__organisation__slug="scale-a").count() == 24
    assert all(team.path.endswith(f"/{team.pk:010d}/") for team in Team.objects.all())


def test_the_roles_see_what_they_should():
    seed(300, "scale-a")
    admin = Person.objects.get(email=admin_email("scale-a"))
    service_manager = Person.objects.get(email=service_manager_email("scale-a"))
    assert access.people_visible_to(admin).count() == 300
    # Service 1 holds the first 20 teams of twelve.
    assert access.people_visible_to(service_manager).count() == 240
    assert access.is_team_manager(service_manager)


def test_two_organisations_in_one_database_do_not_clash():
    seed(50, "scale-a")
    seed(50, "scale-b")
    assert Registration.objects.values("number").distinct().count() == 90
    with pytest.raises(CommandError):
        seed(10, "scale-a")
