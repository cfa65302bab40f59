"""Bulk import of the learning catalogue from a spreadsheet, with the staff list's rules: every
row's outcome is shown first, every problem is reported with its row, column and reason, and
nothing is written unless every row is good.

A row updates the activity whose id is in its Reference column, else the one with the same title
(case-insensitive) in the organisation, else adds a new one; a row that matches what is recorded
is "unchanged" and is not saved again, so importing a file twice, or re-importing an export,
changes nothing. Every write goes through ``learning_catalogue.services.activities`` so the
catalogue's own rules, audit and search words apply; anything those services refuse while
applying becomes a row error and rolls the whole import back.

A column left out of the file leaves that field of an existing activity as it is; a column that
is there but blank means "none" (no topics, no cost, no captions).
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from integrations.batches import keep_upload, mark_applied
from integrations.models import ImportBatch
from integrations.spreadsheets.people_import import (
    CAREER_STAGES,
    ROLES,
    Column,
    ImportPlan,
    RowError,
    choice_lookup,
    map_headers,
    normalise,
)
from integrations.spreadsheets.reading import Table, read_table
from learning_catalogue.access import can_publish
from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    Format,
    ProviderKind,
    Topic,
)
from learning_catalogue.services.activities import (
    EDITABLE_FIELDS,
    TRANSITIONS,
    activity_save,
    activity_set_status,
)
from teams.models import CareerStage, Person, Role, Team

SEPARATOR = ";"
COLUMNS: tuple[Column, ...] = (
    Column(
        "reference",
        "Reference",
        False,
        "The activity's reference from an export; blank to match by title or add a new one.",
        "",
        ("ref", "id", "activity id"),
    ),
    Column("title", "Title", True, "Up to 200 characters.", "Understanding trauma-informed care"),
    Column("summary", "Summary", False, "What people will learn.", "", ("description",)),
    Column(
        "format",
        "Format",
        True,
        "One of your catalogue's formats (see the Formats and topics sheet).",
        "Webinar",
    ),
    Column(
        "topics",
        "Topics",
        False,
        "Your catalogue's topics, separated by ;",
        "Mental health; Safeguarding adults",
        ("topic",),
    ),
    Column(
        "duration_minutes",
        "Duration minutes",
        True,
        "A whole number of minutes, like 90.",
        "90",
        ("duration", "minutes", "length minutes"),
    ),
    Column(
        "delivery_mode",
        "Delivery mode",
        True,
        "On demand, Scheduled sessions or Arranged with a person.",
        "Scheduled sessions",
        ("delivery",),
    ),
    Column(
        "provider_kind",
        "Provider",
        False,
        "Internal or External (Internal if blank).",
        "External",
        ("provider kind", "provider type"),
    ),
    Column("provider_name", "Provider name", False, "Who runs it.", "Research in Practice"),
    Column(
        "cost_per_place",
        "Cost per place",
        False,
        "In pounds, like 45.50 (0 if blank).",
        "45.50",
        ("cost", "price", "cost per place gbp"),
    ),
    Column(
        "other_direct_costs",
        "Other direct costs",
        False,
        "In pounds, like 120 (0 if blank).",
        "0",
        ("other costs",),
    ),
    Column("link", "Link", False, "A web address starting https://.", "", ("url",)),
    Column("resource", "Resource", False, "Where to find it when there is no link.", ""),
    Column("has_captions", "Captions", False, "Yes or No (No if blank).", "Yes"),
    Column("has_transcript", "Transcript", False, "Yes or No (No if blank).", "No"),
    Column(
        "has_british_sign_language",
        "British Sign Language",
        False,
        "Yes or No (No if blank).",
        "No",
        ("bsl",),
    ),
    Column(
        "audience_career_stages",
        "Career stages",
        False,
        "Student, Newly qualified or Experienced, separated by ; (blank for everyone).",
        "Newly qualified",
        ("career stage",),
    ),
    Column(
        "audience_roles",
        "Roles",
        False,
        "Practitioner, Team manager, L&D lead or Org admin, separated by ; (blank for everyone).",
        "",
        ("role",),
    ),
    Column(
        "audience_teams",
        "Teams",
        False,
        "Team names, separated by ; (a path like Adult Services / Hospital Team when two teams "
        "share a name; blank for everyone).",
        "",
        ("team",),
    ),
    Column("co_designed_with", "Co-designed with", False, "", "", ("co designed",)),
    Column(
        "status",
        "Status",
        False,
        "Draft, Published or Retired (a new activity is a draft if blank; blank leaves an "
        "existing one's status as it is).",
        "Draft",
    ),
)
HEADERS = {column.key: column.header for column in COLUMNS}
WHOLE_ROW = "Whole row"
DELIVERY_MODES = choice_lookup(DeliveryMode, {"sessions": "scheduled"})
PROVIDERS = choice_lookup(ProviderKind)
STATUSES = choice_lookup(ActivityStatus)
YES_NO = {
    **dict.fromkeys(("yes", "y", "true", "1"), True),
    **dict.fromkeys(("no", "n", "false", "0"), False),
}
TEXT_FIELDS = ("summary", "provider_name", "link", "resource", "co_designed_with")
COST_FIELDS = ("cost_per_place", "other_direct_costs")
FLAG_FIELDS = ("has_captions", "has_transcript", "has_british_sign_language")
LIST_FIELDS = ("audience_career_stages", "audience_roles")
_cost_field = Activity._meta.get_field("cost_per_place")
COST_LIMIT = Decimal(10) ** (_cost_field.max_digits - _cost_field.decimal_places)
PENCE = Decimal("0.01")


def name_key(text: str) -> str:
    """How format, topic and team names are matched: any case, runs of spaces as one (the
    catalogue refuses two formats or topics whose names differ only so)."""
    return " ".join(text.split()).casefold()


class TeamNames:
    """Finds teams by name, or by path when two share a name; also the text an export writes,
    so an exported team always finds its way back."""

    def __init__(self, teams: Iterable[Team]) -> None:
        teams = list(teams)
        by_id = {team.pk: team for team in teams}
        self.by_name: dict[str, list[Team]] = defaultdict(list)
        self.by_path: dict[str, Team] = {}
        self.paths: dict[int, str] = {}
        for team in teams:
            self.by_name[name_key(team.name)].append(team)
            names = [
                by_id[int(pk)].name for pk in team.path.strip("/").split("/") if int(pk) in by_id
            ]
            self.paths[team.pk] = " / ".join(names)
            self.by_path[" / ".join(name_key(name) for name in names)] = team

    def find(self, text: str) -> Team | str:
        """The team ``text`` names, or why it names none."""
        if "/" in text:
            team = self.by_path.get(" / ".join(name_key(part) for part in text.split("/")))
            return team or f"There is no team at '{text}'. Check each level's name."
        matches = self.by_name.get(name_key(text), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            return (
                f"More than one team is called '{text}'. Write its path, like "
                f"{self.paths[matches[0].pk]}."
            )
        return f"There is no team called '{text}'. Check the spelling."

    def label(self, team: Team) -> str:
        """The name, or the path when another team shares the name, so ``find`` gets it back."""
        return team.name if len(self.by_name[name_key(team.name)]) == 1 else self.paths[team.pk]


@dataclass
class CatalogueRowPlan:
    row: int
    title: str = ""
    activity: Activity | None = None
    values: dict[str, object] = field(default_factory=dict)
    topics: list[Topic] = field(default_factory=list)
    teams: list[Team] = field(default_factory=list)
    status: str = ActivityStatus.DRAFT
    changes: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        if self.errors:
            return "error"
        if self.activity is None:
            return "create"
        return "update" if self.changes else "unchanged"

    @property
    def status_label(self) -> str:
        return ActivityStatus(self.status).label

    @property
    def saves_fields(self) -> bool:
        """Whether ``activity_save`` is needed: a new activity, or a change besides its status."""
        return self.activity is None or any(name != HEADERS["status"] for name in self.changes)


@dataclass
class CatalogueImportPlan(ImportPlan):
    rows: list[CatalogueRowPlan]


class RowsRefused(Exception):
    """The catalogue services refused rows while the import was applied; nothing was kept."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} problems; nothing was imported.")
        self.errors = errors


