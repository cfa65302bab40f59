"""Closure days through the API: everyone in the organisation reads them, org admins set them,
and the list costs the same queries for 5 rows as for 50."""

import datetime

from planner.models import ClosureDay


def test_org_admins_add_and_remove_closure_days(api, world):
    api.as_(world.org_admin)
    created = api.post("/closure-days", {"date": "2026-12-29", "name": "Christmas closure"})
    assert created.status_code == 201
    assert created.json()["name"] == "Christmas closure"
    again = api.post("/closure-days", {"date": "2026-12-29", "name": "Again"})
    assert again.status_code == 422
    api.as_(world.practitioner_a)
    assert [day["date"] for day in api.get("/closure-days").json()["items"]] == ["2026-12-29"]
    assert api.post("/closure-days", {"date": "2026-12-30", "name": "x"}).status_code == 403
    api.as_(world.org_admin)
    assert api.delete(f"/closure-days/{created.json()['id']}").status_code == 204
    assert not ClosureDay.objects.exists()


def test_list_query_counts_do_not_grow_with_rows(api, world, list_cost):
    api.as_(world.practitioner_a)

    def add(count):
        first = ClosureDay.objects.count()
        for n in range(first, first + count):
            ClosureDay.objects.create(
                organisation=world.organisation,
                date=datetime.date(2027, 1, 1) + datetime.timedelta(days=n),
                name="Closure",
            )

    add(5)
    few, body = list_cost("/closure-days")
    assert body["count"] == 5
    add(45)
    many, body = list_cost("/closure-days")
    assert body["count"] == 50
    assert few == many
