"""The learning catalogue's JSON API under /catalogue/: activities, sessions, places, feedback,
suggestions, needs, and the spreadsheet import and export. Each router module has its shapes in
``learning_catalogue.api.schemas`` under the same name."""

from ninja import Router

from learning_catalogue.api import (
    activities,
    feedback,
    imports,
    needs,
    places,
    sessions,
    suggestions,
)

router = Router(tags=["learning catalogue"])
for module in (activities, sessions, places, feedback, suggestions, needs, imports):
    router.add_router("/catalogue", module.router)
