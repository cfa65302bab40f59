"""Absences through the API: each caller lists only the absences of people they may see,
filtered by person, kind and days; writes keep the pages' rules and the one error shape."""

import datetime

import pytest

from planner.models import Absence, AbsenceKind
from tests.factories import make_absence
from tests.support import error_of, ids

DEC = {day: datetime.date(2026, 12, day) for day in range(1, 32)}


@pytest.fixture
def absences(world):
    return {
        "a_leave": make_absence(world.practitioner_a, DEC[1], DEC[4]),
        "a_sick": make_absence(world.practitioner_a, DEC[14], DEC[15], AbsenceKind.SICKNESS),
        "a2_toil": make_absence(world.practitioner_a2, DEC[7], DEC[7], AbsenceKind.TOIL),
        "b_leave": make_absence(world.practitioner_b, DEC[7], DEC[11]),
        "outsider": make_absence(world.outsider, DEC[7], DEC[11]),
    }


def test_each_caller_lists_only_the_people_they_may_see_newest_first(api, world, absences):
    def listed(person):
        return ids(api.as_(person).get("/absences"))

    a_team = [absences["a_sick"].pk, absences["a2_toil"].pk, absences["a_leave"].pk]
    assert listed(world.practitioner_a) == [absences["a_sick"].pk, absences["a_leave"].pk]
    assert listed(world.manager_a) == a_team
    assert listed(world.manager_b) == [absences["b_leave"].pk]
    assert absences["outsider"].pk not in listed(world.org_admin)
    assert len(listed(world.org_admin)) == 4
    assert listed(world.outsider) == [absences["outsider"].pk]
    first = api.as_(world.practitioner_a).get("/absences").json()["items"][0]
    assert first == {
        "id": absences["a_sick"].pk,
        "person_id": world.practitioner_a.pk,
        "kind": "sickness",
        "start_date": "2026-12-14",
        "end_date": "2026-12-15",
        "note": "",
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "sickness"}, ["a_sick"]),
        ({"kind": "toil"}, ["a2_toil"]),
        ({"ends_from": "2026-12-07"}, ["a_sick", "b_leave", "a2_toil"]),
        ({"starts_before": "2026-12-07"}, ["a_leave"]),
        ({"ends_from": "2026-12-05", "starts_before": "2026-12-14"}, ["b_leave", "a2_toil"]),
        ({"kind": "annual_leave", "ends_from": "2026-12-05"}, ["b_leave"]),
    ],
)
def test_filters_by_kind_and_days(api, world, absences, params, expected):
    found = ids(api.as_(world.org_admin).get("/absences", params))
    assert sorted(found) == sorted(absences[name].pk for name in expected)


def test_filtering_by_someone_out_of_sight_finds_nothing(api, world, absences):
    api.as_(world.manager_a)
    assert ids(api.get("/absences", {"person_id": world.practitioner_b.pk})) == []
    assert ids(api.get("/absences", {"person_id": world.outsider.pk})) == []
    assert ids(api.get("/absences", {"person_id": world.practitioner_a2.pk})) == [
        absences["a2_toil"].pk
    ]


def test_an_unknown_kind_or_date_is_a_field_error(api, world, absences):
    api.as_(world.manager_a)
    assert api.get("/absences", {"kind": "jury_service"}).status_code == 422
    created = api.post(
        "/absences",
        {
            "person_id": world.practitioner_a.pk,
            "kind": "jury_service",
            "start_date": "2026-12-31",
            "end_date": "not a date",
        },
    )
    error = error_of(created)
    assert created.status_code == 422
    assert set(error["fields"]) >= {"kind", "end_date"}


def test_pages_with_limit_and_offset(api, world, absences):
    api.as_(world.org_admin)
    page = api.get("/absences", {"limit": 2, "offset": 1}).json()
    assert page["count"] == 4
    assert len(page["items"]) == 2


def test_a_long_absence_and_a_long_note_are_refused(api, world):
    api.as_(world.org_admin)
    body = {
        "person_id": world.practitioner_c.pk,
        "kind": "sickness",
        "start_date": "2026-01-01",
        "end_date": "2027-01-02",
    }
    too_long = error_of(api.post("/absences", body))
    assert too_long["fields"]["end_date"] == ["An absence can be at most 366 days; split it."]
    noted = error_of(api.post("/absences", {**body, "end_date": "2026-01-01", "note": "x" * 201}))
    assert noted["fields"]["note"] == ["The note must be 200 characters or fewer."]
    assert not Absence.objects.exists()


def test_only_those_who_may_record_remove(api, world, absences):
    url = f"/absences/{absences['a_leave'].pk}"
    assert api.as_(world.practitioner_a).delete(url).status_code == 403
    assert api.as_(world.ld_lead).delete(url).status_code == 403
    assert api.as_(world.manager_b).delete(url).status_code == 404
    assert api.as_(world.outsider).delete(url).status_code == 404
    assert Absence.objects.filter(pk=absences["a_leave"].pk).exists()
    assert api.as_(world.manager_a).delete(url).status_code == 204
    assert api.as_(world.manager_a).delete(url).status_code == 404
