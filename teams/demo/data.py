"""What the demo organisations are made of (data only): the fixed seed and dates, working
patterns, the plans' shapes, Northshire's tree of teams, the sign-ins shown by ``demo_logins``
and the names people are drawn from. ``teams.demo.builders`` turns them into plans."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

# A demo password, not a secret: every demo person signs in with it. Long enough for the
# password rules (12+ characters) and printed by ``make run``.
DEMO_PASSWORD = "protected-time-demo"

# Dates hang off a fixed day rather than today, so running the seed next month changes nothing;
# the three years of history end here.
ANCHOR = datetime.date(2026, 9, 1)
HISTORY_START = datetime.date(2023, 9, 1)
SEED = 20260901
# HCPC renews occupational therapists every two years, all on one date.
HCPC_RENEWAL = datetime.date(2027, 4, 30)

# Contracted minutes per weekday (Monday first): 37 hours a week is 444 minutes a day.
FULL_TIME = (444, 444, 444, 444, 444, 0, 0)
COMPRESSED_4_DAYS = (555, 555, 555, 555, 0, 0, 0)
PART_TIME_3_DAYS = (444, 444, 444, 0, 0, 0, 0)
PART_TIME_4_DAYS = (444, 444, 0, 444, 444, 0, 0)
SCHOOL_HOURS = (300, 300, 300, 300, 300, 0, 0)
PATTERNS = {
    "full time": FULL_TIME,
    "compressed (4 days of 9.25 hours)": COMPRESSED_4_DAYS,
    "part time (3 days)": PART_TIME_3_DAYS,
    "part time (4 days)": PART_TIME_4_DAYS,
    "school hours": SCHOOL_HOURS,
}


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    what_they_see: str


@dataclass(frozen=True)
class TeamPlan:
    """A service or team, placed under its parent by name path."""

    path: tuple[str, ...]
    kind: str = "team"
    minimum_staff_on_duty: int = 0

    @property
    def name(self) -> str:
        return self.path[-1]


@dataclass(frozen=True)
class RegistrationPlan:
    regulator: str
    number: str
    registered_on: datetime.date
    renewal_due: datetime.date


@dataclass
class PersonPlan:
    employee_number: str
    full_name: str
    email: str
    job_title: str
    roles: tuple[str, ...]
    contract_type: str
    career_stage: str
    employment_start: datetime.date
    asye_start_date: datetime.date | None = None
    employment_end: datetime.date | None = None
    leaving_reason: str = ""
    # (team path, start, end) in date order; a mover has two, the first one ended.
    memberships: list[tuple[tuple[str, ...], datetime.date, datetime.date | None]] = field(
        default_factory=list
    )
    # (effective from, minutes Monday..Sunday)
    patterns: list[tuple[datetime.date, tuple[int, ...]]] = field(default_factory=list)
    registrations: list[RegistrationPlan] = field(default_factory=list)
    specialisms: tuple[str, ...] = ()
    manages: tuple[tuple[str, ...], ...] = ()


@dataclass
class OrganisationPlan:
    name: str
    slug: str
    brand_colour: str
    admin: PersonPlan
    teams: list[TeamPlan]
    people: list[PersonPlan]


CHILDREN = ("Children's Services",)
ASSESSMENT = (*CHILDREN, "Assessment")
ASSESSMENT_1 = (*ASSESSMENT, "Assessment Team 1")
ASSESSMENT_2 = (*ASSESSMENT, "Assessment Team 2")
CHILD_PROTECTION = (*CHILDREN, "Child Protection")
CHILDREN_IN_CARE = (*CHILDREN, "Children in Care")
ADULTS = ("Adult Services",)
HOSPITAL = (*ADULTS, "Hospital Discharge")
COMMUNITY = (*ADULTS, "Community Team")
AMHP_HUB = (*ADULTS, "AMHP Hub")

NORTHSHIRE_TEAMS = [
    TeamPlan(CHILDREN, kind="service"),
    TeamPlan(ASSESSMENT, kind="service"),
    TeamPlan(ASSESSMENT_1, minimum_staff_on_duty=3),
    TeamPlan(ASSESSMENT_2, minimum_staff_on_duty=3),
    TeamPlan(CHILD_PROTECTION, minimum_staff_on_duty=4),
    TeamPlan(CHILDREN_IN_CARE, minimum_staff_on_duty=3),
    TeamPlan(ADULTS, kind="service"),
    TeamPlan(HOSPITAL, minimum_staff_on_duty=3),
    TeamPlan(COMMUNITY, minimum_staff_on_duty=3),
    TeamPlan(AMHP_HUB, minimum_staff_on_duty=2),
]
FRONT_LINE_TEAMS = [plan.path for plan in NORTHSHIRE_TEAMS if plan.kind == "team"]

NORTHSHIRE_LOGINS = [
    DemoLogin("Org admin", "admin@northshire.example", "structure, people and the audit log"),
    DemoLogin("L&D lead", "ld@northshire.example", "everyone in the organisation"),
    DemoLogin("Service manager", "service.manager@northshire.example", "every Assessment team"),
    DemoLogin("Team manager", "manager@northshire.example", "Assessment Team 1"),
    DemoLogin("Practitioner", "practitioner@northshire.example", "themselves"),
]
SOUTHSHIRE_LOGINS = [
    DemoLogin("Org admin (second organisation)", "admin@southshire.example", "only Southshire"),
]

FIRST_NAMES = [
    "Amara",
    "Ben",
    "Chloe",
    "Dev",
    "Ella",
    "Femi",
    "Grace",
    "Hamza",
    "Isla",
    "Jack",
    "Kemi",
    "Liam",
    "Megan",
    "Nadia",
    "Owen",
    "Priya",
    "Rhys",
    "Sade",
    "Tom",
    "Uzma",
    "Victor",
    "Wen",
    "Yusuf",
    "Zara",
    "Aled",
    "Bethan",
    "Ciaran",
    "Deborah",
    "Eilidh",
    "Farah",
    "Gethin",
    "Hannah",
    "Imran",
    "Joanne",
    "Kwame",
    "Lucy",
    "Mohammed",
    "Niamh",
    "Oliver",
    "Patience",
    "Rosa",
    "Simon",
    "Tariq",
]
LAST_NAMES = [
    "Adeyemi",
    "Barker",
    "Chaudhry",
    "Davies",
    "Evans",
    "Fraser",
    "Gallagher",
    "Hughes",
    "Iqbal",
    "Jones",
    "Kaur",
    "Lewis",
    "Morgan",
    "Nwosu",
    "O'Brien",
    "Patel",
    "Quinn",
    "Roberts",
    "Shah",
    "Thomas",
    "Usman",
    "Vaughan",
    "Walsh",
    "Yeung",
    "Ahmed",
    "Brennan",
    "Clarke",
    "Doyle",
    "Ellis",
    "Fletcher",
    "Griffiths",
    "Hussain",
    "Jackson",
    "Khan",
    "Lloyd",
    "Mensah",
]
