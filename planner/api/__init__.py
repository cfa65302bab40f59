"""The planner's JSON API: allowances, bookings, cover and absences."""

from ninja import Router

from planner.api.bookings import router as bookings_router

router = Router(tags=["protected time"])
router.add_router("", bookings_router)
