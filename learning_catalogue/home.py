"""The catalogue's part of the home page: a freed place waiting for the person to take (with
its deadline), and their next session."""

from __future__ import annotations

from django.utils import timezone

from learning_catalogue.models import PlaceStatus, SessionPlace
from teams.models import Person


def home_panels(user: Person) -> list[tuple[str, dict[str, object]]]:
    now = timezone.now()
    places = SessionPlace.objects.filter(
        person=user, session__end__gt=now, session__cancelled_at=None
    ).select_related("session__activity")
    # An offer past its time is passing on (the worker or the next booking ends it).
    offers = list(
        places.filter(status=PlaceStatus.OFFERED, offer_expires_at__gt=now).order_by(
            "offer_expires_at"
        )[:5]
    )
    upcoming = places.filter(status=PlaceStatus.BOOKED).order_by("session__start").first()
    return [
        (
            "learning_catalogue/_home_panel.html",
            {"offers": offers, "upcoming": upcoming},
        )
    ]
