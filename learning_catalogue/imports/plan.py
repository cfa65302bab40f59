"""Planning a catalogue file: what each row would add or change, with every problem.

A row updates the activity whose id is in its Reference column, else the one with the same title
(case-insensitive) in the organisation, else adds a new one; a row that matches what is recorded
is "unchanged" and is not saved again, so importing a file twice, or re-importing an export,
changes nothing. A column left out of the file leaves that field of an existing activity as it
is; a column that is there but blank means "none" (no topics, no cost, no captions).
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from integrations.imports.rows import WHOLE_ROW, RowError, RowPlan, RowReader
from learning_catalogue.imports.columns import HEADERS, LIST_FIELDS, TEXT_FIELDS, VALUE_FIELDS
from learning_catalogue.models import Activity, ActivityStatus, DeliveryMode, Format, Topic
from learning_catalogue.services.activities import TRANSITIONS
from teams.imports.team_names import TeamNames, name_key
from teams.models import Team


@dataclass
class CatalogueRowPlan(RowPlan):
    title: str = ""
    activity: Activity | None = None
    values: dict[str, object] = field(default_factory=dict)
    topics: list[Topic] = field(default_factory=list)
    teams: list[Team] = field(default_factory=list)
    status: str = ActivityStatus.DRAFT

    @property
    def is_new(self) -> bool:
        return self.activity is None

    @property
    def status_shown(self) -> str:
        """The status the activity would have; nothing for a row with problems."""
        return "" if self.errors else ActivityStatus(self.status).label

    @property
    def saves_fields(self) -> bool:
        """Whether ``activity_save`` is needed: a new activity, or a change besides its status."""
        return self.activity is None or any(name != HEADERS["status"] for name in self.changes)


class CatalogueContext:
    """The organisation's lists and activities, in a fixed number of queries whatever the
    file's size."""

    def __init__(self, organisation_id: int) -> None:
        self.organisation_id = organisation_id
        self.formats = {
            name_key(item.name): item
            for item in Format.objects.filter(organisation_id=organisation_id)
        }
        self.topics = {
            name_key(item.name): item
            for item in Topic.objects.filter(organisation_id=organisation_id)
        }
        self.teams = TeamNames(Team.objects.filter(organisation_id=organisation_id))
        activities = Activity.objects.filter(organisation_id=organisation_id).prefetch_related(
            "topics", "audience_teams"
        )
        self.by_pk: dict[int, Activity] = {}
        self.by_title: dict[str, list[Activity]] = defaultdict(list)
        for activity in activities:
            self.by_pk[activity.pk] = activity
            self.by_title[activity.title.casefold()].append(activity)


def _parts(read: RowReader, key: str) -> list[str]:
    return [part.strip() for part in read.text(key).split(";") if part.strip()]


def _not_in_list(what: str, name: str) -> str:
    return (
        f"There is no {what} called '{name}' in your catalogue. Add it to the {what}s first, "
        "or check the spelling."
    )


def _topics(read: RowReader, topics: dict[str, Topic]) -> list[Topic]:
    found = {}
    for part in _parts(read, "topics"):
        topic = topics.get(name_key(part))
        if topic is None:
            hint = " Separate topics with ;" if "," in part else ""
            read.error("topics", _not_in_list("topic", part) + hint)
        else:
            found[topic.pk] = topic
    return list(found.values())


def _teams(read: RowReader, names: TeamNames) -> list[Team]:
    found = {}
    for part in _parts(read, "audience_teams"):
        team = names.find(part)
        if isinstance(team, str):
            read.error("audience_teams", team)
        else:
            found[team.pk] = team
    return list(found.values())


def _match(read: RowReader, context: CatalogueContext) -> Activity | None:
    plan: CatalogueRowPlan = read.plan
    reference = read.text("reference")
    if reference:
        activity = context.by_pk.get(int(reference)) if reference.isdigit() else None
        if activity is None:
            read.error(
                "reference",
                f"No activity in your catalogue has the reference '{reference}'. Leave it blank "
                "to add a new activity.",
            )
        return activity
    matches = context.by_title.get(plan.title.casefold(), [])
    if len(matches) > 1:
        read.error(
            "title",
            f"{len(matches)} activities are called '{plan.title}'. Give the Reference of "
            "the one to update (export the catalogue to see them).",
        )
        return None
    return matches[0] if matches else None


