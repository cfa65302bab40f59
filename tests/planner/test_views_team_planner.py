"""The team planner page: an accessible table, a week or a month, prev and next links, and
who may open it."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import WorkingPatternFactory, make_booking

MONDAY = datetime.date(2026, 5, 25)


@pytest.fixture
def patterns(world):
    for person in (world.practitioner_a, world.practitioner_a2, world.manager_a):
        WorkingPatternFactory(person=person)


def days(n):
    return MONDAY + datetime.timedelta(days=n)


def test_the_page_is_an_accessible_table(world, patterns, client):
    make_booking(world.practitioner_a, days(1), status="confirmed", title="Court skills")
    client.force_login(world.manager_a)
    response = client.get(
        reverse("planner:team-planner", args=[world.team_a.pk]) + "?start=2026-05-26"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<caption id="planner-caption"' in html
    assert "Assessment Team 1, week beginning 25 May 2026" in html
    assert 'tabindex="0" role="region" aria-labelledby="planner-caption"' in html
    assert html.count('scope="row"') >= 3
    assert html.count('scope="col"') == 8
    assert "Bank holiday: Spring bank holiday" in html
    assert "Learning 09:00\N{EN DASH}12:00" in html and "Confirmed" in html
    assert "?view=week&amp;start=2026-05-18" in html and "?view=week&amp;start=2026-06-01" in html
    assert "?view=month&amp;start=2026-05-25" in html


def test_month_view_and_nonsense_dates_do_not_fail(world, patterns, client):
    client.force_login(world.manager_a)
    url = reverse("planner:team-planner", args=[world.team_a.pk])
    month = client.get(url + "?view=month&start=2026-02-10")
    assert month.status_code == 200
    assert month.content.decode().count('scope="col"') == 29
    for bad in ("?start=not-a-date", "?start=0001-01-01", "?view=<script>&start=2026-13-45"):
        assert client.get(url + bad).status_code == 200
