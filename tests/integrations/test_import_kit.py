"""The import kit every import is declared on: column kinds, header mapping, the row reader and
the template workbook, without any domain."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from integrations.imports.columns import (
    ChoiceColumn,
    Column,
    DateColumn,
    HoursColumn,
    IntegerColumn,
    PoundsColumn,
    YesNoColumn,
    map_headers,
)
from integrations.imports.rows import ImportPlan, RowPlan, RowReader
from integrations.imports.workbook import template_workbook
from integrations.spreadsheets.reading import FileProblem

COLOURS = {"red": "red", "green": "green", "blue": "blue", "rouge": "red"}
COLUMNS = (
    Column("name", "Name", True, "Who.", "Ada", ("full name",), if_blank="Enter a name."),
    DateColumn("day", "Day"),
    YesNoColumn("keen", "Keen"),
    IntegerColumn("count", "Count", example="3", unit="things", minimum=1, too_small="At least 1."),
    PoundsColumn("cost", "Cost", limit=Decimal(1000)),
    HoursColumn("hours", "Hours"),
    ChoiceColumn("colour", "Colour", help="Red, green or blue.", choices=COLOURS, what="colour"),
    ChoiceColumn("colours", "Colours", choices=COLOURS, what="colour", separator=",;"),
)


class Row(RowPlan):
    @property
    def is_new(self) -> bool:
        return True


def read(**values):
    plan = Row(row=2)
    return RowReader(plan, values, {column.key: column for column in COLUMNS}), plan


def test_each_kind_reads_its_values_and_blank_cells_take_the_blank_value():
    reader, plan = read(
        name=" Ada ",
        day="04/09/2023",
        keen="Y",
        count="12",
        cost="£1,2.50",
        hours="7:24",
        colour="Rouge",
        colours="blue; red,green",
    )
    assert reader.value("name") == "Ada"
    assert reader.value("day") == datetime.date(2023, 9, 4)
    assert reader.value("keen") is True
    assert reader.value("count") == 12
    assert reader.value("cost") == Decimal("12.50")
    assert reader.value("hours") == 444
    assert reader.value("colour") == "red"
    assert reader.value("colours") == ["red", "green", "blue"]  # in the choices' own order
    assert not plan.errors
    blank, plan = read()
    assert [blank.value(key) for key in ("day", "keen", "cost", "hours", "colour")] == [
        None,
        False,
        Decimal("0.00"),
        0,
        None,
    ]
    assert blank.value("name") is None
    assert [(error.column, error.message) for error in plan.errors] == [("Name", "Enter a name.")]


def test_each_kind_says_why_a_cell_is_wrong():
    reader, plan = read(
        day="31/02/2024",
        keen="maybe",
        count="0",
        cost="1.234",
        hours="lots",
        colour="mauve",
        colours="red; mauve; teal",
    )
    for key in ("day", "keen", "count", "cost", "hours", "colour", "colours"):
        assert reader.value(key) is None
    assert [(error.column, error.message) for error in plan.errors] == [
        ("Day", "'31/02/2024' is not a date. Write dates like 04/09/2023."),
        ("Keen", "'maybe' is not Yes or No."),
        ("Count", "At least 1."),
        ("Cost", "'1.234' has more than 2 decimal places; write pounds and pence."),
        ("Hours", "Enter hours like 7.5 or 7:30, or minutes like 450."),
        ("Colour", "'mauve' is not a colour. Red, green or blue."),
        ("Colours", "'mauve' is not a colour."),
        ("Colours", "'teal' is not a colour."),
    ]
    assert plan.outcome == "error"


def test_headers_match_by_header_key_or_alias_in_any_order():
    assert map_headers(["Keen", "FULL NAME", "", "count"], COLUMNS) == {
        "keen": 0,
        "name": 1,
        "count": 3,
    }
    with pytest.raises(FileProblem, match="not recognised: Shoe size"):
        map_headers(["Name", "Shoe size"], COLUMNS)
    with pytest.raises(FileProblem, match="appears twice"):
        map_headers(["Name", "Full name"], COLUMNS)
    with pytest.raises(FileProblem, match="needs these columns: Name"):
        map_headers(["Day"], COLUMNS)


def test_a_plan_counts_its_outcomes_and_what_applying_it_would_write():
    good, broken = Row(row=2), Row(row=3)
    broken.errors.append(object())
    plan = ImportPlan(rows=[good, broken])
    assert plan.counts == {"create": 1, "update": 0, "unchanged": 0, "error": 1}
    assert plan.changing == 1 and not plan.is_valid


def test_the_template_has_the_columns_an_example_row_and_a_guide():
    workbook = load_workbook(io.BytesIO(template_workbook(COLUMNS, title="Things", notes="Hi.")))
    sheet = workbook["Things"]
    assert [cell.value for cell in sheet[1]] == [column.header for column in COLUMNS]
    assert sheet["A2"].value == "Ada"
    guide = workbook["How to fill it in"]
    assert [cell.value for cell in guide[2]] == ["Name", "Yes", "Who."]
    assert guide.cell(guide.max_row, 3).value == "Hi."
