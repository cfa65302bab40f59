"""Working patterns are entered as hours or minutes per weekday."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.forms import parse_duration_minutes
from teams.models import AuditEntry, WorkingPattern


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("7.4", 444), ("7:24", 444), ("444", 444), ("8", 480), ("", 0), ("7.5h", 450), ("0", 0)],
)
def test_hours_and_minutes_are_understood(text, minutes):
    assert parse_duration_minutes(text) == minutes


@pytest.mark.parametrize("text", ["seven", "-1", "1500", "450.5"])
def test_nonsense_is_refused(text):
    with pytest.raises(ValidationError):
        parse_duration_minutes(text)


def url(world):
    return reverse("teams:working-pattern-add", args=[world.practitioner_a.pk])


def test_compressed_hours_pattern_is_saved(world, client):
    client.force_login(world.org_admin)
    response = client.post(
        url(world),
        {
            "effective_from": "2026-04-06",
            "monday_minutes": "9.25",
            "tuesday_minutes": "9:15",
            "wednesday_minutes": "555",
            "thursday_minutes": "9.25",
        },
    )
    assert response.status_code == 302
    pattern = WorkingPattern.objects.get(person=world.practitioner_a)
    assert pattern.effective_from == datetime.date(2026, 4, 6)
    assert pattern.weekly_minutes == 4 * 555
    assert pattern.friday_minutes == 0
    assert AuditEntry.objects.filter(action="working_pattern.set").exists()


def test_bad_hours_show_on_the_day_and_nothing_is_saved(world, client):
    client.force_login(world.org_admin)
    response = client.post(url(world), {"effective_from": "2026-04-06", "monday_minutes": "lots"})
    assert "monday_minutes" in response.context["form"].errors
    assert 'href="#id_monday_minutes"' in response.content.decode()
    assert not WorkingPattern.objects.exists()


def test_a_pattern_without_any_hours_is_refused(world, client):
    client.force_login(world.org_admin)
    response = client.post(url(world), {"effective_from": "2026-04-06"})
    assert response.context["form"].non_field_errors() == [
        "A working pattern needs at least one working day."
    ]
    assert not WorkingPattern.objects.exists()
