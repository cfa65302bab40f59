"""The learning catalogue for the demo and scale organisations (hooks called by ``seed_demo``
and ``seed_scale``, see ``core.hooks``).

Each demo organisation gets about eighty activities in every default format, written the way an
L&D team would describe them, with sessions over the year before ``RECORDED_TO`` and the three
months after it, places (some cancelled, one full session with a waiting list, places kept for a
team), ratings from the people who took part, learning lists, learning needs agreed in
supervision and suggestions waiting for L&D. Emotional resilience and wellbeing is the
commonest topic, because it is the need practitioners raise most.

Rows are written in bulk rather than through the services, which would audit and email every
booking of a year. Everything is drawn from a seeded generator over fixed dates, so the demo is
the same on every machine; an organisation that already has catalogue activities is left alone,
so running the seed again changes nothing. This app's hook runs before the planner's, so the
places here do not ask for protected time: the planner's demo books that time itself.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TextIO

from django.db.models import Model
from django.utils.text import slugify

from core.time import london
from learning_catalogue.defaults import ensure_defaults
from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    Format,
    LearningNeed,
    NeedStatus,
    PlaceStatus,
    ProviderKind,
    Rating,
    SavedActivity,
    Session,
    SessionPlace,
    SessionReservation,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
    Topic,
)
from learning_catalogue.services.activities import search_text_for
from planner.demo import RECORDED_TO
from planner.models import BankHoliday
from teams.demo import SEED, demo_plans
from teams.models import (
    CareerStage,
    Membership,
    Organisation,
    Person,
    Role,
    RoleAssignment,
    Team,
    TeamManager,
)

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

RESILIENCE = "Emotional resilience and wellbeing"
MENTAL_HEALTH = "Mental health"
ANTI_RACIST = "Anti-racist practice"
ADULTS = "Safeguarding adults"
CHILDREN = "Safeguarding children"
LAW = "Law and policy"
ASSESSMENT = "Assessment and analysis"
FAMILIES = "Working with families"
LEADERSHIP = "Leadership and supervision"
DIGITAL = "Digital practice"

NEWLY_QUALIFIED = (CareerStage.NEWLY_QUALIFIED,)
EXPERIENCED = (CareerStage.EXPERIENCED,)
MANAGERS = (Role.TEAM_MANAGER,)
HOSPITAL_TEAM = "practitioners from the Hospital Discharge team"
STAFF_NETWORK = "the Black and Global Majority staff network"


@dataclass(frozen=True)
class Plan:
    """One activity as L&D would describe it. ``provider`` empty means the organisation's own
    workforce development team; ``once`` puts a single session (a conference) that many days
    from ``RECORDED_TO``; ``teams`` are audience team names, used where the organisation has
    them."""

    title: str
    summary: str
    format: str
    topics: tuple[str, ...]
    minutes: int
    provider: str = ""
    external: bool = False
    cost: int = 0
    other_costs: int = 0
    stages: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    teams: tuple[str, ...] = ()
    co_designed_with: str = ""
    bsl: bool = False
    status: str = ActivityStatus.PUBLISHED
    once: int | None = None


PLANS = [
    # Podcasts: bite-size, on demand.
    Plan(
        "Staying well on duty: a resilience podcast",
        "Duty workers talk about boundaries, decompression and getting home on time.",
        "Podcast",
        (RESILIENCE,),
        25,
    ),
    Plan(
        "After the visit: processing difficult days",
        "A practitioner and a clinical psychologist on vicarious trauma and what helps.",
        "Podcast",
        (RESILIENCE, MENTAL_HEALTH),
        30,
        provider="Wellbeing at Work CIC",
        external=True,
    ),
    Plan(
        "The supervision hour",
        "Team managers on using supervision to reflect and restore, not only to audit cases.",
        "Podcast",
        (LEADERSHIP, RESILIENCE),
        35,
    ),
    Plan(
        "Voices from the Children in Care Council",
        "Care-experienced young people on what they want from their social workers.",
        "Podcast",
        (FAMILIES, CHILDREN),
        20,
        co_designed_with="care-experienced young people from the Children in Care Council",
    ),
    Plan(
        "Race, identity and the assessment",
        "Black and global majority practitioners on bias in the way assessments are written.",
        "Podcast",
        (ANTI_RACIST, ASSESSMENT),
        40,
        provider="Anti-Racist Practice Collective",
        external=True,
    ),
    Plan(
        "Coercive control in fifteen minutes",
        "What coercive control looks like on a home visit, and the questions that open it up.",
        "Podcast",
        (CHILDREN, FAMILIES),
        15,
    ),
    Plan(
        "Five-minute grounding for hard phone calls",
        "Guided breathing and grounding to use before or after a difficult call.",
        "Podcast",
        (RESILIENCE,),
        15,
    ),
    Plan(
        "Home First: hospital discharge in practice",
        "Discharge coordinators on getting people home safely, quickly and with the right care.",
        "Podcast",
        (ADULTS, LAW),
        30,
        co_designed_with=HOSPITAL_TEAM,
    ),
    Plan(
        "After a child death: supporting each other",
        "How teams look after each other when a child they worked with has died.",
        "Podcast",
        (RESILIENCE, CHILDREN),
        30,
        status=ActivityStatus.DRAFT,
    ),
    # Webinars: scheduled, online.
    Plan(
        "Contextual safeguarding webinar",
        "Assessing risk outside the home: peer groups, schools, online spaces and the street.",
        "Webinar",
        (CHILDREN,),
        90,
        provider="Teaching Partnership (North)",
        external=True,
    ),
    Plan(
        "Deprivation of liberty in the community: the law now",
        "Where Re X and the Cheshire West test leave community care plans, with case examples.",
        "Webinar",
        (LAW, ADULTS),
        75,
        provider="Capacity Law Training",
        external=True,
        cost=45,
    ),
    Plan(
        "Burnout: spotting it early in yourself and your team",
        "The early signs of burnout, what to say, and the support the council offers.",
        "Webinar",
        (RESILIENCE, LEADERSHIP),
        60,
        bsl=True,
    ),
    Plan(
        "Poverty and neglect: telling them apart",
        "Poverty-aware practice: separating the cost of living from risk in neglect cases.",
        "Webinar",
        (CHILDREN, FAMILIES),
        90,
        provider="Practice Research Partnership",
        external=True,
    ),
    Plan(
        "Cuckooing and the exploitation of adults",
        "How county lines take over the homes of adults with care and support needs.",
        "Webinar",
        (ADULTS,),
        60,
    ),
    Plan(
        "Recording with the child in mind",
        "Writing case records that a child could read, and understand, as an adult.",
        "Webinar",
        (DIGITAL, CHILDREN),
        60,
    ),
    Plan(
        "Hoarding and self-neglect: working with the person",
        "Building trust, using the clutter image rating, and when to think about section 42.",
        "Webinar",
        (ADULTS, MENTAL_HEALTH),
        90,
        provider="Teaching Partnership (North)",
        external=True,
        status=ActivityStatus.DRAFT,
    ),
    Plan(
        "Liberty Protection Safeguards: getting ready",
        "Preparing for the Liberty Protection Safeguards, since postponed by the government.",
        "Webinar",
        (LAW, ADULTS),
        60,
        status=ActivityStatus.RETIRED,
    ),
    # Recorded sessions: on demand.
    Plan(
        "Trauma-informed practice: a recorded lecture",
        "Adverse childhood experiences, the window of tolerance and relational practice.",
        "Recorded session",
        (MENTAL_HEALTH, FAMILIES),
        55,
        provider="Practice Research Partnership",
        external=True,
    ),
    Plan(
        "Emotional resilience in child protection",
        "A principal social worker on staying curious and caring in high-risk work.",
        "Recorded session",
        (RESILIENCE, CHILDREN),
        45,
    ),
    Plan(
        "Using interpreters well",
        "Briefing, seating, and checking understanding when you work through an interpreter.",
        "Recorded session",
        (FAMILIES, ANTI_RACIST),
        25,
    ),
    Plan(
        "The Care Act eligibility criteria explained",
        "The three conditions of the eligibility regulations, with worked examples.",
        "Recorded session",
        (LAW, ADULTS),
        30,
    ),
    Plan(
        "Microaggressions at work: a recorded panel",
        "Staff from the network on everyday racism at work and what allies can do.",
        "Recorded session",
        (ANTI_RACIST, RESILIENCE),
        50,
        co_designed_with=STAFF_NETWORK,
        bsl=True,
    ),
    Plan(
        "Kinship care assessments: lessons from the panel chair",
        "What makes a connected carers assessment clear, balanced and ready for panel.",
        "Recorded session",
        (FAMILIES, ASSESSMENT),
        40,
    ),
    # Self-paced modules: on demand.
    Plan(
        "Writing analytical assessments",
        "From description to analysis: hypotheses, weighing evidence and saying what it means.",
        "Self-paced module",
        (ASSESSMENT,),
        90,
        stages=NEWLY_QUALIFIED,
    ),
    Plan(
        "Compassion fatigue: a self-paced workbook",
        "Exercises to notice compassion fatigue and plan what restores you.",
        "Self-paced module",
        (RESILIENCE,),
        60,
        provider="Wellbeing at Work CIC",
        external=True,
    ),
    Plan(
        "Chronologies that tell the story",
        "Building a chronology that shows patterns of harm rather than a list of events.",
        "Self-paced module",
        (ASSESSMENT, CHILDREN),
        60,
    ),
    Plan(
        "Strengths-based conversations",
        "Three conversations that start from what matters to the person and their network.",
        "Self-paced module",
        (FAMILIES, ADULTS),
        75,
    ),
    Plan(
        "ASYE: building your critical reflection log",
        "Turning supervision notes and feedback into evidence for the ASYE panel.",
        "Self-paced module",
        (ASSESSMENT, RESILIENCE),
        45,
        stages=NEWLY_QUALIFIED,
    ),
    # E-learning modules: on demand.
    Plan(
        "Sharing information safely",
        "Data protection for social workers: consent, the vital interests test and Caldicott.",
        "E-learning module",
        (DIGITAL, LAW),
        30,
    ),
    Plan(
        "Modern slavery: recognising the signs",
        "Indicators of modern slavery and how to make a National Referral Mechanism referral.",
        "E-learning module",
        (ADULTS, LAW),
        30,
        provider="Safeguarding E-learning Consortium",
        external=True,
    ),
    Plan(
        "Prevent duty awareness",
        "The Prevent duty and how to raise a concern about radicalisation.",
        "E-learning module",
        (ADULTS, CHILDREN, LAW),
        25,
        provider="Safeguarding E-learning Consortium",
        external=True,
        status=ActivityStatus.RETIRED,
    ),
    Plan(
        "Self-care planning for social workers",
        "Write a one-page self-care plan to share with your supervisor.",
        "E-learning module",
        (RESILIENCE,),
        20,
    ),
    Plan(
        "Fetal alcohol spectrum disorder: an introduction",
        "How FASD shows itself in children and adults, and adapting how you work with them.",
        "E-learning module",
        (CHILDREN, MENTAL_HEALTH),
        40,
        provider="Safeguarding E-learning Consortium",
        external=True,
    ),
    Plan(
        "Digital tools for home visits",
        "Recording on the tablet, offline forms and taking photographs lawfully.",
        "E-learning module",
        (DIGITAL,),
        20,
        status=ActivityStatus.DRAFT,
    ),
    Plan(
        "Data protection refresher (2025 edition)",
        "Last year's annual data protection refresher, replaced by Sharing information safely.",
        "E-learning module",
        (DIGITAL, LAW),
        20,
        status=ActivityStatus.RETIRED,
    ),
    # Online courses: longer, some paid for.
    Plan(
        "Motivational interviewing: online course",
        "Open questions, reflective listening and evoking change talk, with practice clips.",
        "Online course",
        (FAMILIES, ASSESSMENT),
        360,
        provider="Change Talk Training",
        external=True,
        cost=180,
    ),
    Plan(
        "Trauma and resilience: an online course for practitioners",
        "Six units on trauma, secondary trauma and building resilience in yourself and others.",
        "Online course",
        (RESILIENCE, MENTAL_HEALTH),
        240,
        provider="Wellbeing at Work CIC",
        external=True,
        cost=95,
    ),
    Plan(
        "Best interests assessor update",
        "The annual update for BIAs: recent case law, DoLS forms and good practice.",
        "Online course",
        (LAW, ADULTS),
        300,
        provider="Capacity Law Training",
        external=True,
        cost=150,
        stages=EXPERIENCED,
    ),
    Plan(
        "Anti-racist practice: foundations course",
        "Race, power and privilege in social work, and what anti-racist practice looks like.",
        "Online course",
        (ANTI_RACIST,),
        300,
        provider="Anti-Racist Practice Collective",
        external=True,
        cost=120,
    ),
    Plan(
        "Managing a caseload without burning out",
        "Prioritising, saying no well and using supervision to keep work manageable.",
        "Online course",
        (RESILIENCE, LEADERSHIP),
        180,
    ),
    # Reading: on demand, mostly bite-size.
    Plan(
        "Briefing: learning from local safeguarding practice reviews",
        "The five themes from this year's local reviews, and what they ask of practitioners.",
        "Reading",
        (CHILDREN,),
        30,
    ),
    Plan(
        "Reading: working with neglect and poverty",
        "A research summary on neglect, poverty and relationship-based practice.",
        "Reading",
        (CHILDREN, FAMILIES),
        25,
        provider="Practice Research Partnership",
        external=True,
    ),
    Plan(
        "Reading: the Mental Health Act reforms explained",
        "What the new Mental Health Act changes for AMHPs, nearest relatives and patients.",
        "Reading",
        (MENTAL_HEALTH, LAW),
        20,
    ),
    Plan(
        "Reading: professional curiosity",
        "A short guide to respectful uncertainty, with questions to take on visits.",
        "Reading",
        (ADULTS, CHILDREN, ASSESSMENT),
        15,
    ),
    Plan(
        "Reading: restorative supervision",
        "Why restorative supervision reduces burnout, and how to ask for it.",
        "Reading",
        (LEADERSHIP, RESILIENCE),
        20,
    ),
    Plan(
        "Reading: Social Work England's professional standards",
        "The six professional standards, and what each one asks of your CPD.",
        "Reading",
        (LAW,),
        10,
    ),
    Plan(
        "Reading: the emotionally intelligent social worker",
        "A chapter on emotional intelligence, reflection and self-care in social work.",
        "Reading",
        (RESILIENCE,),
        45,
    ),
    Plan(
        "Reading: Working Together 2018 in summary",
        "A summary of the 2018 statutory guidance, replaced by the 2023 edition.",
        "Reading",
        (CHILDREN, LAW),
        20,
        status=ActivityStatus.RETIRED,
    ),
    # Peer coaching and mentoring: arranged with a person.
    Plan(
        "Peer coaching for wellbeing",
        "Three coaching conversations with a trained colleague from another team.",
        "Peer coaching",
        (RESILIENCE,),
        60,
    ),
    Plan(
        "Peer coaching: preparing for a complex case conference",
        "Think through your report and your contribution with an experienced colleague.",
        "Peer coaching",
        (CHILDREN, ASSESSMENT),
        45,
    ),
    Plan(
        "Peer coaching for new managers",
        "Coaching from another team manager in your first year of managing.",
        "Peer coaching",
        (LEADERSHIP,),
        60,
        roles=MANAGERS,
    ),
    Plan(
        "ASYE mentoring with an experienced practitioner",
        "A monthly hour with a mentor outside your team, alongside your supervision.",
        "Mentoring",
        (RESILIENCE, ASSESSMENT),
        60,
        stages=NEWLY_QUALIFIED,
    ),
    Plan(
        "Mentoring for Black and global majority staff",
        "Mentoring towards senior and management roles from leaders across the council.",
        "Mentoring",
        (ANTI_RACIST, LEADERSHIP),
        60,
        co_designed_with=STAFF_NETWORK,
    ),
    Plan(
        "Mentoring: the road to senior practitioner",
        "A mentor to help you build evidence for progression to senior practitioner.",
        "Mentoring",
        (LEADERSHIP,),
        60,
        stages=EXPERIENCED,
    ),
    # Shadowing and job rotation: arranged.
    Plan(
        "Shadowing an AMHP",
        "Spend a day with an approved mental health professional on Mental Health Act work.",
        "Shadowing",
        (MENTAL_HEALTH, LAW),
        420,
        provider="AMHP Hub",
    ),
    Plan(
        "Shadowing the front door",
        "A morning with the duty and assessment team as referrals come in.",
        "Shadowing",
        (CHILDREN,),
        210,
    ),
    Plan(
        "Shadowing a day in the family court",
        "Sit with the local authority's advocate through a day of care proceedings.",
        "Shadowing",
        (LAW, CHILDREN),
        420,
        provider="Legal Services",
    ),
    Plan(
        "Shadowing the Hospital Discharge team",
        "A morning on the wards with the discharge team, from referral to home.",
        "Shadowing",
        (ADULTS,),
        210,
        co_designed_with=HOSPITAL_TEAM,
    ),
    Plan(
        "Shadowing a practice supervisor",
        "Observe supervision and reflect on it with the supervisor afterwards.",
        "Shadowing",
        (LEADERSHIP,),
        180,
        stages=EXPERIENCED,
    ),
    Plan(
        "Job rotation: two weeks in the AMHP Hub",
        "Two weeks alongside the AMHP Hub for adult practitioners thinking of AMHP training.",
        "Job rotation",
        (MENTAL_HEALTH,),
        4440,
        provider="AMHP Hub",
        teams=("Hospital Discharge", "Community Team"),
    ),
    Plan(
        "Job rotation: a week with Hospital Discharge",
        "A week with the discharge team for practitioners from the community teams.",
        "Job rotation",
        (ADULTS,),
        2220,
        teams=("Community Team",),
        status=ActivityStatus.DRAFT,
    ),
    # Communities of practice: scheduled.
    Plan(
        "Wellbeing community of practice",
        "A lunchtime space to share what keeps us well, led by the wellbeing champions.",
        "Community of practice",
        (RESILIENCE,),
        60,
    ),
    Plan(
        "Practice educators' community of practice",
        "Practice educators share dilemmas about students, assessment and failing placements.",
        "Community of practice",
        (LEADERSHIP,),
        90,
        stages=EXPERIENCED,
    ),
    Plan(
        "Digital practice community",
        "Practitioners swap tips on the case recording system, video visits and online safety.",
        "Community of practice",
        (DIGITAL,),
        60,
    ),
    Plan(
        "Adult safeguarding community of practice",
        "Case discussion on section 42 enquiries, making safeguarding personal and self-neglect.",
        "Community of practice",
        (ADULTS,),
        90,
    ),
    # Reflective group supervision: scheduled.
    Plan(
        "Anti-racist practice: reflective group",
        "A facilitated group to reflect on race and racism in our cases and our workplace.",
        "Reflective group supervision",
        (ANTI_RACIST, RESILIENCE),
        90,
        co_designed_with=STAFF_NETWORK,
    ),
    Plan(
        "Reflective group supervision: child protection",
        "A monthly group, facilitated by a clinical psychologist, on the emotional side of cases.",
        "Reflective group supervision",
        (CHILDREN, RESILIENCE),
        120,
    ),
    Plan(
        "Reflective group for newly qualified social workers",
        "A safe space for ASYE social workers to talk through the first year.",
        "Reflective group supervision",
        (RESILIENCE, ASSESSMENT),
        90,
        stages=NEWLY_QUALIFIED,
    ),
    Plan(
        "Reflective space for team managers",
        "Team managers reflect together on holding risk, and holding their teams.",
        "Reflective group supervision",
        (LEADERSHIP, RESILIENCE),
        90,
        roles=MANAGERS,
    ),
    # Action learning sets: scheduled.
    Plan(
        "Action learning set: complex adolescents",
        "Bring a stuck case about an adolescent at risk and work through it as a set.",
        "Action learning set",
        (CHILDREN, FAMILIES),
        180,
    ),
    Plan(
        "Action learning set: leading through change",
        "Managers work on a live leadership problem with peers from other services.",
        "Action learning set",
        (LEADERSHIP,),
        180,
        roles=MANAGERS,
    ),
    Plan(
        "Action learning set: self-neglect and hoarding",
        "Practitioners bring self-neglect cases where nothing seems to be working.",
        "Action learning set",
        (ADULTS, MENTAL_HEALTH),
        150,
    ),
    # In-person training: scheduled, at a venue.
    Plan(
        "Court skills: giving evidence",
        "Preparing statements, giving evidence and being cross-examined, with a mock hearing.",
        "In-person training",
        (LAW, CHILDREN),
        360,
        provider="Family Justice Training",
        external=True,
        cost=195,
        other_costs=40,
    ),
    Plan(
        "Mental Capacity Act refresher",
        "The five principles, the two-stage test and recording capacity assessments well.",
        "In-person training",
        (LAW, ADULTS),
        360,
    ),
    Plan(
        "Domestic abuse: coercive control and risk assessment",
        "Using the DASH risk checklist, safety planning and referring to MARAC.",
        "In-person training",
        (CHILDREN, FAMILIES),
        360,
        provider="Domestic Abuse Practice Partnership",
        external=True,
        cost=85,
    ),
    Plan(
        "Trauma-informed practice: the practice day",
        "A day applying trauma-informed approaches to assessments and visits.",
        "In-person training",
        (MENTAL_HEALTH, FAMILIES),
        420,
        provider="Practice Research Partnership",
        external=True,
        cost=240,
        other_costs=120,
    ),
    Plan(
        "Managing stress and building resilience",
        "A half day on stress, sleep and recovery, with a plan to take back to your team.",
        "In-person training",
        (RESILIENCE,),
        210,
        co_designed_with="practitioners from Child Protection and Occupational Health",
    ),
    Plan(
        "Signs of Safety: practice day",
        "Mapping danger and safety with families, replaced by the new practice framework.",
        "In-person training",
        (CHILDREN, ASSESSMENT),
        360,
        provider="Family Work Solutions",
        external=True,
        cost=150,
        status=ActivityStatus.RETIRED,
    ),
    Plan(
        "Professional curiosity in adult safeguarding",
        "Learning from safeguarding adults reviews on asking the second question.",
        "In-person training",
        (ADULTS, ASSESSMENT),
        180,
    ),
    Plan(
        "Practice educator stage 1",
        "The first stage of the Practice Educator Professional Standards, over one long day.",
        "In-person training",
        (LEADERSHIP,),
        420,
        provider="Teaching Partnership (North)",
        external=True,
        cost=450,
        other_costs=60,
        stages=EXPERIENCED,
    ),
    # Conferences: one day each.
    Plan(
        "Annual social work conference: staying well, practising well",
        "Our yearly conference on wellbeing, with workshops led by practitioners.",
        "Conference",
        (RESILIENCE, LEADERSHIP),
        420,
        other_costs=1800,
        bsl=True,
        once=-150,
    ),
    Plan(
        "Regional safeguarding adults conference",
        "Learning from safeguarding adults reviews across the region.",
        "Conference",
        (ADULTS,),
        420,
        provider="Regional Safeguarding Adults Board",
        external=True,
        cost=75,
        other_costs=30,
        once=70,
    ),
    # Other: on demand.
    Plan(
        "Employee assistance programme: counselling and support",
        "Free, confidential counselling by phone or video, 24 hours a day.",
        "Other",
        (RESILIENCE, MENTAL_HEALTH),
        50,
        provider="Employee Assistance Programme",
        external=True,
    ),
    Plan(
        "Lunchtime yoga for desk-bound days",
        "A gentle 30-minute video for a break between visits and recording.",
        "Other",
        (RESILIENCE,),
        30,
        status=ActivityStatus.DRAFT,
    ),
]

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


def _create_dated[M: Model](
    model: type[M], rows: list[tuple[M, datetime.datetime]], fields: tuple[str, ...]
) -> list[M]:
    """bulk_create stamps auto_now fields with the time of the load; the demo's rows carry
    their own history, so the stamps are put back to when each row was made."""
    made = model._default_manager.bulk_create([row for row, _ in rows], batch_size=BATCH)
    for row, when in rows:
        for name in fields:
            setattr(row, name, when)
    model._default_manager.bulk_update(made, list(fields), batch_size=BATCH)
    return made


def _between(
    rng: random.Random, earliest: datetime.datetime, latest: datetime.datetime
) -> datetime.datetime:
    if latest <= earliest:
        return earliest
    return earliest + datetime.timedelta(
        seconds=rng.randrange(int((latest - earliest).total_seconds()))
    )


WorkingDay = Callable[[datetime.date], datetime.date]


def _working_days() -> WorkingDay:
    """The first day from a given one that L&D would run a session or publish on: not a
    weekend, a bank holiday or Christmas week."""
    holidays = frozenset(
        BankHoliday.objects.filter(division=BankHoliday.Division.ENGLAND_AND_WALES).values_list(
            "date", flat=True
        )
    )

    def working(day: datetime.date) -> datetime.date:
        while day.weekday() >= 5 or day in holidays or (day.month, day.day) >= (12, 24):
            day += datetime.timedelta(days=1)
        return day

    return working


def _office_hours(day: datetime.date, rng: random.Random) -> datetime.datetime:
    return london(day, datetime.time(rng.randint(9, 16), rng.choice((0, 15, 30, 45))))


def _delivery_mode(plan: Plan) -> str:
    if plan.format in SCHEDULED_FORMATS:
        return DeliveryMode.SCHEDULED
    if plan.format in ARRANGED_FORMATS:
        return DeliveryMode.ARRANGED
    return DeliveryMode.ON_DEMAND


@dataclass
class Offer:
    """An activity as written, with what the rest of the load needs: its sessions, the teams
    it is for, the mean usefulness its raters give and how often people pick it on demand."""

    plan: Plan
    activity: Activity
    days: list[datetime.date]
    retired_on: datetime.date | None
    team_ids: set[int]
    quality: float
    popularity: int
    sessions: list[Session] = field(default_factory=list)

    @property
    def scheduled(self) -> bool:
        return self.activity.delivery_mode == DeliveryMode.SCHEDULED

    @property
    def offered_until(self) -> datetime.datetime:
        """When people last took it: its retirement, or the records' day."""
        return london(self.retired_on, datetime.time(17, 0)) if self.retired_on else CUTOFF


