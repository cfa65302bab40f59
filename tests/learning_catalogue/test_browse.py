"""Search, filters and sorts of the catalogue. The same module runs on SQLite and, in the
PostgreSQL pass of ``.ci/run``, on PostgreSQL's full-text search: the expected answers are
written once, so both databases must give them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learning_catalogue.filters import CatalogueFilters, browse
from learning_catalogue.models import Rating
from tests.learning_catalogue.catalogue_data import fmt, small_catalogue, topic

pytestmark = pytest.mark.django_db


def titles(world, **filters) -> list[str]:
    return [
        activity.title for activity in browse(world.practitioner_a, CatalogueFilters(**filters))
    ]


@pytest.fixture
def catalogue(world):
    return small_catalogue(world.ld_lead)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("resilience", ["Staying well on duty: a resilience podcast", "Supervision that sustains"]),
        ("RESILIEN", ["Staying well on duty: a resilience podcast", "Supervision that sustains"]),
        ("burn-out", ["Staying well on duty: a resilience podcast"]),
        ("anti racist", ["Anti-racist practice in assessments"]),
        (
            "assess",
            [
                "Anti-racist practice in assessments",
                "Reading for newly qualified workers: writing analytical assessments",
            ],
        ),
        ("capacity act", ["Mental Capacity Act refresher"]),
        ("act capacity", ["Mental Capacity Act refresher"]),
        ("webinar", ["Anti-racist practice in assessments"]),
        ("apacity", []),
        (
            "podcast & | ! :*",
            [
                "Staying well on duty: a resilience podcast",
                "Supervision that sustains",
            ],
        ),
        ("", None),
    ],
)
def test_word_search_matches_the_start_of_words_on_every_database(
    world, catalogue, query, expected
):
    found = titles(world, q=query)
    if expected is None:
        assert len(found) == 5
    else:
        assert found == expected


def test_practitioners_never_find_drafts(world, catalogue):
    assert "Draft: resilience circles" not in titles(world, q="resilience circles")
    lead_sees = [
        activity.title
        for activity in browse(world.ld_lead, CatalogueFilters(q="circles", status="draft"))
    ]
    assert lead_sees == ["Draft: resilience circles"]


def test_filters(world, catalogue):
    resilience = topic(world.ld_lead, "Emotional resilience and wellbeing").pk
    podcast = fmt(world.ld_lead, "Podcast").pk
    assert titles(world, bite_size=True, formats=[podcast], topics=[resilience]) == [
        "Staying well on duty: a resilience podcast"
    ]
    assert titles(world, max_minutes=30, sort="shortest") == [
        "Staying well on duty: a resilience podcast",
        "Reading for newly qualified workers: writing analytical assessments",
    ]
    assert titles(world, free=True, formats=[fmt(world.ld_lead, "In-person training").pk]) == []
    assert "Mental Capacity Act refresher" not in titles(world, free=True)
    assert titles(world, on_demand=True) == [
        "Reading for newly qualified workers: writing analytical assessments",
        "Staying well on duty: a resilience podcast",
        "Supervision that sustains",
    ]


def test_upcoming_dates_and_soonest_sort(world, catalogue):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    assert titles(world, starts_from=today, starts_to=today + datetime.timedelta(days=20)) == [
        "Anti-racist practice in assessments"
    ]
    assert titles(world, sort="soonest")[:2] == [
        "Anti-racist practice in assessments",
        "Mental Capacity Act refresher",
    ]


def test_audience_filters_by_career_stage_and_suited_to_me(world, catalogue):
    assert "Mental Capacity Act refresher" in titles(world, audience="experienced")
    assert "Reading for newly qualified workers: writing analytical assessments" not in titles(
        world, audience="experienced"
    )
    world.practitioner_a.career_stage = "newly_qualified"
    world.practitioner_a.save()
    suited = titles(world, audience="me")
    assert "Reading for newly qualified workers: writing analytical assessments" in suited
    assert "Mental Capacity Act refresher" not in suited
    assert "Supervision that sustains" in suited


def test_best_rated_counts_only_activities_with_three_ratings(world, catalogue):
    people = [world.practitioner_a, world.practitioner_a2, world.practitioner_b]
    for person, score in zip(people, (4, 4, 5), strict=True):
        Rating.objects.create(
            activity=catalogue["long_podcast"],
            person=person,
            usefulness=score,
            would_recommend=True,
        )
    for person in people[:2]:
        Rating.objects.create(
            activity=catalogue["podcast"], person=person, usefulness=5, would_recommend=True
        )
    ranked = browse(world.practitioner_a, CatalogueFilters(sort="rated"))
    assert ranked[0].title == "Supervision that sustains"
    assert ranked[0].rating_count == 3
    assert round(ranked[0].rating_average, 2) == 4.33


@pytest.mark.postgres
def test_postgresql_reads_word_search_from_its_index(world, catalogue):
    from django.db import connection

    from learning_catalogue.models import Activity
    from learning_catalogue.search import search

    with connection.cursor() as cursor:
        # A handful of rows would be read whole anyway; ask for the plan the index gives.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = search(Activity.objects.all(), "resilience").explain()
    assert "learning_catalogue_activity_search_words" in plan
    assert "to_tsvector" not in plan  # the stored vector, not one worked out per row


def _same_query_on_page_and_api(client, world, page_query, api_query) -> tuple[list, list]:
    client.force_login(world.practitioner_a)
    page = client.get(reverse("learning_catalogue:catalogue"), page_query)
    on_page = [row.record.title for row in page.context["page"].object_list]
    listed = client.get("/api/v1/catalogue/activities", {**api_query, "limit": 100}).json()
    return on_page, [item["title"] for item in listed["items"]]


def test_the_browse_page_and_the_api_answer_a_query_alike(client, world, catalogue):
    """One FilterSet behind both (``learning_catalogue.filters``): the same query gives the same
    activities in the same order, here and on PostgreSQL's full-text search."""
    import datetime

    from django.utils import timezone

    resilience = topic(world.ld_lead, "Emotional resilience and wellbeing").pk
    podcast = fmt(world.ld_lead, "Podcast").pk
    today = timezone.localdate()
    later = today + datetime.timedelta(days=20)
    cases = [
        ({"q": "resilience"}, {"q": "resilience"}),
        ({"q": "assess", "sort": "shortest"}, {"q": "assess", "sort": "shortest"}),
        (
            {"bite_size": "on", "format": podcast, "topic": resilience},
            {"bite_size": "true", "format": podcast, "topic": resilience},
        ),
        ({"max_minutes": "30", "sort": "shortest"}, {"max_minutes": 30, "sort": "shortest"}),
        ({"on_demand": "on", "free": "on"}, {"on_demand": "true", "free": "true"}),
        (
            {
                "starts_from_day": today.day,
                "starts_from_month": today.month,
                "starts_from_year": today.year,
                "starts_to_day": later.day,
                "starts_to_month": later.month,
                "starts_to_year": later.year,
            },
            {"starts_from": today.isoformat(), "starts_to": later.isoformat()},
        ),
        (
            {"audience": "experienced", "sort": "soonest"},
            {"audience": "experienced", "sort": "soonest"},
        ),
        ({}, {}),
    ]
    for page_query, api_query in cases:
        on_page, listed = _same_query_on_page_and_api(client, world, page_query, api_query)
        assert on_page == listed, page_query
        assert on_page, page_query
