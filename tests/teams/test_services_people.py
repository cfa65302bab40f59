"""People writes: validation speaks to people, moves keep history, every change is audited."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from teams import services
from teams.models import AuditEntry, Membership, Person, Registration, Regulator


def test_person_create_with_roles_and_first_team(world):
    person = services.person_create(
        actor=world.org_admin,
        email=" New.Starter@Northshire.Example ",
        full_name="New Starter",
        employee_number="N1",
        roles=["practitioner"],
        team=world.team_a,
        employment_start=datetime.date(2026, 9, 1),
    )
    assert person.email == "new.starter@northshire.example"
    assert person.roles == frozenset({"practitioner"})
    membership = person.memberships.get()
    assert membership.team == world.team_a
    assert membership.start_date == datetime.date(2026, 9, 1)
    assert not person.has_usable_password()
    actions = set(AuditEntry.objects.filter(actor=world.org_admin).values_list("action", flat=True))
    assert {"person.create", "person.roles", "membership.start"} <= actions


def test_duplicate_email_and_employee_number_get_plain_messages(world):
    with pytest.raises(ValidationError) as error:
        services.person_create(
            actor=world.org_admin,
            email=world.practitioner_a.email.upper(),
            full_name="Copy",
        )
    assert error.value.message_dict["email"] == ["Someone already uses this email address."]
    with pytest.raises(ValidationError) as error:
        services.person_create(
            actor=world.org_admin,
            email="fresh@northshire.example",
            full_name="Copy",
            employee_number=world.practitioner_a.employee_number,
        )
    assert "employee number" in error.value.message_dict["employee_number"][0]


def test_failed_create_leaves_nothing_behind(world):
    before = (Person.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ValidationError):
        services.person_create(
            actor=world.org_admin,
            email="half@northshire.example",
            full_name="Half Saved",
            roles=["practitioner", "wizard"],
        )
    assert (Person.objects.count(), AuditEntry.objects.count()) == before


def test_leaver_needs_a_reason_and_is_deactivated(world):
    with pytest.raises(ValidationError) as error:
        services.person_update(
            actor=world.org_admin,
            person=world.practitioner_a,
            employment_end=datetime.date(2025, 3, 31),
        )
    assert "leaving_reason" in error.value.message_dict
    person = services.person_update(
        actor=world.org_admin,
        person=world.practitioner_a,
        employment_end=datetime.date(2025, 3, 31),
        leaving_reason="resignation",
    )
    assert person.is_active is False
    entry = AuditEntry.objects.get(action="person.update")
    assert entry.before["employment_end"] is None
    assert entry.after["employment_end"] == "2025-03-31"
    assert set(entry.changed_fields) == {"employment_end", "is_active", "leaving_reason"}


def test_unchanged_update_writes_no_audit_entry(world):
    services.person_update(
        actor=world.org_admin, person=world.practitioner_a, job_title="Social worker"
    )
    assert not AuditEntry.objects.filter(action="person.update").exists()


def test_moving_team_ends_the_old_membership_the_day_before(world):
    start = timezone.localdate()
    services.membership_start(
        actor=world.org_admin, person=world.practitioner_a, team=world.team_c, start_date=start
    )
    old = Membership.objects.get(person=world.practitioner_a, team=world.team_a)
    assert old.end_date == start - datetime.timedelta(days=1)
    current = Membership.objects.current().get(person=world.practitioner_a)
    assert current.team == world.team_c


def test_working_pattern_fte_and_replacement_on_the_same_date(world):
    compressed = {
        "monday_minutes": 555,
        "tuesday_minutes": 555,
        "wednesday_minutes": 555,
        "thursday_minutes": 555,
    }
    pattern = services.working_pattern_set(
        actor=world.org_admin,
        person=world.practitioner_a,
        effective_from=datetime.date(2026, 1, 5),
        minutes=compressed,
    )
    assert pattern.weekly_minutes == 2220
    assert str(pattern.fte(world.organisation.standard_weekly_minutes)) == "1.00"
    part_time = services.working_pattern_set(
        actor=world.org_admin,
        person=world.practitioner_a,
        effective_from=datetime.date(2026, 1, 5),
        minutes={"monday_minutes": 444, "tuesday_minutes": 444, "wednesday_minutes": 444},
    )
    assert part_time.pk == pattern.pk
    assert str(part_time.fte(2220)) == "0.60"
    assert part_time.minutes_on(datetime.date(2026, 1, 8)) == 0  # a Thursday


def test_working_pattern_needs_a_working_day_and_sane_minutes(world):
    with pytest.raises(ValidationError):
        services.working_pattern_set(
            actor=world.org_admin,
            person=world.practitioner_a,
            effective_from=datetime.date(2026, 1, 5),
            minutes={},
        )
    with pytest.raises(ValidationError):
        services.working_pattern_set(
            actor=world.org_admin,
            person=world.practitioner_a,
            effective_from=datetime.date(2026, 1, 5),
            minutes={"monday_minutes": 2000},
        )


@pytest.mark.parametrize(
    ("code", "number", "valid"),
    [
        ("swe", "SW123456", True),
        ("swe", "sw99", True),
        ("swe", "XX1", False),
        ("swe", "SW", False),
        ("hcpc", "OT12345", True),
        ("hcpc", "12345", False),
        ("nmc", "12A3456E", True),
        ("nmc", "ABC", False),
    ],
)
def test_registration_numbers_follow_the_regulators_format(world, code, number, valid):
    regulator = Regulator.objects.get(code=code)
    if valid:
        registration = services.registration_add(
            actor=world.org_admin, person=world.practitioner_a, regulator=regulator, number=number
        )
        assert registration.number == number.upper()
    else:
        with pytest.raises(ValidationError) as error:
            services.registration_add(
                actor=world.org_admin,
                person=world.practitioner_a,
                regulator=regulator,
                number=number,
            )
        assert regulator.name in error.value.message_dict["number"][0]
        assert not Registration.objects.exists()


def test_managers_and_practitioners_cannot_edit_people(world):
    for actor in (world.manager_a, world.practitioner_a, world.ld_lead):
        with pytest.raises(PermissionDenied):
            services.person_update(actor=actor, person=world.practitioner_a, job_title="Boss")


def test_outsider_org_admin_cannot_edit_our_people(world):
    with pytest.raises(PermissionDenied):
        services.person_update(actor=world.outsider, person=world.practitioner_a, job_title="X")
