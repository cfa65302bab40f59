"""Fixed numbers and texts the demo draws from: its dates, how each format's sessions run,
venues, comments, needs and suggestions (data only)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from core.time import london
from learning_catalogue.demo.plans import (
    ADULTS,
    ANTI_RACIST,
    ASSESSMENT,
    CHILDREN,
    DIGITAL,
    FAMILIES,
    LAW,
    LEADERSHIP,
    MENTAL_HEALTH,
    RESILIENCE,
)
from learning_catalogue.models import (
    SuggestionKind,
    SuggestionStatus,
)
from planner.demo import RECORDED_TO

BATCH = 2000
# The demo's records stand at the start of RECORDED_TO: sessions before it have happened.
CUTOFF = london(RECORDED_TO, datetime.time(0, 0))
DEMO_FIRST = RECORDED_TO - datetime.timedelta(days=365)
DEMO_LAST = RECORDED_TO + datetime.timedelta(days=91)
# Synthetic organisations get a lighter half-year, like the planner's.
SCALE_FIRST = RECORDED_TO - datetime.timedelta(days=120)
SCALE_LAST = RECORDED_TO + datetime.timedelta(days=60)
SCALE_ACTIVITIES = 300
# On-demand ratings for a synthetic organisation: a few thousand however many people it has.
SCALE_ON_DEMAND_RATINGS = 3000
SCHEDULED_FORMATS = {
    "Webinar",
    "Community of practice",
    "Reflective group supervision",
    "Action learning set",
    "In-person training",
    "Conference",
}
ARRANGED_FORMATS = {"Peer coaching", "Mentoring", "Shadowing", "Job rotation"}
CAPTIONED_FORMATS = {"Webinar", "Recorded session", "E-learning module", "Online course"}
TRANSCRIBED_FORMATS = {"Podcast", "Recorded session"}


@dataclass(frozen=True)
class SessionSetup:
    """When a format's sessions start, how many people they take, how often they are online
    rather than at a venue, and how many days before the start booking closes."""

    starts: tuple[datetime.time, ...]
    capacity: tuple[int, int]
    online: float
    deadline_days: int | None


SETUPS = {
    "Webinar": SessionSetup((datetime.time(10, 0), datetime.time(14, 0)), (20, 30), 1.0, None),
    "Community of practice": SessionSetup((datetime.time(12, 30),), (12, 25), 0.7, None),
    "Reflective group supervision": SessionSetup((datetime.time(13, 30),), (8, 12), 0.3, 2),
    "Action learning set": SessionSetup((datetime.time(9, 30),), (8, 8), 0.2, 7),
    "In-person training": SessionSetup((datetime.time(9, 30),), (12, 20), 0.0, 7),
    "Conference": SessionSetup((datetime.time(9, 0),), (30, 30), 0.0, 14),
}
VENUES = [
    "County Hall, Training Room 2",
    "Riverside Learning Centre, Room 4",
    "Civic Centre, Committee Room B",
    "The Old Library community hub",
]
SESSION_CANCELLATIONS = [
    "The trainer is unwell; we will offer a new date.",
    "Too few bookings: places moved to the next session.",
    "The venue is closed for fire safety works.",
    "Moved because of the inspection week.",
    "The facilitator could not travel because of the rail strike.",
]
SCALE_VARIANTS = ["", " (Children's Services)", " (Adult Services)", " (refresher)"]

GOOD_COMMENTS = [
    "Practical, and short enough to fit between visits.",
    "I used the grounding exercise before a strategy meeting the same week.",
    "Felt like it was made by people who do the job.",
    "Helped me put words to how duty weeks leave me feeling.",
    "Good mix of law and real cases; I have changed how I write my analysis.",
    "The facilitator made it safe to talk honestly about what goes wrong.",
    "I would recommend it to anyone in their first two years.",
    "Came back to the team with three things to try, and we have tried two.",
]
MIXED_COMMENTS = [
    "Useful, but too long for a weekday afternoon.",
    "Good in parts; the examples were mostly children's cases.",
    "Fine as a refresher, nothing new if you have done the full course.",
    "The sound quality made it hard to follow in places.",
]
POOR_COMMENTS = [
    "Out of date: it still refers to the old guidance.",
    "Too theoretical for front-line practice.",
    "Mostly slides read aloud; the reading would have done.",
]

# Practitioners raise resilience most, so it is drawn far more often than any other topic.
NEED_WEIGHTS = {
    RESILIENCE: 8,
    MENTAL_HEALTH: 2,
    ANTI_RACIST: 2,
    ADULTS: 2,
    CHILDREN: 2,
    LAW: 2,
    ASSESSMENT: 2,
    FAMILIES: 1,
    LEADERSHIP: 1,
    DIGITAL: 1,
}
NEED_DETAILS = {
    RESILIENCE: [
        "Finding it hard to switch off after duty weeks; want ways to decompress.",
        "Agreed in supervision: a self-care plan before returning from leave.",
        "Support after a difficult case that ended in court.",
        "Managing the emotional load of a high-risk caseload.",
    ],
    MENTAL_HEALTH: ["More confidence recognising psychosis and when to involve an AMHP."],
    ANTI_RACIST: ["Challenging bias in my own assessment writing."],
    ADULTS: ["Self-neglect cases: when to start a section 42 enquiry."],
    CHILDREN: ["Assessing risk outside the home for teenagers on my caseload."],
    LAW: ["Court skills before my first final hearing."],
    ASSESSMENT: ["Writing analysis, not description, in assessments."],
    FAMILIES: ["Engaging fathers who are hard to reach."],
    LEADERSHIP: ["Preparing to supervise a student next year."],
    DIGITAL: ["Using the case recording system without losing evenings to it."],
}


@dataclass(frozen=True)
class SuggestionPlan:
    kind: str
    title: str
    details: str
    topic: str | None
    status: str = SuggestionStatus.OPEN
    decline_reason: str = ""


SUGGESTIONS = [
    SuggestionPlan(
        SuggestionKind.ACTIVITY,
        "After a child death: supporting each other",
        "Something short for teams after a child they worked with has died.",
        RESILIENCE,
        status=SuggestionStatus.ACCEPTED,
    ),
    SuggestionPlan(
        SuggestionKind.TOPIC,
        "Neurodiversity-affirming practice",
        "We assess autistic parents often and have nothing in the catalogue about it.",
        None,
        status=SuggestionStatus.ACCEPTED,
    ),
    SuggestionPlan(
        SuggestionKind.ACTIVITY,
        "Paid external coaching for every practitioner",
        "A few sessions with a professional coach each year would help retention.",
        RESILIENCE,
        status=SuggestionStatus.DECLINED,
        decline_reason=(
            "This year's budget pays for coaching for new managers; peer coaching for "
            "wellbeing is open to everyone."
        ),
    ),
    SuggestionPlan(
        SuggestionKind.ACTIVITY,
        "Working with interpreters in court",
        "How to brief an interpreter for a hearing.",
        LAW,
        status=SuggestionStatus.DECLINED,
        decline_reason=(
            "Using interpreters well and the court skills day cover this; we have added "
            "hearings to the court skills day."
        ),
    ),
    SuggestionPlan(
        SuggestionKind.ACTIVITY,
        "Mental Health Act refresher for non-AMHPs",
        "What to expect when an AMHP assessment happens on one of our cases.",
        MENTAL_HEALTH,
    ),
    SuggestionPlan(
        SuggestionKind.ACTIVITY,
        "Lunch and learn on the case recording system",
        "Short sessions on the new forms, run by someone who uses them every day.",
        DIGITAL,
    ),
    SuggestionPlan(
        SuggestionKind.TOPIC,
        "Climate and environmental social work",
        "Heat, flooding and fuel poverty are turning up in our assessments.",
        None,
    ),
]
# Saved by the demo practitioner, so their learning list has something on it at first sign-in.
PRACTITIONER_SAVES = [
    "Staying well on duty: a resilience podcast",
    "Shadowing an AMHP",
    "Motivational interviewing: online course",
    "Anti-racist practice: reflective group",
]
FULL_SESSION_TITLE = "Court skills: giving evidence"
RESERVED_SESSION_TITLE = "Mental Capacity Act refresher"
RESERVED_TEAM = "Hospital Discharge"
PRACTITIONER_BOOKING_TITLE = "Contextual safeguarding webinar"
RESERVED_PLACES = 4
WAITING = 3
