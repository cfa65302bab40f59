"""Team protected-time metrics through the API: cover rate beside the national figure,
cancellations, time per person against allowance."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from core.api import caller
from planner import access as planner_access
from planner.api.schemas.metrics import PersonUseOut, ReasonCountOut, TeamMetricsOut
from planner.selectors import metrics as metrics_selectors
from planner.selectors import planner_grid as grid_selectors
from teams.api.schemas.common import PersonRef

router = Router()


def _percent(value: object) -> float | None:
    return None if value is None else float(value)


@router.get(
    "/teams/{team_id}/protected-time-metrics",
    response=TeamMetricsOut,
    operation_id="team_protected_time_metrics",
)
def team_protected_time_metrics(
    request: HttpRequest, team_id: int, on: datetime.date | None = None
) -> TeamMetricsOut:
    """The team's cover rate (beside the national figure), cancellations and reasons, time
    per person against allowance, and who has had no protected time this quarter, for the
    allowance period containing ``on`` (today when left out)."""
    actor = caller(request)
    if not planner_access.can_open_planner(actor):
        raise PermissionDenied("Team figures are for team managers, L&D leads and org admins.")
    team = grid_selectors.planner_team(actor, team_id)
    today = timezone.localdate()
    metrics = metrics_selectors.team_metrics(user=actor, team=team, on=on or today, today=today)
    return TeamMetricsOut(
        team_id=team.pk,
        period_first_day=metrics.period.first_day,
        period_last_day=metrics.period.last_day,
        learning_bookings=metrics.learning_bookings,
        covered=metrics.covered,
        no_cover_needed=metrics.no_cover_needed,
        cover_rate_percent=_percent(metrics.cover_rate),
        national_cover_rate_percent=float(metrics.national_cover_rate),
        cancelled=metrics.cancelled,
        cancellation_rate_percent=_percent(metrics.cancellation_rate),
        cancellations_by_reason=[
            ReasonCountOut(reason=item.reason, label=item.label, count=item.count)
            for item in metrics.reasons
        ],
        people=[
            PersonUseOut(
                person=PersonRef(id=use.person.pk, full_name=use.person.full_name),
                booked_minutes=use.booked_minutes,
                used_minutes=use.used_minutes,
                lost_minutes=use.lost_minutes,
                allowance_minutes=getattr(use.allowance, "allowance_minutes", None),
                remaining_minutes=getattr(use.allowance, "remaining_minutes", None),
            )
            for use in metrics.people
        ],
        without_protected_time_this_quarter=[
            PersonRef(id=person.pk, full_name=person.full_name)
            for person in metrics.without_protected_time
        ],
    )
