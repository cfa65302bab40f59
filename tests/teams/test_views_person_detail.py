"""A person's page shows their details and history to those allowed to see them."""

import datetime

from django.urls import reverse

from teams.models import Membership, Specialism
from tests.factories import RegistrationFactory, WorkingPatternFactory


def url(person):
    return reverse("teams:person", args=[person.pk])


def test_person_page_shows_details_history_patterns_and_registrations(world, client):
    person = world.practitioner_a
    Membership.objects.filter(person=person).update(end_date=datetime.date(2022, 3, 31))
    Membership.objects.create(
        person=person, team=world.team_b, start_date=datetime.date(2022, 4, 1)
    )
    WorkingPatternFactory(person=person, effective_from=datetime.date(2020, 1, 6))
    WorkingPatternFactory(person=person, effective_from=datetime.date(2023, 1, 2), friday_minutes=0)
    RegistrationFactory(person=person, number="SW555555")
    Specialism.objects.create(person=person, tag="amhp")
    client.force_login(world.org_admin)
    response = client.get(url(person))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Priya Practitioner" in html and "AMHP" in html and "SW555555" in html
    assert "Assessment Team 2" in html and "1 Apr 2022" in html
    assert "Assessment Team 1" in html and "31 Mar 2022" in html
    assert "0.80" in html and "1.00" in html
    assert response.context["person"].current_pattern.effective_from == datetime.date(2023, 1, 2)
    assert reverse("teams:person-edit", args=[person.pk]) in html


def test_fte_uses_the_organisation_standard_week(world, client):
    world.organisation.standard_weekly_minutes = 36 * 60
    world.organisation.save()
    WorkingPatternFactory(person=world.practitioner_a)  # 5 x 7h24 = 37h
    client.force_login(world.org_admin)
    assert "1.03" in client.get(url(world.practitioner_a)).content.decode()


def test_practitioner_sees_themselves_without_edit_links(world, client):
    client.force_login(world.practitioner_a)
    response = client.get(url(world.practitioner_a))
    assert response.status_code == 200
    assert (
        reverse("teams:person-edit", args=[world.practitioner_a.pk])
        not in response.content.decode()
    )


def test_people_outside_ones_sight_answer_404(world, client):
    client.force_login(world.practitioner_a)
    assert client.get(url(world.practitioner_a2)).status_code == 404
    client.force_login(world.manager_b)
    assert client.get(url(world.practitioner_a)).status_code == 404
    client.force_login(world.manager_a)
    assert client.get(url(world.practitioner_a)).status_code == 200


def test_another_organisation_answers_404(world, client):
    client.force_login(world.outsider)
    assert client.get(url(world.practitioner_a)).status_code == 404
    client.force_login(world.org_admin)
    assert client.get(url(world.outsider)).status_code == 404
