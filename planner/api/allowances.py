"""Allowances through the API: the organisation's period and dated rules (L&D leads and org
admins change them) and anyone's allowance summary for a period, as far as the caller may see
the person."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from planner import access as planner_access
from planner.api.schemas.allowances import (
    AllowanceOut,
    AllowanceRuleIn,
    AllowanceRuleOut,
    PlannerSettingsIn,
    PlannerSettingsOut,
)
from planner.models import AllowanceRule
from planner.selectors.metrics import person_allowance, planner_settings_for
from planner.services import allowances as allowance_services
from teams.api.lookups import named_person, named_team, visible_person

router = Router()


def _require_manager(actor: object) -> None:
    if not planner_access.can_manage_allowances(actor):
        raise PermissionDenied("Only org admins and L&D leads can set protected time allowances.")


@router.get("/planner-settings", response=PlannerSettingsOut, operation_id="planner_settings_get")
def planner_settings_get(request: HttpRequest) -> object:
    """Your organisation's allowance period and the month its year starts."""
    return planner_settings_for(caller(request).organisation_id)


@router.put(
    "/planner-settings", response=PlannerSettingsOut, operation_id="planner_settings_update"
)
def planner_settings_update(request: HttpRequest, payload: PlannerSettingsIn) -> object:
    return allowance_services.planner_settings_update(actor=caller(request), **payload.model_dump())


@router.get(
    "/allowance-rules", response=list[AllowanceRuleOut], operation_id="allowance_rules_list"
)
@paginate(LimitOffsetPagination)
def allowance_rules_list(request: HttpRequest) -> QuerySet[AllowanceRule]:
    """Your organisation's allowance rules (L&D leads and org admins)."""
    actor = caller(request)
    _require_manager(actor)
    return (
        planner_access.allowance_rules_visible_to(actor)
        .select_related("team")
        .order_by("scope", "-effective_from", "-pk")
    )


@router.post(
    "/allowance-rules", response={201: AllowanceRuleOut}, operation_id="allowance_rules_create"
)
def allowance_rules_create(request: HttpRequest, payload: AllowanceRuleIn) -> Status:
    actor = caller(request)
    _require_manager(actor)
    team = named_team(actor, payload.team_id, field="team_id")
    person = named_person(actor, payload.person_id, field="person_id")
    with fields_named(team="team_id", person="person_id"):
        rule = allowance_services.allowance_rule_create(
            actor=actor,
            career_stage=payload.career_stage or "",
            team=team,
            person=person,
            **payload.model_dump(exclude={"team_id", "person_id", "career_stage"}),
        )
    return Status(201, rule)


@router.delete(
    "/allowance-rules/{rule_id}", response={204: None}, operation_id="allowance_rules_delete"
)
def allowance_rules_delete(request: HttpRequest, rule_id: int) -> Status:
    actor = caller(request)
    rule = visible(planner_access.allowance_rules_visible_to(actor), rule_id, "allowance rule")
    allowance_services.allowance_rule_delete(actor=actor, rule=rule)
    return Status(204, None)


@router.get(
    "/people/{person_id}/allowance", response=AllowanceOut, operation_id="person_allowance_get"
)
def person_allowance_get(
    request: HttpRequest, person_id: int, on: datetime.date | None = None
) -> AllowanceOut:
    """Allowance, booked, used, lost and remaining minutes for the allowance period containing
    ``on`` (today when left out)."""
    actor = caller(request)
    person = visible_person(actor, person_id)
    found = person_allowance(person, on=on or timezone.localdate())
    summary = found.summary
    return AllowanceOut(
        person_id=person.pk,
        period_first_day=found.period.first_day,
        period_last_day=found.period.last_day,
        allowance_minutes=summary.allowance_minutes if summary else None,
        booked_minutes=found.use.booked_minutes,
        used_minutes=found.use.used_minutes,
        lost_minutes=found.use.lost_minutes,
        remaining_minutes=summary.remaining_minutes if summary else None,
        source=summary.source if summary else "",
    )
