"""The learning catalogue's JSON API: activities, sessions, bookings, feedback and needs."""

from ninja import Router

from learning_catalogue.api.activities import router as activities_router
from learning_catalogue.api.feedback import router as feedback_router
from learning_catalogue.api.sessions import router as sessions_router

router = Router(tags=["learning catalogue"])
router.add_router("", activities_router)
router.add_router("", sessions_router)
router.add_router("", feedback_router)
