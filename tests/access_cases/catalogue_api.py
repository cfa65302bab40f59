"""Who may call each learning catalogue operation (tests/core/api/test_api_permission_matrix.py),
with our organisation's things: a published activity with a session, a format and a topic of
our own, and practitioner A's place, suggestion and learning need."""

from __future__ import annotations

import datetime
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from learning_catalogue.imports.catalogue import catalogue_import_batch_create
from learning_catalogue.models import (
    DeliveryMode,
    Format,
    PlaceStatus,
    SessionPlace,
    SuggestionKind,
    Topic,
)
from learning_catalogue.services.activities import format_save, topic_save
from learning_catalogue.services.needs import need_save
from learning_catalogue.services.suggestions import suggestion_create
from tests.access_cases import (
    CREATED,
    FORBIDDEN,
    LEADS_AND_ADMINS,
    NO_CONTENT,
    NOT_FOUND,
    OK,
    api_expect,
    everyone,
    forbidden_except,
)
from tests.factories import make_session
from tests.learning_catalogue.catalogue_data import add_activity
from tests.spreadsheets import xlsx

_unique = itertools.count(1)


def members(status: int) -> dict[str, int]:
    """Everyone in our organisation gets this; other organisations are told it does not exist."""
    return api_expect(
        practitioner=status,
        other_manager=status,
        ld_lead=status,
        org_admin=status,
        outsider=NOT_FOUND,
    )


# Reading something of our organisation's that everyone in it may see.
READ = members(OK)
# Changing the catalogue: L&D leads and org admins; the rest of us see it but are refused.
PUBLISH = forbidden_except(ld_lead=OK, org_admin=OK, outsider=NOT_FOUND)
# Adding to one's own organisation's lists: any L&D lead or org admin, the outsider included.
PUBLISHERS_CREATE = forbidden_except(ld_lead=CREATED, org_admin=CREATED, outsider=CREATED)
# Practitioner A's own place, suggestion or need: hers to act on. L&D leads and org admins
# can see her but may not act for her (her needs they read only counted by team); Ben and
# other organisations cannot see her at all.
HERS = forbidden_except(practitioner=OK, other_manager=NOT_FOUND, outsider=NOT_FOUND)
# Triaging her suggestion: L&D leads and org admins; she sees it but may not.
TRIAGE = {**HERS, "practitioner": FORBIDDEN, "ld_lead": OK, "org_admin": OK}


def _name(kind: str) -> str:
    return f"{kind} {next(_unique)}"


def _session_start() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=30 + next(_unique))


def _catalogue_file() -> bytes:
    headers = ["Title", "Format", "Duration minutes", "Delivery mode"]
    row = ["Court skills", "Webinar", 60, "Scheduled sessions"]
    return xlsx([dict(zip(headers, row, strict=True))], headers=headers)


def _things(world: object) -> dict[str, object]:
    activity = add_activity(
        world.ld_lead,
        "Anti-racist practice in assessments",
        format_name="Webinar",
        mode=DeliveryMode.SCHEDULED,
        session_in_days=20,
    )
    return {
        "activity": activity,
        "session": activity.sessions.get(),
        "format": format_save(actor=world.ld_lead, name="Matrix format"),
        "topic": topic_save(actor=world.ld_lead, name="Matrix topic"),
        "place": _place(world),
        "suggestion": _suggestion(world),
        "need": _need(world),
        "catalogue_import": catalogue_import_batch_create(
            actor=world.ld_lead, filename="catalogue.xlsx", content=_catalogue_file()
        ),
    }


def _place(world: object, *, status: str = PlaceStatus.BOOKED) -> object:
    """Practitioner A's place on a session of its own, written directly so no protected time
    is asked of the planner (whose own cases share this world)."""
    now = timezone.now()
    offered = status == PlaceStatus.OFFERED
    return SessionPlace.objects.create(
        session=make_session(world.organisation),
        person=world.practitioner_a,
        status=status,
        offered_at=now if offered else None,
        offer_expires_at=now + datetime.timedelta(hours=24) if offered else None,
    )


def _suggestion(world: object) -> object:
    return suggestion_create(
        actor=world.practitioner_a, kind=SuggestionKind.TOPIC, title=_name("Suggested topic")
    )


def _need(world: object) -> object:
    topic = Topic.objects.get(organisation=world.organisation, name="Mental health")
    return need_save(actor=world.practitioner_a, person=world.practitioner_a, topic=topic)


