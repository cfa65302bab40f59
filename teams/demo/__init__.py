"""The demo organisations: who they are, and how to sign in as each role.

``seed_demo`` builds them from the plans here and ``demo_logins`` prints the sign-ins, so both
read the same list. Everything is derived from a fixed random seed and a fixed anchor date, so
the data is the same on every machine and on every run.

``data`` holds what is written (data only); ``builders`` the building blocks; ``northshire``
and ``southshire`` each organisation's plan. The names the
seed commands, the other apps' demos and the load test read are re-exported here on purpose,
so they keep one short address (``teams.demo.SEED``) whichever module holds them.
"""

from teams.demo.data import (
    ANCHOR,
    DEMO_PASSWORD,
    NORTHSHIRE_LOGINS,
    SEED,
    SOUTHSHIRE_LOGINS,
    OrganisationPlan,
    PersonPlan,
)
from teams.demo.northshire import northshire_plan
from teams.demo.southshire import southshire_plan

__all__ = [
    "ANCHOR",
    "DEMO_PASSWORD",
    "NORTHSHIRE_LOGINS",
    "SEED",
    "SOUTHSHIRE_LOGINS",
    "OrganisationPlan",
    "PersonPlan",
    "demo_plans",
]


def demo_plans() -> list[OrganisationPlan]:
    return [northshire_plan(), southshire_plan()]
