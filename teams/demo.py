"""The demo organisations: who they are, and how to sign in as each role.

``seed_demo`` builds them from the plans here and ``demo_logins`` prints the sign-ins, so both
read the same list. Everything is derived from a fixed random seed and a fixed anchor date, so
the data is the same on every machine and on every run.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from teams.models import CareerStage, ContractType, Role, SpecialismTag
from teams.models.people import LeavingReason

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


def _email(full_name: str, domain: str) -> str:
    local = full_name.lower().replace("'", "").replace(" ", ".")
    return f"{local}@{domain}"


class _Numbers:
    """Registration numbers that are valid for their regulator and never repeat."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            number = make()
            if number not in self.used:
                self.used.add(number)
                return number

    def swe(self) -> str:
        return self._unique(lambda: f"SW{self.rng.randint(10000, 999999)}")

    def hcpc(self) -> str:
        return self._unique(lambda: f"OT{self.rng.randint(10000, 99999)}")

    def nmc(self) -> str:
        letters = "ABCDEFGHIJKL"
        return self._unique(
            lambda: (
                f"{self.rng.randint(0, 99):02d}{self.rng.choice(letters)}"
                f"{self.rng.randint(0, 9999):04d}{self.rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}"
            )
        )


def _renewal_due(on: datetime.date) -> datetime.date:
    """Social Work England registrations renew every year by 30 November."""
    due = datetime.date(on.year, 11, 30)
    return due if due >= on else datetime.date(on.year + 1, 11, 30)


def _days_after(start: datetime.date, rng: random.Random, low: int, high: int) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(low, high))


