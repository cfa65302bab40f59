"""Cell text that looks like a formula is data: stored as text, never written as a formula."""

from io import BytesIO

from openpyxl import Workbook, load_workbook

from integrations.spreadsheets.cells import safe_cell_value, write_row
from teams.models import Person
from tests.spreadsheets import row, xlsx

DANGEROUS = ['=HYPERLINK("http://evil.example","Click")', "+1+1", "-2+3", "@SUM(A1:A2)"]


def test_formula_looking_names_are_imported_as_literal_text(world, client, upload):
    rows = [
        row(
            **{
                "Employee number": f"F{n}",
                "Work email": f"f{n}@northshire.example",
                "Full name": text,
                "Job title": text,
                "Registration number": f"SW70020{n}",
            }
        )
        for n, text in enumerate(DANGEROUS)
    ]
    response = upload(world.org_admin, "staff.xlsx", xlsx(rows))
    preview = client.get(response["Location"])
    assert preview.context["plan"].is_valid
    assert "=HYPERLINK(&quot;http://evil.example&quot;" in preview.content.decode()
    client.post(response["Location"])
    for n, text in enumerate(DANGEROUS):
        person = Person.objects.get(employee_number=f"F{n}")
        assert person.full_name == text
        assert person.job_title == text


def test_writers_store_formula_looking_text_as_strings():
    workbook = Workbook()
    sheet = workbook.active
    write_row(sheet, ["Name", "Note"], bold=True)
    for text in DANGEROUS:
        write_row(sheet, [text, 42])
    buffer = BytesIO()
    workbook.save(buffer)
    reopened = load_workbook(BytesIO(buffer.getvalue()))["Sheet"]
    for index, text in enumerate(DANGEROUS, start=2):
        cell = reopened.cell(row=index, column=1)
        assert cell.value == text
        assert cell.data_type == "s", f"{text!r} was written as {cell.data_type}"
    assert reopened.cell(row=2, column=2).data_type == "n"


def test_safe_cell_value_leaves_ordinary_values_alone():
    cell = Workbook().active["A1"]
    safe_cell_value(cell, "Amara Okafor")
    assert cell.data_type == "s"
    assert not cell.quotePrefix
