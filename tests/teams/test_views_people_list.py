"""The people list: scoped by teams.access, filtered, sorted and paginated."""

import datetime

from django.urls import reverse
from django.utils import timezone

from teams.models import CareerStage, ContractType, Membership
from tests.factories import PersonFactory, RegistrationFactory

URL = reverse("teams:people")


def names(response):
    return [person.full_name for person in response.context["table"].page.object_list.data]


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302


def test_practitioner_sees_only_themselves(world, client):
    client.force_login(world.practitioner_a)
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == ["Priya Practitioner"]


def test_manager_sees_their_team_and_other_organisation_sees_nothing_of_ours(world, client):
    client.force_login(world.manager_a)
    assert names(client.get(URL)) == ["Alex Amari", "Maya Manager", "Priya Practitioner"]
    client.force_login(world.outsider)
    assert names(client.get(URL)) == ["Olive Outsider"]


def test_search_by_name_email_or_employee_number(world, client):
    client.force_login(world.org_admin)
    assert names(client.get(URL, {"q": "bola"})) == ["Bola Bello"]
    assert names(client.get(URL, {"q": "chris.carter@"})) == ["Chris Carter"]
    number = world.practitioner_b.employee_number
    assert names(client.get(URL, {"q": number})) == ["Bola Bello"]


def test_team_filter_includes_teams_below(world, client):
    client.force_login(world.org_admin)
    response = client.get(URL, {"team": world.assessment.pk})
    assert names(response) == [
        "Alex Amari",
        "Ben Manager",
        "Bola Bello",
        "Maya Manager",
        "Priya Practitioner",
    ]


def test_role_contract_stage_and_regulator_filters(world, client):
    PersonFactory(
        organisation=world.organisation,
        full_name="Agnes Agency",
        contract_type=ContractType.AGENCY,
        career_stage=CareerStage.NEWLY_QUALIFIED,
        asye_start_date=datetime.date(2025, 9, 1),
    )
    RegistrationFactory(person=world.practitioner_c)
    client.force_login(world.org_admin)
    assert names(client.get(URL, {"role": "ld_lead"})) == ["Lena Learning"]
    assert names(client.get(URL, {"contract_type": "agency"})) == ["Agnes Agency"]
    assert names(client.get(URL, {"career_stage": "newly_qualified"})) == ["Agnes Agency"]
    regulator = world.practitioner_c.registrations.get().regulator_id
    assert names(client.get(URL, {"regulator": regulator})) == ["Chris Carter"]


def test_current_and_left_filter(world, client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    world.practitioner_c.employment_end = yesterday
    world.practitioner_c.leaving_reason = "resignation"
    world.practitioner_c.save()
    client.force_login(world.org_admin)
    assert names(client.get(URL, {"status": "left"})) == ["Chris Carter"]
    assert "Chris Carter" not in names(client.get(URL, {"status": "current"}))


def test_people_in_two_matching_teams_appear_once(world, client):
    Membership.objects.create(
        person=world.practitioner_a, team=world.team_b, start_date=datetime.date(2021, 1, 1)
    )
    client.force_login(world.org_admin)
    assert names(client.get(URL, {"team": world.assessment.pk})).count("Priya Practitioner") == 1


def test_empty_state_offers_to_clear_filters(world, client):
    client.force_login(world.org_admin)
    html = client.get(URL, {"q": "nobody by this name"}).content.decode()
    assert "No people match these filters" in html
    assert f'href="{URL}">clear all filters' in html


def test_sorting_marks_the_column_and_keeps_filters(world, client):
    client.force_login(world.org_admin)
    response = client.get(URL, {"sort": "-full_name", "q": "a"})
    got = names(response)
    assert got == sorted(got, reverse=True)
    html = response.content.decode()
    assert 'aria-sort="descending"' in html
    assert "q=a" in html.split('aria-sort="descending"')[1].split("</th>")[0]


def test_pagination_uses_the_govuk_component(world, client):
    for number in range(30):
        PersonFactory(organisation=world.organisation, full_name=f"Zed {number:02d}")
    client.force_login(world.org_admin)
    first = client.get(URL)
    assert len(names(first)) == 25
    html = first.content.decode()
    assert 'class="govuk-pagination"' in html and 'aria-current="page"' in html
    second = client.get(URL, {"page": 2})
    assert len(names(second)) == 39 - 25