class _Context:
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


class _RowReader:
    def __init__(self, plan: CatalogueRowPlan, values: dict[str, str]) -> None:
        self.plan = plan
        self.values = values

    def error(self, key: str, message: str) -> None:
        self.plan.errors.append(RowError(self.plan.row, HEADERS[key], message))

    def text(self, key: str) -> str:
        return self.values.get(key, "")

    def choice(self, key: str, lookup: dict[str, str], what: str) -> str | None:
        text = self.text(key)
        if not text:
            return None
        value = lookup.get(normalise(text))
        if value is None:
            self.error(key, f"'{text}' is not a {what}. {_help(key)}")
        return value

    def parts(self, key: str) -> list[str]:
        return [part.strip() for part in self.text(key).split(SEPARATOR) if part.strip()]

    def choices(self, key: str, lookup: dict[str, str], choices: type, what: str) -> list[str]:
        """The chosen values in the list's own order, so a saved list compares as it reads."""
        chosen = set()
        for part in self.parts(key):
            value = lookup.get(normalise(part))
            if value is None:
                self.error(key, f"'{part}' is not a {what}. {_help(key)}")
            else:
                chosen.add(value)
        return [value for value in choices.values if value in chosen]

    def topics(self, topics: dict[str, Topic]) -> list[Topic]:
        found = {}
        for part in self.parts("topics"):
            topic = topics.get(name_key(part))
            if topic is None:
                hint = " Separate topics with ;" if "," in part else ""
                self.error("topics", _not_in_list("topic", part) + hint)
            else:
                found[topic.pk] = topic
        return list(found.values())

    def teams(self, names: TeamNames) -> list[Team]:
        found = {}
        for part in self.parts("audience_teams"):
            team = names.find(part)
            if isinstance(team, str):
                self.error("audience_teams", team)
            else:
                found[team.pk] = team
        return list(found.values())

    def minutes(self) -> int | None:
        text = self.text("duration_minutes")
        if not text:
            self.error("duration_minutes", "Enter how long it takes, in minutes.")
            return None
        if not re.fullmatch(r"\d+", text):
            self.error("duration_minutes", f"'{text}' is not a whole number of minutes, like 90.")
            return None
        if int(text) < 1:
            self.error("duration_minutes", "The duration must be at least 1 minute.")
            return None
        return int(text)

    def money(self, key: str) -> Decimal | None:
        text = self.text(key)
        if not text:
            return Decimal("0.00")
        try:
            amount = Decimal(text.removeprefix("£").replace(",", "").strip())
        except InvalidOperation:
            amount = Decimal("NaN")
        if not amount.is_finite():
            self.error(key, f"'{text}' is not an amount in pounds, like 45.50.")
            return None
        if amount < 0:
            self.error(key, "A cost cannot be negative; write 0 for none.")
            return None
        if amount >= COST_LIMIT:
            self.error(key, f"A cost must be less than £{COST_LIMIT:,}.")
            return None
        if amount != amount.quantize(PENCE):
            self.error(key, f"'{text}' has more than 2 decimal places; write pounds and pence.")
            return None
        return amount.quantize(PENCE)

    def yes_no(self, key: str) -> bool | None:
        text = self.text(key)
        value = YES_NO.get(normalise(text)) if text else False
        if value is None:
            self.error(key, f"'{text}' is not Yes or No.")
        return value


