"""A valid staff list: preview shows each row, confirm writes everything through services."""

import datetime

from integrations.models import ImportBatch
from teams.models import AuditEntry, Membership, Person
from tests.spreadsheets import csv_bytes, valid_rows, xlsx


def preview_of(client, response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])


def test_valid_xlsx_previews_then_imports(world, client, upload):
    people_before = Person.objects.count()
    response = upload(world.org_admin, "staff.xlsx", xlsx(valid_rows()))
    preview = preview_of(client, response)
    plan = preview.context["plan"]
    assert plan.counts == {"create": 3, "update": 0, "unchanged": 0, "error": 0}
    assert Person.objects.count() == people_before  # nothing saved before confirming
    assert b"Import 3 changes" in preview.content

    confirmed = client.post(response["Location"], follow=True)
    assert b"Staff list imported" in confirmed.content
    hana = Person.objects.get(email="hana.hughes@northshire.example")
    assert hana.employee_number == "H001"
    assert hana.roles == frozenset({"practitioner"})
    assert Membership.objects.current().get(person=hana).team == world.team_a
    pattern = hana.working_patterns.get()
    assert pattern.weekly_minutes == 5 * 444
    assert pattern.effective_from == datetime.date(2023, 9, 4)
    assert hana.registrations.get().number == "SW700001"

    ivan = Person.objects.get(employee_number="H002")
    assert Membership.objects.current().get(person=ivan).team == world.team_b
    assert ivan.career_stage == "newly_qualified"
    assert ivan.asye_start_date == datetime.date(2025, 9, 1)
    assert str(ivan.working_patterns.get().fte(2220)) == "0.60"

    jo = Person.objects.get(employee_number="H003")
    assert jo.roles == frozenset({"practitioner", "team_manager"})
    assert jo.contract_type == "agency"
    assert jo.registrations.get().regulator.code == "hcpc"

    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "person.create",
        "person.roles",
        "membership.start",
        "working_pattern.set",
        "registration.add",
        "people_import.apply",
    } <= actions
    batch = ImportBatch.objects.get()
    assert batch.applied_at is not None
    assert bytes(batch.content) == b""  # the personal data now lives in the records only


def test_valid_csv_with_byte_order_mark_imports(world, client, upload):
    response = upload(world.org_admin, "staff.csv", csv_bytes(valid_rows()))
    preview = preview_of(client, response)
    assert preview.context["plan"].counts["create"] == 3
    client.post(response["Location"])
    assert Person.objects.filter(employee_number__in=["H001", "H002", "H003"]).count() == 3


def test_confirming_twice_imports_once(world, client, upload):
    response = upload(world.org_admin, "staff.xlsx", xlsx(valid_rows()))
    client.post(response["Location"])
    again = client.post(response["Location"])
    assert b"Staff list imported" in again.content
    assert Person.objects.filter(employee_number="H001").count() == 1


def test_template_download_has_the_columns_and_an_example(world, client):
    from io import BytesIO

    from openpyxl import load_workbook

    from teams.imports.staff_columns import COLUMNS

    client.force_login(world.org_admin)
    response = client.get("/integrations/people-import/template.xlsx")
    assert response.status_code == 200
    assert "staff-list-template.xlsx" in response["Content-Disposition"]
    workbook = load_workbook(BytesIO(response.content))
    sheet = workbook["Staff list"]
    assert [cell.value for cell in sheet[1]] == [column.header for column in COLUMNS]
    assert sheet["B2"].value == "Amara Okafor"
    assert "How to fill it in" in workbook.sheetnames
