"""The demo's learning catalogue: realistic, the same on every run, safe to load twice; and
seed_scale's catalogue for a synthetic organisation."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db.models import Count, F, Q

from learning_catalogue.defaults import DEFAULT_FORMATS
from learning_catalogue.filters import CatalogueFilters, browse
from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    LearningNeed,
    NeedStatus,
    PlaceStatus,
    Rating,
    SavedActivity,
    Session,
    SessionPlace,
    SessionReservation,
    Suggestion,
    SuggestionStatus,
)
from learning_catalogue.selectors import BITE_SIZE_MINUTES
from planner.demo import RECORDED_TO
from teams.models import Organisation, Person, Role
from tests.seeding import fingerprint, seed_demo

pytestmark = pytest.mark.django_db

# Columns that do not depend on when the seed ran or on primary keys.
COLUMNS = {
    Activity: (
        "organisation__slug",
        "title",
        "status",
        "format__name",
        "duration_minutes",
        "published_at",
        "created_at",
        "search_text",
    ),
    Session: (
        "activity__organisation__slug",
        "activity__title",
        "start",
        "capacity",
        "cancelled_at",
    ),
    SessionReservation: ("session__activity__title", "session__start", "team__name", "places"),
    SessionPlace: (
        "session__activity__title",
        "session__start",
        "person__email",
        "status",
        "joined_at",
    ),
    Rating: ("activity__title", "person__email", "usefulness", "comment", "created_at"),
    SavedActivity: ("activity__title", "person__email", "saved_at"),
    LearningNeed: ("person__email", "topic__name", "status", "agreed_by__email", "created_at"),
    Suggestion: ("organisation__slug", "title", "status", "suggested_by__email", "created_at"),
}


def test_running_twice_changes_nothing_and_a_fresh_load_is_identical():
    seed_demo()
    first = fingerprint(COLUMNS)
    assert "learning catalogue already loaded" in seed_demo()
    assert fingerprint(COLUMNS) == first
    LearningNeed.objects.all().delete()
    Suggestion.objects.all().delete()
    Activity.objects.all().delete()
    seed_demo()
    assert fingerprint(COLUMNS) == first


def test_a_realistic_catalogue_for_each_demo_organisation():
    out = seed_demo()
    for organisation in Organisation.objects.filter(slug__in=["northshire", "southshire"]):
        count = Activity.objects.filter(organisation=organisation).count()
        assert f"{organisation.name}: {count} catalogue activities" in out
    northshire = Organisation.objects.get(slug="northshire")
    activities = Activity.objects.filter(organisation=northshire)
    assert 70 <= activities.count() <= 90
    statuses = Counter(activities.values_list("status", flat=True))
    assert statuses[ActivityStatus.DRAFT] == 5
    assert statuses[ActivityStatus.RETIRED] == 5
    published = activities.filter(status=ActivityStatus.PUBLISHED)
    assert set(activities.values_list("format__name", flat=True)) == set(DEFAULT_FORMATS)
    assert published.filter(duration_minutes__lte=BITE_SIZE_MINUTES).count() >= 15
    assert not activities.filter(search_text="").exists()
    assert not published.filter(published_at=None).exists()
    assert not activities.filter(status=ActivityStatus.DRAFT).exclude(published_at=None).exists()
    # Formats are delivered the way they would be, and everything on demand has a link.
    assert set(
        activities.filter(format__name__in=["Webinar", "In-person training"]).values_list(
            "delivery_mode", flat=True
        )
    ) == {DeliveryMode.SCHEDULED}
    assert set(
        activities.filter(format__name__in=["Mentoring", "Shadowing"]).values_list(
            "delivery_mode", flat=True
        )
    ) == {DeliveryMode.ARRANGED}
    assert not activities.filter(delivery_mode=DeliveryMode.ON_DEMAND, link="").exists()
    assert activities.filter(cost_per_place__gt=0).count() < activities.count() / 4
    assert activities.filter(other_direct_costs__gt=0).exists()
    assert activities.exclude(co_designed_with="").count() >= 3
    assert activities.exclude(audience_career_stages=[]).exists()
    resilience = published.filter(topics__name="Emotional resilience and wellbeing").count()
    assert resilience == max(
        published.filter(topics__name=name).count()
        for name in published.values_list("topics__name", flat=True)
    )
    sessions_run_over_the_year(northshire)
    people_took_part_and_rated_what_they_did(northshire)
    practitioners_have_needs_lists_and_suggestions(northshire)
    the_demo_practitioner_has_something_to_see()


def sessions_run_over_the_year(organisation: Organisation) -> None:
    sessions = Session.objects.filter(activity__organisation=organisation)
    assert sessions.filter(start__date__lt=RECORDED_TO).count() > 100
    assert sessions.filter(start__date__gt=RECORDED_TO).count() > 20
    assert not sessions.filter(
        start__date__gt=RECORDED_TO.replace(year=RECORDED_TO.year + 1)
    ).exists()
    assert not sessions.exclude(activity__delivery_mode=DeliveryMode.SCHEDULED).exists()
    cancelled = sessions.exclude(cancelled_at=None)
    assert cancelled.exists()
    assert not cancelled.filter(cancellation_reason="").exists()
    assert not sessions.filter(online_link="", venue="").exists()
    assert all(8 <= capacity <= 30 for capacity in sessions.values_list("capacity", flat=True))
    booked = sessions.annotate(
        booked=Count(
            "places", filter=Q(places__status=PlaceStatus.BOOKED, places__reserved_for=None)
        )
    )
    reserved = {
        reservation.session_id: reservation.places
        for reservation in SessionReservation.objects.filter(session__in=sessions)
    }
    assert all(
        session.booked + reserved.get(session.pk, 0) <= session.capacity for session in booked
    )
    full = [
        session
        for session in booked.filter(start__date__gt=RECORDED_TO)
        if session.booked == session.capacity
        and session.places.filter(status=PlaceStatus.WAITING).exists()
    ]
    assert full
    assert reserved
    assert SessionPlace.objects.filter(
        session_id__in=reserved, reserved_for__isnull=False, status=PlaceStatus.BOOKED
    ).exists()
    assert not SessionPlace.objects.filter(
        session__in=cancelled, status__in=[PlaceStatus.BOOKED, PlaceStatus.WAITING]
    ).exists()


def people_took_part_and_rated_what_they_did(organisation: Organisation) -> None:
    places = SessionPlace.objects.filter(session__activity__organisation=organisation)
    statuses = Counter(places.values_list("status", flat=True))
    assert statuses[PlaceStatus.BOOKED] > 300
    assert statuses[PlaceStatus.CANCELLED] > 20
    # Places are taken before the session, and before the records' day.
    assert not places.filter(joined_at__gte=F("session__start")).exists()
    assert not places.filter(joined_at__date__gte=RECORDED_TO).exists()
    attended = set(
        places.filter(
            status=PlaceStatus.BOOKED,
            session__cancelled_at=None,
            session__start__date__lt=RECORDED_TO,
        ).values_list("session__activity_id", "person_id")
    )
    ratings = Rating.objects.filter(activity__organisation=organisation)
    scheduled = set(
        ratings.filter(activity__delivery_mode=DeliveryMode.SCHEDULED).values_list(
            "activity_id", "person_id"
        )
    )
    assert scheduled and scheduled <= attended
    assert not ratings.filter(activity__status=ActivityStatus.DRAFT).exists()
    counts = Counter(
        ratings.filter(activity__status=ActivityStatus.PUBLISHED).values_list(
            "activity_id", flat=True
        )
    )
    assert sum(1 for count in counts.values() if count >= 3) >= 35
    assert any(count in (1, 2) for count in counts.values())
    assert ratings.exclude(comment="").count() > 30
    assert set(ratings.values_list("usefulness", flat=True)) >= {2, 3, 4, 5}


def practitioners_have_needs_lists_and_suggestions(organisation: Organisation) -> None:
    practitioners = Person.objects.filter(
        organisation=organisation, is_active=True, role_assignments__role=Role.PRACTITIONER
    )
    with_needs = practitioners.filter(learning_needs__isnull=False).distinct().count()
    assert 0.3 <= with_needs / practitioners.count() <= 0.5
    needs = LearningNeed.objects.filter(person__organisation=organisation)
    topics = Counter(needs.values_list("topic__name", flat=True))
    assert topics.most_common(1)[0][0] == "Emotional resilience and wellbeing"
    agreed = needs.filter(status=NeedStatus.AGREED)
    assert agreed.exists() and needs.filter(status=NeedStatus.PROPOSED).exists()
    assert not agreed.filter(agreed_by=None).exists()
    assert not agreed.filter(agreed_by=F("person")).exists()
    savers = SavedActivity.objects.filter(person__organisation=organisation)
    assert savers.values("person").distinct().count() >= 10
    suggestions = Suggestion.objects.filter(organisation=organisation)
    assert 5 <= suggestions.count() <= 8
    assert set(suggestions.values_list("status", flat=True)) == set(SuggestionStatus.values)
    assert not suggestions.filter(status=SuggestionStatus.DECLINED, decline_reason="").exists()
    accepted = suggestions.filter(status=SuggestionStatus.ACCEPTED)
    assert accepted.filter(activity__status=ActivityStatus.DRAFT).exists()
    assert accepted.filter(created_topic__isnull=False).exists()


def the_demo_practitioner_has_something_to_see():
    practitioner = Person.objects.get(email="practitioner@northshire.example")
    assert SavedActivity.objects.filter(person=practitioner).count() >= 3
    future = SessionPlace.objects.filter(person=practitioner, session__start__date__gt=RECORDED_TO)
    assert set(future.values_list("status", flat=True)) == {
        PlaceStatus.BOOKED,
        PlaceStatus.WAITING,
    }
    assert SessionPlace.objects.filter(
        person=practitioner, status=PlaceStatus.BOOKED, session__start__date__lt=RECORDED_TO
    ).exists()
    assert LearningNeed.objects.filter(person=practitioner).exists()
    found = browse(practitioner, CatalogueFilters(q="resilience"))
    assert found.count() >= 10
    assert {activity.status for activity in found} == {ActivityStatus.PUBLISHED}


def test_seed_scale_adds_a_catalogue_to_the_synthetic_organisation():
    out = io.StringIO()
    call_command("seed_scale", "--people", "300", "--organisation", "scale-catalogue", stdout=out)
    assert "scale-catalogue: 300 catalogue activities" in out.getvalue()
    organisation = Organisation.objects.get(slug="scale-catalogue")
    activities = Activity.objects.filter(organisation=organisation)
    assert activities.count() == 300
    assert not activities.filter(search_text="").exists()
    sessions = Session.objects.filter(activity__organisation=organisation)
    per_activity = Counter(sessions.values_list("activity_id", flat=True))
    assert per_activity and all(2 <= count <= 4 for count in per_activity.values())
    assert SessionPlace.objects.filter(session__in=sessions).count() > 100
    assert Rating.objects.filter(activity__organisation=organisation).count() > 300
    people = organisation.people.count()
    with_needs = (
        LearningNeed.objects.filter(person__organisation=organisation)
        .values("person")
        .distinct()
        .count()
    )
    assert 0.1 * people <= with_needs <= 0.3 * people
    # The demo organisations are not touched by a scale run.
    assert not Activity.objects.exclude(organisation=organisation).exists()