def _fresh_activity(world: object) -> dict[str, int]:
    """Published and on demand: anyone may rate it, and it is ready to retire."""
    return {"activity_id": add_activity(world.ld_lead, _name("On demand")).pk}


API_THINGS = _things

# An upload is its uploader's alone (Lena's here).
UPLOADER_ONLY = forbidden_except(ld_lead=OK, org_admin=NOT_FOUND, outsider=NOT_FOUND)

API_EXPECTATIONS = {
    "catalogue_activities_list": everyone(OK),
    "catalogue_activities_get": READ,
    # The body names one of our formats, which the outsider cannot see.
    "catalogue_activities_create": {**PUBLISHERS_CREATE, "outsider": NOT_FOUND},
    "catalogue_activities_update": PUBLISH,
    "catalogue_activities_set_status": PUBLISH,
    "catalogue_comments_list": PUBLISH,
    "catalogue_formats_list": everyone(OK),
    # The catalogue workbook and imports: every L&D lead and org admin for their own
    # organisation; an upload is its uploader's alone (Lena's here).
    "catalogue_export": LEADS_AND_ADMINS,
    "catalogue_imports_create": PUBLISHERS_CREATE,
    "catalogue_imports_read": UPLOADER_ONLY,
    "catalogue_imports_apply": UPLOADER_ONLY,
    # Each organisation's own setting: everyone reads it, its publishers set it.
    "catalogue_settings_read": everyone(OK),
    "catalogue_settings_update": LEADS_AND_ADMINS,
    "catalogue_formats_create": PUBLISHERS_CREATE,
    "catalogue_formats_update": PUBLISH,
    "catalogue_formats_delete": {**PUBLISH, "ld_lead": NO_CONTENT, "org_admin": NO_CONTENT},
    "catalogue_topics_list": everyone(OK),
    "catalogue_topics_create": PUBLISHERS_CREATE,
    "catalogue_topics_update": PUBLISH,
    "catalogue_topics_delete": {**PUBLISH, "ld_lead": NO_CONTENT, "org_admin": NO_CONTENT},
    "catalogue_sessions_list": READ,
    "catalogue_sessions_create": {**PUBLISH, "ld_lead": CREATED, "org_admin": CREATED},
    "catalogue_sessions_update": PUBLISH,
    "catalogue_sessions_cancel": PUBLISH,
    # Team A is not one of Ben's teams, so for him it does not exist.
    "catalogue_reservations_set": {**PUBLISH, "other_manager": NOT_FOUND},
    # Everyone books their own place.
    "catalogue_places_book": members(CREATED),
    # Only Team A's manager (not an actor here) allocates its places to Priya; Ben cannot see
    # Team A or Priya.
    "catalogue_places_allocate": {**HERS, "practitioner": FORBIDDEN},
    "catalogue_places_list": everyone(OK),
    "catalogue_places_cancel": HERS,
    "catalogue_places_accept": HERS,
    "catalogue_places_decline": HERS,
    "catalogue_saved_list": everyone(OK),
    "catalogue_saved_add": READ,
    "catalogue_saved_remove": members(NO_CONTENT),
    "catalogue_rating_save": READ,
    "catalogue_rating_summary": READ,
    "catalogue_suggestions_list": everyone(OK),
    "catalogue_suggestions_create": everyone(CREATED),
    "catalogue_suggestions_accept": TRIAGE,
    "catalogue_suggestions_decline": TRIAGE,
    "catalogue_needs_list": everyone(OK),
    # A need for Priya: hers, or her manager's to record; L&D may see her but not record it.
    "catalogue_needs_create": {**HERS, "practitioner": CREATED},
    "catalogue_needs_update": HERS,
    "catalogue_needs_delete": {**HERS, "practitioner": NO_CONTENT},
    # Counted by team: managers, L&D leads and org admins, each in their own organisation.
    "catalogue_needs_summary": api_expect(
        practitioner=FORBIDDEN, other_manager=OK, ld_lead=OK, org_admin=OK, outsider=OK
    ),
    "catalogue_recommendations_list": everyone(OK),
}

