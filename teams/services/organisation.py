"""Writes to the organisation's own settings."""

from __future__ import annotations

from django.db import transaction

from teams.audit import snapshot
from teams.models import Organisation, Person
from teams.services.common import apply_fields, audit_snapshot, require_structure_manager

ORGANISATION_FIELDS = ("name", "brand_colour", "standard_weekly_minutes")


@transaction.atomic
def organisation_update(
    *, actor: Person, organisation: Organisation, **fields: object
) -> Organisation:
    require_structure_manager(actor, organisation)
    before = snapshot(organisation, ORGANISATION_FIELDS)
    apply_fields(organisation, fields, ORGANISATION_FIELDS)
    organisation.full_clean()
    organisation.save()
    audit_snapshot(actor, "organisation.update", organisation, ORGANISATION_FIELDS, before)
    return organisation
