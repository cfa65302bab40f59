"""The learning catalogue's data: formats and topics (editable lists), activities with their
audience and costs, scheduled sessions with capacity, team reservations and places (booked,
offered from the waiting list, waiting); learning lists, ratings, suggestions and learning
needs."""

from learning_catalogue.models.activities import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    Format,
    ProviderKind,
    Topic,
)
from learning_catalogue.models.feedback import (
    LearningNeed,
    NeedStatus,
    Rating,
    SavedActivity,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
)
from learning_catalogue.models.sessions import (
    ACTIVE_PLACE_STATUSES,
    HOLDING_PLACE_STATUSES,
    CatalogueSettings,
    PlaceStatus,
    Session,
    SessionPlace,
    SessionReservation,
)

__all__ = [
    "ACTIVE_PLACE_STATUSES",
    "HOLDING_PLACE_STATUSES",
    "Activity",
    "ActivityStatus",
    "CatalogueSettings",
    "DeliveryMode",
    "Format",
    "LearningNeed",
    "NeedStatus",
    "PlaceStatus",
    "ProviderKind",
    "Rating",
    "SavedActivity",
    "Session",
    "SessionPlace",
    "SessionReservation",
    "Suggestion",
    "SuggestionKind",
    "SuggestionStatus",
    "Topic",
]
