"""The catalogue's rules, service by service: the publishing workflow and editable lists,
sessions (times, capacity, reservations, cancellation), offers expiring on their own and by
the task worker, ratings after taking part, suggestions and needs."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.utils import timezone

from core.time import LONDON
from learning_catalogue.models import (
    ActivityStatus,
    Format,
    LearningNeed,
    PlaceStatus,
    SessionPlace,
    Topic,
)
from learning_catalogue.search import search
from learning_catalogue.services import activities, feedback, sessions
from learning_catalogue.services import needs as need_services
from learning_catalogue.services import places as place_services
from learning_catalogue.services import suggestions as suggestion_services
from learning_catalogue.tasks import expire_offers
from teams.models import AuditEntry, Organisation
from tests.factories import make_session
from tests.learning_catalogue.catalogue_data import add_activity, fmt, topic

pytestmark = pytest.mark.django_db


def test_every_new_organisation_starts_with_the_formats_and_topics(world):
    organisation = Organisation.objects.create(name="Eastshire", slug="eastshire")
    assert Format.objects.filter(organisation=organisation).count() == 17
    assert Topic.objects.filter(organisation=organisation, name="Anti-racist practice").exists()


def test_only_publishers_change_the_catalogue(world):
    with pytest.raises(PermissionDenied):
        add_activity(world.practitioner_a, "Not mine to add")
    with pytest.raises(PermissionDenied):
        activities.topic_save(actor=world.manager_a, name="Hoarding")


def test_the_workflow_moves_draft_published_retired(world):
    activity = add_activity(world.ld_lead, "Recorded: the Care Act in practice", publish=False)
    with pytest.raises(ValidationError, match="cannot become retired"):
        activities.activity_set_status(actor=world.ld_lead, activity=activity, status="retired")
    activities.activity_set_status(actor=world.ld_lead, activity=activity, status="published")
    activity.refresh_from_db()
    published_at = activity.published_at
    assert published_at is not None
    activities.activity_set_status(actor=world.ld_lead, activity=activity, status="retired")
    activities.activity_set_status(actor=world.ld_lead, activity=activity, status="published")
    activity.refresh_from_db()
    assert (activity.status, activity.published_at) == (ActivityStatus.PUBLISHED, published_at)
    assert list(
        AuditEntry.objects.filter(object_id=str(activity.pk), object_type="activity")
        .order_by("pk")
        .values_list("action", flat=True)
    ) == [
        "activity.create",
        "activity.published",
        "activity.retired",
        "activity.published",
    ]


def test_an_on_demand_activity_needs_somewhere_to_find_it_before_publishing(world):
    activity = activities.activity_save(
        actor=world.ld_lead,
        values={
            "title": "Untitled podcast",
            "format": fmt(world.ld_lead, "Podcast"),
            "duration_minutes": 20,
            "delivery_mode": "on_demand",
        },
    )
    with pytest.raises(ValidationError) as refused:
        activities.activity_set_status(actor=world.ld_lead, activity=activity, status="published")
    assert "link" in refused.value.message_dict


def test_activity_fields_are_all_checked_before_anything_is_written(world):
    with pytest.raises(ValidationError) as refused:
        activities.activity_save(
            actor=world.ld_lead,
            values={
                "title": "",
                "format": fmt(world.ld_lead, "Podcast"),
                "duration_minutes": 0,
                "delivery_mode": "telepathy",
                "audience_career_stages": ["wizard"],
            },
        )
    assert {"title", "duration_minutes", "delivery_mode", "audience_career_stages"} <= set(
        refused.value.message_dict
    )
    outsider_format = Format.objects.filter(organisation=world.other_organisation).first()
    with pytest.raises(ValidationError, match="your organisation"):
        activities.activity_save(
            actor=world.ld_lead,
            values={
                "title": "Borrowed",
                "format": outsider_format,
                "duration_minutes": 10,
                "delivery_mode": "on_demand",
            },
        )
    assert not AuditEntry.objects.filter(action="activity.create").exists()


def test_renaming_a_topic_keeps_search_right_and_topics_in_use_stay(world):
    activity = add_activity(world.ld_lead, "Listening podcast", topics=("Mental health",))
    mental_health = topic(world.ld_lead, "Mental health")
    activities.topic_save(actor=world.ld_lead, item=mental_health, name="Mental wellbeing")
    found = search(type(activity).objects.all(), "wellbeing")
    assert list(found) == [activity]
    with pytest.raises(ValidationError, match="already a topic"):
        activities.topic_save(actor=world.ld_lead, name="mental WELLBEING")
    with pytest.raises(ValidationError, match="rename it instead"):
        activities.list_item_delete(actor=world.ld_lead, item=mental_health)
    unused = activities.topic_save(actor=world.ld_lead, name="Hoarding")
    activities.list_item_delete(actor=world.ld_lead, item=unused)
    assert not Topic.objects.filter(name="Hoarding").exists()


def _future(days: int, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, 0))


def test_sessions_check_times_places_and_delivery(world):
    webinar = add_activity(world.ld_lead, "Webinar", format_name="Webinar", mode="scheduled")
    podcast = add_activity(world.ld_lead, "Podcast")
    with pytest.raises(ValidationError) as refused:
        sessions.session_save(
            actor=world.ld_lead,
            activity=podcast,
            start=_future(5, 11),
            end=_future(5, 10),
            capacity=0,
            booking_deadline=_future(6),
        )
    assert {"activity", "end", "capacity", "venue", "booking_deadline"} <= set(
        refused.value.message_dict
    )
    session = sessions.session_save(
        actor=world.ld_lead,
        activity=webinar,
        start=_future(5, 10),
        end=_future(5, 11),
        capacity=2,
        venue="Room 1",
    )
    # Naive times are London times, stored in UTC.
    assert timezone.localtime(session.start).hour == 10
    place = place_services.place_book(actor=world.practitioner_a, session=session)
    sessions.reservation_set(actor=world.ld_lead, session=session, team=world.team_b, places=1)
    with pytest.raises(ValidationError, match="Only 0 places"):
        sessions.reservation_set(actor=world.ld_lead, session=session, team=world.team_c, places=1)
    with pytest.raises(ValidationError, match="capacity cannot be lower"):
        sessions.session_save(
            actor=world.ld_lead,
            activity=webinar,
            session=session,
            start=_future(5, 10),
            end=_future(5, 11),
            capacity=1,
            venue="Room 1",
        )
    assert place.status == PlaceStatus.BOOKED


def test_freeing_a_teams_reservation_offers_the_seat_to_the_waiting_list(world):
    session = make_session(world.organisation, capacity=1)
    sessions.reservation_set(actor=world.ld_lead, session=session, team=world.team_a, places=1)
    waiting = place_services.place_book(actor=world.practitioner_b, session=session)
    assert waiting.status == PlaceStatus.WAITING
    sessions.reservation_set(actor=world.ld_lead, session=session, team=world.team_a, places=0)
    waiting.refresh_from_db()
    assert waiting.status == PlaceStatus.OFFERED


def test_an_expired_offer_passes_on_when_anyone_next_touches_the_session(world):
    session = make_session(world.organisation, capacity=1)
    holder = place_services.place_book(actor=world.practitioner_a, session=session)
    first = place_services.place_book(actor=world.practitioner_a2, session=session)
    second = place_services.place_book(actor=world.practitioner_b, session=session)
    place_services.place_cancel(actor=world.practitioner_a, place=holder)
    first.refresh_from_db()
    assert first.status == PlaceStatus.OFFERED
    later = first.offer_expires_at + datetime.timedelta(minutes=1)
    # No worker ran: Chris booking after the offer ran out still finds the queue moved on.
    late = place_services.place_book(actor=world.practitioner_c, session=session, now=later)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status, late.status) == (
        PlaceStatus.EXPIRED,
        PlaceStatus.OFFERED,
        PlaceStatus.WAITING,
    )
    assert AuditEntry.objects.filter(action="session_place.expire", object_id=str(first.pk))
    assert AuditEntry.objects.filter(action="session_place.offer", object_id=str(second.pk))


def test_offers_expire_by_the_task_worker_at_their_time(world, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    session = make_session(world.organisation, capacity=1)
    holder = place_services.place_book(actor=world.practitioner_a, session=session)
    waiting = place_services.place_book(actor=world.practitioner_b, session=session)
    backend = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=backend), django_capture_on_commit_callbacks(execute=True):
        place_services.place_cancel(actor=world.practitioner_a, place=holder)
    waiting.refresh_from_db()
    queued = DBTaskResult.objects.get(task_path=expire_offers.module_path)
    assert queued.run_after == waiting.offer_expires_at
    assert place_services.offers_expire(now=waiting.offer_expires_at) == 0
    assert (
        place_services.offers_expire(now=waiting.offer_expires_at + datetime.timedelta(seconds=1))
        == 1
    )


def test_declining_an_offer_passes_it_on(world):
    session = make_session(world.organisation, capacity=1)
    holder = place_services.place_book(actor=world.practitioner_a, session=session)
    first = place_services.place_book(actor=world.practitioner_a2, session=session)
    second = place_services.place_book(actor=world.practitioner_b, session=session)
    place_services.place_cancel(actor=world.practitioner_a, place=holder)
    with pytest.raises(PermissionDenied):
        place_services.offer_decline(actor=world.practitioner_b, place=first)
    place_services.offer_decline(actor=world.practitioner_a2, place=first)
    second.refresh_from_db()
    assert second.status == PlaceStatus.OFFERED


def test_a_place_stands_when_the_planner_refuses_overlapping_time(world):
    session = make_session(world.organisation)
    first = place_services.place_book(actor=world.practitioner_a, session=session)
    assert first.protected_time is not None
    other = make_session(world.organisation)
    other.start, other.end = session.start, session.end
    other.save()
    second = place_services.place_book(actor=world.practitioner_a, session=other)
    assert second.status == PlaceStatus.BOOKED
    assert second.protected_time is None


def test_ratings_come_after_taking_part(world):
    session = make_session(world.organisation)
    activity = session.activity
    with pytest.raises(ValidationError, match="once you have attended"):
        feedback.rating_save(
            actor=world.practitioner_a, activity=activity, usefulness=5, would_recommend=True
        )
    SessionPlace.objects.create(
        session=session, person=world.practitioner_a, status=PlaceStatus.BOOKED
    )
    session.start = timezone.now() - datetime.timedelta(days=2)
    session.end = session.start + datetime.timedelta(hours=1)
    session.save()
    with pytest.raises(ValidationError) as refused:
        feedback.rating_save(
            actor=world.practitioner_a, activity=activity, usefulness=6, would_recommend="yes"
        )
    assert set(refused.value.message_dict) == {"usefulness", "would_recommend"}
    rating = feedback.rating_save(
        actor=world.practitioner_a, activity=activity, usefulness=5, would_recommend=True
    )
    again = feedback.rating_save(
        actor=world.practitioner_a, activity=activity, usefulness=3, would_recommend=False
    )
    assert again.pk == rating.pk and again.usefulness == 3


def test_accepting_an_activity_suggestion_makes_a_draft(world):
    suggestion = suggestion_services.suggestion_create(
        actor=world.practitioner_a,
        kind="activity",
        title="Interpreters in assessments",
        details="A short podcast",
        topic=topic(world.ld_lead, "Assessment and analysis"),
    )
    with pytest.raises(PermissionDenied):
        suggestion_services.suggestion_accept(actor=world.manager_a, suggestion=suggestion)
    accepted = suggestion_services.suggestion_accept(actor=world.ld_lead, suggestion=suggestion)
    draft = accepted.activity
    assert (draft.status, draft.title, draft.summary) == (
        ActivityStatus.DRAFT,
        "Interpreters in assessments",
        "A short podcast",
    )
    assert [t.name for t in draft.topics.all()] == ["Assessment and analysis"]
    with pytest.raises(ValidationError, match="already accepted"):
        suggestion_services.suggestion_decline(
            actor=world.ld_lead, suggestion=suggestion, reason="No"
        )


def test_needs_belong_to_the_person_and_their_manager(world):
    mental_health = topic(world.ld_lead, "Mental health")
    need = need_services.need_save(
        actor=world.practitioner_a, person=world.practitioner_a, topic=mental_health
    )
    with pytest.raises(ValidationError, match="Your manager agrees"):
        need_services.need_save(
            actor=world.practitioner_a,
            need=need,
            person=world.practitioner_a,
            topic=mental_health,
            agreed=True,
        )
    for stranger in (world.manager_b, world.ld_lead, world.practitioner_a2):
        with pytest.raises(PermissionDenied):
            need_services.need_save(
                actor=stranger, need=need, person=need.person, topic=mental_health
            )
    need_services.need_save(
        actor=world.manager_a, need=need, person=need.person, topic=mental_health, agreed=True
    )
    need.refresh_from_db()
    assert need.status == "agreed"
    need_services.need_save(
        actor=world.practitioner_a,
        need=need,
        person=need.person,
        topic=mental_health,
        details="More",
    )
    need.refresh_from_db()
    assert (need.status, need.agreed_by) == ("proposed", None)
    need_services.need_delete(actor=world.manager_a, need=need)
    assert not LearningNeed.objects.exists()


def test_a_session_people_have_places_on_keeps_its_times(world):
    webinar = add_activity(world.ld_lead, "Webinar", format_name="Webinar", mode="scheduled")
    times = {"start": _future(5, 10), "end": _future(5, 11), "capacity": 3, "venue": "Room 1"}
    session = sessions.session_save(actor=world.ld_lead, activity=webinar, **times)
    moved = {**times, "start": _future(6, 10), "end": _future(6, 11)}
    assert sessions.session_save(
        actor=world.ld_lead, activity=webinar, session=session, **moved
    ).start == timezone.make_aware(_future(6, 10), LONDON).astimezone(datetime.UTC)
    place_services.place_book(actor=world.practitioner_a, session=session)
    with pytest.raises(ValidationError) as refused:
        sessions.session_save(actor=world.ld_lead, activity=webinar, session=session, **times)
    assert "start" in refused.value.message_dict
    bigger = sessions.session_save(
        actor=world.ld_lead, activity=webinar, session=session, **{**moved, "capacity": 5}
    )
    assert bigger.capacity == 5
