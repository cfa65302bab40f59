"""Every write made through the API leaves an audit entry: who, what, which object, the fields
before and after. The audit log itself has no write operations."""

from config.api import api as ninja_api
from teams.models import AuditEntry
from tests.factories import RegistrationFactory


def last_entry():
    return AuditEntry.objects.order_by("-id").first()


def actions_since(mark):
    return list(
        AuditEntry.objects.filter(id__gt=mark).order_by("id").values_list("action", flat=True)
    )


def mark():
    entry = last_entry()
    return entry.id if entry else 0


def test_each_api_write_records_an_audit_entry(world, api):
    api.as_(world.org_admin)
    registration = RegistrationFactory(person=world.practitioner_a)
    writes = [
        (
            lambda: api.patch(
                f"/organisations/{world.organisation.pk}", {"brand_colour": "#00703c"}
            ),
            ["organisation.update"],
        ),
        (lambda: api.post("/teams", {"name": "Duty team"}), ["team.create"]),
        (
            lambda: api.patch(f"/teams/{world.team_c.pk}", {"name": "Hospital Discharge"}),
            ["team.update"],
        ),
        (
            lambda: api.post(
                f"/teams/{world.team_c.pk}/managers", {"person_id": world.practitioner_c.pk}
            ),
            ["person.roles", "team.manager_add"],
        ),
        (
            lambda: api.delete(f"/teams/{world.team_c.pk}/managers/{world.practitioner_c.pk}"),
            ["team.manager_remove"],
        ),
        (
            lambda: api.post("/people", {"email": "new@example.org", "full_name": "New Person"}),
            ["person.create", "person.roles"],
        ),
        (
            lambda: api.patch(
                f"/people/{world.practitioner_a.pk}",
                {"job_title": "Senior social worker", "roles": ["practitioner", "ld_lead"]},
            ),
            ["person.update", "person.roles"],
        ),
        (
            lambda: api.post(
                "/memberships",
                {
                    "person_id": world.practitioner_a.pk,
                    "team_id": world.team_b.pk,
                    "start_date": "2026-02-02",
                },
            ),
            ["membership.end", "membership.start"],
        ),
        (
            lambda: api.post(
                f"/people/{world.practitioner_a.pk}/working-patterns",
                {"effective_from": "2026-01-05", "monday_minutes": 450},
            ),
            ["working_pattern.set"],
        ),
        (
            lambda: api.post(
                "/registrations",
                {"person_id": world.practitioner_b.pk, "regulator": "hcpc", "number": "SW999999"},
            ),
            ["registration.add"],
        ),
        (
            lambda: api.patch(f"/registrations/{registration.pk}", {"renewal_due": "2027-11-30"}),
            ["registration.update"],
        ),
        (lambda: api.delete(f"/registrations/{registration.pk}"), ["registration.remove"]),
        (lambda: api.post("/tokens", {"name": "Export"}), ["api_token.create"]),
    ]
    for write, expected in writes:
        before = mark()
        response = write()
        assert response.status_code in {200, 201, 204}, response.content
        assert actions_since(before) == expected
        entry = last_entry()
        assert entry.actor == world.org_admin
        assert entry.organisation == world.organisation


def test_an_entry_holds_the_fields_before_and_after(world, api):
    api.as_(world.org_admin).patch(f"/teams/{world.team_c.pk}", {"minimum_staff_on_duty": 3})
    entry = last_entry()
    assert (entry.object_type, entry.object_id) == ("team", str(world.team_c.pk))
    assert entry.before["minimum_staff_on_duty"] == 0
    assert entry.after["minimum_staff_on_duty"] == 3
    assert entry.changed_fields == ["minimum_staff_on_duty"]


def test_a_token_write_is_recorded_against_the_tokens_owner(world, api):
    raw = api.as_(world.org_admin).post("/tokens", {"name": "Script"}).json()["key"]
    api.with_token(raw).post("/teams", {"name": "Scripted team"})
    assert last_entry().action == "team.create"
    assert last_entry().actor == world.org_admin


def test_refused_and_invalid_writes_record_nothing(world, api):
    before = mark()
    api.as_(world.ld_lead).patch(f"/people/{world.practitioner_a.pk}", {"job_title": "x"})
    api.as_(world.org_admin).post("/teams", {"name": ""})
    assert actions_since(before) == []


def test_the_audit_log_has_no_write_operations():
    for path, methods in ninja_api.get_openapi_schema()["paths"].items():
        if path.startswith("/api/v1/audit"):
            assert set(methods) == {"get"}, path