@dataclass(frozen=True)
class Learner:
    """A practitioner who books, rates and saves, with their team and who agrees their needs."""

    pk: int
    email: str
    stage: str
    started: datetime.date | None
    roles: frozenset[str]
    team_id: int | None
    manager_id: int | None

    def can_take(self, offer: Offer) -> bool:
        plan = offer.plan
        return (
            (not plan.stages or self.stage in plan.stages)
            and (not plan.roles or bool(self.roles & set(plan.roles)))
            and (not offer.team_ids or self.team_id in offer.team_ids)
        )


def load_demo(*, stdout: TextIO) -> None:
    """The catalogue for each demo organisation (never another organisation that happens to
    be in the database: a synthetic one can hold 100,000 people)."""
    slugs = [plan.slug for plan in demo_plans()]
    for organisation in Organisation.objects.filter(slug__in=slugs).order_by("pk"):
        if Activity.objects.filter(organisation=organisation).exists():
            stdout.write(f"{organisation.name}: learning catalogue already loaded.")
            continue
        rng = random.Random(f"{SEED}-catalogue-{organisation.slug}")  # noqa: S311 - repeatable
        made = _load_organisation(organisation, rng)
        stdout.write(
            f"{organisation.name}: {made['activities']} catalogue activities, "
            f"{made['sessions']} sessions, {made['places']} places, {made['ratings']} ratings, "
            f"{made['needs']} learning needs."
        )


