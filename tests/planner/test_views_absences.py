"""Recording a person's absence: their manager or an org admin, never themselves."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from planner.models import Absence
from planner.services import absences as absence_services
from teams.models import AuditEntry
from tests.factories import make_absence


def test_manager_records_an_absence_for_their_practitioner(world, client):
    client.force_login(world.manager_a)
    url = reverse("planner:absence-create", args=[world.practitioner_a.pk])
    response = client.post(
        url,
        {
            "kind": "sickness",
            "start_date_day": "7",
            "start_date_month": "12",
            "start_date_year": "2026",
            "end_date_day": "9",
            "end_date_month": "12",
            "end_date_year": "2026",
        },
    )
    assert response.status_code == 302
    absence = Absence.objects.get()
    assert (absence.person, absence.kind) == (world.practitioner_a, "sickness")
    assert (absence.start_date, absence.end_date) == (
        datetime.date(2026, 12, 7),
        datetime.date(2026, 12, 9),
    )


def test_an_absence_ending_before_it_starts_is_refused(world, client):
    client.force_login(world.manager_a)
    html = client.post(
        reverse("planner:absence-create", args=[world.practitioner_a.pk]),
        {"kind": "annual_leave", "start_date": "2026-12-09", "end_date": "2026-12-07"},
    ).content.decode()
    assert "The last day must be on or after the first day." in html
    assert not Absence.objects.exists()


def test_practitioners_cannot_record_absences(world, client):
    client.force_login(world.practitioner_a)
    url = reverse("planner:absence-create", args=[world.practitioner_a.pk])
    assert (
        client.post(
            url, {"kind": "toil", "start_date": "2026-12-09", "end_date": "2026-12-09"}
        ).status_code
        == 403
    )
    assert not Absence.objects.exists()


def test_overlapping_absences_are_refused_with_the_clash_named(world, client):
    make_absence(world.practitioner_a, datetime.date(2026, 12, 8), datetime.date(2026, 12, 10))
    client.force_login(world.manager_a)
    html = client.post(
        reverse("planner:absence-create", args=[world.practitioner_a.pk]),
        {
            "kind": "sickness",
            "start_date_day": "10",
            "start_date_month": "12",
            "start_date_year": "2026",
            "end_date_day": "11",
            "end_date_month": "12",
            "end_date_year": "2026",
        },
    ).content.decode()
    assert "already has annual leave from 8 December 2026 to 10 December 2026" in html
    assert Absence.objects.count() == 1


def test_recording_and_removing_an_absence_is_audited(world):
    absence = absence_services.absence_record(
        actor=world.org_admin,
        person=world.practitioner_c,
        kind="toil",
        start_date=datetime.date(2026, 12, 4),
        end_date=datetime.date(2026, 12, 4),
        note="Saturday conference",
    )
    absence_services.absence_delete(actor=world.org_admin, absence=absence)
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-2:] == ["absence.create", "absence.delete"]
    assert not Absence.objects.exists()


def test_a_manager_cannot_record_for_another_teams_person(world):
    with pytest.raises(PermissionDenied):
        absence_services.absence_record(
            actor=world.manager_a,
            person=world.practitioner_b,
            kind="sickness",
            start_date=datetime.date(2026, 12, 4),
            end_date=datetime.date(2026, 12, 4),
        )


def test_the_list_shows_newest_first_and_costs_the_same_for_5_and_50(world, client, page_cost):
    client.force_login(world.manager_a)
    url = reverse("planner:absences", args=[world.practitioner_a.pk])

    def add(count):
        start = datetime.date(2020, 1, 6) + datetime.timedelta(days=3 * Absence.objects.count())
        for number in range(count):
            day = start + datetime.timedelta(days=3 * number)
            make_absence(world.practitioner_a, day, day)

    add(5)
    few, _page = page_cost(url)
    add(45)
    many, page = page_cost(url)
    html = page.content.decode()
    assert few == many
    assert "Page 1 of 2" in html
    client.post(
        reverse("planner:absence-delete", args=[Absence.objects.order_by("-start_date")[0].pk])
    )
    assert Absence.objects.count() == 49


def test_practitioners_see_their_own_absences_but_cannot_remove_them(world, client):
    absence = make_absence(
        world.practitioner_a, datetime.date(2026, 12, 8), datetime.date(2026, 12, 8)
    )
    client.force_login(world.practitioner_a)
    page = client.get(reverse("planner:absences", args=[world.practitioner_a.pk]))
    assert "Annual leave" in page.content.decode()
    assert "Record an absence" not in page.content.decode()
    assert client.post(reverse("planner:absence-delete", args=[absence.pk])).status_code == 403
    assert Absence.objects.count() == 1


def days(prefix, day):
    return {
        f"{prefix}_day": str(day.day),
        f"{prefix}_month": str(day.month),
        f"{prefix}_year": str(day.year),
    }


def test_a_manager_changes_an_absence_from_the_list(world, client):
    absence = make_absence(
        world.practitioner_a, datetime.date(2026, 12, 7), datetime.date(2026, 12, 9)
    )
    make_absence(world.practitioner_a, datetime.date(2026, 12, 14), datetime.date(2026, 12, 14))
    client.force_login(world.manager_a)
    listing = client.get(reverse("planner:absences", args=[world.practitioner_a.pk]))
    edit_url = reverse("planner:absence-edit", args=[absence.pk])
    assert edit_url in listing.content.decode()
    form = client.get(edit_url).content.decode()
    assert 'value="7"' in form and 'value="annual_leave" checked' in form
    clash = client.post(
        edit_url,
        {
            "kind": "sickness",
            **days("start_date", datetime.date(2026, 12, 7)),
            **days("end_date", datetime.date(2026, 12, 14)),
        },
    )
    assert "already has annual leave from 14 December 2026" in clash.content.decode()
    response = client.post(
        edit_url,
        {
            "kind": "sickness",
            **days("start_date", datetime.date(2026, 12, 8)),
            **days("end_date", datetime.date(2026, 12, 10)),
            "note": "Flu",
        },
    )
    assert response.status_code == 302
    absence.refresh_from_db()
    assert (absence.kind, absence.start_date, absence.end_date, absence.note) == (
        "sickness",
        datetime.date(2026, 12, 8),
        datetime.date(2026, 12, 10),
        "Flu",
    )


def test_removing_asks_first_then_removes(world, client):
    absence = make_absence(
        world.practitioner_a, datetime.date(2026, 12, 7), datetime.date(2026, 12, 9)
    )
    client.force_login(world.manager_a)
    listing = client.get(reverse("planner:absences", args=[world.practitioner_a.pk]))
    remove_url = reverse("planner:absence-remove", args=[absence.pk])
    assert remove_url in listing.content.decode()
    page = client.get(remove_url).content.decode()
    assert "Remove this absence?" in page and "Monday 7 December 2026" in page
    assert reverse("planner:absence-delete", args=[absence.pk]) in page
    assert Absence.objects.count() == 1
    response = client.post(reverse("planner:absence-delete", args=[absence.pk]), follow=True)
    assert "Annual leave from 7 December 2026 removed." in response.content.decode()
    assert not Absence.objects.exists()


def test_those_who_only_read_cannot_change_or_remove(world, client):
    absence = make_absence(
        world.practitioner_a, datetime.date(2026, 12, 7), datetime.date(2026, 12, 9)
    )
    for reader, status in (
        (world.practitioner_a, 403),
        (world.ld_lead, 403),
        (world.manager_b, 404),
    ):
        client.force_login(reader)
        for name in ("planner:absence-edit", "planner:absence-remove"):
            assert client.get(reverse(name, args=[absence.pk])).status_code == status
        changed = client.post(
            reverse("planner:absence-edit", args=[absence.pk]),
            {"kind": "toil", "start_date": "2026-12-07", "end_date": "2026-12-07"},
        )
        assert changed.status_code == status
    absence.refresh_from_db()
    assert absence.kind == "annual_leave"