def northshire_plan() -> OrganisationPlan:
    """Northshire County Council: about 60 current staff and three years of movement."""
    rng = random.Random(SEED)  # noqa: S311 - repeatable demo data, not a secret
    numbers = _Numbers(rng)
    people: list[PersonPlan] = []
    names_used: set[str] = set()

    def unique_name() -> str:
        while True:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if name not in names_used:
                names_used.add(name)
                return name

    def swe_registration(since: datetime.date) -> RegistrationPlan:
        return RegistrationPlan("swe", numbers.swe(), since, _renewal_due(ANCHOR))

    def add(
        *,
        full_name: str | None = None,
        email: str | None = None,
        job_title: str,
        roles: tuple[str, ...] = (Role.PRACTITIONER,),
        team: tuple[str, ...] | None,
        career_stage: str = CareerStage.EXPERIENCED,
        contract_type: str = ContractType.PERMANENT,
        pattern: tuple[int, ...] = FULL_TIME,
        regulator: str = "swe",
        specialisms: tuple[str, ...] = (),
        manages: tuple[tuple[str, ...], ...] = (),
        start: datetime.date | None = None,
    ) -> PersonPlan:
        full_name = full_name or unique_name()
        names_used.add(full_name)
        if start is None:
            # A third joined during the three years of history; the rest were already there.
            if career_stage != CareerStage.EXPERIENCED or rng.random() < 0.3:
                start = _days_after(HISTORY_START, rng, 0, (ANCHOR - HISTORY_START).days - 30)
            else:
                start = datetime.date(rng.randint(2004, 2022), rng.choice((1, 4, 6, 9)), 1)
        plan = PersonPlan(
            employee_number=f"NCC{len(people) + 1001:05d}",
            full_name=full_name,
            email=email or _email(full_name, "northshire.example"),
            job_title=job_title,
            roles=roles,
            contract_type=contract_type,
            career_stage=career_stage,
            employment_start=start,
            specialisms=specialisms,
            manages=manages,
        )
        if career_stage == CareerStage.NEWLY_QUALIFIED:
            plan.asye_start_date = start
        if team is not None:
            plan.memberships.append((team, start, None))
        plan.patterns.append((start, pattern))
        registered = min(start, ANCHOR) - datetime.timedelta(days=rng.randint(30, 900))
        if career_stage == CareerStage.STUDENT:
            pass  # students are not registered yet
        elif regulator == "swe":
            plan.registrations.append(swe_registration(registered))
        elif regulator == "hcpc":
            plan.registrations.append(
                RegistrationPlan("hcpc", numbers.hcpc(), registered, HCPC_RENEWAL)
            )
        elif regulator == "nmc":
            plan.registrations.append(
                RegistrationPlan("nmc", numbers.nmc(), registered, _renewal_due(ANCHOR))
            )
        people.append(plan)
        return plan

    admin = PersonPlan(
        employee_number="NCC01000",
        full_name="Aisha Rahman",
        email="admin@northshire.example",
        job_title="Workforce systems manager",
        roles=(Role.ORG_ADMIN,),
        contract_type=ContractType.PERMANENT,
        career_stage=CareerStage.EXPERIENCED,
        employment_start=datetime.date(2015, 4, 1),
        patterns=[(datetime.date(2015, 4, 1), FULL_TIME)],
    )
    names_used.add(admin.full_name)
    add(
        full_name="Gareth Lloyd",
        email="ld@northshire.example",
        job_title="Workforce development lead",
        roles=(Role.LD_LEAD,),
        team=None,
        regulator="",
        pattern=PART_TIME_4_DAYS,
        start=datetime.date(2018, 9, 1),
    )
    add(
        full_name="Sam Osei",
        email="service.manager@northshire.example",
        job_title="Service manager, Assessment",
        roles=(Role.TEAM_MANAGER, Role.PRACTITIONER),
        team=None,
        manages=(ASSESSMENT,),
        specialisms=(SpecialismTag.PRACTICE_SUPERVISOR,),
        start=datetime.date(2012, 1, 1),
    )
    add(
        full_name="Helen Marsh",
        job_title="Head of Adult Services",
        roles=(Role.TEAM_MANAGER, Role.PRACTITIONER),
        team=None,
        manages=(ADULTS,),
        start=datetime.date(2009, 6, 1),
    )
    for team in FRONT_LINE_TEAMS:
        is_demo_team = team == ASSESSMENT_1
        add(
            full_name="Maya Okafor" if is_demo_team else None,
            email="manager@northshire.example" if is_demo_team else None,
            job_title=f"Team manager, {team[-1]}",
            roles=(Role.TEAM_MANAGER, Role.PRACTITIONER),
            team=team,
            manages=(team,),
            specialisms=(SpecialismTag.PRACTICE_SUPERVISOR,),
            pattern=COMPRESSED_4_DAYS if team == HOSPITAL else FULL_TIME,
            start=datetime.date(2014 + len(people) % 6, 3, 1),
        )
    add(
        full_name="Priya Natarajan",
        email="practitioner@northshire.example",
        job_title="Social worker",
        team=ASSESSMENT_1,
        specialisms=(SpecialismTag.PRACTICE_EDUCATOR,),
        start=datetime.date(2019, 10, 7),
    )

    # The front line: a mix of stages, contracts and patterns in every team.
    staffing = {
        ASSESSMENT_1: 7,
        ASSESSMENT_2: 7,
        CHILD_PROTECTION: 8,
        CHILDREN_IN_CARE: 7,
        HOSPITAL: 7,
        COMMUNITY: 7,
        AMHP_HUB: 4,
    }
    pattern_names = list(PATTERNS)
    for team, count in staffing.items():
        for index in range(count):
            roll = rng.random()
            stage = (
                CareerStage.STUDENT
                if index == count - 1 and team in (ASSESSMENT_2, COMMUNITY)
                # AMHPs are experienced social workers (or nurses) by definition.
                else CareerStage.NEWLY_QUALIFIED
                if roll < 0.2 and team != AMHP_HUB
                else CareerStage.EXPERIENCED
            )
            contract = rng.choices(
                [ContractType.PERMANENT, ContractType.FIXED_TERM, ContractType.AGENCY],
                weights=[75, 10, 15],
            )[0]
            regulator = "swe"
            title = "Social worker"
            specialisms: tuple[str, ...] = ()
            if stage == CareerStage.STUDENT:
                title, contract = "Student social worker", ContractType.FIXED_TERM
            elif stage == CareerStage.NEWLY_QUALIFIED:
                title = "Social worker (ASYE)"
            elif team in (HOSPITAL, COMMUNITY) and index == 0:
                title, regulator = "Occupational therapist", "hcpc"
            elif team == AMHP_HUB:
                title, specialisms = "Approved mental health professional", (SpecialismTag.AMHP,)
                if index == 0:
                    title, regulator = "Mental health nurse (AMHP)", "nmc"
            elif team in (HOSPITAL, COMMUNITY) and rng.random() < 0.4:
                title, specialisms = "Senior social worker", (SpecialismTag.BIA,)
            elif rng.random() < 0.25:
                title = "Senior practitioner"
                specialisms = (SpecialismTag.PRACTICE_EDUCATOR,)
            if contract == ContractType.AGENCY and stage == CareerStage.EXPERIENCED:
                title = f"{title} (agency)"
            pattern = PATTERNS[rng.choices(pattern_names, weights=[60, 12, 12, 12, 4])[0]]
            add(
                job_title=title,
                team=team,
                career_stage=stage,
                contract_type=contract,
                pattern=pattern if stage != CareerStage.STUDENT else FULL_TIME,
                regulator=regulator,
                specialisms=specialisms,
            )
    # Two locums covering vacancies.
    for team in (CHILD_PROTECTION, HOSPITAL):
        add(
            job_title="Locum social worker",
            team=team,
            contract_type=ContractType.LOCUM,
            start=_days_after(ANCHOR, rng, -200, -40),
        )

    # Movers: six people changed team during the history, keeping the old membership, ended.
    movable = [
        p
        for p in people
        if p.memberships and not p.manages and p.email != "practitioner@northshire.example"
    ]
    for person in rng.sample(movable, 6):
        old_team, start, _ = person.memberships[0]
        moved_on = max(_days_after(start, rng, 120, 700), _days_after(HISTORY_START, rng, 30, 400))
        if moved_on >= ANCHOR:
            continue
        # Moves stay within a service; the AMHP Hub takes only warranted AMHPs.
        new_team = rng.choice(
            [
                team
                for team in FRONT_LINE_TEAMS
                if team[0] == old_team[0] and team not in (old_team, AMHP_HUB)
            ]
        )
        person.memberships = [
            (old_team, start, moved_on - datetime.timedelta(days=1)),
            (new_team, moved_on, None),
        ]
    # Some people changed their hours: back from parental leave part time, or compressed.
    for person in rng.sample(people[8:], 5):
        changed_on = _days_after(max(person.employment_start, HISTORY_START), rng, 90, 500)
        if changed_on < ANCHOR:
            person.patterns.append((changed_on, rng.choice([PART_TIME_3_DAYS, COMPRESSED_4_DAYS])))

    # Leavers: people who left during the three years, inactive with a reason.
    reasons = [
        LeavingReason.RESIGNATION,
        LeavingReason.RESIGNATION,
        LeavingReason.RETIREMENT,
        LeavingReason.END_OF_CONTRACT,
        LeavingReason.RESIGNATION,
        LeavingReason.OTHER,
        LeavingReason.RESIGNATION,
        LeavingReason.END_OF_CONTRACT,
    ]
    for reason in reasons:
        team = rng.choice(FRONT_LINE_TEAMS)
        contract = (
            ContractType.AGENCY
            if reason == LeavingReason.END_OF_CONTRACT
            else ContractType.PERMANENT
        )
        leaver = add(
            job_title="Social worker",
            team=team,
            contract_type=contract,
            start=datetime.date(rng.randint(2008, 2022), rng.choice((1, 4, 9)), 1),
        )
        left = _days_after(
            max(HISTORY_START, leaver.employment_start), rng, 60, (ANCHOR - HISTORY_START).days - 60
        )
        left = min(left, ANCHOR - datetime.timedelta(days=14))
        leaver.employment_end = left
        leaver.leaving_reason = reason
        leaver.memberships = [(team, leaver.employment_start, left)]

    return OrganisationPlan(
        name="Northshire County Council",
        slug="northshire",
        brand_colour="#0b4f6c",
        admin=admin,
        teams=NORTHSHIRE_TEAMS,
        people=people,
    )


