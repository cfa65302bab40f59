"""A synthetic organisation of N people for benchmarks: ``manage.py seed_scale --people N``.

Unlike ``seed_demo`` this writes with ``bulk_create`` in batches rather than through
``teams.services``: the services write one audit entry per row, which would make 100,000 people
take hours and fill the audit log with noise. Scale data is for measuring, not for reading.

The tree: directorates → services → teams of about twelve people, each team and service with a
manager; one org admin and one L&D lead; working patterns and Social Work England registrations
for most people.
"""

from __future__ import annotations

import datetime
import math
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Max

from core.hooks import app_functions
from teams.demo.data import COMPRESSED_4_DAYS, FULL_TIME, PART_TIME_3_DAYS
from teams.models import (
    CareerStage,
    ContractType,
    Membership,
    Organisation,
    Person,
    Registration,
    Regulator,
    Role,
    RoleAssignment,
    Team,
    TeamManager,
    WorkingPattern,
)
from teams.models.organisation import path_below

BATCH = 5_000
TEAM_SIZE = 12
TEAMS_PER_SERVICE = 20
SERVICES_PER_DIRECTORATE = 10
START = datetime.date(2020, 4, 1)
# Scale registrations use seven-digit numbers from here up, clear of the demo's shorter ones.
FIRST_SCALE_NUMBER = 5_000_000
SCALE_PASSWORD = "protected-time-scale"
# Three in five full time, the rest compressed or part time.
PATTERNS = [FULL_TIME, FULL_TIME, FULL_TIME, COMPRESSED_4_DAYS, PART_TIME_3_DAYS]
CONTRACTS = [ContractType.PERMANENT] * 7 + [
    ContractType.FIXED_TERM,
    ContractType.AGENCY,
    ContractType.LOCUM,
]


def admin_email(slug: str) -> str:
    return f"admin@{slug}.example"


def service_manager_email(slug: str) -> str:
    """The manager of the first service, who sees about 240 people."""
    return f"service.manager.1@{slug}.example"