def _load_organisation(organisation: Organisation, rng: random.Random) -> Counter:
    """The catalogue, then the places that tell a story (a full session with a waiting list,
    places kept for a team, the demo practitioner's bookings), so they get their seats before
    everyone else's year of learning fills the rest; then what people thought and want."""
    ensure_defaults(organisation)
    author_id = _author_id(organisation)
    learners = _learners(organisation)
    offers = _write_activities(
        organisation, [(plan, plan.title) for plan in PLANS], rng, author_id, _demo_days
    )
    by_title = {offer.activity.title: offer for offer in offers}
    _plan_sessions(organisation, offers, rng)
    takers = [learner for learner in learners if learner.can_take(by_title[FULL_SESSION_TITLE])]
    full = _first_future_session(by_title[FULL_SESSION_TITLE], days=21)
    if full is not None and len(takers) < full.capacity + WAITING:
        full = None  # too few people to fill it (the small second organisation)
    reserved = _first_future_session(by_title[RESERVED_SESSION_TITLE], days=14)
    sessions = _write_sessions(offers, rng)
    places = Places()
    for session in sessions:
        places.seats[session.pk] = session.capacity
    practitioner = next(
        (learner for learner in learners if learner.email == _practitioner_email(organisation)),
        None,
    )
    if full is not None:
        _fill_with_waiting_list(
            full, by_title[FULL_SESSION_TITLE], takers, practitioner, places, rng
        )
    if reserved is not None:
        _reserve_for_team(
            organisation, reserved, by_title[RESERVED_SESSION_TITLE], learners, places, rng
        )
    if practitioner is not None:
        webinar = by_title[PRACTITIONER_BOOKING_TITLE]
        booked = _first_future_session(webinar, days=14, free_for=(practitioner, places))
        if booked is not None:
            places.add(practitioner.pk, booked, webinar, rng)
    for learner in learners:
        _book_a_year(learner, offers, places, rng)
    written = places.write()
    ratings = _session_ratings(written, offers, rng) + _on_demand_ratings(learners, offers, rng)
    _create_dated(Rating, ratings, ("created_at", "updated_at"))
    saves = _saves(learners, offers, places, practitioner, rng)
    _create_dated(SavedActivity, saves, ("saved_at",))
    needs = _needs(learners, practitioner, _topics(organisation), rng, share=0.4)
    _create_dated(LearningNeed, needs, ("created_at", "updated_at"))
    suggestions = _suggestions(organisation, learners, by_title, author_id, rng)
    _create_dated(Suggestion, suggestions, ("created_at",))
    return Counter(
        activities=len(offers),
        sessions=len(sessions),
        places=len(written),
        ratings=len(ratings),
        needs=len(needs),
    )


