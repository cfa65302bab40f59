"""The catalogue's spreadsheet through the API: upload answers the plan of every row and
writes nothing; apply writes every row or none; the same file again changes nothing; the
export imports back unchanged; an unreadable file is refused on ``file``."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from learning_catalogue.models import Activity
from teams.models import AuditEntry
from tests.learning_catalogue.catalogue_data import add_activity
from tests.spreadsheets import xlsx
from tests.support import error_of

HEADERS = ["Title", "Format", "Topics", "Duration minutes", "Delivery mode", "Cost per place"]


def upload(rows, name="catalogue.xlsx"):
    content = xlsx([dict(zip(HEADERS, row, strict=True)) for row in rows], headers=HEADERS)
    return {"file": SimpleUploadedFile(name, content)}


GOOD = [
    ["Court skills: giving evidence", "Webinar", "Law and policy", 90, "Scheduled sessions", "0"],
    ["Staying well", "Podcast", "Emotional resilience and wellbeing", 20, "On demand", "0"],
]


def test_upload_plans_apply_writes_and_the_same_file_again_changes_nothing(api, world):
    api.as_(world.ld_lead)
    created = api.post("/catalogue/imports", upload(GOOD))
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["counts"] == {"create": 2, "update": 0, "unchanged": 0, "error": 0}
    assert [row["outcome"] for row in body["rows"]] == ["create", "create"]
    assert not Activity.objects.filter(title="Staying well").exists()
    applied = api.post(f"/catalogue/imports/{body['id']}/apply")
    assert applied.status_code == 200, applied.content
    assert applied.json()["applied"] is True
    staying = Activity.objects.get(title="Staying well")
    assert [topic.name for topic in staying.topics.all()] == ["Emotional resilience and wellbeing"]
    again = api.post("/catalogue/imports", upload(GOOD)).json()
    assert again["counts"] == {"create": 0, "update": 0, "unchanged": 2, "error": 0}
    assert api.post(f"/catalogue/imports/{body['id']}/apply").status_code == 422


def test_every_bad_row_is_reported_and_nothing_is_written(api, world):
    api.as_(world.ld_lead)
    bad = [
        ["", "Webinar", "", 90, "Scheduled sessions", "0"],
        ["Mystery", "Telepathy", "Nonsense topic", -5, "On demand", "12.345"],
        GOOD[1],
    ]
    body = api.post("/catalogue/imports", upload(bad)).json()
    assert body["counts"]["error"] == 2
    columns = {error["column"] for row in body["rows"] for error in row["errors"]}
    assert {"Title", "Format", "Topics", "Duration minutes", "Cost per place"} <= columns
    before = (Activity.objects.count(), AuditEntry.objects.count())
    refused = api.post(f"/catalogue/imports/{body['id']}/apply")
    assert refused.status_code == 422
    assert (Activity.objects.count(), AuditEntry.objects.count()) == before


def test_an_unreadable_file_is_refused_on_file(api, world):
    api.as_(world.ld_lead)
    response = api.post("/catalogue/imports", {"file": SimpleUploadedFile("notes.txt", b"hello")})
    assert response.status_code == 422
    assert "file" in error_of(response)["fields"]


def test_the_export_imports_back_unchanged(api, world):
    add_activity(world.ld_lead, '=HYPERLINK("http://evil.example")', minutes=15)
    add_activity(world.ld_lead, "Supervision that sustains", topics=("Mental health",))
    api.as_(world.ld_lead)
    exported = api.get("/catalogue/export")
    assert exported.status_code == 200
    assert exported["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(exported.content)).worksheets[0]
    titles = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://evil.example")' not in [
        cell.value for cell in sheet["A"] if cell.data_type == "f"
    ]
    assert len(titles) == 2
    body = api.post(
        "/catalogue/imports", {"file": SimpleUploadedFile("catalogue.xlsx", exported.content)}
    ).json()
    assert body["counts"]["unchanged"] == 2, body


def test_an_upload_is_its_uploaders_alone(api, world):
    body = api.as_(world.ld_lead).post("/catalogue/imports", upload(GOOD)).json()
    assert api.as_(world.org_admin).get(f"/catalogue/imports/{body['id']}").status_code == 404
    assert api.as_(world.practitioner_a).post("/catalogue/imports", upload(GOOD)).status_code == 403
