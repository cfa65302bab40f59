"""The planner's menu entries: everyone has their own protected time; managers, L&D leads and
org admins the team planner; L&D leads and org admins the allowances; org admins the closure
days."""

from __future__ import annotations

from planner import access as planner_access


def menu_items(user: object) -> list[tuple[str, str]]:
    items = [("planner:my-time", "My protected time")]
    if planner_access.can_open_planner(user):
        items.append(("planner:teams", "Team planner"))
    if planner_access.can_manage_allowances(user):
        items.append(("planner:allowances", "Allowances"))
    if planner_access.can_manage_closure_days(user):
        items.append(("planner:closure-days", "Closure days"))
    return items
