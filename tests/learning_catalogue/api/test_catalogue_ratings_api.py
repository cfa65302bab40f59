"""Ratings, comments and the learning list through the API: ratings that show nothing from
fewer than three, ratings only after taking part, comments with names only for L&D, and each
person's own learning list."""

import pytest

from learning_catalogue.models import (
    Rating,
    SavedActivity,
)
from tests.learning_catalogue.catalogue_data import small_catalogue
from tests.support import error_of, ids


@pytest.fixture
def catalogue(world):
    return small_catalogue(world.ld_lead)


def rate(api, person, activity, usefulness, recommend=True, comment=""):
    response = api.as_(person).put(
        f"/catalogue/activities/{activity.pk}/rating",
        {"usefulness": usefulness, "would_recommend": recommend, "comment": comment},
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_a_rating_shows_no_average_from_fewer_than_three_ratings(api, world, catalogue):
    podcast = catalogue["podcast"]
    summary_url = f"/catalogue/activities/{podcast.pk}/rating-summary"
    mine = rate(api, world.practitioner_a, podcast, 5, comment="Helped on a hard week")
    assert (mine["activity_id"], mine["usefulness"]) == (podcast.pk, 5)
    rate(api, world.practitioner_a2, podcast, 4)
    hidden = {"count": 2, "average": None, "recommend_percent": None}
    assert api.get(summary_url).json() == hidden
    assert api.get(f"/catalogue/activities/{podcast.pk}").json()["rating"] == hidden
    rate(api, world.practitioner_b, podcast, 3, recommend=False)
    shown = {"count": 3, "average": 4.0, "recommend_percent": 67}
    assert api.get(summary_url).json() == shown
    cards = {item["id"]: item for item in api.get("/catalogue/activities").json()["items"]}
    assert cards[podcast.pk]["rating"] == shown
    rate(api, world.practitioner_a, podcast, 2)
    assert api.get(summary_url).json() == {"count": 3, "average": 3.0, "recommend_percent": 67}


def test_ratings_come_after_taking_part_and_name_bad_fields(api, world, catalogue):
    api.as_(world.practitioner_a)
    webinar = f"/catalogue/activities/{catalogue['webinar'].pk}/rating"
    early = api.put(webinar, {"usefulness": 4, "would_recommend": True})
    assert early.status_code == 422
    assert "once you have attended" in error_of(early)["message"]
    podcast = f"/catalogue/activities/{catalogue['podcast'].pk}/rating"
    wrong = api.put(podcast, {"usefulness": 6, "would_recommend": True})
    assert error_of(wrong)["fields"] == {"usefulness": ["Choose how useful it was, from 1 to 5."]}
    draft = api.put(
        f"/catalogue/activities/{catalogue['draft'].pk}/rating",
        {"usefulness": 4, "would_recommend": True},
    )
    assert draft.status_code == 404
    assert not Rating.objects.exists()


def test_comments_with_names_are_for_ld_leads_and_org_admins_only(api, world, catalogue):
    podcast = catalogue["podcast"]
    rate(api, world.practitioner_a, podcast, 2, comment="Too long for a lunch break")
    rate(api, world.practitioner_a2, podcast, 5)
    url = f"/catalogue/activities/{podcast.pk}/comments"
    for person in (world.practitioner_a, world.manager_a):
        assert api.as_(person).get(url).status_code == 403
    card = api.as_(world.practitioner_a2).get(f"/catalogue/activities/{podcast.pk}")
    assert b"Too long" not in card.content
    assert b"Priya" not in api.get("/catalogue/activities").content
    for person in (world.ld_lead, world.org_admin):
        comments = api.as_(person).get(url).json()["items"]
        assert [(item["person"]["full_name"], item["comment"]) for item in comments] == [
            ("Priya Practitioner", "Too long for a lunch break")
        ]
    assert api.as_(world.outsider).get(url).status_code == 404


def test_the_learning_list_is_each_persons_own(api, world, catalogue):
    podcast, course = catalogue["podcast"], catalogue["course"]
    api.as_(world.practitioner_a)
    saved = api.put(f"/catalogue/saved/{podcast.pk}")
    assert (saved.status_code, saved.json()["saved"]) == (200, True)
    assert api.put(f"/catalogue/saved/{podcast.pk}").status_code == 200
    api.put(f"/catalogue/saved/{course.pk}")
    assert ids(api.get("/catalogue/saved")) == [course.pk, podcast.pk]
    assert api.delete(f"/catalogue/saved/{podcast.pk}").status_code == 204
    assert api.delete(f"/catalogue/saved/{podcast.pk}").status_code == 204
    assert ids(api.get("/catalogue/saved")) == [course.pk]
    assert api.put(f"/catalogue/saved/{catalogue['draft'].pk}").status_code == 404
    assert api.as_(world.practitioner_a2).get("/catalogue/saved").json()["count"] == 0

    drafted = api.as_(world.ld_lead).put(f"/catalogue/saved/{catalogue['draft'].pk}")
    assert drafted.status_code == 422
    assert error_of(drafted)["message"] == "Only published activities can be saved."
    assert SavedActivity.objects.count() == 1


# Query counts --------------------------------------------------------------------------------------
