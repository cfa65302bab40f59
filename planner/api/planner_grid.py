"""The team planner's grid through the API: a week or a month of each person's working time,
learning, cover and conflicts."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from core.api import caller
from planner import access as planner_access
from planner.api.schemas.planner_grid import (
    PlannerCellOut,
    PlannerDayOut,
    PlannerRowOut,
    TeamPlannerOut,
)
from planner.selectors import planner_grid as grid_selectors
from teams.api.schemas.common import PersonRef

router = Router()


@router.get("/teams/{team_id}/planner", response=TeamPlannerOut, operation_id="team_planner_get")
def team_planner_get(
    request: HttpRequest,
    team_id: int,
    view: str = "week",
    start: datetime.date | None = None,
    page: int = 1,
) -> TeamPlannerOut:
    """The team planner's grid for the week or month containing ``start`` (today when left
    out): each person's working time, learning, cover given, absences and conflicts per day,
    50 people a page, with the whole team's numbers at work per day."""
    actor = caller(request)
    if not planner_access.can_open_planner(actor):
        raise PermissionDenied("The team planner is for team managers, L&D leads and org admins.")
    team = grid_selectors.planner_team(actor, team_id)
    period = grid_selectors.planner_period(view, start or timezone.localdate())
    grid = grid_selectors.planner_grid(user=actor, team=team, period=period, page=page)
    return TeamPlannerOut(
        team_id=team.pk,
        first_day=period.first_day,
        last_day=period.last_day,
        page=grid.page.number,
        pages=grid.page.paginator.num_pages,
        people_count=grid.page.paginator.count,
        rows=[
            PlannerRowOut(
                person=PersonRef(id=row.person.pk, full_name=row.person.full_name),
                days=[
                    PlannerCellOut(
                        day=cell.day,
                        contracted_minutes=cell.contracted_minutes,
                        not_working_reason=cell.not_working_reason,
                        absence_kind=cell.absence.kind if cell.absence else None,
                        booking_ids=[booking.pk for booking in cell.bookings],
                        covering_booking_ids=[cover.booking_id for cover in cell.covering],
                        conflicts=[conflict.text for conflict in cell.conflicts],
                    )
                    for cell in row.cells
                ],
            )
            for row in grid.rows
        ],
        team_days=[
            PlannerDayOut(
                day=total.day, available=total.available, below_minimum=total.below_minimum
            )
            for total in grid.totals
        ],
    )