def _practitioner_email(organisation: Organisation) -> str:
    return f"practitioner@{organisation.slug}.example"


def _author_id(organisation: Organisation) -> int | None:
    """The L&D lead, who keeps the catalogue; an org admin where there is none."""
    for role in (Role.LD_LEAD, Role.ORG_ADMIN):
        found = (
            RoleAssignment.objects.filter(
                person__organisation=organisation, person__is_active=True, role=role
            )
            .order_by("person_id")
            .values_list("person_id", flat=True)
            .first()
        )
        if found is not None:
            return found
    return None


def _topics(organisation: Organisation) -> dict[str, Topic]:
    return {topic.name: topic for topic in Topic.objects.filter(organisation=organisation)}


class _Managers:
    """Who agrees a person's needs: a manager of their team, or of the team above when they
    manage their own team."""

    def __init__(self, organisation: Organisation) -> None:
        self.parents = dict(
            Team.objects.filter(organisation=organisation).values_list("pk", "parent_id")
        )
        self.managers: defaultdict[int, list[int]] = defaultdict(list)
        for team_id, person_id in (
            TeamManager.objects.filter(team__organisation=organisation)
            .order_by("team_id", "person_id")
            .values_list("team_id", "person_id")
        ):
            self.managers[team_id].append(person_id)

    def of(self, person_id: int, team_id: int | None) -> int | None:
        while team_id is not None:
            others = [pk for pk in self.managers[team_id] if pk != person_id]
            if others:
                return others[0]
            team_id = self.parents.get(team_id)
        return None


