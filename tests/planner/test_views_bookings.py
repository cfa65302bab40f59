"""Booking pages: a manager books time for their people, a practitioner asks for time in one
step, and the manager approves, declines, confirms, cancels and records attendance, each
through the services, with POST-redirect-GET and messages."""

import datetime

import pytest
from django.urls import reverse

from planner.models import Booking, BookingEvent, BookingStatus
from tests.factories import WorkingPatternFactory, london, make_booking

DAY = datetime.date(2026, 12, 8)  # a Tuesday


@pytest.fixture
def patterns(world):
    for person in (
        world.practitioner_a,
        world.practitioner_a2,
        world.manager_a,
        world.practitioner_b,
    ):
        WorkingPatternFactory(person=person)


def booking_form(person=None, **changes):
    data = {
        "title": "Court skills",
        "purpose": "catalogue",
        "day_day": str(DAY.day),
        "day_month": str(DAY.month),
        "day_year": str(DAY.year),
        "start_time": "09:30",
        "end_time": "12:30",
        "notes": "",
    }
    if person is not None:
        data["person"] = str(person.pk)
    data.update(changes)
    return data


def test_manager_books_time_for_their_practitioner_in_london_time(world, patterns, client):
    client.force_login(world.manager_a)
    response = client.post(reverse("planner:booking-create"), booking_form(world.practitioner_a))
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("planner:booking", args=[booking.pk])
    assert booking.person == world.practitioner_a
    assert booking.start == london(DAY, 9, 30) and booking.end == london(DAY, 12, 30)
    page = client.get(response["Location"])
    assert "Protected time is booked for Priya Practitioner" in page.content.decode()
    assert "09:30 to 12:30" in page.content.decode()