API_PATH_VALUES = {
    "activity_id": lambda world, things: things["activity"].pk,
    "session_id": lambda world, things: things["session"].pk,
    "format_id": lambda world, things: things["format"].pk,
    "topic_id": lambda world, things: things["topic"].pk,
    "place_id": lambda world, things: things["place"].pk,
    "suggestion_id": lambda world, things: things["suggestion"].pk,
    "need_id": lambda world, things: things["need"].pk,
    "batch_id": lambda world, things: things["catalogue_import"].pk,
}

API_FRESH_PATH_VALUES = {
    "catalogue_activities_set_status": _fresh_activity,
    "catalogue_rating_save": _fresh_activity,
    "catalogue_formats_delete": lambda world: {
        "format_id": format_save(actor=world.ld_lead, name=_name("Unused format")).pk
    },
    "catalogue_topics_delete": lambda world: {
        "topic_id": topic_save(actor=world.ld_lead, name=_name("Unused topic")).pk
    },
    "catalogue_sessions_cancel": lambda world: {"session_id": make_session(world.organisation).pk},
    "catalogue_places_cancel": lambda world: {"place_id": _place(world).pk},
    "catalogue_places_accept": lambda world: {
        "place_id": _place(world, status=PlaceStatus.OFFERED).pk
    },
    "catalogue_places_decline": lambda world: {
        "place_id": _place(world, status=PlaceStatus.OFFERED).pk
    },
    "catalogue_suggestions_accept": lambda world: {"suggestion_id": _suggestion(world).pk},
    "catalogue_suggestions_decline": lambda world: {"suggestion_id": _suggestion(world).pk},
    "catalogue_needs_delete": lambda world: {"need_id": _need(world).pk},
}


def _new_session(world: object) -> dict[str, object]:
    start = _session_start()
    return {
        "start": start.isoformat(),
        "end": (start + datetime.timedelta(hours=2)).isoformat(),
        "capacity": 12,
        "venue": "County Hall, room 4",
    }


API_BODIES = {
    "catalogue_activities_create": lambda world: {
        "title": _name("Court skills"),
        "format_id": Format.objects.get(organisation=world.organisation, name="Webinar").pk,
        "duration_minutes": 60,
        "delivery_mode": "scheduled",
    },
    "catalogue_activities_update": lambda world: {"summary": "Giving evidence with confidence."},
    "catalogue_activities_set_status": lambda world: {"status": "retired"},
    "catalogue_formats_create": lambda world: {"name": _name("Format")},
    "catalogue_settings_update": lambda world: {"offer_hours": 48},
    "catalogue_imports_create": lambda world: {
        "file": SimpleUploadedFile("catalogue.xlsx", _catalogue_file())
    },
    "catalogue_formats_update": lambda world: {"name": _name("Renamed format")},
    "catalogue_topics_create": lambda world: {"name": _name("Topic")},
    "catalogue_topics_update": lambda world: {"name": _name("Renamed topic")},
    "catalogue_sessions_create": _new_session,
    "catalogue_sessions_update": lambda world: {"capacity": 14},
    "catalogue_sessions_cancel": lambda world: {"reason": "The trainer is ill."},
    "catalogue_reservations_set": lambda world: {"places": 2},
    "catalogue_places_allocate": lambda world: {
        "team_id": world.team_a.pk,
        "person_id": world.practitioner_a.pk,
    },
    "catalogue_rating_save": lambda world: {"usefulness": 4, "would_recommend": True},
    "catalogue_suggestions_create": lambda world: {"kind": "topic", "title": _name("Idea")},
    "catalogue_suggestions_decline": lambda world: {"reason": "Already covered by a course."},
    "catalogue_needs_create": lambda world: {
        "person_id": world.practitioner_a.pk,
        "topic_id": Topic.objects.get(organisation=world.organisation, name="Law and policy").pk,
        "details": "Court work",
    },
    "catalogue_needs_update": lambda world: {"details": "Giving evidence"},
}

# Lists whose query counts tests/learning_catalogue/api/test_catalogue_list_costs_api.py
# asserts flat.
COUNTED_LISTS = {
    path: "test_catalogue_list_query_counts_do_not_grow_with_rows"
    for path in (
        "/catalogue/activities",
        "/catalogue/activities/{activity_id}/sessions",
        "/catalogue/activities/{activity_id}/comments",
        "/catalogue/formats",
        "/catalogue/topics",
        "/catalogue/places",
        "/catalogue/saved",
        "/catalogue/suggestions",
        "/catalogue/needs",
        "/catalogue/recommendations",
    )
}
