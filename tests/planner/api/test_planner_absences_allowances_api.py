"""Absences and allowances through the API: the same rules as the pages, field errors in the
one error shape, flat query counts."""

import datetime

import pytest

from planner.models import Absence, AllowanceRule, AllowanceScope
from tests.factories import WorkingPatternFactory, make_absence, make_booking
from tests.support import error_of, ids


def test_a_manager_records_and_removes_an_absence(api, world):
    api.as_(world.manager_a)
    body = {
        "person_id": world.practitioner_a.pk,
        "kind": "annual_leave",
        "start_date": "2026-12-07",
        "end_date": "2026-12-11",
    }
    created = api.post("/absences", body)
    assert created.status_code == 201, created.content
    overlap = api.post("/absences", {**body, "kind": "sickness", "start_date": "2026-12-11"})
    assert overlap.status_code == 422
    assert "already has annual leave" in error_of(overlap)["fields"]["start_date"][0]
    backwards = api.post("/absences", {**body, "start_date": "2026-12-20"})
    assert error_of(backwards)["fields"]["end_date"] == [
        "The last day must be on or after the first day."
    ]
    assert ids(api.get("/absences", {"person_id": world.practitioner_a.pk})) == [
        created.json()["id"]
    ]
    assert api.delete(f"/absences/{created.json()['id']}").status_code == 204
    assert not Absence.objects.exists()


def test_nobody_records_absences_outside_their_reach(api, world):
    body = {
        "person_id": world.practitioner_b.pk,
        "kind": "sickness",
        "start_date": "2026-12-07",
        "end_date": "2026-12-07",
    }
    assert api.as_(world.manager_a).post("/absences", body).status_code == 404
    assert api.as_(world.practitioner_b).post("/absences", body).status_code == 403
    assert not Absence.objects.exists()


def test_allowance_rules_and_a_persons_allowance(api, world):
    WorkingPatternFactory(person=world.practitioner_a)
    api.as_(world.ld_lead)
    assert api.put(
        "/planner-settings", {"allowance_period": "quarter", "year_starts_month": 4}
    ).json() == {"allowance_period": "quarter", "year_starts_month": 4}
    created = api.post(
        "/allowance-rules",
        {
            "scope": "organisation",
            "effective_from": "2026-01-01",
            "full_time_minutes_per_period": 1200,
        },
    )
    assert created.status_code == 201, created.content
    assert created.json()["description"] == "Everyone: 20 hours full-time from 1 January 2026"
    both = api.post(
        "/allowance-rules",
        {
            "scope": "organisation",
            "effective_from": "2026-01-01",
            "full_time_minutes_per_period": 1200,
            "percent_of_contracted": "10",
        },
    )
    assert "not both" in error_of(both)["fields"]["percent_of_contracted"][0]
    make_booking(world.practitioner_a, datetime.date(2026, 10, 6), status="attended")
    make_booking(
        world.practitioner_a,
        datetime.date(2026, 10, 7),
        status="cancelled",
        cancellation_reason="court",
    )
    mine = api.as_(world.practitioner_a).get(
        f"/people/{world.practitioner_a.pk}/allowance", {"on": "2026-11-01"}
    )
    assert mine.json() == {
        "person_id": world.practitioner_a.pk,
        "period_first_day": "2026-10-01",
        "period_last_day": "2026-12-31",
        "allowance_minutes": 1200,
        "booked_minutes": 0,
        "used_minutes": 180,
        "lost_minutes": 180,
        "remaining_minutes": 1020,
        "source": "Everyone: 20 hours full-time from 1 January 2026",
    }
    assert api.get(f"/people/{world.practitioner_b.pk}/allowance").status_code == 404
    assert (
        api.post(
            "/allowance-rules",
            {"scope": "organisation", "effective_from": "2026-01-01", "percent_of_contracted": "5"},
        ).status_code
        == 403
    )


@pytest.mark.parametrize("url", ["/absences", "/allowance-rules"])
def test_list_query_counts_do_not_grow_with_rows(api, world, list_cost, url):
    api.as_(world.org_admin)

    def add(count):
        for _ in range(count):
            day = datetime.date(2020, 1, 6) + datetime.timedelta(days=2 * Absence.objects.count())
            make_absence(world.practitioner_a, day, day)
            AllowanceRule.objects.create(
                organisation=world.organisation,
                scope=AllowanceScope.TEAM,
                team=world.team_a,
                effective_from=day,
                full_time_minutes_per_period=600,
            )

    add(5)
    few, few_body = list_cost(url)
    add(45)
    many, many_body = list_cost(url)
    assert many_body["count"] == few_body["count"] + 45
    assert few == many
