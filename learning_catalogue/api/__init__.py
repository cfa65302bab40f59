"""The learning catalogue's JSON API: activities, sessions, places, feedback, suggestions,
needs, and the spreadsheet import and export. Each router module has its shapes in
``learning_catalogue.api.schemas`` under the same name."""

from ninja import Router

from learning_catalogue.api.activities import router as activities_router
from learning_catalogue.api.feedback import router as feedback_router
from learning_catalogue.api.imports import router as imports_router
from learning_catalogue.api.needs import router as needs_router
from learning_catalogue.api.places import router as places_router
from learning_catalogue.api.sessions import router as sessions_router
from learning_catalogue.api.suggestions import router as suggestions_router

router = Router(tags=["learning catalogue"])
router.add_router("", activities_router)
router.add_router("", sessions_router)
router.add_router("", places_router)
router.add_router("", feedback_router)
router.add_router("", suggestions_router)
router.add_router("", needs_router)
router.add_router("", imports_router)
