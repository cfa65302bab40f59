"""The learning catalogue's JSON API: activities, sessions, bookings, feedback and needs."""

from ninja import Router

from learning_catalogue.api.activities import router as activities_router

router = Router(tags=["learning catalogue"])
router.add_router("", activities_router)
