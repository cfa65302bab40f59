"""Spreadsheet files built in memory for the import tests; the staff list is the sample."""

import csv
import io

from openpyxl import Workbook

HEADERS = [
    "Employee number",
    "Full name",
    "Work email",
    "Job title",
    "Contract type",
    "Employment start",
    "Team",
    "Roles",
    "Career stage",
    "ASYE start date",
    "Regulator",
    "Registration number",
    "Monday hours",
    "Tuesday hours",
    "Wednesday hours",
    "Thursday hours",
    "Friday hours",
]


def row(**overrides):
    values = {
        "Employee number": "H001",
        "Full name": "Hana Hughes",
        "Work email": "hana.hughes@northshire.example",
        "Job title": "Social worker",
        "Contract type": "Permanent",
        "Employment start": "04/09/2023",
        "Team": "Assessment Team 1",
        "Roles": "Practitioner",
        "Career stage": "Experienced",
        "ASYE start date": "",
        "Regulator": "Social Work England",
        "Registration number": "SW700001",
        "Monday hours": "7.4",
        "Tuesday hours": "7.4",
        "Wednesday hours": "7.4",
        "Thursday hours": "7.4",
        "Friday hours": "7.4",
    }
    values.update(overrides)
    return values


def valid_rows():
    return [
        row(),
        row(
            **{
                "Employee number": "H002",
                "Full name": "Ivan Iqbal",
                "Work email": "ivan.iqbal@northshire.example",
                "Team": "Children's Services / Assessment / Assessment Team 2",
                "Career stage": "Newly qualified",
                "ASYE start date": "2025-09-01",
                "Registration number": "SW700002",
                "Thursday hours": "",
                "Friday hours": "",
            }
        ),
        row(
            **{
                "Employee number": "H003",
                "Full name": "Jo Jones",
                "Work email": "jo.jones@northshire.example",
                "Team": "Hospital Team",
                "Roles": "Practitioner, Team manager",
                "Regulator": "HCPC",
                "Registration number": "OT12345",
                "Contract type": "Agency",
            }
        ),
    ]


def xlsx(rows, headers=HEADERS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for values in rows:
        for column, header in enumerate(headers, start=1):
            cell = sheet.cell(row=sheet.max_row + (1 if column == 1 else 0), column=column)
            cell.value = values.get(header, "")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, headers=HEADERS):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=headers)
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode()
