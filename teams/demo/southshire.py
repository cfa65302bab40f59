"""Southshire Partnership Trust's plan: a second, small employer in the same deployment."""

from __future__ import annotations

import datetime
import random

from teams.demo.builders import Numbers, renewal_due, work_email
from teams.demo.data import (
    ANCHOR,
    FULL_TIME,
    PART_TIME_3_DAYS,
    SEED,
    OrganisationPlan,
    PersonPlan,
    RegistrationPlan,
    TeamPlan,
)
from teams.models import CareerStage, ContractType, Role


def southshire_plan() -> OrganisationPlan:
    """A second, small employer in the same deployment: its people never see Northshire's."""
    rng = random.Random(SEED + 1)  # noqa: S311 - repeatable demo data, not a secret
    numbers = Numbers(rng)
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
                email=work_email(name, "southshire.example"),
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
                        renewal_due(ANCHOR),
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
