"""Catalogue rows for tests, written directly so a test sets up any situation in a few lines."""

from __future__ import annotations

import datetime

from django.utils import timezone

from learning_catalogue.models import Activity, ActivityStatus, DeliveryMode, Format, Session
from teams.models import Organisation


def make_session(
    organisation: Organisation, *, capacity: int = 10, status: str = ActivityStatus.PUBLISHED
) -> Session:
    webinar, _created = Format.objects.get_or_create(organisation=organisation, name="Webinar")
    activity = Activity.objects.create(
        organisation=organisation,
        title="Contextual safeguarding webinar",
        format=webinar,
        duration_minutes=90,
        delivery_mode=DeliveryMode.SCHEDULED,
        status=status,
    )
    start = timezone.now() + datetime.timedelta(days=14)
    return Session.objects.create(
        activity=activity,
        start=start,
        end=start + datetime.timedelta(minutes=90),
        online_link="https://example.org/webinar",
        capacity=capacity,
    )
