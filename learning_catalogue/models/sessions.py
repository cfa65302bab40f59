"""Scheduled sessions of an activity, with capacity, places reserved for teams, and each
person's place: booked, offered from the waiting list (held until the offer expires), waiting,
or ended (cancelled, left the waiting list, offer declined or expired)."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q


class CatalogueSettings(models.Model):
    organisation = models.OneToOneField(
        "teams.Organisation", on_delete=models.CASCADE, related_name="catalogue_settings"
    )
    offer_hours = models.PositiveSmallIntegerField(
        default=24,
        validators=[MinValueValidator(1)],
        help_text="Hours a person offered a freed place has to take it before it passes on.",
    )

    class Meta:
        verbose_name_plural = "catalogue settings"

    def __str__(self) -> str:
        return f"Catalogue settings for {self.organisation}"


class Session(models.Model):
    activity = models.ForeignKey(
        "learning_catalogue.Activity", on_delete=models.CASCADE, related_name="sessions"
    )
    start = models.DateTimeField()
    end = models.DateTimeField()
    online_link = models.URLField(blank=True)
    venue = models.CharField(max_length=300, blank=True)
    capacity = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    booking_deadline = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="session_ends_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.activity} on {self.start:%Y-%m-%d}"


class SessionReservation(models.Model):
    """Places of a session kept for one team; its manager allocates them to their people."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="reservations")
    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="+")
    places = models.PositiveIntegerField(validators=[MinValueValidator(1)])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "team"], name="one_reservation_per_team")
        ]

    def __str__(self) -> str:
        return f"{self.places} places of {self.session} for {self.team}"


class PlaceStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    OFFERED = "offered", "Offered a freed place"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"
    LEFT = "left", "Left the waiting list"
    DECLINED = "declined", "Offer declined"
    EXPIRED = "expired", "Offer expired"


# A place that takes one of the session's seats.
HOLDING_PLACE_STATUSES = (PlaceStatus.BOOKED, PlaceStatus.OFFERED)
# Anything that still involves the person in the session (one at a time per person).
ACTIVE_PLACE_STATUSES = (*HOLDING_PLACE_STATUSES, PlaceStatus.WAITING)


class SessionPlace(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="places")
    person = models.ForeignKey(
        "teams.Person", on_delete=models.PROTECT, related_name="session_places"
    )
    status = models.CharField(max_length=20, choices=PlaceStatus.choices)
    # Set when the place is one of a team's reserved places, allocated by its manager.
    reserved_for = models.ForeignKey(
        SessionReservation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    booked_by = models.ForeignKey(
        "teams.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The request for protected time the place made in the planner, when it could make one.
    protected_time = models.OneToOneField(
        "planner.Booking",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="session_place",
    )

    class Meta:
        ordering = ["joined_at", "id"]
        indexes = [models.Index(fields=["session", "status", "joined_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=Q(status__in=["booked", "offered", "waiting"]),
                name="one_active_place_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.get_status_display().lower()} for {self.session}"
