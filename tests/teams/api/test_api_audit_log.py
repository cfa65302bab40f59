"""Org admins read their organisation's audit log through the API, filtered; nobody else."""

import datetime

import pytest
from django.utils import timezone

from teams.audit import audit_record
from teams.models import AuditEntry
from tests.support import error_of, ids


@pytest.fixture
def entries(world):
    def record(actor, action, obj, at):
        entry = audit_record(actor=actor, organisation=world.organisation, action=action, obj=obj)
        AuditEntry.objects.filter(pk=entry.pk).update(at=at)
        return entry

    now = timezone.now()
    return {
        "old": record(
            world.org_admin, "team.create", world.team_a, now - datetime.timedelta(days=40)
        ),
        "recent": record(
            world.org_admin, "person.update", world.practitioner_a, now - datetime.timedelta(days=2)
        ),
        "by_manager": record(world.manager_a, "person.update", world.practitioner_a2, now),
        "theirs": audit_record(
            actor=world.outsider,
            organisation=world.other_organisation,
            action="team.create",
            obj=world.outsider_team,
        ),
    }


def test_org_admins_read_their_own_organisations_log_newest_first(world, api, entries):
    response = api.as_(world.org_admin).get("/audit")
    assert ids(response) == [entries["by_manager"].pk, entries["recent"].pk, entries["old"].pk]
    item = response.json()["items"][0]
    assert item["actor"] == {"id": world.manager_a.pk, "full_name": "Maya Manager"}
    assert item["object_type"] == "person" and item["object_id"] == str(world.practitioner_a2.pk)


def test_one_entry_by_id(world, api, entries):
    api.as_(world.org_admin)
    assert api.get(f"/audit/{entries['old'].pk}").json()["action"] == "team.create"
    assert api.get(f"/audit/{entries['theirs'].pk}").status_code == 404


def test_filters(world, api, entries):
    api.as_(world.org_admin)
    assert ids(api.get("/audit", {"action": "team.create"})) == [entries["old"].pk]
    assert ids(api.get("/audit", {"object_type": "team"})) == [entries["old"].pk]
    assert ids(api.get("/audit", {"actor_id": world.manager_a.pk})) == [entries["by_manager"].pk]
    week_ago = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    assert ids(api.get("/audit", {"since": week_ago})) == [
        entries["by_manager"].pk,
        entries["recent"].pk,
    ]
    assert ids(api.get("/audit", {"until": week_ago})) == [entries["old"].pk]
    stamp = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert ids(api.get("/audit", {"until": stamp, "action": "person.update"})) == [
        entries["recent"].pk
    ]


def test_nobody_else_reads_the_log(world, api, entries):
    for person in (world.practitioner_a, world.manager_a, world.ld_lead):
        api.as_(person)
        response = api.get("/audit")
        assert response.status_code == 403
        assert "org admins" in error_of(response)["message"]
        assert api.get(f"/audit/{entries['old'].pk}").status_code == 403