class Command(BaseCommand):
    help = "Creates a synthetic organisation of N people with bulk inserts (for benchmarks)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=int, required=True)
        parser.add_argument("--organisation", help="Slug (default scale-N).")

    def handle(self, *args: object, **options: object) -> None:
        count = int(options["people"])  # type: ignore[arg-type]
        if count < 1:
            raise CommandError("--people must be at least 1.")
        slug = str(options["organisation"] or f"scale-{count}")
        if Organisation.objects.filter(slug=slug).exists():
            raise CommandError(f"An organisation with slug {slug!r} already exists.")
        started = time.perf_counter()
        with transaction.atomic():
            organisation = Organisation.objects.create(name=f"Scale test {slug}", slug=slug)
            teams, services = self.create_tree(organisation, count)
            self.create_people(organisation, count, teams, services)
            for extend_scale in app_functions("demo", "extend_scale"):
                extend_scale(organisation=organisation, stdout=self.stdout)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"{slug}: {count} people in {len(teams)} teams and {len(services)} services "
            f"in {elapsed:.1f}s."
        )

    def create_tree(self, organisation: Organisation, count: int) -> tuple[list[Team], list[Team]]:
        team_count = max(1, math.ceil(count / TEAM_SIZE))
        service_count = max(1, math.ceil(team_count / TEAMS_PER_SERVICE))
        directorate_count = max(1, math.ceil(service_count / SERVICES_PER_DIRECTORATE))
        directorates = self.create_level(
            organisation,
            [(None, f"Directorate {n + 1}", Team.Kind.SERVICE) for n in range(directorate_count)],
        )
        services = self.create_level(
            organisation,
            [
                (directorates[n // SERVICES_PER_DIRECTORATE], f"Service {n + 1}", Team.Kind.SERVICE)
                for n in range(service_count)
            ],
        )
        teams = self.create_level(
            organisation,
            [
                (services[n // TEAMS_PER_SERVICE], f"Team {n + 1}", Team.Kind.TEAM)
                for n in range(team_count)
            ],
        )
        return teams, services

    def create_level(
        self, organisation: Organisation, rows: list[tuple[Team | None, str, str]]
    ) -> list[Team]:
        """One depth of the tree; paths need the new primary keys, so they are set after."""
        teams = Team.objects.bulk_create(
            [
                Team(organisation=organisation, parent=parent, name=name, kind=kind)
                for parent, name, kind in rows
            ],
            batch_size=BATCH,
        )
        for team in teams:
            team.path = path_below(team.parent, team.pk)
        Team.objects.bulk_update(teams, ["path"], batch_size=BATCH)
        return teams

    def create_people(
        self, organisation: Organisation, count: int, teams: list[Team], services: list[Team]
    ) -> None:
        # One hash for everyone: hashing 100,000 passwords would take longer than the rest.
        password = make_password(SCALE_PASSWORD)
        swe = Regulator.objects.get(code="swe")
        first_number = self.first_free_number(swe)
        slug = organisation.slug
        for batch_start in range(0, count, BATCH):
            indexes = range(batch_start, min(count, batch_start + BATCH))
            people = Person.objects.bulk_create(
                [self.person(organisation, index, slug, password) for index in indexes],
                batch_size=BATCH,
            )
            roles: list[RoleAssignment] = []
            memberships: list[Membership] = []
            patterns: list[WorkingPattern] = []
            registrations: list[Registration] = []
            managers: list[TeamManager] = []
            for index, person in zip(indexes, people, strict=True):
                roles.append(RoleAssignment(person=person, role=Role.PRACTITIONER))
                extra_role, managed = self.special_role(index, teams, services)
                if extra_role:
                    roles.append(RoleAssignment(person=person, role=extra_role))
                if managed is not None:
                    managers.append(TeamManager(person=person, team=managed))
                team = teams[min(index // TEAM_SIZE, len(teams) - 1)]
                memberships.append(Membership(person=person, team=team, start_date=START))
                minutes = PATTERNS[index % len(PATTERNS)]
                patterns.append(
                    WorkingPattern(
                        person=person,
                        effective_from=START,
                        monday_minutes=minutes[0],
                        tuesday_minutes=minutes[1],
                        wednesday_minutes=minutes[2],
                        thursday_minutes=minutes[3],
                        friday_minutes=minutes[4],
                    )
                )
                if index % 10 != 9:  # students and unregistered staff have none
                    registrations.append(
                        Registration(
                            person=person,
                            regulator=swe,
                            number=f"SW{first_number + index}",
                            registered_on=START,
                            renewal_due=datetime.date(2026, 11, 30),
                        )
                    )
            for model, rows in [
                (RoleAssignment, roles),
                (TeamManager, managers),
                (Membership, memberships),
                (WorkingPattern, patterns),
                (Registration, registrations),
            ]:
                model.objects.bulk_create(rows, batch_size=BATCH)

    def person(self, organisation: Organisation, index: int, slug: str, password: str) -> Person:
        if index == 0:
            email = admin_email(slug)
        elif index == TEAM_SIZE:
            email = service_manager_email(slug)
        else:
            email = f"person.{index}@{slug}.example"
        return Person(
            organisation=organisation,
            email=email,
            full_name=f"Person {index:06d}",
            employee_number=f"S{index:07d}",
            job_title="Social worker",
            contract_type=CONTRACTS[index % len(CONTRACTS)],
            career_stage=CareerStage.EXPERIENCED,
            employment_start=START,
            password=password,
        )

    def special_role(
        self, index: int, teams: list[Team], services: list[Team]
    ) -> tuple[str | None, Team | None]:
        """Person 0 is the org admin, person 1 the L&D lead; the first of each team manages it,
        and the second of each service's first team manages the service."""
        if index == 0:
            return Role.ORG_ADMIN, None
        if index == 1:
            return Role.LD_LEAD, None
        team_number, position = divmod(index, TEAM_SIZE)
        if position == 0 and team_number < len(teams):
            # Person 12 (first of team 2) manages service 1, so a service manager exists even in
            # small organisations; everyone else first in a team manages that team.
            if team_number % TEAMS_PER_SERVICE == 1:
                return Role.TEAM_MANAGER, services[team_number // TEAMS_PER_SERVICE]
            return Role.TEAM_MANAGER, teams[team_number]
        return None, None

    def first_free_number(self, regulator: Regulator) -> int:
        """Registration numbers are unique across organisations: continue after the last one."""
        highest = (
            Registration.objects.filter(regulator=regulator, number__regex=r"^SW[5-9]\d{6}$")
            .aggregate(highest=Max("number"))
            .get("highest")
        )
        return int(highest[2:]) + 1 if highest else FIRST_SCALE_NUMBER