def _learners(organisation: Organisation) -> list[Learner]:
    """The organisation's active practitioners (a handful of queries: the demo is small)."""
    roles: defaultdict[int, set[str]] = defaultdict(set)
    for person_id, role in RoleAssignment.objects.filter(
        person__organisation=organisation
    ).values_list("person_id", "role"):
        roles[person_id].add(role)
    teams: dict[int, int] = {}
    for person_id, team_id in (
        Membership.objects.current(on=RECORDED_TO)
        .filter(person__organisation=organisation)
        .order_by("-start_date", "pk")
        .values_list("person_id", "team_id")
    ):
        teams.setdefault(person_id, team_id)
    managers = _Managers(organisation)
    people = Person.objects.filter(
        organisation=organisation, is_active=True, role_assignments__role=Role.PRACTITIONER
    ).order_by("pk")
    return [
        Learner(
            pk=person.pk,
            email=person.email,
            stage=person.career_stage,
            started=person.employment_start,
            roles=frozenset(roles[person.pk]),
            team_id=teams.get(person.pk),
            manager_id=managers.of(person.pk, teams.get(person.pk)),
        )
        for person in people
    ]


DaysFor = Callable[[Plan, random.Random, datetime.date | None, WorkingDay], list[datetime.date]]


def _demo_days(
    plan: Plan, rng: random.Random, retired_on: datetime.date | None, working: WorkingDay
) -> list[datetime.date]:
    """Every four to eight weeks over the demo's fifteen months (until retirement), on a
    working day; a conference once."""
    if plan.format not in SCHEDULED_FORMATS or plan.status == ActivityStatus.DRAFT:
        return []
    if plan.once is not None:
        return [working(RECORDED_TO + datetime.timedelta(days=plan.once))]
    last = retired_on or DEMO_LAST
    day = DEMO_FIRST + datetime.timedelta(days=rng.randint(0, 35))
    days = []
    while working(day) <= last:
        days.append(working(day))
        day += datetime.timedelta(weeks=rng.randint(4, 8))
    return days


def _scale_days(
    plan: Plan, rng: random.Random, retired_on: datetime.date | None, working: WorkingDay
) -> list[datetime.date]:
    """Two to four sessions in the synthetic organisation's half-year."""
    if plan.format not in SCHEDULED_FORMATS or plan.status == ActivityStatus.DRAFT:
        return []
    last = retired_on or SCALE_LAST
    working_days = {
        working(SCALE_FIRST + datetime.timedelta(days=n)) for n in range((last - SCALE_FIRST).days)
    }
    days = sorted(day for day in working_days if day <= last)
    if len(days) < 2:
        return []
    return sorted(rng.sample(days, min(len(days), rng.randint(2, 4))))


