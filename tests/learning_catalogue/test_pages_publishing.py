"""Publishing through the pages: an activity with field errors, sessions added and cancelled
(everyone told), how long an offered place is held, retired activities, the lists."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.time import LONDON
from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    PlaceStatus,
    SessionPlace,
    Topic,
)
from planner.models import Booking, BookingStatus
from teams.models import AuditEntry
from tests.factories import make_session
from tests.learning_catalogue.catalogue_data import add_activity, fmt, small_catalogue

pytestmark = pytest.mark.django_db


def test_publishing_an_activity_through_its_pages(client, world):
    client.force_login(world.ld_lead)
    url = reverse("learning_catalogue:activity-create")
    bad = client.post(url, {"title": "", "duration_minutes": "0", "cost_per_place": "12.345"})
    assert bad.status_code == 422
    errors = bad.context["form"].errors
    assert {"title", "format", "duration_minutes", "cost_per_place"} <= set(errors)
    assert not Activity.objects.filter(title="").exists()
    topic = Topic.objects.get(organisation=world.organisation, name="Mental health")
    response = client.post(
        url,
        {
            "title": "Hearing voices: a recorded session",
            "format": fmt(world.ld_lead, "Recorded session").pk,
            "topics": [topic.pk],
            "duration_minutes": "50",
            "delivery_mode": "on_demand",
            "provider_kind": "external",
            "provider_name": "Hearing Voices Network",
            "cost_per_place": "0",
            "other_direct_costs": "250.00",
            "link": "https://learning.example/voices",
            "has_captions": "on",
            "audience_career_stages": ["newly_qualified"],
        },
    )
    activity = Activity.objects.get(title="Hearing voices: a recorded session")
    assert response.status_code == 302
    assert activity.status == ActivityStatus.DRAFT
    assert str(activity.other_direct_costs) == "250.00"
    assert list(activity.topics.all()) == [topic]
    client.post(
        reverse("learning_catalogue:activity-status", args=[activity.pk]), {"status": "published"}
    )
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PUBLISHED
    assert AuditEntry.objects.filter(action="activity.published", object_id=str(activity.pk))


def test_adding_and_cancelling_a_session_tells_everyone_booked(
    client, world, django_capture_on_commit_callbacks
):
    activity = add_activity(
        world.ld_lead, "Court skills webinar", format_name="Webinar", mode="scheduled", minutes=60
    )
    client.force_login(world.ld_lead)
    day = timezone.localdate() + datetime.timedelta(days=21)
    response = client.post(
        reverse("learning_catalogue:session-create", args=[activity.pk]),
        {
            "day_day": day.day,
            "day_month": day.month,
            "day_year": day.year,
            "start_time": "10:00",
            "end_time": "11:00",
            "capacity": "2",
            "online_link": "https://meet.example/court",
        },
    )
    assert response.status_code == 302
    session = activity.sessions.get()
    assert session.start.astimezone(LONDON).time() == datetime.time(10, 0)
    for person in (world.practitioner_a, world.practitioner_b, world.practitioner_c):
        client.force_login(person)
        client.post(reverse("learning_catalogue:session-book", args=[session.pk]))
    assert SessionPlace.objects.filter(session=session, status="waiting").count() == 1
    mail.outbox.clear()
    client.force_login(world.ld_lead)
    refused = client.post(reverse("learning_catalogue:session-cancel", args=[session.pk]), {})
    assert refused.status_code == 422
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("learning_catalogue:session-cancel", args=[session.pk]),
            {"reason": "The trainer is ill"},
        )
    session.refresh_from_db()
    assert session.cancelled_at is not None
    told = {
        address
        for message in mail.outbox
        for address in message.to
        if "Cancelled" in message.subject
    }
    assert told == {
        world.practitioner_a.email,
        world.practitioner_b.email,
        world.practitioner_c.email,
    }
    assert not SessionPlace.objects.filter(session=session, status__in=["booked", "waiting"])
    assert set(
        Booking.objects.filter(person__in=[world.practitioner_a, world.practitioner_b]).values_list(
            "status", "cancellation_reason"
        )
    ) == {(BookingStatus.CANCELLED, "provider_cancelled")}


def test_l_and_d_set_how_long_an_offered_place_is_held(client, world):
    client.force_login(world.ld_lead)
    lists = client.get(reverse("learning_catalogue:lists"))
    assert lists.context["settings_form"].initial == {"offer_hours": 24}
    refused = client.post(reverse("learning_catalogue:settings"), {"offer_hours": "0"})
    assert refused.status_code == 422
    client.post(reverse("learning_catalogue:settings"), {"offer_hours": "48"})
    assert world.organisation.catalogue_settings.offer_hours == 48
    assert AuditEntry.objects.filter(action="catalogue_settings.update").count() == 1
    client.force_login(world.manager_a)
    assert (
        client.post(reverse("learning_catalogue:settings"), {"offer_hours": "1"}).status_code == 403
    )


def test_a_retired_activity_stays_on_the_records_of_those_who_took_part(client, world):
    session = make_session(world.organisation)
    SessionPlace.objects.create(
        session=session, person=world.practitioner_a, status=PlaceStatus.BOOKED
    )
    activity = session.activity
    activity.status = ActivityStatus.RETIRED
    activity.save()
    url = reverse("learning_catalogue:activity", args=[activity.pk])
    client.force_login(world.practitioner_a)
    page = client.get(url)
    assert page.status_code == 200
    assert "cannot be booked" in page.text and "Book a place" not in page.text
    assert activity.title in client.get(reverse("learning_catalogue:my-places")).text
    assert activity.title not in client.get(reverse("learning_catalogue:catalogue")).text
    client.force_login(world.practitioner_b)
    assert client.get(url).status_code == 404


def test_an_unknown_list_is_not_found_and_the_manage_page_counts_statuses(client, world):
    small_catalogue(world.ld_lead)
    client.force_login(world.ld_lead)
    assert (
        client.get(
            reverse("learning_catalogue:list-item", kwargs={"kind": "colours", "pk": 1})
        ).status_code
        == 404
    )
    counts = client.get(reverse("learning_catalogue:manage")).context["counts"]
    assert counts == {"draft": 1, "published": 5, "retired": 0}
