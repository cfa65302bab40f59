"""The planner's JSON API, a router per sub-domain (bookings, cover, metrics, the planner grid,
absences, allowances, closure days) with its schemas in ``planner.api.schemas`` under the same
name."""

from ninja import Router

from planner.api import absences, allowances, bookings, calendar, cover, metrics, planner_grid

router = Router(tags=["protected time"])
for module in (bookings, cover, metrics, planner_grid, absences, allowances, calendar):
    router.add_router("", module.router)
