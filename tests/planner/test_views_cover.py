"""Cover pages: the manager is shown every conflict and either chooses another colleague or
assigns anyway with a reason; the colleague acknowledges from "My protected time"."""

import datetime

import pytest
from django.urls import reverse

from planner.models import CoverAssignment, CoverStatus
from tests.factories import WorkingPatternFactory, make_absence, make_booking, make_cover

DAY = datetime.date(2026, 12, 8)  # a Tuesday


@pytest.fixture
def booking(world):
    for person in (world.practitioner_a, world.practitioner_a2, world.manager_a):
        WorkingPatternFactory(person=person)
    # Alex is on leave that day.
    make_absence(world.practitioner_a2, DAY, DAY)
    return make_booking(world.practitioner_a, DAY, status="approved")


def cover_form(colleague, **changes):
    data = {"colleague": str(colleague.pk), "duties": ["duty", "phone_and_email"]}
    data.update(changes)
    return data


def test_a_conflict_is_shown_and_nothing_is_assigned(world, client, booking):
    client.force_login(world.manager_a)
    response = client.post(
        reverse("planner:booking-cover", args=[booking.pk]), cover_form(world.practitioner_a2)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Alex Amari has 1 conflict" in html
    assert "absent" in html.lower()
    assert 'name="assign_anyway"' in html
    assert not CoverAssignment.objects.exists()


def test_assign_anyway_needs_a_reason_and_records_it(world, client, booking):
    client.force_login(world.manager_a)
    url = reverse("planner:booking-cover", args=[booking.pk])
    refused = client.post(url, {**cover_form(world.practitioner_a2), "assign_anyway": "1"})
    assert "Enter why the colleague should cover despite the conflicts." in refused.content.decode()
    assert not CoverAssignment.objects.exists()
    response = client.post(
        url,
        {
            **cover_form(world.practitioner_a2),
            "assign_anyway": "1",
            "accept_conflicts_reason": "Back from leave at noon; phone only",
        },
    )
    assert response["Location"] == reverse("planner:booking", args=[booking.pk])
    cover = CoverAssignment.objects.get()
    assert cover.colleague == world.practitioner_a2
    assert (
        cover.conflicts and cover.conflicts_accepted_reason == "Back from leave at noon; phone only"
    )


def test_choosing_a_colleague_without_conflicts_assigns_straight_away(world, client, booking):
    client.force_login(world.manager_a)
    response = client.post(
        reverse("planner:booking-cover", args=[booking.pk]),
        cover_form(world.manager_a, duties=["case_list"], case_list_reference="CL-2291"),
    )
    assert response.status_code == 302
    cover = CoverAssignment.objects.get()
    assert (cover.colleague, cover.duties, cover.case_list_reference) == (
        world.manager_a,
        ["case_list"],
        "CL-2291",
    )
    page = client.get(response["Location"]).content.decode()
    assert "Maya Manager has been asked to cover." in page


def test_a_case_list_needs_its_reference_and_a_duty_must_be_chosen(world, client, booking):
    client.force_login(world.manager_a)
    url = reverse("planner:booking-cover", args=[booking.pk])
    html = client.post(url, cover_form(world.manager_a, duties=["case_list"])).content.decode()
    assert "Enter the reference of the case list." in html
    html = client.post(url, {"colleague": str(world.manager_a.pk)}).content.decode()
    assert "Choose at least one thing they cover." in html
    html = client.post(url, cover_form(world.practitioner_b)).content.decode()
    assert "Choose a colleague in your teams." in html
    assert not CoverAssignment.objects.exists()


def test_the_colleague_acknowledges_from_my_protected_time(world, client, booking):
    cover = make_cover(booking, world.manager_a)
    client.force_login(world.manager_a)
    page = client.get(reverse("planner:my-time")).content.decode()
    assert "Cover you have been asked to give" in page and "Priya Practitioner" in page
    response = client.post(reverse("planner:cover-acknowledge", args=[cover.pk]))
    assert response["Location"] == reverse("planner:my-time")
    cover.refresh_from_db()
    assert cover.status == CoverStatus.ACKNOWLEDGED


def test_nobody_else_acknowledges_someone_elses_cover(world, client, booking):
    cover = make_cover(booking, world.manager_a)
    client.force_login(world.practitioner_a)
    assert client.post(reverse("planner:cover-acknowledge", args=[cover.pk])).status_code == 404
    cover.refresh_from_db()
    assert cover.status == CoverStatus.ASKED


def test_the_manager_withdraws_cover(world, client, booking):
    cover = make_cover(booking, world.manager_a)
    client.force_login(world.manager_a)
    client.post(reverse("planner:cover-withdraw", args=[booking.pk, cover.pk]))
    cover.refresh_from_db()
    assert cover.status == CoverStatus.WITHDRAWN