def _help(key: str) -> str:
    return next(column.help for column in COLUMNS if column.key == key)


def _not_in_list(what: str, name: str) -> str:
    return (
        f"There is no {what} called '{name}' in your catalogue. Add it to the {what}s first, "
        "or check the spelling."
    )


def _match(read: _RowReader, context: _Context) -> Activity | None:
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
    matches = context.by_title.get(read.plan.title.casefold(), [])
    if len(matches) > 1:
        read.error(
            "title",
            f"{len(matches)} activities are called '{read.plan.title}'. Give the Reference of "
            "the one to update (export the catalogue to see them).",
        )
        return None
    return matches[0] if matches else None


def _read_values(read: _RowReader, present: set[str], context: _Context) -> dict[str, object]:
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
    values["duration_minutes"] = read.minutes()
    values["delivery_mode"] = read.choice("delivery_mode", DELIVERY_MODES, "delivery mode")
    if not read.text("delivery_mode"):
        read.error("delivery_mode", f"Choose how it is delivered: {_help('delivery_mode')}")
    if "provider_kind" in present:
        values["provider_kind"] = (
            read.choice("provider_kind", PROVIDERS, "provider")
            if read.text("provider_kind")
            else ProviderKind.INTERNAL.value
        )
    for key in TEXT_FIELDS:
        if key in present:
            values[key] = read.text(key)
    for key in COST_FIELDS:
        if key in present:
            values[key] = read.money(key)
    for key in FLAG_FIELDS:
        if key in present:
            values[key] = read.yes_no(key)
    if "audience_career_stages" in present:
        values["audience_career_stages"] = read.choices(
            "audience_career_stages", CAREER_STAGES, CareerStage, "career stage"
        )
    if "audience_roles" in present:
        values["audience_roles"] = read.choices("audience_roles", ROLES, Role, "role")
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


