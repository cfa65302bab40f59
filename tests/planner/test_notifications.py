"""Planner emails: one per event, queued through the task framework after the change commits,
never sent for a change that rolled back, each with a link to act."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.tasks import task_backends

from planner.models import BookingPurpose
from planner.services import bookings as booking_services
from planner.services import cancellation as cancellation_services
from planner.services import cover as cover_services
from tests.factories import WorkingPatternFactory, london

DAY = datetime.date(2026, 12, 8)  # a Tuesday


@pytest.fixture
def patterns(world):
    for person in (world.practitioner_a, world.practitioner_a2, world.manager_a):
        WorkingPatternFactory(person=person)


def ask(world, **changes):
    fields = {
        "actor": world.practitioner_a,
        "person": world.practitioner_a,
        "start": london(DAY, 9, 30),
        "end": london(DAY, 12, 30),
        "title": "Court skills",
        "purpose": BookingPurpose.CATALOGUE,
    }
    fields.update(changes)
    return booking_services.booking_request(**fields)


def test_each_booking_event_sends_one_email_to_the_right_person(
    world, patterns, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = ask(world)
    assert [message.to for message in mail.outbox] == [[world.manager_a.email]]
    requested = mail.outbox[0]
    assert requested.subject == "Priya Practitioner has asked for protected time: Court skills"
    assert f"/protected-time/bookings/{booking.pk}/" in requested.body
    assert "Tuesday 8 December 2026, 09:30 to 12:30" in requested.body

    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_approve(actor=world.manager_a, booking=booking)
    with django_capture_on_commit_callbacks(execute=True):
        cancellation_services.booking_cancel(
            actor=world.manager_a, booking=booking, reason="work_crisis", note="Strategy meeting"
        )
    assert [message.subject for message in mail.outbox[1:]] == [
        "Protected time approved: Court skills",
        "Protected time cancelled: Court skills",
    ]
    assert all(message.to == [world.practitioner_a.email] for message in mail.outbox[1:])
    assert "Work crisis" in mail.outbox[2].body


def test_a_declined_request_tells_the_person_why(
    world, patterns, django_capture_on_commit_callbacks
):
    booking = ask(world)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_decline(
            actor=world.manager_a, booking=booking, reason="Duty week, choose another"
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Protected time declined: Court skills"
    assert "Duty week, choose another" in mail.outbox[0].body


def test_the_colleague_asked_to_cover_gets_one_email_with_a_link(
    world, patterns, django_capture_on_commit_callbacks
):
    booking = ask(world, actor=world.manager_a)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cover_services.cover_assign(
            actor=world.manager_a,
            booking=booking,
            colleague=world.practitioner_a2,
            duties=["duty", "case_list"],
            case_list_reference="CL-7",
        )
    assert [message.to for message in mail.outbox] == [[world.practitioner_a2.email]]
    assert mail.outbox[0].subject.startswith("Please cover for Priya Practitioner")
    assert "/protected-time/mine/" in mail.outbox[0].body
    assert "CL-7" in mail.outbox[0].body


def test_nothing_is_sent_for_a_change_that_rolls_back(
    world, patterns, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        ask(world)
        raise RuntimeError("the page failed after the booking was written")
    assert callbacks == []
    assert mail.outbox == []


def test_a_refused_change_sends_nothing(world, patterns, django_capture_on_commit_callbacks):
    ask(world)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        ask(world)  # overlaps the first
    assert mail.outbox == []


def test_emails_are_queued_as_tasks_not_sent_in_the_request(
    world, patterns, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    with django_capture_on_commit_callbacks(execute=True):
        booking = ask(world)
    assert mail.outbox == []
    [queued] = backend.results
    assert queued.task.name == "send_booking_notice"
    assert queued.kwargs == {"notice": "requested", "booking_id": booking.pk}
    # The worker runs it later, reading the booking as it is then.
    assert queued.task.call(**queued.kwargs) == 1
    assert len(mail.outbox) == 1
