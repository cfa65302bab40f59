"""The planner's JSON API: allowances, bookings, cover, absences and closure days."""

from ninja import Router

from planner.api.absences import router as absences_router
from planner.api.allowances import router as allowances_router
from planner.api.bookings import router as bookings_router
from planner.api.calendar import router as calendar_router

router = Router(tags=["protected time"])
router.add_router("", bookings_router)
router.add_router("", absences_router)
router.add_router("", allowances_router)
router.add_router("", calendar_router)