def _plan_row(
    number: int, values: dict[str, str], present: set[str], context: _Context
) -> CatalogueRowPlan:
    plan = CatalogueRowPlan(row=number, title=values.get("title", ""))
    read = _RowReader(plan, values)
    plan.activity = _match(read, context)
    plan.values = _read_values(read, present, context)
    existing = plan.activity
    if "topics" in present:
        plan.topics = read.topics(context.topics)
    elif existing is not None:
        plan.topics = list(existing.topics.all())
    if "audience_teams" in present:
        plan.teams = read.teams(context.teams)
    elif existing is not None:
        plan.teams = list(existing.audience_teams.all())
    status = read.choice("status", STATUSES, "status")
    plan.status = status or (existing.status if existing else ActivityStatus.DRAFT.value)
    _check_with_model(plan, context.organisation_id)
    if not plan.errors:
        _compare(plan)
    return plan


def _flag_repeats(rows: list[CatalogueRowPlan]) -> None:
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


def plan_catalogue_import(table: Table, actor: Person) -> CatalogueImportPlan:
    """What importing ``table`` into the actor's catalogue would do, row by row, with every
    error; reads only, so the preview and the confirmation plan the same way."""
    positions = map_headers(table.headers, COLUMNS)
    context = _Context(actor.organisation_id)
    rows = []
    for number, cells in table.rows:
        values = {
            key: cells[index].strip() if index < len(cells) else ""
            for key, index in positions.items()
        }
        rows.append(_plan_row(number, values, set(positions), context))
    _flag_repeats(rows)
    return CatalogueImportPlan(rows=rows)


def catalogue_import_plan(*, batch: ImportBatch, actor: Person) -> CatalogueImportPlan:
    """Plans the kept file against the catalogue as it is now (it may have changed since)."""
    return plan_catalogue_import(read_table(batch.filename, bytes(batch.content)), actor)


@transaction.atomic
def catalogue_import_batch_create(*, actor: Person, filename: str, content: bytes) -> ImportBatch:
    """Keeps an uploaded catalogue file for preview; ``FileProblem`` (and nothing stored) for a
    file that cannot be read or has unknown or missing columns."""
    if not can_publish(actor):
        raise PermissionDenied
    return keep_upload(
        actor=actor,
        kind=ImportBatch.Kind.CATALOGUE,
        filename=filename,
        content=content,
        plan=lambda batch: catalogue_import_plan(batch=batch, actor=actor),
    )


def _apply_row(actor: Person, row: CatalogueRowPlan) -> None:
    activity = row.activity
    if row.saves_fields:
        activity = activity_save(
            actor=actor,
            values={name: row.values[name] for name in EDITABLE_FIELDS if name in row.values},
            topics=row.topics,
            audience_teams=row.teams,
            activity=activity,
        )
    if row.status != activity.status:
        activity_set_status(actor=actor, activity=activity, status=row.status)


@transaction.atomic
def catalogue_import_apply(*, actor: Person, batch: ImportBatch) -> dict[str, int]:
    """Adds and changes every activity in one transaction, or nothing.

    The file is planned again inside the transaction, so a change since the preview is seen.
    Each row is tried even after one is refused, so every refusal is reported at once
    (``RowsRefused``), and then the whole import is rolled back.
    """
    if not can_publish(actor) or batch.uploaded_by_id != actor.pk:
        raise PermissionDenied
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.applied_at is not None:
        raise ValidationError("This file has already been imported.")
    plan = catalogue_import_plan(batch=batch, actor=actor)
    if not plan.is_valid:
        raise ValidationError(
            f"The file has {len(plan.errors)} problems now; nothing was imported. "
            "Check the preview again."
        )
    refused: list[RowError] = []
    for row in plan.rows:
        if row.outcome == "unchanged":
            continue
        try:
            with transaction.atomic():
                _apply_row(actor, row)
        except ValidationError as error:
            refused.extend(row_errors(row.row, error))
    if refused:
        raise RowsRefused(refused)
    return mark_applied(
        actor=actor, batch=batch, summary=plan.counts, action="catalogue_import.apply"
    )
