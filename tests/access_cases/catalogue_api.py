"""Who may call each learning catalogue operation (tests/api/test_api_permission_matrix.py),
with our organisation's things: a published activity, a format and a topic of our own."""

from __future__ import annotations

import itertools

from learning_catalogue.models import (
    DeliveryMode,
    Format,
)
from learning_catalogue.services.activities import format_save, topic_save
from tests.access_cases import (
    CREATED,
    FORBIDDEN,
    NO_CONTENT,
    NOT_FOUND,
    OK,
    api_expect,
    everyone,
)
from tests.learning_catalogue.catalogue_data import add_activity

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
PUBLISH = api_expect(
    practitioner=FORBIDDEN,
    other_manager=FORBIDDEN,
    ld_lead=OK,
    org_admin=OK,
    outsider=NOT_FOUND,
)
# Adding to one's own organisation's lists: any L&D lead or org admin, the outsider included.
PUBLISHERS_CREATE = api_expect(
    practitioner=FORBIDDEN,
    other_manager=FORBIDDEN,
    ld_lead=CREATED,
    org_admin=CREATED,
    outsider=CREATED,
)


def _name(kind: str) -> str:
    return f"{kind} {next(_unique)}"


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
        "format": format_save(actor=world.ld_lead, name="Matrix format"),
        "topic": topic_save(actor=world.ld_lead, name="Matrix topic"),
    }


def _fresh_activity(world: object) -> dict[str, int]:
    """Published and on demand, ready to retire."""
    return {"activity_id": add_activity(world.ld_lead, _name("On demand")).pk}


API_THINGS = _things

API_EXPECTATIONS = {
    "catalogue_activities_list": everyone(OK),
    "catalogue_activities_get": READ,
    # The body names one of our formats, which the outsider cannot see.
    "catalogue_activities_create": {**PUBLISHERS_CREATE, "outsider": NOT_FOUND},
    "catalogue_activities_update": PUBLISH,
    "catalogue_activities_set_status": PUBLISH,
    "catalogue_formats_list": everyone(OK),
    "catalogue_formats_create": PUBLISHERS_CREATE,
    "catalogue_formats_update": PUBLISH,
    "catalogue_formats_delete": {**PUBLISH, "ld_lead": NO_CONTENT, "org_admin": NO_CONTENT},
    "catalogue_topics_list": everyone(OK),
    "catalogue_topics_create": PUBLISHERS_CREATE,
    "catalogue_topics_update": PUBLISH,
    "catalogue_topics_delete": {**PUBLISH, "ld_lead": NO_CONTENT, "org_admin": NO_CONTENT},
}

API_PATH_VALUES = {
    "activity_id": lambda world, things: things["activity"].pk,
    "format_id": lambda world, things: things["format"].pk,
    "topic_id": lambda world, things: things["topic"].pk,
}

API_FRESH_PATH_VALUES = {
    "catalogue_activities_set_status": _fresh_activity,
    "catalogue_formats_delete": lambda world: {
        "format_id": format_save(actor=world.ld_lead, name=_name("Unused format")).pk
    },
    "catalogue_topics_delete": lambda world: {
        "topic_id": topic_save(actor=world.ld_lead, name=_name("Unused topic")).pk
    },
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
    "catalogue_formats_update": lambda world: {"name": _name("Renamed format")},
    "catalogue_topics_create": lambda world: {"name": _name("Topic")},
    "catalogue_topics_update": lambda world: {"name": _name("Renamed topic")},
}

# Lists whose query counts tests/api/test_catalogue_api.py asserts flat.
COUNTED_LISTS = {
    path: "test_catalogue_list_query_counts_do_not_grow_with_rows"
    for path in (
        "/catalogue/activities",
        "/catalogue/formats",
        "/catalogue/topics",
    )
}
