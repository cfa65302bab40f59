"""The learning catalogue as a workbook, in exactly the import's columns, so an export can be
edited and imported back (an untouched export imports as "unchanged"); and the empty template.

Every cell goes through ``cells.write_row``: a title or summary that starts with ``=`` is
written as text, never as a formula someone's spreadsheet would run.
"""

from __future__ import annotations

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from integrations.imports.workbook import columns_sheet, template_workbook, workbook_bytes
from integrations.spreadsheets.cells import CellValue, write_row
from learning_catalogue.imports.columns import COLUMNS, SEPARATOR
from learning_catalogue.models import Activity, Format, Topic
from teams.imports.team_names import TeamNames
from teams.models import CareerStage, Organisation, Role, Team

JOIN = f"{SEPARATOR} "
MONEY_FORMAT = "0.00"
SHEET_TITLE = "Activities"


def _text(value: str) -> str:
    # Control characters a pasted summary may carry cannot be stored in .xlsx at all.
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def _row(activity: Activity, teams: TeamNames) -> list[CellValue]:
    values: dict[str, CellValue] = {
        "reference": activity.pk,
        "title": _text(activity.title),
        "summary": _text(activity.summary),
        "format": activity.format.name,
        "topics": JOIN.join(sorted(topic.name for topic in activity.topics.all())),
        "duration_minutes": activity.duration_minutes,
        "delivery_mode": activity.get_delivery_mode_display(),
        "provider_kind": activity.get_provider_kind_display(),
        "provider_name": _text(activity.provider_name),
        "cost_per_place": activity.cost_per_place,
        "other_direct_costs": activity.other_direct_costs,
        "link": activity.link,
        "resource": _text(activity.resource),
        "has_captions": _yes_no(activity.has_captions),
        "has_transcript": _yes_no(activity.has_transcript),
        "has_british_sign_language": _yes_no(activity.has_british_sign_language),
        "audience_career_stages": JOIN.join(
            CareerStage(value).label for value in activity.audience_career_stages
        ),
        "audience_roles": JOIN.join(Role(value).label for value in activity.audience_roles),
        "audience_teams": JOIN.join(
            sorted(teams.label(team) for team in activity.audience_teams.all())
        ),
        "co_designed_with": _text(activity.co_designed_with),
        "status": activity.get_status_display(),
    }
    return [values[column.key] for column in COLUMNS]


def catalogue_workbook(activities: QuerySet[Activity]) -> bytes:
    """Every activity in ``activities`` as one row, in a fixed number of queries."""
    activities = list(
        activities.select_related("format").prefetch_related("topics", "audience_teams")
    )
    teams = TeamNames(
        Team.objects.filter(
            organisation_id__in={activity.organisation_id for activity in activities}
        )
    )
    workbook = Workbook()
    sheet = workbook.active
    columns_sheet(sheet, COLUMNS, SHEET_TITLE)
    money_columns = [
        index
        for index, column in enumerate(COLUMNS, start=1)
        if column.key in ("cost_per_place", "other_direct_costs")
    ]
    for activity in activities:
        write_row(sheet, _row(activity, teams))
        for index in money_columns:
            sheet.cell(row=sheet.max_row, column=index).number_format = MONEY_FORMAT
    return workbook_bytes(workbook)


def catalogue_template_workbook(organisation: Organisation) -> bytes:
    """The columns with no rows (so nothing is imported by mistake), the organisation's formats
    and topics to choose from, and what to enter in each column."""
    formats = [item.name for item in Format.objects.filter(organisation=organisation)]
    topics = [item.name for item in Topic.objects.filter(organisation=organisation)]
    return template_workbook(
        COLUMNS,
        title=SHEET_TITLE,
        example_row=False,
        lists=("Formats and topics", {"Formats": formats, "Topics": topics}),
    )
