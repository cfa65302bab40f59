"""Professional registrations through the API, and the regulators they name."""

from teams.models import Registration
from tests.factories import RegistrationFactory


def test_the_regulators_with_their_number_formats(world, api):
    body = api.as_(world.practitioner_a).get("/regulators").json()
    codes = {item["code"] for item in body["items"]}
    assert codes == {"swe", "hcpc", "nmc", "scw", "sssc", "niscc"}
    swe = next(item for item in body["items"] if item["code"] == "swe")
    assert swe["name"] == "Social Work England" and swe["number_example"]


def test_adding_a_registration_normalises_the_number(world, api):
    response = api.as_(world.org_admin).post(
        "/registrations",
        {
            "person_id": world.practitioner_a.pk,
            "regulator": "SWE",
            "number": " sw123456 ",
            "registered_on": "2024-12-01",
            "renewal_due": "2026-11-30",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["number"] == "SW123456"
    assert body["person_id"] == world.practitioner_a.pk
    assert body["regulator"]["code"] == "swe"


def test_changing_and_removing_a_registration(world, api):
    registration = RegistrationFactory(person=world.practitioner_a)
    api.as_(world.org_admin)
    url = f"/registrations/{registration.pk}"
    response = api.patch(url, {"renewal_due": "2027-11-30"})
    assert response.status_code == 200
    assert response.json()["renewal_due"] == "2027-11-30"
    bad = api.patch(url, {"registered_on": "2028-01-01"})
    assert "renewal_due" in bad.json()["error"]["fields"]
    assert api.delete(url).status_code == 204
    assert not Registration.objects.filter(pk=registration.pk).exists()
    assert api.get(url).status_code == 404


def test_a_practitioner_reads_their_registration_but_cannot_change_it(world, api):
    registration = RegistrationFactory(person=world.practitioner_a)
    api.as_(world.practitioner_a)
    assert api.get(f"/registrations/{registration.pk}").status_code == 200
    assert api.delete(f"/registrations/{registration.pk}").status_code == 403
