"""The protected time API: the same journey as the pages (ask, approve, cover with a conflict,
confirm, cancel with a reason), the same permissions, one error shape, flat query counts."""

import datetime

import pytest

from planner.models import Booking, BookingStatus, CoverAssignment
from tests.factories import WorkingPatternFactory, london, make_absence, make_booking, make_cover
from tests.support import error_of, ids

DAY = datetime.date(2026, 12, 8)  # a Tuesday


@pytest.fixture
def patterns(world):
    for person in (world.practitioner_a, world.practitioner_a2, world.manager_a):
        WorkingPatternFactory(person=person)


def request_body(**changes):
    body = {
        "start": "2026-12-08T09:30:00",
        "end": "2026-12-08T12:30:00",
        "title": "Court skills",
        "purpose": "catalogue",
    }
    body.update(changes)
    return body


def test_the_whole_journey_through_the_api(api, world, patterns):
    asked = api.as_(world.practitioner_a).post("/bookings", request_body())
    assert asked.status_code == 201, asked.content
    booking = asked.json()
    # A time without an offset is London time: 09:30 GMT in December.
    assert booking["start"].startswith("2026-12-08T09:30:00")
    assert (booking["status"], booking["person"]["id"]) == ("requested", world.practitioner_a.pk)
    assert api.post(f"/bookings/{booking['id']}/approve").status_code == 403

    api.as_(world.manager_a)
    assert api.post(f"/bookings/{booking['id']}/approve").json()["status"] == "approved"
    make_absence(world.practitioner_a2, DAY, DAY)
    conflicts = api.get(f"/bookings/{booking['id']}/cover-conflicts/{world.practitioner_a2.pk}")
    assert [item["kind"] for item in conflicts.json()["conflicts"]] == ["colleague_absent"]
    refused = api.post(
        f"/bookings/{booking['id']}/cover",
        {"colleague_id": world.practitioner_a2.pk, "duties": ["duty"]},
    )
    assert refused.status_code == 409
    error = error_of(refused)
    assert error["code"] == "cover_conflict"
    assert "absent" in " ".join(error["fields"]["colleague_id"]).lower()
    assert not CoverAssignment.objects.exists()
    cover = api.post(
        f"/bookings/{booking['id']}/cover",
        {
            "colleague_id": world.practitioner_a2.pk,
            "duties": ["phone_and_email"],
            "accept_conflicts_reason": "Back at noon; phones only",
        },
    )
    assert cover.status_code == 201, cover.content
    assert cover.json()["conflicts"] == ["colleague_absent"]
    confirmed = api.post(f"/bookings/{booking['id']}/confirm", {})
    assert confirmed.json()["status"] == "confirmed", confirmed.content

    colleague = api.as_(world.practitioner_a2)
    mine = colleague.get("/cover", {"mine": "true"}).json()["items"]
    assert [item["id"] for item in mine] == [cover.json()["id"]]
    acknowledged = colleague.post(f"/cover/{cover.json()['id']}/acknowledge")
    assert acknowledged.json()["status"] == "acknowledged"

    cancelled = api.as_(world.manager_a).post(
        f"/bookings/{booking['id']}/cancel",
        {
            "reason": "work_crisis",
            "note": "Strategy meeting",
            "reschedule_start": "2026-12-15T09:30:00",
            "reschedule_end": "2026-12-15T12:30:00",
        },
    )
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["cancellation_reason"] == "work_crisis"
    moved = Booking.objects.get(rescheduled_from_id=booking["id"])
    assert moved.start == london(datetime.date(2026, 12, 15), 9, 30)
    history = api.get(f"/bookings/{booking['id']}").json()["history"]
    assert [event["to_status"] for event in history] == [
        "requested",
        "approved",
        "confirmed",
        "cancelled",
    ]
    metrics = api.get(f"/teams/{world.team_a.pk}/protected-time-metrics", {"on": "2026-12-08"})
    reasons = {item["reason"]: item["count"] for item in metrics.json()["cancellations_by_reason"]}
    assert reasons["work_crisis"] == 1
    assert metrics.json()["national_cover_rate_percent"] == 8.7


