"""The activities each demo organisation's catalogue holds, as L&D would describe them (data
only: about eighty plans)."""

from __future__ import annotations

from dataclasses import dataclass

from learning_catalogue.models import (
    ActivityStatus,
)
from teams.models import (
    CareerStage,
    Role,
)

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
