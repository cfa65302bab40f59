"""Emails about places on catalogue sessions: a freed place offered to the next person
waiting, and a session cancelled (to everyone booked, offered or waiting).

Composed and sent here; ``learning_catalogue.tasks`` runs them after the change commits. Times
are shown in London time.
"""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.urls import reverse

from integrations.mail import absolute_url, render_text, send_all
from learning_catalogue.models import Session, SessionPlace
from planner.conflicts import london_span


def _render(template: str, context: dict[str, object]) -> str:
    return render_text(f"notify/catalogue/{template}.txt", context)


def place_offered_messages(place: SessionPlace) -> list[EmailMessage]:
    if not place.person.is_active:
        return []
    session = place.session
    context = {
        "recipient": place.person,
        "place": place,
        "activity": session.activity,
        "when": london_span(session.start, session.end),
        "expires": place.offer_expires_at,
        "url": absolute_url(reverse("learning_catalogue:my-places")),
    }
    return [
        EmailMessage(
            subject=f"A place is free for you: {session.activity.title}",
            body=_render("place_offered", context),
            to=[place.person.email],
        )
    ]


def send_place_offered(*, place_id: int) -> int:
    place = (
        SessionPlace.objects.select_related("person", "session__activity")
        .filter(pk=place_id, status="offered")
        .first()
    )
    return send_all(place_offered_messages(place)) if place is not None else 0


def session_cancelled_messages(session: Session, people_ids: list[int]) -> list[EmailMessage]:
    """One message per person told, so nobody sees who else was booked."""
    context = {
        "session": session,
        "activity": session.activity,
        "when": london_span(session.start, session.end),
        "url": absolute_url(reverse("learning_catalogue:activity", args=[session.activity_id])),
    }
    places = (
        session.places.filter(person_id__in=people_ids, person__is_active=True)
        .select_related("person")
        .order_by("person_id")
        .distinct()
    )
    told = {}
    for place in places:
        told.setdefault(place.person_id, place.person)
    return [
        EmailMessage(
            subject=f"Cancelled: {session.activity.title}, {context['when']}",
            body=_render("session_cancelled", {**context, "recipient": person}),
            to=[person.email],
        )
        for person in told.values()
    ]


def send_session_cancelled(*, session_id: int, people_ids: list[int]) -> int:
    session = Session.objects.select_related("activity").filter(pk=session_id).first()
    if session is None:
        return 0
    return send_all(session_cancelled_messages(session, people_ids))
