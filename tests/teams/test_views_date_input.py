"""Dates are entered in GOV.UK's day, month and year boxes."""

import datetime

from django.urls import reverse

from teams.models import Membership


def url(world):
    return reverse("teams:membership-add", args=[world.practitioner_a.pk])


def start_in_team_c(world, client, day, month, year):
    """An org admin moves practitioner A into Team C from the date typed in the three boxes."""
    client.force_login(world.org_admin)
    return client.post(
        url(world),
        {
            "team": world.team_c.pk,
            "start_date_day": day,
            "start_date_month": month,
            "start_date_year": year,
        },
    )


def test_day_month_and_year_make_a_date(world, client):
    response = start_in_team_c(world, client, "2", "3", "2026")
    assert response.status_code == 302
    membership = Membership.objects.get(person=world.practitioner_a, team=world.team_c)
    assert membership.start_date == datetime.date(2026, 3, 2)


def test_an_impossible_date_is_explained_and_kept_for_correction(world, client):
    response = start_in_team_c(world, client, "31", "2", "2026")
    assert response.context["form"].errors["start_date"] == [
        "The start date must be a real date, like 27 3 2026."
    ]
    html = response.content.decode()
    assert 'href="#id_start_date_day"' in html
    assert (
        'id="id_start_date_day" name="start_date_day" type="text" inputmode="numeric" value="31"'
        in html
    )
    assert not Membership.objects.filter(person=world.practitioner_a, team=world.team_c).exists()


def test_a_missing_date_says_what_to_enter(world, client):
    client.force_login(world.org_admin)
    response = client.post(url(world), {"team": world.team_c.pk})
    assert response.context["form"].errors["start_date"] == ["Enter the start date."]
