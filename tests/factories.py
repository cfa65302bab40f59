"""Factories for tests and benchmarks. They write rows directly (no audit entries) so tests can
set up any situation; behaviour under test always goes through the services."""

import datetime

import factory
from django.utils import timezone

from teams.models import (
    Membership,
    Organisation,
    Person,
    Registration,
    Regulator,
    RoleAssignment,
    Team,
    TeamManager,
    WorkingPattern,
)
from teams.models.organisation import path_below

TEST_PASSWORD = "correct horse battery staple"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Borough Council {n}")
    slug = factory.Sequence(lambda n: f"borough-{n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    kind = Team.Kind.TEAM
    parent = None

    @factory.post_generation
    def set_path(obj: Team, create: bool, extracted: object, **kwargs: object) -> None:
        obj.path = path_below(obj.parent if obj.parent_id else None, obj.pk)
        if create:
            obj.save(update_fields=["path"])


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    employee_number = factory.Sequence(lambda n: f"E{n:05d}")
    job_title = "Social worker"
    employment_start = datetime.date(2020, 1, 6)

    @factory.post_generation
    def password(obj: Person, create: bool, extracted: str | None, **kwargs: object) -> None:
        obj.set_password(extracted or TEST_PASSWORD)
        if create:
            obj.save(update_fields=["password"])

    @factory.post_generation
    def roles(obj: Person, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        for role in extracted if extracted is not None else ["practitioner"]:
            RoleAssignment.objects.create(person=obj, role=role)

    @factory.post_generation
    def team(obj: Person, create: bool, extracted: Team | None, **kwargs: object) -> None:
        if extracted is not None:
            Membership.objects.create(
                person=obj, team=extracted, start_date=datetime.date(2020, 1, 6)
            )

    @factory.post_generation
    def manages(obj: Person, create: bool, extracted: list[Team] | None, **kwargs: object) -> None:
        for team in extracted or []:
            TeamManager.objects.create(person=obj, team=team)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    team = factory.SubFactory(TeamFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=365))


class WorkingPatternFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingPattern

    person = factory.SubFactory(PersonFactory)
    effective_from = datetime.date(2020, 1, 6)
    monday_minutes = 444
    tuesday_minutes = 444
    wednesday_minutes = 444
    thursday_minutes = 444
    friday_minutes = 444


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    person = factory.SubFactory(PersonFactory)
    regulator = factory.LazyFunction(lambda: Regulator.objects.get(code="swe"))
    number = factory.Sequence(lambda n: f"SW{100000 + n}")
    registered_on = datetime.date(2019, 12, 1)
    renewal_due = datetime.date(2026, 11, 30)
