"""The learning catalogue's data: formats and topics (editable lists), activities with their
audience and costs, scheduled sessions with capacity, team reservations and places (booked,
offered from the waiting list, waiting)."""

from learning_catalogue.models.activities import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    Format,
    ProviderKind,
    Topic,
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
    "PlaceStatus",
    "ProviderKind",
    "Session",
    "SessionPlace",
    "SessionReservation",
    "Topic",
]