def southshire_plan() -> OrganisationPlan:
    """A second, small employer in the same deployment: its people never see Northshire's."""
    rng = random.Random(SEED + 1)  # noqa: S311 - repeatable demo data, not a secret
    numbers = _Numbers(rng)
    adults = ("Adult Social Care",)
    team = (*adults, "Southshire Reablement")
    admin = PersonPlan(
        employee_number="SPT0001",
        full_name="Owen Pritchard",
        email="admin@southshire.example",
        job_title="Principal social worker",
        roles=(Role.ORG_ADMIN, Role.LD_LEAD),
        contract_type=ContractType.PERMANENT,
        career_stage=CareerStage.EXPERIENCED,
        employment_start=datetime.date(2016, 2, 1),
        patterns=[(datetime.date(2016, 2, 1), FULL_TIME)],
    )
    people = []
    for index, name in enumerate(
        ["Bronwen Ashby", "Carlos Mendes", "Dami Akin", "Erin Walsh", "Faisal Noor"]
    ):
        start = datetime.date(2019 + index % 4, 5, 1)
        people.append(
            PersonPlan(
                employee_number=f"SPT{index + 2:04d}",
                full_name=name,
                email=_email(name, "southshire.example"),
                job_title="Team manager" if index == 0 else "Social worker",
                roles=(Role.TEAM_MANAGER, Role.PRACTITIONER) if index == 0 else ("practitioner",),
                contract_type=ContractType.PERMANENT,
                career_stage=CareerStage.EXPERIENCED,
                employment_start=start,
                memberships=[(team, start, None)],
                patterns=[(start, FULL_TIME if index % 2 else PART_TIME_3_DAYS)],
                registrations=[
                    RegistrationPlan(
                        "swe",
                        numbers.swe(),
                        start - datetime.timedelta(days=400),
                        _renewal_due(ANCHOR),
                    )
                ],
                manages=(team,) if index == 0 else (),
            )
        )
    return OrganisationPlan(
        name="Southshire Partnership Trust",
        slug="southshire",
        brand_colour="#4c2a85",
        admin=admin,
        teams=[TeamPlan(adults, kind="service"), TeamPlan(team, minimum_staff_on_duty=2)],
        people=people,
    )


def demo_plans() -> list[OrganisationPlan]:
    return [northshire_plan(), southshire_plan()]
