"""Every list pages with limit/offset and answers {"count", "items"}."""

from django.conf import settings

from config.api import api as ninja_api
from tests.factories import PersonFactory
from tests.support import error_of, ids, list_paths


def test_lists_default_to_the_configured_page_size(world, api):
    PersonFactory.create_batch(60, organisation=world.organisation)
    response = api.as_(world.org_admin).get("/people")
    body = response.json()
    total = world.organisation.people.count()
    assert body["count"] == total > settings.API_PAGE_SIZE == 50
    assert len(body["items"]) == settings.API_PAGE_SIZE


def test_limit_and_offset_walk_the_whole_list_once(world, api):
    PersonFactory.create_batch(12, organisation=world.organisation)
    api.as_(world.org_admin)
    everyone = ids(api.get("/people", {"limit": 500}))
    pages = [ids(api.get("/people", {"limit": 5, "offset": offset})) for offset in range(0, 25, 5)]
    assert [len(page) for page in pages] == [5, 5, 5, 5, 1]
    assert [pk for page in pages for pk in page] == everyone


def test_an_offset_past_the_end_is_an_empty_page(world, api):
    body = api.as_(world.org_admin).get("/teams", {"offset": 1000}).json()
    assert body == {"count": 6, "items": []}


def test_limit_is_capped_at_the_maximum(world, api):
    assert settings.API_MAX_PAGE_SIZE == 500
    api.as_(world.org_admin)
    assert api.get("/people", {"limit": 500}).status_code == 200
    response = api.get("/people", {"limit": 501})
    assert response.status_code == 422
    assert "limit" in error_of(response)["fields"]
    assert api.get("/people", {"limit": 0}).status_code == 422
    assert api.get("/people", {"offset": -1}).status_code == 422


def test_every_list_is_paginated(world, api):
    """Every GET that answers many things takes limit/offset and answers {count, items}."""
    api.as_(world.org_admin)
    lists = list_paths(ninja_api.get_openapi_schema())
    for path, operation in lists.items():
        names = {parameter["name"] for parameter in operation.get("parameters", [])}
        assert {"limit", "offset"} <= names, f"{path} is not paginated"
        if "{" in path.replace("{person_id}", ""):
            continue
        url = path.format(person_id=world.practitioner_a.pk)
        body = api.get(url, {"limit": 1}).json()
        assert set(body) == {"count", "items"}, path
        assert len(body["items"]) <= 1
    assert len(lists) >= 10
