"""Org admins read the audit log: filter it, page through it, open an entry. Nobody edits it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from teams import services
from teams.models import AuditEntry

URL = reverse("teams:audit")


@pytest.fixture
def changes(world):
    services.team_create(actor=world.org_admin, name="Duty Team", parent=world.adults)
    services.person_update(
        actor=world.org_admin, person=world.practitioner_a, job_title="Senior social worker"
    )
    services.api_token_create(actor=world.ld_lead, name="Reports")


def actions(response):
    return [entry.action for entry in response.context["table"].page.object_list.data]


def test_org_admin_sees_their_organisations_entries_newest_first(world, client, changes):
    services.team_create(actor=world.outsider, name="Not ours")
    client.force_login(world.org_admin)
    response = client.get(URL)
    assert actions(response) == ["api_token.create", "person.update", "team.create"]
    html = response.content.decode()
    assert "job_title" in html and "Not ours" not in html
    assert 'aria-sort="descending"' in html


def test_filters_by_action_type_actor_and_dates(world, client, changes):
    client.force_login(world.org_admin)
    assert actions(client.get(URL, {"action": "team.create"})) == ["team.create"]
    assert actions(client.get(URL, {"object_type": "person"})) == ["person.update"]
    assert actions(client.get(URL, {"actor": world.ld_lead.pk})) == ["api_token.create"]
    today = timezone.localdate()
    assert len(actions(client.get(URL, {"date_from": today.isoformat()}))) == 3
    tomorrow = today + datetime.timedelta(days=1)
    response = client.get(URL, {"date_from": tomorrow.isoformat()})
    assert actions(response) == []
    assert "No entries match these filters" in response.content.decode()


def test_entry_page_shows_before_and_after(world, client, changes):
    entry = AuditEntry.objects.get(action="person.update")
    client.force_login(world.org_admin)
    response = client.get(reverse("teams:audit-entry", args=[entry.pk]))
    rows = {row["field"]: row for row in response.context["rows"]}
    assert rows["job_title"]["before"] == "Social worker"
    assert rows["job_title"]["after"] == "Senior social worker"
    assert rows["job_title"]["changed"] and not rows["email"]["changed"]


def test_audit_log_has_no_way_to_change_entries(world, client, changes):
    entry = AuditEntry.objects.first()
    client.force_login(world.org_admin)
    detail = reverse("teams:audit-entry", args=[entry.pk])
    assert client.post(detail).status_code == 405
    assert client.post(URL).status_code == 405
    assert AuditEntry.objects.count() == 3


@pytest.mark.parametrize("actor", ["practitioner_a", "manager_a", "ld_lead"])
def test_other_roles_get_403(world, client, changes, actor):
    client.force_login(getattr(world, actor))
    assert client.get(URL).status_code == 403
    entry = AuditEntry.objects.first()
    assert client.get(reverse("teams:audit-entry", args=[entry.pk])).status_code == 403


def test_another_organisations_entry_answers_404(world, client, changes):
    client.force_login(world.outsider)
    entry = AuditEntry.objects.first()
    assert client.get(reverse("teams:audit-entry", args=[entry.pk])).status_code == 404
