"""What the planner's demo writes, as data: the span of days it fills, titles, purposes and
cancellation reasons with their weights, the reasons no cover was needed, the times of day."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from planner.models import (
    BookingPurpose,
    CancellationReason,
)
from teams.demo import ANCHOR

# The demo's records are up to date to this day: learning before it has happened (attended or
# not), learning after it is still planned. A fixed day keeps the demo the same on every run.
RECORDED_TO = ANCHOR + datetime.timedelta(days=80)
BATCH = 2000
# People planned and written at a time, so a 100,000-person organisation fits in memory.
PEOPLE_PER_CHUNK = 2000


@dataclass(frozen=True)
class Span:
    """The days to fill and how many blocks of learning a person has a month."""

    first_day: datetime.date
    last_day: datetime.date
    per_month: int


DEMO_SPAN = Span(
    first_day=RECORDED_TO - datetime.timedelta(days=365),
    last_day=RECORDED_TO + datetime.timedelta(days=150),
    per_month=2,
)
# Synthetic organisations get a lighter half-year: enough for the planner and the metrics.
SCALE_SPAN = Span(
    first_day=RECORDED_TO - datetime.timedelta(days=120),
    last_day=RECORDED_TO + datetime.timedelta(days=60),
    per_month=1,
)

TITLES = {
    BookingPurpose.CATALOGUE: [
        "Court skills: giving evidence",
        "Motivational interviewing",
        "Contextual safeguarding webinar",
        "Trauma-informed practice",
        "Anti-racist practice workshop",
        "Mental Capacity Act refresher",
        "Writing analytical assessments",
        "Domestic abuse: coercive control",
    ],
    BookingPurpose.READING: [
        "Reading: research in practice briefing",
        "Reading on neglect and poverty",
        "Reading: serious case review learning",
    ],
    BookingPurpose.REFLECTION: ["Reflection on a complex case", "Reflective log"],
    BookingPurpose.PEER_DISCUSSION: ["Peer discussion group", "Case discussion with a colleague"],
    BookingPurpose.WRITING_CPD: ["Writing up CPD for Social Work England"],
    BookingPurpose.OTHER: ["Shadowing the AMHP hub", "Podcast: emotional resilience"],
}
PURPOSE_WEIGHTS = {
    BookingPurpose.CATALOGUE: 40,
    BookingPurpose.READING: 15,
    BookingPurpose.REFLECTION: 12,
    BookingPurpose.PEER_DISCUSSION: 12,
    BookingPurpose.WRITING_CPD: 11,
    BookingPurpose.OTHER: 10,
}
# Why learning was cancelled: work crises dominate, as in the national survey.
REASON_WEIGHTS = {
    CancellationReason.WORK_CRISIS: 45,
    CancellationReason.COURT: 15,
    CancellationReason.DUTY_COVER: 14,
    CancellationReason.SICKNESS: 10,
    CancellationReason.PROVIDER_CANCELLED: 8,
    CancellationReason.PERSONAL: 6,
    CancellationReason.OTHER: 2,
}
CANCELLATION_NOTES = {
    CancellationReason.WORK_CRISIS: "Strategy meeting called for a child on my caseload",
    CancellationReason.COURT: "Called to give evidence at the family court",
    CancellationReason.DUTY_COVER: "Duty worker off sick; covering the rota",
    CancellationReason.SICKNESS: "Off sick",
    CancellationReason.PROVIDER_CANCELLED: "The trainer cancelled",
    CancellationReason.PERSONAL: "Family emergency",
    CancellationReason.OTHER: "",
}
NO_COVER_REASONS = [
    "No visits or duty that afternoon",
    "Reading at my desk; available for urgent calls",
    "Caseload quiet this week",
]
# (start hour, start minute, minutes): mornings, afternoons, bite-size slots, a whole day.
SLOTS = [(9, 30, 180), (13, 30, 180), (10, 0, 60), (14, 0, 90), (12, 0, 30), (9, 0, 420)]
