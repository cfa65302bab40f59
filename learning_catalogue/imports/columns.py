"""The catalogue file's columns, shared by the import, the export and the template."""

from __future__ import annotations

from decimal import Decimal

from integrations.imports.columns import (
    ChoiceColumn,
    Column,
    IntegerColumn,
    PoundsColumn,
    YesNoColumn,
    choice_lookup,
)
from learning_catalogue.models import Activity, ActivityStatus, DeliveryMode, ProviderKind
from teams.imports.staff_columns import CAREER_STAGES, ROLES

SEPARATOR = ";"
_cost_field = Activity._meta.get_field("cost_per_place")
COST_LIMIT = Decimal(10) ** (_cost_field.max_digits - _cost_field.decimal_places)
DELIVERY_HELP = "On demand, Scheduled sessions or Arranged with a person."

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
    IntegerColumn(
        "duration_minutes",
        "Duration minutes",
        True,
        "A whole number of minutes, like 90.",
        "90",
        ("duration", "minutes", "length minutes"),
        if_blank="Enter how long it takes, in minutes.",
        unit="minutes",
        minimum=1,
        too_small="The duration must be at least 1 minute.",
    ),
    ChoiceColumn(
        "delivery_mode",
        "Delivery mode",
        True,
        DELIVERY_HELP,
        "Scheduled sessions",
        ("delivery",),
        if_blank=f"Choose how it is delivered: {DELIVERY_HELP}",
        choices=choice_lookup(DeliveryMode, {"sessions": "scheduled"}),
        what="delivery mode",
    ),
    ChoiceColumn(
        "provider_kind",
        "Provider",
        False,
        "Internal or External (Internal if blank).",
        "External",
        ("provider kind", "provider type"),
        blank=ProviderKind.INTERNAL.value,
        choices=choice_lookup(ProviderKind),
        what="provider",
    ),
    Column("provider_name", "Provider name", False, "Who runs it.", "Research in Practice"),
    PoundsColumn(
        "cost_per_place",
        "Cost per place",
        False,
        "In pounds, like 45.50 (0 if blank).",
        "45.50",
        ("cost", "price", "cost per place gbp"),
        limit=COST_LIMIT,
    ),
    PoundsColumn(
        "other_direct_costs",
        "Other direct costs",
        False,
        "In pounds, like 120 (0 if blank).",
        "0",
        ("other costs",),
        limit=COST_LIMIT,
    ),
    Column("link", "Link", False, "A web address starting https://.", "", ("url",)),
    Column("resource", "Resource", False, "Where to find it when there is no link.", ""),
    YesNoColumn("has_captions", "Captions", False, "Yes or No (No if blank).", "Yes"),
    YesNoColumn("has_transcript", "Transcript", False, "Yes or No (No if blank).", "No"),
    YesNoColumn(
        "has_british_sign_language",
        "British Sign Language",
        False,
        "Yes or No (No if blank).",
        "No",
        ("bsl",),
    ),
    ChoiceColumn(
        "audience_career_stages",
        "Career stages",
        False,
        "Student, Newly qualified or Experienced, separated by ; (blank for everyone).",
        "Newly qualified",
        ("career stage",),
        choices=CAREER_STAGES,
        what="career stage",
        separator=SEPARATOR,
    ),
    ChoiceColumn(
        "audience_roles",
        "Roles",
        False,
        "Practitioner, Team manager, L&D lead or Org admin, separated by ; (blank for everyone).",
        "",
        ("role",),
        choices=ROLES,
        what="role",
        separator=SEPARATOR,
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
    ChoiceColumn(
        "status",
        "Status",
        False,
        "Draft, Published or Retired (a new activity is a draft if blank; blank leaves an "
        "existing one's status as it is).",
        "Draft",
        choices=choice_lookup(ActivityStatus),
        what="status",
    ),
)
HEADERS = {column.key: column.header for column in COLUMNS}
TEXT_FIELDS = ("summary", "provider_name", "link", "resource", "co_designed_with")
VALUE_FIELDS = (
    "provider_kind",
    "cost_per_place",
    "other_direct_costs",
    "has_captions",
    "has_transcript",
    "has_british_sign_language",
)
LIST_FIELDS = ("audience_career_stages", "audience_roles")
