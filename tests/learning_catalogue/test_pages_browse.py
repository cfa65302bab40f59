"""The catalogue's browse pages doing real work: search and filters, what practitioners may not
see (drafts, named comments), ratings, the learning list and the menu."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learning_catalogue.models import (
    Rating,
)
from tests.learning_catalogue.catalogue_data import fmt, small_catalogue

pytestmark = pytest.mark.django_db


def test_the_browse_page_filters_and_searches(client, world):
    small_catalogue(world.ld_lead)
    client.force_login(world.practitioner_a)
    page = client.get(
        reverse("learning_catalogue:catalogue"),
        {"q": "resilience", "bite_size": "on", "format": fmt(world.ld_lead, "Podcast").pk},
    )
    assert page.status_code == 200
    assert page.context["page"].paginator.count == 1
    assert "Staying well on duty" in page.text
    assert "Supervision that sustains" not in page.text
    nothing = client.get(reverse("learning_catalogue:catalogue"), {"q": "zzzz"})
    assert "Nothing matches" in nothing.text
    garbled = client.get(
        reverse("learning_catalogue:catalogue"),
        {"max_minutes": "lots", "starts_from-day": "99", "format": "x", "sort": "nope"},
    )
    assert garbled.status_code == 200


def test_practitioners_see_no_drafts_and_no_named_comments(client, world):
    catalogue = small_catalogue(world.ld_lead)
    activity = catalogue["long_podcast"]
    raters = [world.practitioner_a2, world.practitioner_b, world.practitioner_c]
    for person in raters:
        Rating.objects.create(
            activity=activity,
            person=person,
            usefulness=4,
            would_recommend=True,
            comment=f"Comment by {person.full_name}",
        )
    client.force_login(world.practitioner_a)
    assert (
        client.get(reverse("learning_catalogue:activity", args=[catalogue["draft"].pk])).status_code
        == 404
    )
    page = client.get(reverse("learning_catalogue:activity", args=[activity.pk])).text
    assert "4.0 out of 5 from 3 ratings" in page
    assert "Comment by" not in page and "Bola Bello" not in page
    client.force_login(world.ld_lead)
    page = client.get(reverse("learning_catalogue:activity", args=[activity.pk])).text
    assert "Comment by Bola Bello" in page


def test_two_ratings_show_no_average(client, world):
    activity = small_catalogue(world.ld_lead)["podcast"]
    for person in (world.practitioner_a2, world.practitioner_b):
        Rating.objects.create(activity=activity, person=person, usefulness=1, would_recommend=False)
    client.force_login(world.practitioner_a)
    page = client.get(reverse("learning_catalogue:activity", args=[activity.pk])).text
    assert "Not enough ratings yet" in page


def test_rating_an_on_demand_activity(client, world):
    activity = small_catalogue(world.ld_lead)["podcast"]
    client.force_login(world.practitioner_a)
    url = reverse("learning_catalogue:activity-rate", args=[activity.pk])
    refused = client.post(url, {"usefulness": "9", "would_recommend": "yes"})
    assert refused.status_code == 422
    assert not Rating.objects.exists()
    client.post(url, {"usefulness": "4", "would_recommend": "no", "comment": "Good"})
    rating = Rating.objects.get()
    assert (rating.usefulness, rating.would_recommend, rating.person) == (
        4,
        False,
        world.practitioner_a,
    )


def test_the_learning_list(client, world):
    activity = small_catalogue(world.ld_lead)["podcast"]
    client.force_login(world.practitioner_a)
    client.post(reverse("learning_catalogue:activity-save", args=[activity.pk]))
    client.post(reverse("learning_catalogue:activity-save", args=[activity.pk]))
    page = client.get(reverse("learning_catalogue:my-list"))
    assert page.context["page"].paginator.count == 1
    assert activity.title in page.text
    client.post(reverse("learning_catalogue:activity-save", args=[activity.pk]), {"remove": "1"})
    assert "Nothing saved yet" in client.get(reverse("learning_catalogue:my-list")).text


@pytest.mark.parametrize(
    ("name", "who", "section"),
    [
        ("learning_catalogue:catalogue", "practitioner_a", "Learning catalogue"),
        ("learning_catalogue:my-list", "practitioner_a", "My learning"),
        ("learning_catalogue:my-needs", "practitioner_a", "My learning"),
        ("learning_catalogue:manage", "ld_lead", "Publish learning"),
        ("learning_catalogue:needs-summary", "ld_lead", "Publish learning"),
    ],
)
def test_the_menu_marks_the_nearest_section(client, world, name, who, section):
    client.force_login(getattr(world, who))
    current = [
        item.label for item in client.get(reverse(name)).context["nav_items"] if item.current
    ]
    assert current == [section]
