"""Allowance pages: L&D leads and org admins set the period and dated rules; validation speaks
to people; every change is audited; the list costs the same for 5 and 50 rules."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from planner.models import AllowanceRule, AllowanceScope, PlannerSettings
from teams.models import AuditEntry


def rule_form(**changes):
    data = {
        "scope": "organisation",
        "effective_from_day": "1",
        "effective_from_month": "4",
        "effective_from_year": "2026",
        "full_time_hours": "18.5",
    }
    data.update(changes)
    return data


def test_an_ld_lead_adds_a_full_time_rule_in_hours(world, client):
    client.force_login(world.ld_lead)
    response = client.post(reverse("planner:allowance-rule-create"), rule_form())
    assert response["Location"] == reverse("planner:allowances")
    rule = AllowanceRule.objects.get()
    assert (rule.scope, rule.full_time_minutes_per_period) == ("organisation", 1110)
    assert rule.effective_from == datetime.date(2026, 4, 1)
    page = client.get(reverse("planner:allowances")).content.decode()
    assert "Everyone: 18.5 hours full-time from 1 April 2026" in page
    assert AuditEntry.objects.filter(action="allowance_rule.create").count() == 1


def test_rules_for_a_team_a_stage_and_a_person(world, client):
    client.force_login(world.org_admin)
    url = reverse("planner:allowance-rule-create")
    client.post(
        url,
        rule_form(
            scope="team", team=str(world.team_a.pk), full_time_hours="", percent_of_contracted="5"
        ),
    )
    client.post(
        url,
        rule_form(
            scope="career_stage",
            career_stage="newly_qualified",
            full_time_hours="",
            percent_of_contracted="20",
        ),
    )
    client.post(url, rule_form(scope="person", person_email=world.practitioner_a.email.upper()))
    found = {
        (rule.scope, rule.team_id, rule.career_stage, rule.person_id, rule.percent_of_contracted)
        for rule in AllowanceRule.objects.all()
    }
    assert found == {
        ("team", world.team_a.pk, "", None, Decimal("5.00")),
        ("career_stage", None, "newly_qualified", None, Decimal("20.00")),
        ("person", None, "", world.practitioner_a.pk, None),
    }


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"full_time_hours": ""}, "Give either a percentage of contracted time or hours"),
        ({"percent_of_contracted": "10"}, "Give either a percentage of contracted time or hours"),
        ({"full_time_hours": "", "percent_of_contracted": "120"}, "at most 100"),
        ({"scope": "team"}, "Choose a team in your organisation."),
        ({"scope": "career_stage"}, "Choose the career stage."),
        (
            {"scope": "person", "person_email": "olive@southshire.example"},
            "Choose a person in your organisation.",
        ),
        ({"effective_from_day": ""}, "The start date must be a real date"),
        ({"full_time_hours": "lots"}, "Enter the hours as a number, like 18.5."),
    ],
)
def test_a_bad_rule_is_refused_with_a_clear_message(world, client, changes, message):
    client.force_login(world.ld_lead)
    response = client.post(reverse("planner:allowance-rule-create"), rule_form(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AllowanceRule.objects.exists()


def test_the_period_setting_and_removing_a_rule(world, client):
    client.force_login(world.org_admin)
    client.post(
        reverse("planner:allowance-settings"),
        {"allowance_period": "year", "year_starts_month": "1"},
    )
    settings = PlannerSettings.objects.get(organisation=world.organisation)
    assert (settings.allowance_period, settings.year_starts_month) == ("year", 1)
    rule = AllowanceRule.objects.create(
        organisation=world.organisation,
        scope=AllowanceScope.ORGANISATION,
        effective_from=datetime.date(2026, 1, 1),
        full_time_minutes_per_period=600,
    )
    client.post(reverse("planner:allowance-rule-delete", args=[rule.pk]))
    assert not AllowanceRule.objects.exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"planner_settings.update", "allowance_rule.delete"} <= actions


def test_managers_and_practitioners_cannot_change_allowances(world, client):
    rule = AllowanceRule.objects.create(
        organisation=world.organisation,
        scope=AllowanceScope.ORGANISATION,
        effective_from=datetime.date(2026, 1, 1),
        full_time_minutes_per_period=600,
    )
    for person in (world.manager_a, world.practitioner_a):
        client.force_login(person)
        assert client.post(reverse("planner:allowance-rule-create"), rule_form()).status_code == 403
        assert (
            client.post(reverse("planner:allowance-rule-delete", args=[rule.pk])).status_code == 403
        )
    client.force_login(world.outsider)
    assert client.post(reverse("planner:allowance-rule-delete", args=[rule.pk])).status_code == 404
    assert AllowanceRule.objects.count() == 1


def test_the_rules_list_costs_the_same_for_5_and_50(world, client, page_cost):
    client.force_login(world.ld_lead)
    url = reverse("planner:allowances")

    def add(count):
        for number in range(count):
            AllowanceRule.objects.create(
                organisation=world.organisation,
                scope=AllowanceScope.TEAM,
                team=world.team_a,
                effective_from=datetime.date(2020, 1, 1)
                + datetime.timedelta(days=AllowanceRule.objects.count() + number),
                full_time_minutes_per_period=600,
            )

    add(5)
    few, _page = page_cost(url)
    add(45)
    assert page_cost(url)[0] == few
