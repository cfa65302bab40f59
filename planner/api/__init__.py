"""The planner's JSON API: allowances, bookings, cover and absences."""

from ninja import Router

router = Router(tags=["protected time"])