def test_booking_form_errors_are_keyed_by_field(world, patterns, client):
    client.force_login(world.manager_a)
    response = client.post(
        reverse("planner:booking-create"),
        booking_form(title="", start_time="25:00", end_time="", day_day="31", day_month="2"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    for message in (
        "Choose who the time is for.",
        "Enter what the time is for.",
        "The start time must be a time like 09:30 or 14:00.",
        "Enter the end time.",
        "The date must be a real date, like 27 3 2026.",
    ):
        assert message in html
    assert not Booking.objects.exists()


def test_end_before_start_is_refused(world, patterns, client):
    client.force_login(world.manager_a)
    response = client.post(
        reverse("planner:booking-create"),
        booking_form(world.practitioner_a, start_time="14:00", end_time="13:00"),
    )
    assert "The end time must be after the start time." in response.content.decode()
    assert not Booking.objects.exists()


def test_a_manager_cannot_book_for_another_teams_person(world, patterns, client):
    client.force_login(world.manager_a)
    response = client.post(reverse("planner:booking-create"), booking_form(world.practitioner_b))
    assert "Choose someone in your teams." in response.content.decode()
    assert not Booking.objects.exists()
    assert (
        world.practitioner_b.full_name
        not in client.get(reverse("planner:booking-create")).content.decode()
    )


def test_overlapping_time_is_refused_with_the_services_message(world, patterns, client):
    make_booking(world.practitioner_a, DAY, start_hour=9, end_hour=11)
    client.force_login(world.manager_a)
    response = client.post(reverse("planner:booking-create"), booking_form(world.practitioner_a))
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert Booking.objects.count() == 1


def test_practitioner_asks_for_time_in_one_step_and_cannot_approve_it(world, patterns, client):
    client.force_login(world.practitioner_a)
    response = client.post(reverse("planner:booking-request"), booking_form(title="Reading on CSE"))
    booking = Booking.objects.get()
    assert (booking.person, booking.status) == (world.practitioner_a, BookingStatus.REQUESTED)
    assert response["Location"] == reverse("planner:booking", args=[booking.pk])
    assert client.post(reverse("planner:booking-approve", args=[booking.pk])).status_code == 403
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_manager_approves_a_request(world, patterns, client):
    booking = make_booking(world.practitioner_a, DAY, status="requested")
    client.force_login(world.manager_a)
    page = client.get(reverse("planner:booking", args=[booking.pk])).content.decode()
    assert 'action="{}"'.format(reverse("planner:booking-approve", args=[booking.pk])) in page
    response = client.post(reverse("planner:booking-approve", args=[booking.pk]), follow=True)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED
    assert "You have approved Priya Practitioner" in response.content.decode()


def test_declining_needs_a_reason_which_the_person_sees(world, patterns, client):
    booking = make_booking(world.practitioner_a, DAY, status="requested")
    client.force_login(world.manager_a)
    url = reverse("planner:booking-decline", args=[booking.pk])
    assert (
        "Enter why you are declining the request."
        in client.post(url, {"reason": ""}).content.decode()
    )
    client.post(url, {"reason": "Duty week: please choose the week after"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.DECLINED
    client.force_login(world.practitioner_a)
    page = client.get(reverse("planner:booking", args=[booking.pk])).content.decode()
    assert "Duty week: please choose the week after" in page


def test_confirm_with_no_cover_needed_records_the_reason(world, patterns, client):
    booking = make_booking(world.practitioner_a, DAY, status="approved")
    client.force_login(world.manager_a)
    url = reverse("planner:booking-confirm", args=[booking.pk])
    assert "Enter why no cover is needed." in client.post(url, {"reason": ""}).content.decode()
    client.post(url, {"reason": "No visits that morning"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.no_cover_needed_reason == "No visits that morning"


def test_cancel_with_a_reason_and_reschedule(world, patterns, client):
    booking = make_booking(
        world.practitioner_a, DAY, status="confirmed", no_cover_needed_reason="x"
    )
    client.force_login(world.manager_a)
    url = reverse("planner:booking-cancel", args=[booking.pk])
    missing = client.post(url, {"reason": "", "reschedule_day_day": "15"}).content.decode()
    assert "Choose why it is cancelled." in missing
    assert "Enter the new start time." in missing
    response = client.post(
        url,
        {
            "reason": "work_crisis",
            "note": "Child protection strategy meeting",
            "reschedule_day_day": "15",
            "reschedule_day_month": "12",
            "reschedule_day_year": "2026",
            "reschedule_start_time": "09:30",
            "reschedule_end_time": "12:30",
        },
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.cancellation_reason == "work_crisis"
    assert booking.cancelled_by == world.manager_a
    moved = Booking.objects.get(rescheduled_from=booking)
    assert moved.start == london(datetime.date(2026, 12, 15), 9, 30)
    page = client.get(reverse("planner:booking", args=[booking.pk])).content.decode()
    assert "Work crisis" in page and "Rebooked to" in page


def test_practitioner_withdraws_their_own_booking(world, patterns, client):
    booking = make_booking(world.practitioner_a, DAY, status="requested")
    client.force_login(world.practitioner_a)
    client.post(reverse("planner:booking-cancel", args=[booking.pk]), {"reason": "personal"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_record_attendance_part_needs_minutes(world, patterns, client):
    booking = make_booking(
        world.practitioner_a,
        datetime.date(2026, 1, 6),
        status="confirmed",
        no_cover_needed_reason="x",
    )
    client.force_login(world.manager_a)
    url = reverse("planner:booking-attendance", args=[booking.pk])
    html = client.post(url, {"outcome": "partly_attended"}).content.decode()
    assert "Enter how many minutes they attended." in html
    client.post(url, {"outcome": "partly_attended", "attended_minutes": "90"})
    booking.refresh_from_db()
    assert (booking.status, booking.attended_minutes) == (BookingStatus.PARTLY_ATTENDED, 90)


def test_the_booking_page_shows_its_whole_history(world, patterns, client):
    client.force_login(world.practitioner_a)
    client.post(reverse("planner:booking-request"), booking_form())
    booking = Booking.objects.get()
    client.force_login(world.manager_a)
    client.post(reverse("planner:booking-approve", args=[booking.pk]))
    client.post(
        reverse("planner:booking-cancel", args=[booking.pk]),
        {"reason": "court", "note": "Final hearing"},
    )
    assert BookingEvent.objects.filter(booking=booking).count() >= 3
    page = client.get(reverse("planner:booking", args=[booking.pk])).content.decode()
    history = page[page.index("History") :]
    assert history.index("Requested") < history.index("Approved") < history.index("Cancelled")
    assert "Maya Manager" in history and "Priya Practitioner" in history


def test_other_teams_managers_get_404_and_readers_403_on_decisions(world, patterns, client):
    booking = make_booking(world.practitioner_a, DAY, status="requested")
    client.force_login(world.manager_b)
    assert client.post(reverse("planner:booking-approve", args=[booking.pk])).status_code == 404
    client.force_login(world.ld_lead)
    assert client.post(reverse("planner:booking-approve", args=[booking.pk])).status_code == 403
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED
