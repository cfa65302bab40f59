"""Who may open each planner page (tests/test_url_permissions.py), with Team A's objects:
a booking of practitioner A's, and Team A itself."""

from __future__ import annotations

from tests.access_cases import FORBIDDEN, NOT_FOUND, page_expect
from tests.planner.page_helpers import make_booking, this_monday

SIGNED_IN = page_expect()
# Practitioners have no planner; Ben (Team B's manager) cannot see Team A; L&D and admins read it.
TEAM_A_PLANNER = page_expect(practitioner=FORBIDDEN, other_manager=NOT_FOUND, outsider=NOT_FOUND)


def _booking(world: object) -> int:
    return make_booking(world.practitioner_a, this_monday()).pk


URL_EXPECTATIONS = {
    "planner:my-time": SIGNED_IN,
    "planner:teams": page_expect(practitioner=FORBIDDEN),
    "planner:team-planner": TEAM_A_PLANNER,
    "planner:team-metrics": TEAM_A_PLANNER,
    "planner:booking": page_expect(other_manager=NOT_FOUND, outsider=NOT_FOUND),
}

URL_KWARGS = {
    "planner:team-planner": {"pk": lambda world: world.team_a.pk},
    "planner:team-metrics": {"pk": lambda world: world.team_a.pk},
    "planner:booking": {"pk": _booking},
}