def test_overlaps_and_bad_times_answer_field_errors(api, world, patterns):
    make_booking(world.practitioner_a, DAY, start_hour=9, end_hour=11)
    api.as_(world.practitioner_a)
    overlap = api.post("/bookings", request_body())
    assert overlap.status_code == 422
    assert "already has" in error_of(overlap)["fields"]["start"][0]
    backwards = api.post("/bookings", request_body(end="2026-12-08T08:00:00"))
    assert error_of(backwards)["fields"]["end"] == ["The end time must be after the start time."]
    assert api.post("/bookings", request_body(purpose="napping")).status_code == 422
    assert Booking.objects.count() == 1


def test_time_outside_working_hours_is_flagged_toil_due(api, world, patterns):
    saturday = api.as_(world.practitioner_a).post(
        "/bookings", request_body(start="2026-12-12T10:00:00", end="2026-12-12T12:00:00")
    )
    assert saturday.json()["outside_working_minutes"] == 120


def test_a_manager_cannot_book_or_see_time_outside_their_teams(api, world, patterns):
    theirs = make_booking(world.practitioner_b, DAY)
    api.as_(world.manager_a)
    refused = api.post("/bookings", request_body(person_id=world.practitioner_b.pk))
    assert refused.status_code == 404
    assert error_of(refused)["fields"] == {"person_id": [error_of(refused)["message"]]}
    assert api.get(f"/bookings/{theirs.pk}").status_code == 404
    assert theirs.pk not in ids(api.get("/bookings"))
    booked = api.post("/bookings", request_body(person_id=world.practitioner_a.pk))
    assert (booked.status_code, booked.json()["status"]) == (201, "approved")


def test_the_list_filters_by_person_status_and_dates(api, world, patterns):
    early = make_booking(world.practitioner_a, DAY, status="requested")
    late = make_booking(world.practitioner_a2, DAY + datetime.timedelta(days=7))
    api.as_(world.manager_a)
    assert ids(api.get("/bookings", {"person_id": world.practitioner_a2.pk})) == [late.pk]
    assert ids(api.get("/bookings", {"status": "requested"})) == [early.pk]
    assert ids(api.get("/bookings", {"starts_from": "2026-12-09"})) == [late.pk]
    assert ids(api.get("/bookings", {"starts_before": "2026-12-09"})) == [early.pk]


@pytest.mark.parametrize("url", ["/bookings", "/cover"])
def test_list_query_counts_do_not_grow_with_rows(api, world, list_cost, url):
    api.as_(world.manager_a)

    def add(count):
        for index in range(count):
            booking = make_booking(
                world.practitioner_a,
                DAY + datetime.timedelta(days=Booking.objects.count() + index),
                status=BookingStatus.CONFIRMED,
            )
            make_cover(booking, world.practitioner_a2)
            make_cover(booking, world.manager_a)

    add(5)
    few, few_body = list_cost(url)
    add(45)
    many, many_body = list_cost(url)
    assert many_body["count"] > few_body["count"]
    assert few == many


def test_the_team_planner_grid_through_the_api(api, world, patterns):
    booking = make_booking(world.practitioner_a, DAY)
    make_cover(booking, world.practitioner_a2)
    make_absence(world.manager_a, DAY, DAY)
    grid = api.as_(world.manager_a).get(
        f"/teams/{world.team_a.pk}/planner", {"start": "2026-12-08", "view": "week"}
    )
    assert grid.status_code == 200, grid.content
    body = grid.json()
    assert (body["first_day"], body["last_day"]) == ("2026-12-07", "2026-12-13")
    rows = {
        row["person"]["id"]: {cell["day"]: cell for cell in row["days"]} for row in body["rows"]
    }
    tuesday = "2026-12-08"
    assert rows[world.practitioner_a.pk][tuesday]["booking_ids"] == [booking.pk]
    assert rows[world.practitioner_a2.pk][tuesday]["covering_booking_ids"] == [booking.pk]
    assert rows[world.manager_a.pk][tuesday]["absence_kind"] == "annual_leave"
    assert rows[world.practitioner_a.pk]["2026-12-12"]["not_working_reason"] == "Weekend"
    assert len(body["team_days"]) == 7
    assert api.as_(world.practitioner_a).get(f"/teams/{world.team_a.pk}/planner").status_code == 403
