"""Setting how much protected time people get: the organisation's allowance period and its
dated rules. Org admins and L&D leads change them; every change is audited."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from planner import access as planner_access
from planner.models import AllowancePeriod, AllowanceRule, AllowanceScope, PlannerSettings
from teams import access
from teams.audit import snapshot
from teams.models import CareerStage, Organisation, Person, Team
from teams.services.common import audit_snapshot, audited_delete, permission

RULE_FIELDS = (
    "scope",
    "career_stage",
    "team",
    "person",
    "effective_from",
    "percent_of_contracted",
    "full_time_minutes_per_period",
    "note",
)
SETTINGS_FIELDS = ("allowance_period", "year_starts_month")
# A full-time person's allowance cannot sensibly exceed a whole year of 37-hour weeks.
MOST_MINUTES = 52 * 37 * 60


_require = permission(
    planner_access.can_manage_allowances,
    "Only org admins and L&D leads can set protected time allowances.",
)


@transaction.atomic
def planner_settings_update(
    *, actor: Person, allowance_period: str, year_starts_month: int
) -> PlannerSettings:
    """Sets the actor's organisation's allowance period (quarter or year) and the month its
    year starts."""
    _require(actor)
    errors = {}
    if allowance_period not in AllowancePeriod.values:
        errors["allowance_period"] = "Choose a quarter or a year."
    if not isinstance(year_starts_month, int) or not 1 <= year_starts_month <= 12:
        errors["year_starts_month"] = "Choose the month the year starts."
    if errors:
        raise ValidationError(errors)
    found, _created = PlannerSettings.objects.select_for_update().get_or_create(
        organisation_id=actor.organisation_id
    )
    before = snapshot(found, SETTINGS_FIELDS)
    found.allowance_period = allowance_period
    found.year_starts_month = year_starts_month
    found.save()
    audit_snapshot(actor, "planner_settings.update", found, SETTINGS_FIELDS, before)
    return found


@transaction.atomic
def allowance_rule_create(
    *,
    actor: Person,
    scope: str,
    effective_from: datetime.date | None,
    percent_of_contracted: Decimal | None = None,
    full_time_minutes_per_period: int | None = None,
    career_stage: str = "",
    team: Team | None = None,
    person: Person | None = None,
    note: str = "",
) -> AllowanceRule:
    """A rule from a date for everyone, a career stage, a team (and the teams below it) or one
    person, giving either a percentage of contracted time or full-time minutes per period."""
    _require(actor)
    organisation: Organisation = actor.organisation
    note = (note or "").strip()
    errors: dict[str, str] = {}
    if scope not in AllowanceScope.values:
        errors["scope"] = "Choose who the rule is for."
    if effective_from is None:
        errors["effective_from"] = "Enter the date the rule starts."
    if (percent_of_contracted is None) == (full_time_minutes_per_period is None):
        errors["percent_of_contracted"] = (
            "Give either a percentage of contracted time or hours for a full-time person, not both."
        )
    elif percent_of_contracted is not None and not 0 < percent_of_contracted <= 100:
        errors["percent_of_contracted"] = "The percentage must be more than 0 and at most 100."
    elif full_time_minutes_per_period is not None and not (
        0 < full_time_minutes_per_period <= MOST_MINUTES
    ):
        errors["full_time_minutes_per_period"] = (
            f"The hours must be more than 0 and at most {MOST_MINUTES // 60}."
        )
    if scope == AllowanceScope.CAREER_STAGE and career_stage not in CareerStage.values:
        errors["career_stage"] = "Choose the career stage."
    if scope == AllowanceScope.TEAM and (team is None or team.organisation_id != organisation.pk):
        errors["team"] = "Choose a team in your organisation."
    if scope == AllowanceScope.PERSON and (
        person is None or not access.people_visible_to(actor).filter(pk=person.pk).exists()
    ):
        errors["person"] = "Choose a person in your organisation."
    if len(note) > AllowanceRule._meta.get_field("note").max_length:
        errors["note"] = "The note must be 200 characters or fewer."
    if errors:
        raise ValidationError(errors)
    rule = AllowanceRule.objects.create(
        organisation=organisation,
        scope=scope,
        career_stage=career_stage if scope == AllowanceScope.CAREER_STAGE else "",
        team=team if scope == AllowanceScope.TEAM else None,
        person=person if scope == AllowanceScope.PERSON else None,
        effective_from=effective_from,
        percent_of_contracted=percent_of_contracted,
        full_time_minutes_per_period=full_time_minutes_per_period,
        note=note,
    )
    audit_snapshot(actor, "allowance_rule.create", rule, RULE_FIELDS)
    return rule


@transaction.atomic
def allowance_rule_delete(*, actor: Person, rule: AllowanceRule) -> None:
    """Removes a rule; the audit log keeps what it said."""
    _require(actor, rule)
    audited_delete(actor, "allowance_rule.delete", rule, RULE_FIELDS)
