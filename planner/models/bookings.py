"""Blocks of protected learning time for one person, and every change to them."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"
    CONFIRMED = "confirmed", "Confirmed"
    ATTENDED = "attended", "Attended"
    PARTLY_ATTENDED = "partly_attended", "Partly attended"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"
    CANCELLED = "cancelled", "Cancelled"


# Bookings that hold the person's time: they block overlaps and count as booked.
HOLDING_STATUSES = (BookingStatus.REQUESTED, BookingStatus.APPROVED, BookingStatus.CONFIRMED)
ATTENDANCE_STATUSES = (
    BookingStatus.ATTENDED,
    BookingStatus.PARTLY_ATTENDED,
    BookingStatus.DID_NOT_ATTEND,
)


class BookingPurpose(models.TextChoices):
    CATALOGUE = "catalogue", "Catalogue activity or session"
    READING = "reading", "Reading"
    REFLECTION = "reflection", "Reflection"
    PEER_DISCUSSION = "peer_discussion", "Peer discussion"
    WRITING_CPD = "writing_cpd", "Writing up CPD"
    OTHER = "other", "Other self-directed learning"


class CancellationReason(models.TextChoices):
    WORK_CRISIS = "work_crisis", "Work crisis"
    COURT = "court", "Court"
    DUTY_COVER = "duty_cover", "Duty cover"
    SICKNESS = "sickness", "Sickness"
    PROVIDER_CANCELLED = "provider_cancelled", "Provider cancelled"
    PERSONAL = "personal", "Personal"
    OTHER = "other", "Other"


class Booking(models.Model):
    organisation = models.ForeignKey(
        "teams.Organisation", on_delete=models.CASCADE, related_name="bookings"
    )
    person = models.ForeignKey(
        "teams.Person", on_delete=models.PROTECT, related_name="learning_bookings"
    )
    start = models.DateTimeField()
    end = models.DateTimeField()
    title = models.CharField(max_length=200)
    purpose = models.CharField(max_length=20, choices=BookingPurpose.choices)
    notes = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=BookingStatus.choices, default=BookingStatus.REQUESTED
    )
    requested_by = models.ForeignKey(
        "teams.Person", on_delete=models.PROTECT, related_name="+", null=True
    )
    decided_by = models.ForeignKey(
        "teams.Person", on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )
    decline_reason = models.TextField(blank=True)
    no_cover_needed_reason = models.TextField(blank=True)
    # Minutes of the booking outside the person's working time (non-working day, weekend, bank
    # holiday, beyond contracted hours), worked out when it is booked: TOIL is due for these.
    outside_working_minutes = models.PositiveIntegerField(default=0)
    attended_minutes = models.PositiveIntegerField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        "teams.Person", on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.CharField(
        max_length=20, choices=CancellationReason.choices, blank=True
    )
    cancellation_note = models.TextField(blank=True)
    rescheduled_from = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rescheduled_to",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [
            models.Index(fields=["person", "start"]),
            models.Index(fields=["organisation", "start"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="booking_ends_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.title} for {self.person} on {self.start:%Y-%m-%d}"

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    @property
    def outside_working_time(self) -> bool:
        return self.outside_working_minutes > 0


class BookingEvent(models.Model):
    """One change of a booking's status, kept for its visible history."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="events")
    # A default rather than auto_now_add, so imported or seeded history keeps its own times.
    at = models.DateTimeField(default=timezone.now, editable=False)
    actor = models.ForeignKey(
        "teams.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_status = models.CharField(max_length=20, choices=BookingStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=BookingStatus.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.booking_id}: {self.from_status or 'new'} → {self.to_status}"
