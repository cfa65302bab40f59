"""Loads the demo organisations: ``manage.py seed_demo``.

Deterministic (a fixed seed and anchor date in ``teams.demo``) and idempotent: every row has a
stable key (organisation slug, team name under its parent, employee number, membership team and
start date, pattern date, registration number), so a second run finds everything in place and
changes nothing. Writes go through ``teams.services`` as the organisation's admin, so the audit
log reads like a real one; only the organisation and its first admin are made directly, because
the services need an admin to act.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from core.hooks import app_functions
from teams import services
from teams.demo import DEMO_PASSWORD, OrganisationPlan, PersonPlan, demo_plans
from teams.models import (
    Membership,
    Organisation,
    Person,
    Registration,
    Regulator,
    Role,
    RoleAssignment,
    Team,
)
from teams.models.people import WEEKDAY_FIELDS


class Command(BaseCommand):
    help = "Loads the demo organisations (idempotent: running it again changes nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the demo on a production system (a public demo site) all the same.",
        )

    def handle(self, *args: object, **options: object) -> None:
        if settings.PRODUCTION and not options["allow_production"]:
            # The demo accounts share a password printed in the README: on a live system they
            # would be doors anyone can open.
            raise CommandError(
                "This is a production system (DJANGO_ENV=production): the demo would add "
                "accounts whose password is published. Run it with --allow-production only on "
                "a public demo site."
            )
        # Every demo person shares one password hash: hashing each with PBKDF2 would take a
        # minute, and the password is a published demo one anyway.
        self.password_hash = make_password(DEMO_PASSWORD)
        self.regulators = {regulator.code: regulator for regulator in Regulator.objects.all()}
        for plan in demo_plans():
            with transaction.atomic():
                created = self.load(plan)
            self.stdout.write(
                f"{plan.name}: {Person.objects.filter(organisation__slug=plan.slug).count()} "
                f"people ({created} new)."
            )
        for load_demo in app_functions("demo", "load_demo"):
            with transaction.atomic():
                load_demo(stdout=self.stdout)

    def load(self, plan: OrganisationPlan) -> int:
        admin = self.bootstrap(plan)
        teams = self.load_teams(plan, admin)
        created = 0
        for person_plan in plan.people:
            created += self.load_person(person_plan, admin, teams)
        self.load_person(plan.admin, admin, teams)
        for person_plan in plan.people:
            for path in person_plan.manages:
                person = Person.objects.get(email=person_plan.email)
                services.team_manager_add(actor=admin, team=teams[path], person=person)
        return created

    def bootstrap(self, plan: OrganisationPlan) -> Person:
        """The organisation and its first admin, who then does everything else."""
        organisation, _ = Organisation.objects.get_or_create(
            slug=plan.slug, defaults={"name": plan.name, "brand_colour": plan.brand_colour}
        )
        admin = Person.objects.filter(email=plan.admin.email).first()
        if admin is None:
            admin = Person.objects.create(
                organisation=organisation,
                email=plan.admin.email,
                full_name=plan.admin.full_name,
                employee_number=plan.admin.employee_number,
                job_title=plan.admin.job_title,
                employment_start=plan.admin.employment_start,
                password=self.password_hash,
            )
            RoleAssignment.objects.create(person=admin, role=Role.ORG_ADMIN)
        if (organisation.name, organisation.brand_colour) != (plan.name, plan.brand_colour):
            services.organisation_update(
                actor=admin,
                organisation=organisation,
                name=plan.name,
                brand_colour=plan.brand_colour,
            )
        return admin

    def load_teams(self, plan: OrganisationPlan, admin: Person) -> dict[tuple[str, ...], Team]:
        teams: dict[tuple[str, ...], Team] = {}
        for team_plan in plan.teams:
            parent = teams[team_plan.path[:-1]] if len(team_plan.path) > 1 else None
            team = Team.objects.filter(
                organisation=admin.organisation, parent=parent, name=team_plan.name
            ).first()
            if team is None:
                team = services.team_create(
                    actor=admin,
                    name=team_plan.name,
                    kind=team_plan.kind,
                    parent=parent,
                    minimum_staff_on_duty=team_plan.minimum_staff_on_duty,
                )
            teams[team_plan.path] = team
        return teams

    def load_person(
        self, plan: PersonPlan, admin: Person, teams: dict[tuple[str, ...], Team]
    ) -> int:
        """Creates or brings up to date one person; 1 when they were new."""
        fields = {
            "employee_number": plan.employee_number,
            "job_title": plan.job_title,
            "contract_type": plan.contract_type,
            "employment_start": plan.employment_start,
            "employment_end": plan.employment_end,
            "leaving_reason": plan.leaving_reason,
            "career_stage": plan.career_stage,
            "asye_start_date": plan.asye_start_date,
            "is_active": plan.employment_end is None,
        }
        person = Person.objects.filter(email=plan.email).first()
        created = person is None
        if person is None:
            person = services.person_create(
                actor=admin, email=plan.email, full_name=plan.full_name, roles=plan.roles, **fields
            )
            Person.objects.filter(pk=person.pk).update(password=self.password_hash)
        else:
            person = services.person_update(
                actor=admin, person=person, full_name=plan.full_name, **fields
            )
            services.person_roles_set(
                actor=admin, person=person, roles={*person.roles, *plan.roles}
            )
        services.person_specialisms_set(actor=admin, person=person, tags=plan.specialisms)
        for path, start, end in plan.memberships:
            existing = Membership.objects.filter(
                person=person, team=teams[path], start_date=start
            ).first()
            if existing is None:
                services.membership_start(
                    actor=admin,
                    person=person,
                    team=teams[path],
                    start_date=start,
                    end_date=end,
                    ends_other_memberships=False,
                )
            elif existing.end_date is None and end is not None:
                services.membership_end(actor=admin, membership=existing, end_date=end)
        for effective_from, minutes in plan.patterns:
            services.working_pattern_set(
                actor=admin,
                person=person,
                effective_from=effective_from,
                minutes=dict(zip(WEEKDAY_FIELDS, minutes, strict=True)),
            )
        for registration in plan.registrations:
            regulator = self.regulators[registration.regulator]
            existing_registration = Registration.objects.filter(
                regulator=regulator, number=registration.number
            ).first()
            dates = {
                "registered_on": registration.registered_on,
                "renewal_due": registration.renewal_due,
            }
            if existing_registration is None:
                services.registration_add(
                    actor=admin,
                    person=person,
                    regulator=regulator,
                    number=registration.number,
                    **dates,
                )
            elif existing_registration.person_id == person.pk:
                services.registration_update(
                    actor=admin, registration=existing_registration, **dates
                )
        return int(created)
