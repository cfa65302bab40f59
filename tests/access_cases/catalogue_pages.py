"""Who may open each catalogue page (tests/test_url_permissions.py), with Northshire's things:
a published webinar with a session, Priya's place on it, her learning need and suggestion."""

from __future__ import annotations

from learning_catalogue.imports.catalogue import catalogue_import_batch_create
from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    Format,
    LearningNeed,
    PlaceStatus,
    SessionPlace,
    Suggestion,
    Topic,
)
from tests.access_cases import FORBIDDEN, NOT_FOUND, POST_ONLY, SIGNED_IN, page_expect, same_pk
from tests.factories import make_session
from tests.spreadsheets import xlsx

# Publishing pages with no object of ours in the URL: every L&D lead and org admin, each for
# their own organisation.
PUBLISHERS = page_expect(practitioner=FORBIDDEN, other_manager=FORBIDDEN)
# Publishing pages about one of our objects: other organisations are told it does not exist.
PUBLISHERS_OBJECT = page_expect(practitioner=FORBIDDEN, other_manager=FORBIDDEN, outsider=NOT_FOUND)
# Priya's own things (her needs): hers and her manager's; Ben cannot see her; L&D and admins
# can see her but do not record her needs.
PRIYAS_OWN = page_expect(
    other_manager=NOT_FOUND, ld_lead=FORBIDDEN, org_admin=FORBIDDEN, outsider=NOT_FOUND
)


def _session(world: object) -> int:
    return make_session(world.organisation).pk


def _activity(world: object) -> int:
    return make_session(world.organisation).activity_id


def _place(world: object) -> int:
    session = make_session(world.organisation)
    return SessionPlace.objects.create(
        session=session, person=world.practitioner_a, status=PlaceStatus.BOOKED
    ).pk


def _format(world: object) -> int:
    return Format.objects.filter(organisation=world.organisation).first().pk


def _topic(world: object) -> Topic:
    return Topic.objects.filter(organisation=world.organisation).first()


def _need(world: object) -> int:
    return LearningNeed.objects.create(person=world.practitioner_a, topic=_topic(world)).pk


def _suggestion(world: object) -> int:
    return Suggestion.objects.create(
        organisation=world.organisation,
        suggested_by=world.practitioner_a,
        kind="activity",
        title="A podcast on working with interpreters",
    ).pk


def _draft(world: object) -> int:
    activity = Activity.objects.get(pk=_activity(world))
    activity.status = ActivityStatus.DRAFT
    activity.save()
    return activity.pk


def _catalogue_batch(world: object) -> int:
    headers = ["Title", "Format", "Duration minutes", "Delivery mode"]
    content = xlsx(
        [dict(zip(headers, ["Court skills", "Webinar", 60, "Scheduled sessions"], strict=True))],
        headers=headers,
    )
    return catalogue_import_batch_create(
        actor=world.ld_lead, filename="catalogue.xlsx", content=content
    ).pk


URL_EXPECTATIONS = {
    "learning_catalogue:catalogue-import": PUBLISHERS,
    "learning_catalogue:catalogue-import-template": PUBLISHERS,
    "learning_catalogue:catalogue-export": PUBLISHERS,
    # A file Lena (L&D) uploaded: hers alone.
    "learning_catalogue:catalogue-import-preview": page_expect(
        practitioner=FORBIDDEN, other_manager=FORBIDDEN, org_admin=NOT_FOUND, outsider=NOT_FOUND
    ),
    "learning_catalogue:catalogue": SIGNED_IN,
    "learning_catalogue:activity": page_expect(outsider=NOT_FOUND),
    "learning_catalogue:activity-save": POST_ONLY,
    "learning_catalogue:activity-rate": POST_ONLY,
    "learning_catalogue:my-list": SIGNED_IN,
    "learning_catalogue:my-places": SIGNED_IN,
    # A session's places: L&D and admins see everyone, managers their own people.
    "learning_catalogue:session": page_expect(practitioner=FORBIDDEN, outsider=NOT_FOUND),
    "learning_catalogue:session-book": POST_ONLY,
    "learning_catalogue:reservation-set": POST_ONLY,
    "learning_catalogue:allocate": POST_ONLY,
    "learning_catalogue:place-cancel": POST_ONLY,
    "learning_catalogue:offer-accept": POST_ONLY,
    "learning_catalogue:offer-decline": POST_ONLY,
    "learning_catalogue:manage": PUBLISHERS,
    "learning_catalogue:activity-create": PUBLISHERS,
    # A draft: practitioners are refused before the activity is looked up.
    "learning_catalogue:activity-edit": PUBLISHERS_OBJECT,
    "learning_catalogue:activity-status": POST_ONLY,
    "learning_catalogue:session-create": PUBLISHERS_OBJECT,
    "learning_catalogue:session-edit": PUBLISHERS_OBJECT,
    "learning_catalogue:session-cancel": PUBLISHERS_OBJECT,
    "learning_catalogue:lists": PUBLISHERS,
    "learning_catalogue:list-item-add": POST_ONLY,
    "learning_catalogue:settings": POST_ONLY,
    "learning_catalogue:list-item": PUBLISHERS_OBJECT,
    "learning_catalogue:suggestions": SIGNED_IN,
    "learning_catalogue:suggestion-accept": POST_ONLY,
    "learning_catalogue:suggestion-decline": PUBLISHERS_OBJECT,
    "learning_catalogue:my-needs": SIGNED_IN,
    "learning_catalogue:need-edit": PRIYAS_OWN,
    # Practitioners manage no team; managers see their teams, L&D and admins every team.
    "learning_catalogue:needs-summary": page_expect(practitioner=FORBIDDEN),
    "learning_catalogue:person-needs": PRIYAS_OWN,
}

URL_KWARGS = {
    **same_pk(_catalogue_batch, "learning_catalogue", "catalogue-import-preview"),
    **same_pk(
        _activity,
        "learning_catalogue",
        "activity",
        "activity-save",
        "activity-rate",
        "activity-status",
        "session-create",
    ),
    **same_pk(
        _session,
        "learning_catalogue",
        "session",
        "session-book",
        "reservation-set",
        "session-edit",
        "session-cancel",
    ),
    "learning_catalogue:allocate": {"pk": _session, "team_pk": lambda world: world.team_a.pk},
    **same_pk(_place, "learning_catalogue", "place-cancel", "offer-accept", "offer-decline"),
    **same_pk(_draft, "learning_catalogue", "activity-edit"),
    "learning_catalogue:list-item-add": {"kind": lambda world: "formats"},
    "learning_catalogue:list-item": {"kind": lambda world: "formats", "pk": _format},
    **same_pk(_suggestion, "learning_catalogue", "suggestion-accept", "suggestion-decline"),
    **same_pk(_need, "learning_catalogue", "need-edit"),
    **same_pk(lambda world: world.practitioner_a.pk, "learning_catalogue", "person-needs"),
}
