"""Emails about protected time: a booking requested (to the person's managers), approved,
declined or cancelled (to the person), and cover requested (to the colleague).

Each email has an absolute link (``settings.SITE_URL``) to the page where the reader acts. They
are composed here and sent through ``integrations.mail``; ``planner.tasks`` runs this in the
task framework after the change commits. Times are shown in London time. Who is told of a
request is ``planner.access.deciders_for``.
"""

from __future__ import annotations

from enum import StrEnum

from django.core.mail import EmailMessage
from django.urls import reverse

from integrations.mail import absolute_url, render_text, send_all
from planner.access import deciders_for
from planner.conflicts import london_span
from planner.models import Booking, CoverAssignment, CoverDuty
from teams.models import Person


class BookingNotice(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"


def _recipients(notice: BookingNotice, booking: Booking) -> list[Person]:
    if notice is BookingNotice.REQUESTED:
        return deciders_for(booking.person)
    if notice is BookingNotice.CANCELLED and booking.cancelled_by_id == booking.person_id:
        # The person withdrew it themselves: tell whoever planned around it.
        return deciders_for(booking.person)
    return [booking.person] if booking.person.is_active else []


SUBJECTS = {
    BookingNotice.REQUESTED: "{person} has asked for protected time: {title}",
    BookingNotice.APPROVED: "Protected time approved: {title}",
    BookingNotice.DECLINED: "Protected time declined: {title}",
    BookingNotice.CANCELLED: "Protected time cancelled: {title}",
}


def _render(template: str, context: dict[str, object]) -> str:
    return render_text(f"notify/planner/{template}.txt", context)


def booking_notice_messages(notice: BookingNotice, booking: Booking) -> list[EmailMessage]:
    """One message per recipient, so nobody sees who else was told."""
    messages = []
    for recipient in _recipients(notice, booking):
        context = {
            "recipient": recipient,
            "booking": booking,
            "when": london_span(booking.start, booking.end),
            "booked_by_manager": booking.requested_by_id not in (None, booking.person_id),
            "url": absolute_url(reverse("planner:booking", args=[booking.pk])),
        }
        messages.append(
            EmailMessage(
                subject=SUBJECTS[notice].format(person=booking.person, title=booking.title),
                body=_render(f"booking_{notice.value}", context),
                to=[recipient.email],
            )
        )
    return messages


def send_booking_notice(*, notice: BookingNotice, booking_id: int) -> int:
    booking = (
        Booking.objects.select_related("person", "requested_by", "decided_by", "cancelled_by")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None:
        return 0
    return send_all(booking_notice_messages(notice, booking))


def cover_request_messages(assignment: CoverAssignment) -> list[EmailMessage]:
    colleague = assignment.colleague
    # A manager who puts themselves on cover needs no email about it.
    if not colleague.is_active or colleague.pk == assignment.assigned_by_id:
        return []
    labels = dict(CoverDuty.choices)
    context = {
        "recipient": colleague,
        "assignment": assignment,
        "booking": assignment.booking,
        "when": london_span(assignment.start, assignment.end),
        "duties": [labels.get(duty, duty) for duty in assignment.duties],
        "url": absolute_url(reverse("planner:my-time")),
    }
    return [
        EmailMessage(
            subject=f"Please cover for {assignment.booking.person}: {context['when']}",
            body=_render("cover_requested", context),
            to=[colleague.email],
        )
    ]


def send_cover_request(*, assignment_id: int) -> int:
    assignment = (
        CoverAssignment.objects.select_related("colleague", "booking__person", "assigned_by")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None:
        return 0
    return send_all(cover_request_messages(assignment))
