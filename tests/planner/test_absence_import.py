"""Importing leave, sickness and TOIL from an HR spreadsheet: a preview of every row, every
problem reported, all or nothing, idempotent, formula-looking text kept as text, oversize files
refused before parsing."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from integrations.imports import batches
from integrations.models import ImportBatch
from integrations.spreadsheets.reading import FileProblem
from planner.imports import absences as services
from planner.models import Absence
from teams.models import AuditEntry
from tests.factories import make_absence
from tests.spreadsheets import csv_bytes, xlsx

HEADERS = ["Employee number", "Work email", "Type", "First day", "Last day", "Note"]


@pytest.fixture
def numbered(world):
    for number, person in enumerate((world.practitioner_a, world.practitioner_a2), start=1):
        person.employee_number = f"E{number:04d}"
        person.save()
    return world


def rows(world):
    return [
        {
            "Employee number": "E0001",
            "Type": "Annual leave",
            "First day": "07/12/2026",
            "Last day": "11/12/2026",
        },
        {
            "Work email": world.practitioner_a2.email.upper(),
            "Type": "sick",
            "First day": "2026-12-08",
            "Last day": "2026-12-08",
            "Note": '=HYPERLINK("http://evil")',
        },
        {
            "Employee number": "E0002",
            "Type": "TOIL",
            "First day": "18/12/2026",
            "Last day": "18/12/2026",
        },
    ]


def upload(client, content, name="absences.xlsx"):
    return client.post(
        reverse("planner:absence-import"), {"file": SimpleUploadedFile(name, content)}
    )


@pytest.mark.parametrize("make_file", [xlsx, csv_bytes], ids=["xlsx", "csv"])
def test_a_valid_file_previews_then_imports_and_again_changes_nothing(numbered, client, make_file):
    world = numbered
    client.force_login(world.manager_a)
    suffix = ".xlsx" if make_file is xlsx else ".csv"
    content = make_file(rows(world), headers=HEADERS)
    preview = upload(client, content, f"absences{suffix}")
    assert preview.status_code == 302
    page = client.get(preview["Location"]).content.decode()
    assert 'data-outcome="create">3<' in page and "Import 3 absences" in page
    assert not Absence.objects.exists()
    done = client.post(preview["Location"], follow=True).content.decode()
    assert "3 absences added" in done
    recorded = {
        (absence.person_id, absence.kind, absence.start_date, absence.end_date, absence.note)
        for absence in Absence.objects.all()
    }
    assert recorded == {
        (
            world.practitioner_a.pk,
            "annual_leave",
            datetime.date(2026, 12, 7),
            datetime.date(2026, 12, 11),
            "",
        ),
        (
            world.practitioner_a2.pk,
            "sickness",
            datetime.date(2026, 12, 8),
            datetime.date(2026, 12, 8),
            '=HYPERLINK("http://evil")',
        ),
        (
            world.practitioner_a2.pk,
            "toil",
            datetime.date(2026, 12, 18),
            datetime.date(2026, 12, 18),
            "",
        ),
    }
    assert AuditEntry.objects.filter(action="absence_import.apply").count() == 1
    again = upload(client, content, f"absences{suffix}")
    page = client.get(again["Location"]).content.decode()
    assert 'data-outcome="create">0<' in page and 'data-outcome="unchanged">3<' in page
    assert "Every absence in this file is already recorded." in page
    assert Absence.objects.count() == 3


def test_every_problem_is_reported_and_nothing_is_written(numbered, client):
    world = numbered
    make_absence(world.practitioner_a, datetime.date(2027, 1, 4), datetime.date(2027, 1, 8))
    bad = [
        {
            "Employee number": "E9999",
            "Type": "Annual leave",
            "First day": "07/12/2026",
            "Last day": "07/12/2026",
        },
        {
            "Work email": world.practitioner_b.email,
            "Type": "Sickness",
            "First day": "07/12/2026",
            "Last day": "07/12/2026",
        },
        {
            "Employee number": "E0001",
            "Type": "Jury service",
            "First day": "31/02/2026",
            "Last day": "07/12/2026",
        },
        {
            "Employee number": "E0001",
            "Type": "Sickness",
            "First day": "10/12/2026",
            "Last day": "09/12/2026",
        },
        {
            "Employee number": "E0001",
            "Type": "Annual leave",
            "First day": "06/01/2027",
            "Last day": "06/01/2027",
        },
        {
            "Employee number": "E0002",
            "Type": "TOIL",
            "First day": "14/12/2026",
            "Last day": "15/12/2026",
        },
        {
            "Employee number": "E0002",
            "Type": "Sickness",
            "First day": "15/12/2026",
            "Last day": "16/12/2026",
        },
        {"Type": "TOIL", "First day": "14/12/2026", "Last day": "14/12/2026"},
        {
            "Employee number": "E0001",
            "Type": "Sickness",
            "First day": "01/01/2026",
            "Last day": "01/06/2027",
        },
    ]
    client.force_login(world.manager_a)
    response = upload(client, xlsx(bad, headers=HEADERS))
    page = client.get(response["Location"]).content.decode()
    for expected in (
        "No one with employee number E9999 among the people you can record absences for.",
        f"No one with the email {world.practitioner_b.email}",  # Team B: not Maya's to record
        "&#x27;Jury service&#x27; is not a kind of absence.",
        "&#x27;31/02/2026&#x27; is not a date.",
        "The last day must be on or after the first day.",
        "already has annual leave from 4 January 2027 to 8 January 2027",
        "Overlaps row 7 for Alex Amari. Keep one of them.",
        "Enter the employee number or the work email.",
        "An absence can be at most 366 days; split it.",
    ):
        assert expected in page, expected
    assert "9 problems to fix before importing" in page
    confirm = client.post(response["Location"])
    assert confirm.status_code == 409
    assert Absence.objects.count() == 1


def test_an_oversize_file_or_an_unknown_column_is_refused_before_parsing(
    numbered, client, settings
):
    settings.IMPORT_MAX_BYTES = 1000
    client.force_login(numbered.manager_a)
    html = upload(client, b"x" * 2000, "absences.csv").content.decode()
    assert "the largest file you can upload is" in html
    with pytest.raises(FileProblem, match="not recognised: Shoe size"):
        services.absence_import_batch_create(
            actor=numbered.manager_a,
            filename="a.csv",
            content=csv_bytes([{"Type": "TOIL"}], headers=["Type", "Shoe size"]),
        )
    with pytest.raises(FileProblem, match="needs these columns: First day, Last day"):
        services.absence_import_batch_create(
            actor=numbered.manager_a,
            filename="a.csv",
            content=csv_bytes([{"Type": "TOIL"}], headers=["Type"]),
        )


def test_the_template_has_the_columns_and_only_importers_get_it(world, client):
    client.force_login(world.org_admin)
    response = client.get(reverse("planner:absence-import-template"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == HEADERS
    client.force_login(world.practitioner_a)
    assert client.get(reverse("planner:absence-import")).status_code == 403


def test_someone_elses_upload_cannot_be_previewed_or_applied(numbered, client):
    world = numbered
    batch = services.absence_import_batch_create(
        actor=world.manager_a, filename="a.xlsx", content=xlsx(rows(world), headers=HEADERS)
    )
    client.force_login(world.org_admin)
    url = reverse("planner:absence-import-preview", args=[batch.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not Absence.objects.exists()


def test_an_oversize_upload_is_refused_without_being_read(numbered, client, settings, monkeypatch):
    settings.IMPORT_MAX_BYTES = 1000

    def never(**kwargs):
        raise AssertionError("an oversize file was read")

    monkeypatch.setattr(batches, "keep_upload", never)
    client.force_login(numbered.manager_a)
    html = upload(client, b"x" * 2000, "absences.xlsx").content.decode()
    assert "the largest file you can upload is" in html
    html = upload(client, b"x" * 10, "absences.pdf").content.decode()
    assert "The file must be an Excel workbook (.xlsx) or a CSV file (.csv)." in html


@pytest.mark.parametrize("make_file", [xlsx, csv_bytes], ids=["xlsx", "csv"])
def test_too_many_rows_is_a_clear_error_and_nothing_is_kept(numbered, client, settings, make_file):
    settings.IMPORT_MAX_ROWS = 2
    client.force_login(numbered.manager_a)
    suffix = ".xlsx" if make_file is xlsx else ".csv"
    response = upload(client, make_file(rows(numbered), headers=HEADERS), f"absences{suffix}")
    assert response.status_code == 200
    assert "import at most 2 rows at a time" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_the_preview_shows_each_rows_kind_and_outcome(numbered, client):
    world = numbered
    make_absence(world.practitioner_a, datetime.date(2026, 12, 7), datetime.date(2026, 12, 11))
    mixed = [
        *rows(world),
        {"Employee number": "E0002", "Type": "Holiday", "First day": "soon", "Last day": ""},
    ]
    client.force_login(world.manager_a)
    response = upload(client, csv_bytes(mixed, headers=HEADERS), "absences.csv")
    page = client.get(response["Location"]).content.decode()
    for outcome, count in (("create", 2), ("unchanged", 1), ("error", 1)):
        assert f'data-outcome="{outcome}">{count}<' in page
    assert "Annual leave, 7 Dec 2026 to 11 Dec 2026" in page
    assert "Time off in lieu, 18 Dec 2026" in page
    assert "Already recorded" in page and ">Add<" in page and ">Problem<" in page
    assert "&#x27;soon&#x27; is not a date." in page
    assert "Last day: Enter the last day of absence." in page
    assert "Import 2 absences" not in page  # a file with a problem cannot be confirmed
