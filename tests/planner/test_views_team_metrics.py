"""The team metrics page: cover rate beside the national figure, cancellations by reason, time
per person and who has had no protected time this quarter, for the period asked for."""

import datetime
import re

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_booking, make_cover


def url(world, on=None):
    base = reverse("planner:team-metrics", args=[world.team_a.pk])
    return f"{base}?on={on:%Y-%m-%d}" if on else base


def test_figures_for_this_period(world, client):
    today = timezone.localdate()
    covered = make_booking(world.practitioner_a, today, status="attended")
    make_cover(covered, world.manager_a)
    make_booking(
        world.practitioner_a2, today, status="confirmed", no_cover_needed_reason="Desk day"
    )
    make_booking(
        world.practitioner_a2,
        today,
        start_hour=13,
        end_hour=15,
        status="cancelled",
        cancellation_reason="work_crisis",
    )
    client.force_login(world.manager_a)
    html = client.get(url(world)).content.decode()
    assert "50.0%" in html  # one of two learning bookings covered
    assert "National figure: 8.7%" in html
    assert "33.3%" in html  # one of three agreed bookings cancelled
    cells = re.findall(r'header">([^<]+)</th><td class="[^"]*numeric">(\d+)<', html)
    counts = dict(cells)
    assert (counts["Work crisis"], counts["Court"], counts["All reasons"]) == ("1", "0", "1")
    per_person = html[html.index("Time used against allowance") :]
    assert world.practitioner_a.full_name in per_person and "3h" in per_person
    nobody = html[html.index("No protected time this quarter</h2>") :]
    assert world.manager_a.full_name in nobody
    assert world.practitioner_a.full_name not in nobody


@override_settings(PLANNER_NATIONAL_COVER_RATE_PERCENT="12.5")
def test_the_national_figure_is_a_setting_not_a_template_literal(world, client):
    client.force_login(world.ld_lead)
    html = client.get(url(world)).content.decode()
    assert "12.5%" in html and "8.7" not in html


def test_other_periods_and_nonsense_dates(world, client):
    make_booking(
        world.practitioner_a,
        datetime.date(2025, 5, 6),
        status="cancelled",
        cancellation_reason="court",
    )
    client.force_login(world.org_admin)
    html = client.get(url(world, datetime.date(2025, 5, 1))).content.decode()
    assert "April 2025 to June 2025" in html
    assert "?on=2025-01-01" in html and "?on=2025-07-01" in html
    assert "1 of 1 agreed booking cancelled" in html
    for bad in ("?on=yesterday", "?on=9999-99-99", "?on=0001-01-01"):
        assert (
            client.get(reverse("planner:team-metrics", args=[world.team_a.pk]) + bad).status_code
            == 200
        )
