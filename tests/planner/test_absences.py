"""The absence service's rules: who may record, change and remove; the days must make sense and
never overlap the person's other absences; every write is audited; an import is all or
nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from planner.models import Absence
from planner.services import absences as absence_services
from teams.models import AuditEntry
from tests.factories import make_absence

DEC = {day: datetime.date(2026, 12, day) for day in range(1, 32)}


def record(world, person=None, *, actor=None, kind="annual_leave", start=DEC[7], end=DEC[11]):
    return absence_services.absence_record(
        actor=actor or world.manager_a,
        person=person or world.practitioner_a,
        kind=kind,
        start_date=start,
        end_date=end,
        note="",
    )


def field_errors(raised: pytest.ExceptionInfo) -> dict[str, list[str]]:
    return raised.value.message_dict


def test_a_manager_records_for_their_people_and_an_org_admin_for_anyone(world):
    assert record(world).person == world.practitioner_a
    assert record(world, world.practitioner_b, actor=world.org_admin).person == (
        world.practitioner_b
    )
    assert Absence.objects.count() == 2


@pytest.mark.parametrize(
    ("actor", "person"),
    [
        ("practitioner_a", "practitioner_a"),  # not even for themselves
        ("manager_a", "practitioner_b"),  # another team's person
        ("ld_lead", "practitioner_a"),  # reads, never records
        ("outsider", "practitioner_a"),  # another organisation
        ("manager_a", "manager_a"),  # a manager's own absence is their manager's to record
    ],
)
def test_nobody_else_may_record(world, actor, person):
    with pytest.raises(PermissionDenied):
        record(world, getattr(world, person), actor=getattr(world, actor))
    assert not Absence.objects.exists()


@pytest.mark.parametrize(
    ("kind", "start", "end", "field", "message"),
    [
        ("holiday", DEC[7], DEC[7], "kind", "Choose the kind of absence."),
        ("toil", None, DEC[7], "start_date", "Enter the first day of absence."),
        ("toil", DEC[7], None, "end_date", "Enter the last day of absence."),
        ("toil", DEC[8], DEC[7], "end_date", "The last day must be on or after the first day."),
        (
            "sickness",
            DEC[1],
            DEC[1] + datetime.timedelta(days=366),
            "end_date",
            "An absence can be at most 366 days; split it.",
        ),
    ],
)
def test_the_days_and_kind_must_make_sense(world, kind, start, end, field, message):
    with pytest.raises(ValidationError) as raised:
        record(world, kind=kind, start=start, end=end)
    assert field_errors(raised)[field] == [message]
    assert not Absence.objects.exists()


def test_a_whole_year_is_the_longest_absence(world):
    absence = record(world, start=DEC[1], end=DEC[1] + datetime.timedelta(days=365))
    assert (absence.end_date - absence.start_date).days == 365


def test_a_long_note_is_refused_and_a_note_is_trimmed(world):
    with pytest.raises(ValidationError) as raised:
        absence_services.absence_record(
            actor=world.manager_a,
            person=world.practitioner_a,
            kind="toil",
            start_date=DEC[7],
            end_date=DEC[7],
            note="x" * 201,
        )
    assert field_errors(raised)["note"] == ["The note must be 200 characters or fewer."]
    absence = absence_services.absence_record(
        actor=world.manager_a,
        person=world.practitioner_a,
        kind="toil",
        start_date=DEC[7],
        end_date=DEC[7],
        note="  Saturday conference  ",
    )
    assert absence.note == "Saturday conference"


@pytest.mark.parametrize(
    ("start", "end"),
    [(DEC[11], DEC[14]), (DEC[1], DEC[7]), (DEC[8], DEC[9]), (DEC[1], DEC[31])],
    ids=["last day", "first day", "inside", "around"],
)
def test_an_overlap_is_refused_naming_the_clash(world, start, end):
    record(world)
    with pytest.raises(ValidationError) as raised:
        record(world, kind="sickness", start=start, end=end)
    assert field_errors(raised)["start_date"] == [
        f"{world.practitioner_a} already has annual leave from 7 December 2026 to 11 December 2026. "
        "Change the dates, or remove that absence first."
    ]
    assert Absence.objects.count() == 1


def test_back_to_back_absences_and_other_peoples_days_are_fine(world):
    record(world)
    record(world, kind="sickness", start=DEC[12], end=DEC[12])
    record(world, kind="toil", start=DEC[6], end=DEC[6])
    record(world, world.practitioner_a2)
    assert Absence.objects.count() == 4


def test_an_absence_is_changed_without_clashing_with_itself(world):
    absence = record(world)
    changed = absence_services.absence_update(
        actor=world.manager_a,
        absence=absence,
        kind="sickness",
        start_date=DEC[8],
        end_date=DEC[15],
        note="Flu",
    )
    absence.refresh_from_db()
    assert changed == absence
    assert (absence.kind, absence.start_date, absence.end_date, absence.note) == (
        "sickness",
        DEC[8],
        DEC[15],
        "Flu",
    )
    entry = AuditEntry.objects.get(action="absence.update")
    assert entry.before["start_date"] == "2026-12-07" and entry.after["end_date"] == "2026-12-15"
    assert entry.before["kind"] == "annual_leave" and entry.after["kind"] == "sickness"


def test_a_change_that_would_overlap_another_absence_is_refused(world):
    make_absence(world.practitioner_a, DEC[14], DEC[18], kind="toil")
    absence = record(world)
    with pytest.raises(ValidationError) as raised:
        absence_services.absence_update(
            actor=world.manager_a,
            absence=absence,
            kind="annual_leave",
            start_date=DEC[7],
            end_date=DEC[14],
        )
    assert (
        "already has time off in lieu from 14 December 2026"
        in (field_errors(raised)["start_date"][0])
    )
    absence.refresh_from_db()
    assert absence.end_date == DEC[11]
    assert not AuditEntry.objects.filter(action="absence.update").exists()


def test_only_those_who_may_record_change_or_remove(world):
    absence = record(world)
    for actor in (world.practitioner_a, world.manager_b, world.ld_lead, world.outsider):
        with pytest.raises(PermissionDenied):
            absence_services.absence_update(
                actor=actor, absence=absence, kind="toil", start_date=DEC[7], end_date=DEC[7]
            )
        with pytest.raises(PermissionDenied):
            absence_services.absence_delete(actor=actor, absence=absence)
    absence_services.absence_delete(actor=world.org_admin, absence=absence)
    assert not Absence.objects.exists()
    entry = AuditEntry.objects.get(action="absence.delete")
    assert entry.before["start_date"] == "2026-12-07"
    assert entry.actor == world.org_admin


def test_every_write_is_audited(world):
    absence = record(world)
    absence_services.absence_update(
        actor=world.manager_a, absence=absence, kind="toil", start_date=DEC[7], end_date=DEC[7]
    )
    absence_services.absence_delete(actor=world.manager_a, absence=absence)
    assert list(
        AuditEntry.objects.filter(action__startswith="absence.")
        .order_by("pk")
        .values_list("action", "organisation_id")
    ) == [
        ("absence.create", world.organisation.pk),
        ("absence.update", world.organisation.pk),
        ("absence.delete", world.organisation.pk),
    ]


def test_an_import_records_every_row_or_none(world):
    good = absence_services.AbsenceRow(
        person=world.practitioner_a, kind="toil", start_date=DEC[1], end_date=DEC[1]
    )
    clashing = absence_services.AbsenceRow(
        person=world.practitioner_a, kind="sickness", start_date=DEC[1], end_date=DEC[2]
    )
    with pytest.raises(ValidationError):
        absence_services.absence_import_apply(actor=world.manager_a, rows=[good, clashing])
    assert not Absence.objects.exists()
    someone_elses = absence_services.AbsenceRow(
        person=world.practitioner_b, kind="toil", start_date=DEC[3], end_date=DEC[3]
    )
    with pytest.raises(PermissionDenied):
        absence_services.absence_import_apply(actor=world.manager_a, rows=[good, someone_elses])
    assert not Absence.objects.exists()
    recorded = absence_services.absence_import_apply(actor=world.manager_a, rows=[good])
    assert [absence.kind for absence in recorded] == ["toil"]
