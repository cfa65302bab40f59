"""Factories for tests and benchmarks. They write rows directly (no services, no audit entries)
so a test can set up any situation in a few lines; the behaviour under test always goes through
the services, pages or API.

``make_booking``, ``make_cover``, ``make_absence`` and ``make_session`` are the short spellings
the planner and catalogue tests use; each is a factory call.
"""

import datetime

import factory
from django.utils import timezone

from core.time import LONDON
from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    Format,
    PlaceStatus,
    Session,
    SessionPlace,
)
from planner.models import Absence, AbsenceKind, Booking, BookingPurpose, CoverAssignment
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


# Time ---------------------------------------------------------------------------------------


def london(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """A wall-clock time in London on ``day``."""
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def this_monday() -> datetime.date:
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


# Protected time -----------------------------------------------------------------------------


class BookingFactory(factory.django.DjangoModelFactory):
    """Approved learning from 09:00 to 12:00 London time on ``day`` (next Monday by default)."""

    class Meta:
        model = Booking
        exclude = ("day", "start_hour", "end_hour")

    class Params:
        day = factory.LazyFunction(lambda: this_monday() + datetime.timedelta(days=7))
        start_hour = 9
        end_hour = 12

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SelfAttribute("person.organisation")
    start = factory.LazyAttribute(lambda o: london(o.day, o.start_hour))
    end = factory.LazyAttribute(lambda o: london(o.day, o.end_hour))
    title = "Motivational interviewing"
    purpose = BookingPurpose.CATALOGUE
    status = "approved"
    requested_by = factory.SelfAttribute("person")


class CoverAssignmentFactory(factory.django.DjangoModelFactory):
    """A colleague covering the whole booking's duty."""

    class Meta:
        model = CoverAssignment

    booking = factory.SubFactory(BookingFactory)
    colleague = factory.SubFactory(PersonFactory)
    start = factory.SelfAttribute("booking.start")
    end = factory.SelfAttribute("booking.end")
    duties = factory.LazyFunction(lambda: ["duty"])


class AbsenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Absence

    person = factory.SubFactory(PersonFactory)
    kind = AbsenceKind.ANNUAL_LEAVE
    start_date = factory.LazyFunction(timezone.localdate)
    end_date = factory.SelfAttribute("start_date")


def make_booking(person: Person, day: datetime.date, **fields: object) -> Booking:
    return BookingFactory(person=person, day=day, **fields)


def make_cover(booking: Booking, colleague: Person, **fields: object) -> CoverAssignment:
    return CoverAssignmentFactory(booking=booking, colleague=colleague, **fields)


def make_absence(
    person: Person, first: datetime.date, last: datetime.date, kind: str = AbsenceKind.ANNUAL_LEAVE
) -> Absence:
    return AbsenceFactory(person=person, start_date=first, end_date=last, kind=kind)


# Learning catalogue -------------------------------------------------------------------------


class FormatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Format
        django_get_or_create = ("organisation", "name")

    organisation = factory.SubFactory(OrganisationFactory)
    name = "Webinar"


class ActivityFactory(factory.django.DjangoModelFactory):
    """A published 90-minute webinar with scheduled sessions."""

    class Meta:
        model = Activity

    organisation = factory.SubFactory(OrganisationFactory)
    title = "Contextual safeguarding webinar"
    format = factory.SubFactory(FormatFactory, organisation=factory.SelfAttribute("..organisation"))
    duration_minutes = 90
    delivery_mode = DeliveryMode.SCHEDULED
    status = ActivityStatus.PUBLISHED


class SessionFactory(factory.django.DjangoModelFactory):
    """An online session of the activity in two weeks' time."""

    class Meta:
        model = Session

    activity = factory.SubFactory(ActivityFactory)
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    end = factory.LazyAttribute(
        lambda o: o.start + datetime.timedelta(minutes=o.activity.duration_minutes)
    )
    online_link = "https://example.org/webinar"
    capacity = 10


class PlaceFactory(factory.django.DjangoModelFactory):
    """A booked place on a session."""

    class Meta:
        model = SessionPlace

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory(PersonFactory)
    status = PlaceStatus.BOOKED


def make_session(
    organisation: Organisation, *, capacity: int = 10, status: str = ActivityStatus.PUBLISHED
) -> Session:
    return SessionFactory(
        activity=ActivityFactory(organisation=organisation, status=status), capacity=capacity
    )