def _read_values(
    read: RowReader, present: set[str], context: CatalogueContext
) -> dict[str, object]:
    """The row's values for ``activity_save``, only for the columns the file has."""
    values: dict[str, object] = {"title": read.plan.title}
    if not read.plan.title:
        read.error("title", "Enter the activity's title.")
    format_text = read.text("format")
    values["format"] = context.formats.get(name_key(format_text))
    if not format_text:
        read.error("format", "Choose the activity's format.")
    elif values["format"] is None:
        read.error("format", _not_in_list("format", format_text))
    values["duration_minutes"] = read.value("duration_minutes")
    values["delivery_mode"] = read.value("delivery_mode")
    for key in (*TEXT_FIELDS, *VALUE_FIELDS):
        if key in present:
            values[key] = read.text(key) if key in TEXT_FIELDS else read.value(key)
    for key in LIST_FIELDS:
        if key in present:
            values[key] = read.value(key) or []
    return values


def _check_with_model(plan: CatalogueRowPlan, organisation_id: int) -> None:
    """The model's own field rules (lengths, link, limits) on a copy, as ``activity_save`` will
    check them, for the columns that read without a problem; nothing is saved."""
    candidate = (
        copy.copy(plan.activity)
        if plan.activity is not None
        else Activity(organisation_id=organisation_id)
    )
    failed = {error.column for error in plan.errors}
    exclude = ["organisation", "created_by", "search_text", "format", "status"]
    for name, value in plan.values.items():
        if HEADERS[name] in failed:
            exclude.append(name)
        else:
            setattr(candidate, name, value)
    try:
        candidate.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        plan.errors.extend(row_errors(plan.row, error))
    current = plan.activity.status if plan.activity else ActivityStatus.DRAFT
    if plan.errors or plan.status == current:
        return
    if current not in TRANSITIONS.get(plan.status, ()):
        plan.errors.append(
            RowError(
                plan.row,
                HEADERS["status"],
                f"A {ActivityStatus(current).label.lower()} activity cannot become "
                f"{ActivityStatus(plan.status).label.lower()}.",
            )
        )
    elif (
        plan.status == ActivityStatus.PUBLISHED
        and candidate.delivery_mode == DeliveryMode.ON_DEMAND
        and not (candidate.link or candidate.resource)
    ):
        plan.errors.append(
            RowError(
                plan.row,
                HEADERS["link"],
                "An on-demand activity needs a link or says where to find it before it is "
                "published.",
            )
        )


def _compare(plan: CatalogueRowPlan) -> None:
    activity = plan.activity
    if activity is None:
        return
    for name, value in plan.values.items():
        current = getattr(activity, name)
        if name == "format":
            differs = activity.format_id != value.pk
        elif name in LIST_FIELDS:
            differs = set(current) != set(value)
        else:
            differs = current != value
        if differs:
            plan.changes.append(HEADERS[name])
    if {topic.pk for topic in plan.topics} != {topic.pk for topic in activity.topics.all()}:
        plan.changes.append(HEADERS["topics"])
    if {team.pk for team in plan.teams} != {team.pk for team in activity.audience_teams.all()}:
        plan.changes.append(HEADERS["audience_teams"])
    if plan.status != activity.status:
        plan.changes.append(HEADERS["status"])


def plan_activity(
    read: RowReader, present: set[str], context: CatalogueContext
) -> CatalogueRowPlan:
    """What the row would do to its activity (found or new), with every problem."""
    plan: CatalogueRowPlan = read.plan
    plan.title = read.text("title")
    plan.activity = _match(read, context)
    plan.values = _read_values(read, present, context)
    existing = plan.activity
    if "topics" in present:
        plan.topics = _topics(read, context.topics)
    elif existing is not None:
        plan.topics = list(existing.topics.all())
    if "audience_teams" in present:
        plan.teams = _teams(read, context.teams)
    elif existing is not None:
        plan.teams = list(existing.audience_teams.all())
    status = read.value("status")
    plan.status = status or (existing.status if existing else ActivityStatus.DRAFT.value)
    _check_with_model(plan, context.organisation_id)
    if not plan.errors:
        _compare(plan)
    return plan


def flag_repeats(rows: list[CatalogueRowPlan]) -> None:
    """Two rows for one activity would apply in turn and the last would win unseen."""
    seen: dict[object, int] = {}
    for row in rows:
        if row.activity is None and not row.title:
            continue
        key = row.activity.pk if row.activity is not None else row.title.casefold()
        if key in seen:
            column = HEADERS["reference"] if row.activity is not None else HEADERS["title"]
            row.errors.append(
                RowError(
                    row.row, column, f"Row {seen[key]} is the same activity; keep one of them."
                )
            )
        else:
            seen[key] = row.row


def row_errors(row: int, error: ValidationError) -> list[RowError]:
    """A refusal from the model or the catalogue services as row errors, named by column."""
    if not hasattr(error, "error_dict"):
        return [RowError(row, WHOLE_ROW, message) for message in error.messages]
    return [
        RowError(row, HEADERS.get(name, WHOLE_ROW), message)
        for name, messages in error.message_dict.items()
        for message in messages
    ]
