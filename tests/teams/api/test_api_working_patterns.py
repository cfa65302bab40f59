"""Working patterns through the API: minutes per weekday from a date, FTE derived."""

import datetime

from django.utils import timezone

from tests.factories import WorkingPatternFactory


def test_setting_a_pattern_derives_the_fte(world, api):
    url = f"/people/{world.practitioner_a.pk}/working-patterns"
    response = api.as_(world.org_admin).post(
        url,
        {
            "effective_from": "2025-09-01",
            "monday_minutes": 555,
            "tuesday_minutes": 555,
            "wednesday_minutes": 555,
            "thursday_minutes": 555,
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert body["weekly_minutes"] == 2220
    assert body["fte"] == 1.0
    assert body["friday_minutes"] == 0


def test_fte_follows_the_organisations_standard_week(world, api):
    world.organisation.standard_weekly_minutes = 35 * 60
    world.organisation.save()
    response = api.as_(world.org_admin).post(
        f"/people/{world.practitioner_a.pk}/working-patterns",
        {"effective_from": "2025-09-01", "monday_minutes": 420, "tuesday_minutes": 420},
    )
    assert response.json()["fte"] == 0.4


def test_a_pattern_on_the_same_date_replaces_the_old_one(world, api):
    api.as_(world.org_admin)
    url = f"/people/{world.practitioner_a.pk}/working-patterns"
    api.post(url, {"effective_from": "2025-09-01", "monday_minutes": 420})
    api.post(url, {"effective_from": "2025-09-01", "tuesday_minutes": 300})
    [pattern] = api.get(url).json()["items"]
    assert (pattern["monday_minutes"], pattern["tuesday_minutes"]) == (0, 300)


def test_patterns_are_listed_newest_first_and_the_current_one_shows_on_the_person(world, api):
    today = timezone.localdate()
    WorkingPatternFactory(person=world.practitioner_a, effective_from=datetime.date(2020, 1, 6))
    WorkingPatternFactory(
        person=world.practitioner_a,
        effective_from=today - datetime.timedelta(days=1),
        friday_minutes=0,
    )
    WorkingPatternFactory(
        person=world.practitioner_a, effective_from=today + datetime.timedelta(days=9)
    )
    api.as_(world.practitioner_a)
    listed = api.get(f"/people/{world.practitioner_a.pk}/working-patterns").json()["items"]
    dates = [item["effective_from"] for item in listed]
    assert dates == sorted(dates, reverse=True) and len(dates) == 3
    current = api.get(f"/people/{world.practitioner_a.pk}").json()["current_working_pattern"]
    assert current["effective_from"] == (today - datetime.timedelta(days=1)).isoformat()
    assert current["fte"] == 0.8
