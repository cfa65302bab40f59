"""The planner's models, a module per sub-domain (allowances, bookings, cover, absences,
calendar)."""

from planner.models.absences import Absence, AbsenceKind
from planner.models.allowances import (
    AllowancePeriod,
    AllowanceRule,
    AllowanceScope,
    PlannerSettings,
)
from planner.models.bookings import (
    Booking,
    BookingEvent,
    BookingPurpose,
    BookingStatus,
    CancellationReason,
)
from planner.models.calendar import BankHoliday, ClosureDay
from planner.models.cover import CoverAssignment, CoverConflictKind, CoverDuty, CoverStatus

__all__ = [
    "Absence",
    "AbsenceKind",
    "AllowancePeriod",
    "AllowanceRule",
    "AllowanceScope",
    "BankHoliday",
    "Booking",
    "BookingEvent",
    "BookingPurpose",
    "BookingStatus",
    "CancellationReason",
    "ClosureDay",
    "CoverAssignment",
    "CoverConflictKind",
    "CoverDuty",
    "CoverStatus",
    "PlannerSettings",
]
