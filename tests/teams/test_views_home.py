"""The home page is a short dashboard for the visitor's roles."""

from django.urls import reverse

from teams import services
from tests.factories import RegistrationFactory, WorkingPatternFactory


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_practitioner_sees_their_team_pattern_and_registrations(world, client):
    WorkingPatternFactory(person=world.practitioner_a, friday_minutes=0)
    RegistrationFactory(person=world.practitioner_a, number="SW123456")
    client.force_login(world.practitioner_a)
    html = client.get(reverse("home")).content.decode()
    assert "Assessment Team 1" in html
    assert "29h 36m a week (0.80 FTE)" in html
    assert "SW123456" in html
    assert "Teams you manage" not in html and "Recent changes" not in html


def test_manager_sees_their_teams_with_member_counts(world, client):
    client.force_login(world.manager_a)
    response = client.get(reverse("home"))
    teams = list(response.context["managed_teams"])
    assert [(team.name, team.member_count) for team in teams] == [("Assessment Team 1", 3)]


def test_org_admin_sees_counts_and_recent_audit_entries(world, client):
    services.team_create(actor=world.org_admin, name="Duty Team", parent=world.adults)
    client.force_login(world.org_admin)
    response = client.get(reverse("home"))
    assert response.context["counts"] == {"people": 9, "teams": 4, "services": 3}
    assert "team.create: Duty Team" in response.content.decode()


def test_ld_lead_sees_counts_but_not_the_audit_log(world, client):
    client.force_login(world.ld_lead)
    response = client.get(reverse("home"))
    assert response.context["counts"]["people"] == 9
    assert "recent_audit" not in response.context
