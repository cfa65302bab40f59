"""The planner's menu entries: everyone has their own protected time; managers, L&D leads and
org admins the team planner; L&D leads and org admins the allowances; org admins the closure
days."""

from __future__ import annotations

from core.web import menu_entries
from planner import access as planner_access

MENU = [
    (None, "planner:my-time", "My protected time"),
    (planner_access.can_open_planner, "planner:teams", "Team planner"),
    (planner_access.can_manage_allowances, "planner:allowances", "Allowances"),
    (planner_access.can_manage_closure_days, "planner:closure-days", "Closure days"),
]


def menu_items(user: object) -> list[tuple[str, str]]:
    return menu_entries(user, MENU)