def _write_activities(
    organisation: Organisation,
    plans: list[tuple[Plan, str]],
    rng: random.Random,
    author_id: int | None,
    days_for: DaysFor,
) -> list[Offer]:
    """The activities with their topics and audience teams; published before their first
    session, retired a few months before ``RECORDED_TO``."""
    formats = {item.name: item for item in Format.objects.filter(organisation=organisation)}
    topics = _topics(organisation)
    teams: dict[str, int] = {}
    for name, pk in Team.objects.filter(organisation=organisation).values_list("name", "pk"):
        teams.setdefault(name, pk)
    internal = f"{organisation.name} Workforce Development"
    working = _working_days()
    offers: list[Offer] = []
    rows: list[tuple[Activity, datetime.datetime]] = []
    for plan, title in plans:
        retired_on = (
            RECORDED_TO - datetime.timedelta(days=rng.randint(60, 150))
            if plan.status == ActivityStatus.RETIRED
            else None
        )
        days = days_for(plan, rng, retired_on, working)
        mode = _delivery_mode(plan)
        activity = Activity(
            organisation=organisation,
            title=title,
            summary=plan.summary,
            format=formats[plan.format],
            duration_minutes=plan.minutes,
            delivery_mode=mode,
            provider_kind=ProviderKind.EXTERNAL if plan.external else ProviderKind.INTERNAL,
            provider_name=plan.provider or internal,
            cost_per_place=Decimal(plan.cost),
            other_direct_costs=Decimal(plan.other_costs),
            link=(
                f"https://learning.example/{organisation.slug}/{slugify(title)}"
                if mode == DeliveryMode.ON_DEMAND
                else ""
            ),
            resource=(
                f"Arranged by {plan.provider or internal}: ask your manager to request it."
                if mode == DeliveryMode.ARRANGED
                else ""
            ),
            has_captions=plan.format in CAPTIONED_FORMATS and rng.random() < 0.85,
            has_transcript=plan.format in TRANSCRIBED_FORMATS and rng.random() < 0.8,
            has_british_sign_language=plan.bsl,
            audience_career_stages=list(plan.stages),
            audience_roles=list(plan.roles),
            co_designed_with=plan.co_designed_with,
            status=plan.status,
            created_by_id=author_id,
        )
        activity.search_text = search_text_for(activity, [topics[name] for name in plan.topics])
        if plan.status == ActivityStatus.DRAFT:
            created = _office_hours(
                working(RECORDED_TO - datetime.timedelta(days=rng.randint(5, 40))), rng
            )
        else:
            latest = retired_on or RECORDED_TO - datetime.timedelta(days=20)
            if days:
                published_on = min(min(days) - datetime.timedelta(days=rng.randint(14, 45)), latest)
            else:
                earliest = RECORDED_TO - datetime.timedelta(days=420)
                published_on = earliest + datetime.timedelta(
                    days=rng.randint(0, (latest - earliest).days)
                )
            activity.published_at = _office_hours(working(published_on), rng)
            created = activity.published_at - datetime.timedelta(days=rng.randint(1, 20))
        rows.append((activity, created))
        offers.append(
            Offer(
                plan=plan,
                activity=activity,
                days=days,
                retired_on=retired_on,
                team_ids={teams[name] for name in plan.teams if name in teams},
                quality=rng.uniform(3.0, 4.7),
                popularity=rng.choice((1, 1, 2, 3, 5, 8)),
            )
        )
    _create_dated(Activity, rows, ("created_at", "updated_at"))
    retired = [offer for offer in offers if offer.retired_on]
    for offer in retired:
        offer.activity.updated_at = offer.offered_until
    Activity.objects.bulk_update(
        [offer.activity for offer in retired], ["updated_at"], batch_size=BATCH
    )
    Activity.topics.through.objects.bulk_create(
        [
            Activity.topics.through(activity_id=offer.activity.pk, topic_id=topics[name].pk)
            for offer in offers
            for name in offer.plan.topics
        ],
        batch_size=BATCH,
    )
    Activity.audience_teams.through.objects.bulk_create(
        [
            Activity.audience_teams.through(activity_id=offer.activity.pk, team_id=team_id)
            for offer in offers
            for team_id in sorted(offer.team_ids)
        ],
        batch_size=BATCH,
    )
    return offers


def _plan_sessions(organisation: Organisation, offers: list[Offer], rng: random.Random) -> None:
    """Unsaved sessions on each offer's days, one in twenty cancelled with a reason."""
    for offer in offers:
        setup = SETUPS.get(offer.plan.format)
        if setup is None:
            continue
        start_time = rng.choice(setup.starts)
        for day in offer.days:
            start = london(day, start_time)
            online = rng.random() < setup.online
            session = Session(
                activity=offer.activity,
                start=start,
                end=start + datetime.timedelta(minutes=offer.plan.minutes),
                online_link=(
                    f"https://meet.example/{organisation.slug}/"
                    f"{slugify(offer.activity.title)[:40]}-{day:%Y%m%d}"
                    if online
                    else ""
                ),
                venue="" if online else rng.choice(VENUES),
                capacity=rng.randint(*setup.capacity),
                booking_deadline=(
                    start - datetime.timedelta(days=setup.deadline_days)
                    if setup.deadline_days
                    else None
                ),
            )
            if rng.random() < 0.05:
                session.cancelled_at = min(
                    start - datetime.timedelta(days=rng.randint(2, 14), hours=rng.randint(0, 8)),
                    CUTOFF - datetime.timedelta(hours=rng.randint(1, 48)),
                )
                session.cancellation_reason = rng.choice(SESSION_CANCELLATIONS)
            offer.sessions.append(session)


def _write_sessions(offers: list[Offer], rng: random.Random) -> list[Session]:
    rows = [
        (
            session,
            min(session.start - datetime.timedelta(days=rng.randint(30, 60)), CUTOFF),
        )
        for offer in offers
        for session in offer.sessions
    ]
    return _create_dated(Session, rows, ("created_at",))


def _first_future_session(
    offer: Offer, *, days: int, free_for: tuple[Learner, Places] | None = None
) -> Session | None:
    """The offer's first session at least ``days`` after ``RECORDED_TO`` that is going ahead
    (with a seat for ``free_for``'s learner on a day they are free), so it stays in the future
    for a while after the demo is loaded."""
    after = CUTOFF + datetime.timedelta(days=days)
    for session in offer.sessions:
        if session.start < after or session.cancelled_at is not None:
            continue
        if free_for is None or free_for[1].free(free_for[0], session):
            return session
    return None


class Places:
    """Places being written, with each session's free seats and each person's activities and
    days, so no one has two places for one activity or one day and no session is overbooked."""

    def __init__(self) -> None:
        self.rows: list[tuple[SessionPlace, datetime.datetime]] = []
        self.seats: dict[int, int] = {}
        self.held: Counter[int] = Counter()
        self.activities: defaultdict[int, set[int]] = defaultdict(set)
        self.days: defaultdict[int, set[datetime.date]] = defaultdict(set)

    def free(self, learner: Learner, session: Session) -> bool:
        return (
            self.held[session.pk] < self.seats[session.pk]
            and session.activity_id not in self.activities[learner.pk]
            and session.start.date() not in self.days[learner.pk]
            and (learner.started is None or learner.started <= session.start.date())
        )

    def add(
        self,
        person_id: int,
        session: Session,
        offer: Offer,
        rng: random.Random,
        *,
        status: str = PlaceStatus.BOOKED,
        reserved_for: SessionReservation | None = None,
        booked_by_id: int | None = None,
        joined: datetime.datetime | None = None,
    ) -> None:
        """A place taken a week to two months before the session (never after the records'
        day); a place on a session later cancelled ends with it."""
        joined = joined or min(
            session.start - datetime.timedelta(days=rng.randint(7, 60), hours=rng.randint(0, 9)),
            CUTOFF - datetime.timedelta(hours=rng.randint(2, 400)),
        )
        ended = None
        if session.cancelled_at is not None:
            status, ended = PlaceStatus.CANCELLED, session.cancelled_at
            joined = min(joined, ended - datetime.timedelta(days=1))
        elif status == PlaceStatus.CANCELLED:
            ended = min(
                session.start - datetime.timedelta(days=rng.randint(1, 6)),
                CUTOFF - datetime.timedelta(hours=1),
            )
            joined = min(joined, ended - datetime.timedelta(days=1))
        place = SessionPlace(
            session=session,
            person_id=person_id,
            status=status,
            reserved_for=reserved_for,
            ended_at=ended,
            booked_by_id=booked_by_id or person_id,
        )
        self.rows.append((place, joined))
        if status == PlaceStatus.BOOKED and reserved_for is None:
            self.held[session.pk] += 1
        self.activities[person_id].add(offer.activity.pk)
        self.days[person_id].add(session.start.date())

    def write(self) -> list[SessionPlace]:
        return _create_dated(SessionPlace, self.rows, ("joined_at",))


