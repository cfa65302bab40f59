"""A file with many kinds of errors: every one reported with row, column and reason; nothing
written."""

from django.test.utils import override_settings

from integrations.models import ImportBatch
from teams.models import AuditEntry, Membership, Person, Registration
from tests.spreadsheets import HEADERS, row, xlsx


def counts():
    return (
        Person.objects.count(),
        Membership.objects.count(),
        Registration.objects.count(),
        AuditEntry.objects.count(),
    )


def bad_rows(world):
    return [
        row(),  # valid, but the file as a whole must not be imported
        row(
            **{
                "Employee number": "B2",
                "Work email": "hana.hughes@northshire.example",
                "Registration number": "SW700009",
            }
        ),  # email repeated in the file
        row(
            **{
                "Employee number": "B3",
                "Work email": "b3@northshire.example",
                "Team": "Narnia",
                "Registration number": "SW700003",
            }
        ),
        row(
            **{
                "Employee number": "B4",
                "Work email": "b4@northshire.example",
                "Employment start": "31/02/2024",
                "Registration number": "SW700004",
            }
        ),
        row(
            **{
                "Employee number": "B5",
                "Work email": world.practitioner_b.email,
                "Registration number": "SW700005",
            }
        ),
        row(
            **{
                "Employee number": "B6",
                "Work email": "b6@northshire.example",
                "Regulator": "Ministry of Magic",
                "Registration number": "SW700006",
            }
        ),
        row(
            **{
                "Employee number": "B7",
                "Work email": "b7@northshire.example",
                "Registration number": "XX1",
            }
        ),
        row(
            **{
                "Employee number": "B8",
                "Work email": "b8@northshire.example",
                "Roles": "Wizard",
                "Registration number": "SW700008",
            }
        ),
        row(
            **{
                "Employee number": "B9",
                "Work email": "not-an-email",
                "Full name": "",
                "Registration number": "SW700010",
            }
        ),
        row(
            **{
                "Employee number": "H001",
                "Work email": "b10@northshire.example",
                "Registration number": "SW700011",
            }
        ),  # employee number repeated
        row(
            **{
                "Employee number": "B11",
                "Work email": "b11@northshire.example",
                "Career stage": "Newly qualified",
                "Registration number": "SW700012",
            }
        ),
        row(
            **{
                "Employee number": "B12",
                "Work email": "b12@northshire.example",
                "Monday hours": "lots",
                "Registration number": "SW700013",
            }
        ),
        row(
            **{
                "Employee number": "B13",
                "Work email": "b13@northshire.example",
                "Contract type": "Zero hours",
                "Registration number": "SW700014",
            }
        ),
    ]


def test_every_error_is_reported_and_nothing_is_written(world, client, upload):
    before = counts()
    response = upload(world.org_admin, "staff.xlsx", xlsx(bad_rows(world)))
    preview = client.get(response["Location"])
    plan = preview.context["plan"]
    found = {(error.row, error.column): error.message for error in plan.errors}
    expected = {
        (3, "Work email"): "also on row 2",
        (4, "Team"): "no team called 'Narnia'",
        (5, "Employment start"): "'31/02/2024' is not a date",
        (6, "Work email"): "already someone else's work email",
        (7, "Regulator"): "'Ministry of Magic' is not a regulator",
        (8, "Registration number"): "not a Social Work England number",
        (9, "Roles"): "'Wizard' is not a role",
        (10, "Work email"): "'not-an-email' is not an email address",
        (10, "Full name"): "Enter the person's full name",
        (11, "Employee number"): "also on row 2",
        (12, "ASYE start date"): "need an ASYE start date",
        (13, "Monday hours"): "Enter hours like 7.5",
        (14, "Contract type"): "'Zero hours' is not a contract type",
    }
    for place, words in expected.items():
        assert place in found, f"no error at row {place[0]}, column {place[1]}: {found}"
        assert words in found[place]
    assert plan.counts["error"] == 12
    html = preview.content.decode()
    assert "problems to fix before importing" in html
    assert "Import 1 change" not in html  # no confirm button while any row has a problem

    refused = client.post(response["Location"])
    assert refused.status_code == 409
    assert b"nothing was imported" in refused.content.lower()
    assert counts() == before
    assert ImportBatch.objects.get().applied_at is None


def test_an_end_date_needs_a_reason_and_must_follow_the_start(world, client, upload):
    headers = [*HEADERS, "Employment end", "Leaving reason"]
    rows = [
        row(**{"Employment end": "01/01/2020"}),
        row(
            **{
                "Employee number": "L2",
                "Work email": "l2@northshire.example",
                "Registration number": "SW700020",
                "Employment end": "01/01/2026",
                "Leaving reason": "",
            }
        ),
    ]
    response = upload(world.org_admin, "staff.xlsx", xlsx(rows, headers))
    messages = [e.message for e in client.get(response["Location"]).context["plan"].errors]
    assert any("before the employment start" in m for m in messages)
    assert any("leaving reason" in m for m in messages)


def test_unknown_and_missing_columns_are_reported_before_anything_is_kept(world, upload):
    response = upload(
        world.org_admin, "staff.xlsx", xlsx([row()], ["Full name", "Favourite colour"])
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "not recognised: Favourite colour" in text
    assert not ImportBatch.objects.exists()
    response = upload(world.org_admin, "staff.xlsx", xlsx([row()], ["Full name", "Job title"]))
    assert "needs these columns: Work email" in response.content.decode()


def test_oversize_file_is_refused_before_it_is_read(world, upload, monkeypatch):
    from integrations.imports import batches

    def never(**kwargs):
        raise AssertionError("an oversize file was read and handed on")

    monkeypatch.setattr(batches, "keep_upload", never)
    with override_settings(IMPORT_MAX_BYTES=1000):
        response = upload(world.org_admin, "staff.xlsx", b"PK" + b"x" * 2000)
    assert "the largest file you can upload is" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_too_many_rows_is_refused(world, upload):
    rows = [
        row(**{"Employee number": f"R{n}", "Work email": f"r{n}@northshire.example"})
        for n in range(6)
    ]
    with override_settings(IMPORT_MAX_ROWS=5):
        for name, content in (("staff.xlsx", xlsx(rows)),):
            response = upload(world.org_admin, name, content)
            assert "more than 5 rows" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_corrupt_and_wrong_type_files_get_a_clear_message(world, upload):
    response = upload(world.org_admin, "staff.xlsx", b"this is not a zip file at all")
    assert "could not be read as an Excel workbook" in response.content.decode()
    response = upload(world.org_admin, "staff.pdf", b"%PDF-1.4")
    assert ".xlsx" in response.content.decode() and "CSV" in response.content.decode()
    response = upload(world.org_admin, "staff.csv", "Full name\n\xe9".encode("latin-1"))
    assert "not UTF-8" in response.content.decode()
    assert not ImportBatch.objects.exists()
