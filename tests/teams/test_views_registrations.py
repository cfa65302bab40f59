"""Professional registrations: regulator, number in the regulator's format, dates."""

from django.urls import reverse

from teams.models import AuditEntry, Registration, Regulator
from tests.factories import RegistrationFactory


def swe():
    return Regulator.objects.get(code="swe")


def add(client, world, **fields):
    """An org admin adds a Social Work England registration to practitioner A."""
    client.force_login(world.org_admin)
    url = reverse("teams:registration-add", args=[world.practitioner_a.pk])
    return client.post(url, {"regulator": swe().pk, **fields})


def test_registration_is_added(world, client):
    response = add(
        client, world, number="sw123456", registered_on="2020-01-01", renewal_due="2026-11-30"
    )
    assert response.status_code == 302
    registration = Registration.objects.get(person=world.practitioner_a)
    assert registration.number == "SW123456"
    assert AuditEntry.objects.filter(action="registration.add").exists()


def test_a_number_in_the_wrong_format_names_the_regulator_and_an_example(world, client):
    response = add(client, world, number="12345")
    [message] = response.context["form"].errors["number"]
    assert message.startswith("This is not a Social Work England number")
    assert swe().number_example in message
    assert not Registration.objects.exists()


def test_renewal_before_registration_is_refused(world, client):
    response = add(
        client, world, number="SW123456", registered_on="2026-01-01", renewal_due="2025-01-01"
    )
    assert response.context["form"].errors["renewal_due"] == ["Renewal must be after registration."]
    assert not Registration.objects.exists()


def test_registration_is_edited_and_removed(world, client):
    registration = RegistrationFactory(person=world.practitioner_a, number="SW100001")
    client.force_login(world.org_admin)
    edit = reverse("teams:registration-edit", args=[world.practitioner_a.pk, registration.pk])
    assert 'value="SW100001"' in client.get(edit).content.decode()
    client.post(edit, {"regulator": swe().pk, "number": "SW100002", "renewal_due": "2027-11-30"})
    registration.refresh_from_db()
    assert registration.number == "SW100002"
    remove = reverse("teams:registration-remove", args=[world.practitioner_a.pk, registration.pk])
    assert "Remove registration" in client.get(remove).content.decode()
    assert Registration.objects.exists()
    client.post(remove)
    assert not Registration.objects.exists()
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["registration.update", "registration.remove"]


def test_someone_elses_registration_answers_404(world, client):
    registration = RegistrationFactory(person=world.practitioner_b)
    client.force_login(world.org_admin)
    url = reverse("teams:registration-edit", args=[world.practitioner_a.pk, registration.pk])
    assert client.get(url).status_code == 404
