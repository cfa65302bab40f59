"""Every catalogue list in the API costs the same queries for 10 rows as for 200."""

import datetime

import pytest
from django.utils import timezone

from learning_catalogue.models import (
    Activity,
    ActivityStatus,
    DeliveryMode,
    Format,
    LearningNeed,
    PlaceStatus,
    Rating,
    SavedActivity,
    Session,
    SessionPlace,
    SessionReservation,
    Suggestion,
    SuggestionKind,
    Topic,
)
from tests.factories import PersonFactory


def _published(world, count, *, offset=0):
    """Published activities with everything a card reads: topics, audience teams, a session
    to come and a rating. Written directly: these tests count the API's queries, not the
    services'."""
    webinar = Format.objects.get(organisation=world.organisation, name="Webinar")
    start = timezone.now() + datetime.timedelta(days=7)
    activities = Activity.objects.bulk_create(
        Activity(
            organisation=world.organisation,
            title=f"Counted activity {offset + number}",
            format=webinar,
            duration_minutes=60,
            delivery_mode=DeliveryMode.SCHEDULED,
            status=ActivityStatus.PUBLISHED,
        )
        for number in range(count)
    )
    topics = list(Topic.objects.filter(organisation=world.organisation).order_by("name")[:2])
    Activity.topics.through.objects.bulk_create(
        Activity.topics.through(activity=activity, topic=item)
        for activity in activities
        for item in topics
    )
    Activity.audience_teams.through.objects.bulk_create(
        Activity.audience_teams.through(activity=activity, team=world.team_a)
        for activity in activities
    )
    Session.objects.bulk_create(
        Session(
            activity=activity,
            start=start,
            end=start + datetime.timedelta(hours=1),
            capacity=10,
            online_link="https://meet.example/counted",
        )
        for activity in activities
    )
    Rating.objects.bulk_create(
        Rating(activity=activity, person=world.practitioner_a2, usefulness=4, would_recommend=True)
        for activity in activities
    )
    return activities


def _saved(world, count, offset):
    SavedActivity.objects.bulk_create(
        SavedActivity(person=world.practitioner_a, activity=activity)
        for activity in _published(world, count, offset=offset)
    )


def _sessions(world, count, offset):
    """Sessions of one activity, each with a booked place and a team's reservation."""
    activity = Activity.objects.get(title="Counted activity 0")
    start = timezone.now() + datetime.timedelta(days=7)
    sessions = Session.objects.bulk_create(
        Session(
            activity=activity,
            start=start + datetime.timedelta(days=number),
            end=start + datetime.timedelta(days=number, hours=1),
            capacity=10,
            venue="County Hall",
        )
        for number in range(count)
    )
    reservations = SessionReservation.objects.bulk_create(
        SessionReservation(session=session, team=world.team_a, places=2) for session in sessions
    )
    SessionPlace.objects.bulk_create(
        SessionPlace(
            session=reservation.session,
            person=world.practitioner_a,
            status=PlaceStatus.BOOKED,
            reserved_for=reservation,
        )
        for reservation in reservations
    )


def _comments(world, count, offset):
    activity = Activity.objects.get(title="Counted activity 0")
    people = PersonFactory.create_batch(count, organisation=world.organisation, roles=[])
    Rating.objects.bulk_create(
        Rating(activity=activity, person=person, usefulness=3, would_recommend=False, comment="Hm")
        for person in people
    )


def _formats(world, count, offset):
    Format.objects.bulk_create(
        Format(organisation=world.organisation, name=f"Counted format {offset + number}")
        for number in range(count)
    )


def _topics(world, count, offset):
    Topic.objects.bulk_create(
        Topic(organisation=world.organisation, name=f"Counted topic {offset + number}")
        for number in range(count)
    )


def _suggestions(world, count, offset):
    some_topic = Topic.objects.filter(organisation=world.organisation).first()
    Suggestion.objects.bulk_create(
        Suggestion(
            organisation=world.organisation,
            suggested_by=world.practitioner_a,
            kind=SuggestionKind.ACTIVITY,
            title=f"Counted suggestion {offset + number}",
            topic=some_topic,
        )
        for number in range(count)
    )


def _needs(world, count, offset):
    topics = list(Topic.objects.filter(organisation=world.organisation))
    LearningNeed.objects.bulk_create(
        LearningNeed(person=world.practitioner_a, topic=topics[number % len(topics)])
        for number in range(count)
    )


def _recommended(world, count, offset):
    """Activities on the topic of Priya's need; the recommendations show the first six."""
    first_topic = Topic.objects.filter(organisation=world.organisation).order_by("name").first()
    LearningNeed.objects.get_or_create(person=world.practitioner_a, topic=first_topic)
    _published(world, count, offset=offset)


# list: (path, caller, add rows, (few, many) rows added)
LISTS = {
    "activities": ("/catalogue/activities", "practitioner_a", _saved, (10, 190)),
    "sessions": ("/catalogue/activities/{activity}/sessions", "ld_lead", _sessions, (10, 190)),
    "comments": ("/catalogue/activities/{activity}/comments", "ld_lead", _comments, (5, 45)),
    "formats": ("/catalogue/formats", "practitioner_a", _formats, (10, 190)),
    "topics": ("/catalogue/topics", "practitioner_a", _topics, (10, 190)),
    "places": ("/catalogue/places", "manager_a", _sessions, (10, 190)),
    "saved": ("/catalogue/saved", "practitioner_a", _saved, (10, 190)),
    "suggestions": ("/catalogue/suggestions", "ld_lead", _suggestions, (10, 190)),
    "needs": ("/catalogue/needs", "manager_a", _needs, (10, 190)),
    "recommendations": ("/catalogue/recommendations", "practitioner_a", _recommended, (1, 9)),
}


def _queries(list_cost, url):
    # list_cost warms up first: the session and the caller's roles load the same way.
    captured, body = list_cost(url, limit=500)
    assert len(body["items"]) == min(body["count"], 500)
    return captured, body["count"]


@pytest.mark.parametrize("name", LISTS)
def test_catalogue_list_query_counts_do_not_grow_with_rows(api, world, name, list_cost):
    path, who, add, (few_rows, more_rows) = LISTS[name]
    first = _published(world, 1)[0]
    url = path.format(activity=first.pk)
    api.as_(getattr(world, who))
    add(world, few_rows, 1)
    few, few_count = _queries(list_cost, url)
    add(world, more_rows, 1 + few_rows)
    many, many_count = _queries(list_cost, url)
    assert many_count > few_count
    assert many == few, f"{name}: {few} queries for {few_count} rows, {many} for {many_count}"
