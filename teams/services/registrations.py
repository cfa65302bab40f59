"""Writes to people's professional registrations."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from teams.audit import snapshot
from teams.models import Person, Registration, Regulator
from teams.services.common import (
    apply_fields,
    audit,
    audit_change,
    audit_snapshot,
    require_people_manager,
)

REGISTRATION_FIELDS = ("regulator", "number", "registered_on", "renewal_due")


def _save_registration(registration: Registration) -> None:
    # The unique constraint is checked below instead, so the error names the number field.
    registration.full_clean(exclude=["person"], validate_constraints=False)
    clash = Registration.objects.filter(
        regulator_id=registration.regulator_id, number=registration.number
    ).exclude(pk=registration.pk)
    if clash.exists():
        raise ValidationError({"number": "This registration number is already recorded."})
    registration.save()


@transaction.atomic
def registration_add(
    *,
    actor: Person,
    person: Person,
    regulator: Regulator,
    number: str,
    registered_on: datetime.date | None = None,
    renewal_due: datetime.date | None = None,
) -> Registration:
    require_people_manager(actor, person)
    registration = Registration(
        person=person,
        regulator=regulator,
        number=number,
        registered_on=registered_on,
        renewal_due=renewal_due,
    )
    _save_registration(registration)
    audit_snapshot(actor, "registration.add", registration, REGISTRATION_FIELDS)
    return registration


@transaction.atomic
def registration_update(
    *, actor: Person, registration: Registration, **fields: object
) -> Registration:
    require_people_manager(actor, registration.person)
    before = snapshot(registration, REGISTRATION_FIELDS)
    apply_fields(registration, fields, REGISTRATION_FIELDS)
    _save_registration(registration)
    audit_change(actor, "registration.update", registration, REGISTRATION_FIELDS, before)
    return registration


@transaction.atomic
def registration_remove(*, actor: Person, registration: Registration) -> None:
    require_people_manager(actor, registration.person)
    audit(
        actor,
        "registration.remove",
        registration,
        before=snapshot(registration, REGISTRATION_FIELDS),
    )
    registration.delete()
