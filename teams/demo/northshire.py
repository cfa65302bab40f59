"""Northshire County Council's plan: about 60 current staff in two services, three years of
joiners, movers, pattern changes and leavers, drawn with a seeded generator."""

from __future__ import annotations

import datetime
import random

from teams.demo.builders import Numbers, days_after, renewal_due, work_email
from teams.demo.data import (
    ADULTS,
    AMHP_HUB,
    ANCHOR,
    ASSESSMENT,
    ASSESSMENT_1,
    ASSESSMENT_2,
    CHILD_PROTECTION,
    CHILDREN_IN_CARE,
    COMMUNITY,
    COMPRESSED_4_DAYS,
    FIRST_NAMES,
    FRONT_LINE_TEAMS,
    FULL_TIME,
    HCPC_RENEWAL,
    HISTORY_START,
    HOSPITAL,
    LAST_NAMES,
    NORTHSHIRE_TEAMS,
    PART_TIME_3_DAYS,
    PART_TIME_4_DAYS,
    PATTERNS,
    SEED,
    OrganisationPlan,
    PersonPlan,
    RegistrationPlan,
)
from teams.models import CareerStage, ContractType, Role, SpecialismTag
from teams.models.people import LeavingReason


def northshire_plan() -> OrganisationPlan:
    """Northshire County Council: about 60 current staff and three years of movement."""
    rng = random.Random(SEED)  # noqa: S311 - repeatable demo data, not a secret
    numbers = Numbers(rng)
    people: list[PersonPlan] = []
    names_used: set[str] = set()

    def unique_name() -> str:
        while True:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if name not in names_used:
                names_used.add(name)
                return name

    def swe_registration(since: datetime.date) -> RegistrationPlan:
        return RegistrationPlan("swe", numbers.swe(), since, renewal_due(ANCHOR))

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
                start = days_after(HISTORY_START, rng, 0, (ANCHOR - HISTORY_START).days - 30)
            else:
                start = datetime.date(rng.randint(2004, 2022), rng.choice((1, 4, 6, 9)), 1)
        plan = PersonPlan(
            employee_number=f"NCC{len(people) + 1001:05d}",
            full_name=full_name,
            email=email or work_email(full_name, "northshire.example"),
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
                RegistrationPlan("nmc", numbers.nmc(), registered, renewal_due(ANCHOR))
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
            start=days_after(ANCHOR, rng, -200, -40),
        )

    # Movers: six people changed team during the history, keeping the old membership, ended.
    movable = [
        p
        for p in people
        if p.memberships and not p.manages and p.email != "practitioner@northshire.example"
    ]
    for person in rng.sample(movable, 6):
        old_team, start, _ = person.memberships[0]
        moved_on = max(days_after(start, rng, 120, 700), days_after(HISTORY_START, rng, 30, 400))
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
        changed_on = days_after(max(person.employment_start, HISTORY_START), rng, 90, 500)
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
        left = days_after(
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