def _fill_with_waiting_list(
    session: Session,
    offer: Offer,
    takers: list[Learner],
    practitioner: Learner | None,
    places: Places,
    rng: random.Random,
) -> None:
    """Every seat booked and three people waiting, the demo practitioner second in line."""
    others = [learner for learner in takers if learner != practitioner]
    chosen = rng.sample(others, session.capacity + WAITING - (practitioner is not None))
    waiting = chosen[session.capacity :]
    if practitioner is not None:
        waiting.insert(1, practitioner)
    for learner in chosen[: session.capacity]:
        places.add(learner.pk, session, offer, rng)
    # The waiting list is in the order people joined it, up to the records' day.
    for position, learner in enumerate(waiting):
        joined = CUTOFF - datetime.timedelta(days=10 - 3 * position, hours=rng.randint(1, 8))
        places.add(learner.pk, session, offer, rng, status=PlaceStatus.WAITING, joined=joined)


def _reserve_for_team(
    organisation: Organisation,
    session: Session,
    offer: Offer,
    learners: list[Learner],
    places: Places,
    rng: random.Random,
) -> None:
    """Places kept for one team, half of them already given out by its manager."""
    team_id = (
        Team.objects.filter(organisation=organisation, name=RESERVED_TEAM)
        .values_list("pk", flat=True)
        .first()
    )
    if team_id is None:
        sizes = Counter(learner.team_id for learner in learners if learner.team_id is not None)
        if not sizes:
            return
        team_id = sizes.most_common(1)[0][0]
    reservation = SessionReservation.objects.create(
        session=session, team_id=team_id, places=RESERVED_PLACES
    )
    # The reserved seats are not open to everyone else.
    places.seats[session.pk] -= RESERVED_PLACES
    members = [
        learner
        for learner in learners
        if learner.team_id == team_id
        and Role.TEAM_MANAGER not in learner.roles
        and learner.manager_id is not None
        and places.free(learner, session)
    ]
    for learner in rng.sample(members, min(len(members), RESERVED_PLACES // 2)):
        places.add(
            learner.pk,
            session,
            offer,
            rng,
            reserved_for=reservation,
            booked_by_id=learner.manager_id,
        )


def _book_a_year(learner: Learner, offers: list[Offer], places: Places, rng: random.Random) -> None:
    """Eight to fourteen sessions over the past year (more for newly qualified staff, fewer
    for people who joined during it), one in ten cancelled; up to two booked ahead."""
    open_offers = [offer for offer in offers if offer.sessions and learner.can_take(offer)]
    sessions = [session for offer in open_offers for session in offer.sessions]
    by_activity = {offer.activity.pk: offer for offer in open_offers}
    past = [session for session in sessions if session.start < CUTOFF]
    future = [session for session in sessions if session.start >= CUTOFF]
    wanted = rng.randint(8, 14) + (3 if learner.stage == CareerStage.NEWLY_QUALIFIED else 0)
    if learner.started and learner.started > DEMO_FIRST:
        wanted = round(wanted * (RECORDED_TO - learner.started).days / 365)
    for pool, count, cancel_chance in ((past, wanted, 0.1), (future, rng.randint(0, 2), 0.05)):
        for session in rng.sample(pool, len(pool)):
            if count <= 0:
                break
            if not places.free(learner, session):
                continue
            status = PlaceStatus.CANCELLED if rng.random() < cancel_chance else PlaceStatus.BOOKED
            places.add(learner.pk, session, by_activity[session.activity_id], rng, status=status)
            count -= 1


def _usefulness(offer: Offer, rng: random.Random) -> tuple[int, bool, str]:
    usefulness = max(1, min(5, round(rng.gauss(offer.quality, 0.9))))
    recommend = usefulness >= 4 or (usefulness == 3 and rng.random() < 0.4)
    comment = ""
    if rng.random() < 0.35:
        pool = (
            GOOD_COMMENTS
            if usefulness >= 4
            else MIXED_COMMENTS
            if usefulness == 3
            else POOR_COMMENTS
        )
        comment = rng.choice(pool)
    return usefulness, recommend, comment


def _rating(
    offer: Offer, person_id: int, when: datetime.datetime, rng: random.Random
) -> tuple[Rating, datetime.datetime]:
    usefulness, recommend, comment = _usefulness(offer, rng)
    rating = Rating(
        activity=offer.activity,
        person_id=person_id,
        usefulness=usefulness,
        would_recommend=recommend,
        comment=comment,
    )
    return rating, when


def _session_ratings(
    written: list[SessionPlace], offers: list[Offer], rng: random.Random
) -> list[tuple[Rating, datetime.datetime]]:
    """Two in five of the people who had a place on a session that went ahead rate it."""
    by_activity = {offer.activity.pk: offer for offer in offers}
    rows = []
    for place in written:
        session = place.session
        if (
            place.status == PlaceStatus.BOOKED
            and session.end <= CUTOFF
            and session.cancelled_at is None
            and rng.random() < 0.4
        ):
            when = min(session.end + datetime.timedelta(days=rng.randint(0, 6)), CUTOFF)
            rows.append(_rating(by_activity[session.activity_id], place.person_id, when, rng))
    return rows


def _on_demand_ratings(
    learners: list[Learner], offers: list[Offer], rng: random.Random
) -> list[tuple[Rating, datetime.datetime]]:
    """One to five ratings each of things done on demand or arranged, popular ones most."""
    rateable = [
        offer
        for offer in offers
        if not offer.scheduled and offer.plan.status != ActivityStatus.DRAFT
    ]
    rows = []
    for learner in learners:
        mine = [offer for offer in rateable if learner.can_take(offer)]
        if not mine:
            continue
        picked = {
            id(offer): offer
            for offer in rng.choices(
                mine, weights=[offer.popularity for offer in mine], k=rng.randint(1, 5)
            )
        }
        for offer in picked.values():
            when = _between(rng, offer.activity.published_at, offer.offered_until)
            rows.append(_rating(offer, learner.pk, when, rng))
    return rows


def _saves(
    learners: list[Learner],
    offers: list[Offer],
    places: Places,
    practitioner: Learner | None,
    rng: random.Random,
) -> list[tuple[SavedActivity, datetime.datetime]]:
    """A third of people keep a short learning list of things they have not booked yet."""
    published = [offer for offer in offers if offer.plan.status == ActivityStatus.PUBLISHED]
    rows = []
    for learner in learners:
        if learner == practitioner:
            chosen = [offer for offer in published if offer.activity.title in PRACTITIONER_SAVES]
        elif rng.random() < 0.35:
            mine = [
                offer
                for offer in published
                if learner.can_take(offer)
                and offer.activity.pk not in places.activities[learner.pk]
            ]
            chosen = rng.sample(mine, min(len(mine), rng.randint(1, 5)))
        else:
            continue
        for offer in chosen:
            when = _between(rng, offer.activity.published_at, CUTOFF)
            rows.append((SavedActivity(person_id=learner.pk, activity=offer.activity), when))
    return rows


def _need(
    person_id: int,
    manager_id: int | None,
    topic_name: str,
    topics: dict[str, Topic],
    rng: random.Random,
) -> tuple[LearningNeed, datetime.datetime]:
    """A need raised in the last ten months; half agreed by the manager in supervision."""
    created = CUTOFF - datetime.timedelta(days=rng.randint(10, 300), hours=rng.randint(0, 8))
    need = LearningNeed(
        person_id=person_id,
        topic=topics[topic_name],
        details=rng.choice(NEED_DETAILS[topic_name]),
    )
    if manager_id is not None and rng.random() < 0.5:
        need.status = NeedStatus.AGREED
        need.agreed_by_id = manager_id
        need.agreed_at = min(created + datetime.timedelta(days=rng.randint(3, 30)), CUTOFF)
    return need, created


def _need_topics(rng: random.Random) -> list[str]:
    names = rng.choices(list(NEED_WEIGHTS), weights=list(NEED_WEIGHTS.values()), k=2)
    return list(dict.fromkeys(names[: rng.randint(1, 2)]))


def _needs(
    learners: list[Learner],
    practitioner: Learner | None,
    topics: dict[str, Topic],
    rng: random.Random,
    *,
    share: float,
) -> list[tuple[LearningNeed, datetime.datetime]]:
    """One or two needs for ``share`` of practitioners, the demo practitioner among them with
    a resilience need, so their recommendations have something to go on."""
    others = [learner for learner in learners if learner != practitioner]
    wanted = round(share * len(learners)) - (practitioner is not None)
    chosen = rng.sample(others, max(0, min(len(others), wanted)))
    rows = []
    if practitioner is not None:
        rows.append(_need(practitioner.pk, practitioner.manager_id, RESILIENCE, topics, rng))
    for learner in sorted(chosen, key=lambda learner: learner.pk):
        for name in _need_topics(rng):
            rows.append(_need(learner.pk, learner.manager_id, name, topics, rng))
    return rows


def _suggestions(
    organisation: Organisation,
    learners: list[Learner],
    by_title: dict[str, Offer],
    author_id: int | None,
    rng: random.Random,
) -> list[tuple[Suggestion, datetime.datetime]]:
    """Suggestions waiting for L&D, and some decided: an accepted activity became a draft and
    an accepted topic joined the list."""
    if not learners:
        return []
    topics = _topics(organisation)
    rows = []
    for plan in SUGGESTIONS:
        created = CUTOFF - datetime.timedelta(days=rng.randint(5, 200), hours=rng.randint(0, 8))
        suggestion = Suggestion(
            organisation=organisation,
            suggested_by_id=rng.choice(learners).pk,
            kind=plan.kind,
            title=plan.title,
            details=plan.details,
            topic=topics[plan.topic] if plan.topic else None,
            status=plan.status,
            decline_reason=plan.decline_reason,
        )
        if plan.status != SuggestionStatus.OPEN:
            suggestion.decided_by_id = author_id
            suggestion.decided_at = min(
                created + datetime.timedelta(days=rng.randint(2, 20)), CUTOFF
            )
        if plan.status == SuggestionStatus.ACCEPTED:
            if plan.kind == SuggestionKind.ACTIVITY:
                suggestion.activity = by_title[plan.title].activity
            else:
                suggestion.created_topic, _ = Topic.objects.get_or_create(
                    organisation=organisation, name=plan.title
                )
        rows.append((suggestion, created))
    return rows


def extend_scale(*, organisation: Organisation, stdout: TextIO) -> None:
    """About 300 activities, two to four sessions for each scheduled one, places and ratings,
    and learning needs for a fifth of the people: written a chunk of people at a time, so a
    100,000-person organisation fits in memory."""
    rng = random.Random(f"scale-catalogue-{organisation.slug}")  # noqa: S311 - repeatable
    ensure_defaults(organisation)
    count = min(SCALE_ACTIVITIES, len(SCALE_VARIANTS) * len(PLANS))
    plans = [
        (PLANS[n % len(PLANS)], PLANS[n % len(PLANS)].title + SCALE_VARIANTS[n // len(PLANS)])
        for n in range(count)
    ]
    offers = _write_activities(organisation, plans, rng, _author_id(organisation), _scale_days)
    _plan_sessions(organisation, offers, rng)
    sessions = _write_sessions(offers, rng)
    made = _scale_people(organisation, offers, sessions, rng)
    stdout.write(
        f"{organisation.slug}: {len(offers)} catalogue activities, {len(sessions)} sessions, "
        f"{made['places']} places, {made['ratings']} ratings, {made['needs']} learning needs."
    )


def _membership_chunks(organisation: Organisation) -> Iterator[list[tuple[int, int, str]]]:
    """(person, team, career stage) for every current member, ``BATCH`` at a time."""
    rows = (
        Membership.objects.current(on=RECORDED_TO)
        .filter(team__organisation=organisation, person__is_active=True)
        .order_by("person_id", "pk")
        .values_list("person_id", "team_id", "person__career_stage")
        .iterator(chunk_size=BATCH)
    )
    chunk: list[tuple[int, int, str]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == BATCH:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _scale_people(
    organisation: Organisation, offers: list[Offer], sessions: list[Session], rng: random.Random
) -> Counter:
    """Places on sessions until about half the seats are taken, ratings from half the people
    who went and a few thousand on demand, and needs for a fifth of people."""
    people = organisation.people.count() or 1
    open_sessions = [session for session in sessions if session.cancelled_at is None]
    seats = sum(session.capacity for session in open_sessions) // 2
    by_activity = {offer.activity.pk: offer for offer in offers}
    rateable = [
        offer
        for offer in offers
        if not offer.scheduled
        and offer.plan.status != ActivityStatus.DRAFT
        and not offer.plan.stages
        and not offer.plan.roles
    ]
    weights = [offer.popularity for offer in rateable]
    place_chance = min(1.0, seats / people)
    rating_chance = min(1.0, SCALE_ON_DEMAND_RATINGS / (2 * people))
    held: Counter[int] = Counter()
    topics = _topics(organisation)
    managers = _Managers(organisation)
    made: Counter = Counter()
    seen: set[int] = set()
    for chunk in _membership_chunks(organisation):
        places: list[tuple[SessionPlace, datetime.datetime]] = []
        ratings: list[tuple[Rating, datetime.datetime]] = []
        needs: list[tuple[LearningNeed, datetime.datetime]] = []
        for person_id, team_id, stage in chunk:
            if person_id in seen:  # one row a person, whatever their memberships
                continue
            seen.add(person_id)
            if open_sessions and rng.random() < place_chance:
                session = rng.choice(open_sessions)
                offer = by_activity[session.activity_id]
                fits = not offer.plan.roles and (
                    not offer.plan.stages or stage in offer.plan.stages
                )
                if fits and held[session.pk] < session.capacity:
                    held[session.pk] += 1
                    joined = min(
                        session.start - datetime.timedelta(days=rng.randint(7, 60)),
                        CUTOFF - datetime.timedelta(hours=rng.randint(2, 400)),
                    )
                    places.append(
                        (
                            SessionPlace(
                                session=session,
                                person_id=person_id,
                                status=PlaceStatus.BOOKED,
                                booked_by_id=person_id,
                            ),
                            joined,
                        )
                    )
                    if session.end <= CUTOFF and rng.random() < 0.5:
                        ratings.append(_rating(offer, person_id, session.end, rng))
            if rateable and rng.random() < rating_chance:
                for offer in {
                    id(offer): offer
                    for offer in rng.choices(rateable, weights=weights, k=rng.randint(1, 3))
                }.values():
                    when = _between(rng, offer.activity.published_at, offer.offered_until)
                    ratings.append(_rating(offer, person_id, when, rng))
            if rng.random() < 0.2:
                manager_id = managers.of(person_id, team_id)
                for name in _need_topics(rng):
                    needs.append(_need(person_id, manager_id, name, topics, rng))
        _create_dated(SessionPlace, places, ("joined_at",))
        _create_dated(Rating, ratings, ("created_at", "updated_at"))
        _create_dated(LearningNeed, needs, ("created_at", "updated_at"))
        made.update(places=len(places), ratings=len(ratings), needs=len(needs))
    return made
