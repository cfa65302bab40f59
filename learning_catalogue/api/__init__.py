"""The learning catalogue's JSON API: activities, sessions, bookings, feedback and needs."""

from ninja import Router

router = Router(tags=["learning catalogue"])
