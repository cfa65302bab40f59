"""The learning catalogue's JSON API: activities, sessions, places, feedback,
needs, and the spreadsheet import and export."""

from ninja import Router

from learning_catalogue.api.activities import router as activities_router
from learning_catalogue.api.feedback import router as feedback_router
from learning_catalogue.api.imports import router as imports_router
from learning_catalogue.api.sessions import router as sessions_router

router = Router(tags=["learning catalogue"])
router.add_router("", activities_router)
router.add_router("", sessions_router)
router.add_router("", feedback_router)
router.add_router("", imports_router)
