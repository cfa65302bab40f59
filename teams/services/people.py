"""Writes to people: their details and contract, roles, specialisms and working patterns."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from teams.audit import snapshot
from teams.models import (
    Person,
    Role,
    RoleAssignment,
    Specialism,
    SpecialismTag,
    Team,
    WorkingPattern,
)
from teams.models.people import WEEKDAY_FIELDS
from teams.services.common import (
    apply_fields,
    audit,
    audit_change,
    audit_snapshot,
    require_people_manager,
)
from teams.services.memberships import membership_start

PERSON_FIELDS = (
    "full_name",
    "email",
    "employee_number",
    "job_title",
    "contract_type",
    "employment_start",
    "employment_end",
    "leaving_reason",
    "career_stage",
    "asye_start_date",
    "is_active",
)
PATTERN_FIELDS = ("effective_from", *WEEKDAY_FIELDS)


def _validate_person(person: Person) -> None:
    person.email = person.email.strip().lower()
    person.employee_number = person.employee_number.strip()
    try:
        person.full_clean(exclude=["password", "organisation"])
    except ValidationError as error:
        messages = error.message_dict
        if "email" in messages and any("already exists" in m for m in messages["email"]):
            messages["email"] = ["Someone already uses this email address."]
        raise ValidationError(messages) from error
    clash = Person.objects.filter(
        organisation_id=person.organisation_id, employee_number=person.employee_number
    ).exclude(pk=person.pk)
    if person.employee_number and clash.exists():
        raise ValidationError({"employee_number": "Someone already has this employee number."})


@transaction.atomic
def person_create(
    *,
    actor: Person,
    email: str,
    full_name: str,
    roles: Iterable[str] = ("practitioner",),
    team: Team | None = None,
    team_start: datetime.date | None = None,
    password: str | None = None,
    **fields: object,
) -> Person:
    """Adds a person (who can sign in once they set a password) with roles and a first team."""
    require_people_manager(actor)
    person = Person(organisation_id=actor.organisation_id, email=email, full_name=full_name.strip())
    apply_fields(person, fields, PERSON_FIELDS)
    _validate_person(person)
    if password:
        person.set_password(password)
    else:
        person.set_unusable_password()
    person.save()
    audit_snapshot(actor, "person.create", person, PERSON_FIELDS)
    person_roles_set(actor=actor, person=person, roles=roles)
    if team is not None:
        membership_start(
            actor=actor,
            person=person,
            team=team,
            start_date=team_start or person.employment_start or timezone.localdate(),
        )
    return person


@transaction.atomic
def person_update(*, actor: Person, person: Person, **fields: object) -> Person:
    require_people_manager(actor, person)
    person = Person.objects.select_for_update().get(pk=person.pk)
    before = snapshot(person, PERSON_FIELDS)
    apply_fields(person, fields, PERSON_FIELDS)
    if person.employment_end and person.employment_end < timezone.localdate():
        person.is_active = False
    _validate_person(person)
    person.save()
    audit_change(actor, "person.update", person, PERSON_FIELDS, before)
    return person


@dataclass(frozen=True)
class _Choices:
    """A set of choices a person holds as rows (``model`` with ``person`` and ``field``),
    audited as ``person.{name}``; ``label`` names one in an error."""

    name: str
    model: type[models.Model]
    field: str
    allowed: tuple[str, ...]
    label: str

    def held(self, person: Person) -> frozenset[str]:
        return frozenset(
            self.model.objects.filter(person=person).values_list(self.field, flat=True)
        )


ROLES = _Choices("roles", RoleAssignment, "role", tuple(Role.values), "role")
SPECIALISMS = _Choices("specialisms", Specialism, "tag", tuple(SpecialismTag.values), "specialism")


def _set_choices(
    actor: Person, person: Person, choices: _Choices, wanted: Iterable[str]
) -> frozenset[str]:
    """Replaces a person's set of roles or specialisms, audited as one change."""
    require_people_manager(actor, person)
    chosen = frozenset(wanted)
    unknown = chosen - set(choices.allowed)
    if unknown:
        unknown_list = ", ".join(sorted(unknown))
        raise ValidationError({choices.name: f"Unknown {choices.label}: {unknown_list}."})
    current = choices.held(person)
    if chosen != current:
        held = choices.model.objects.filter(person=person)
        held.exclude(**{f"{choices.field}__in": chosen}).delete()
        choices.model.objects.bulk_create(
            [choices.model(person=person, **{choices.field: value}) for value in chosen - current]
        )
        audit(
            actor,
            f"person.{choices.name}",
            person,
            before={choices.name: sorted(current)},
            after={choices.name: sorted(chosen)},
        )
    return chosen


@transaction.atomic
def person_roles_set(*, actor: Person, person: Person, roles: Iterable[str]) -> frozenset[str]:
    chosen = _set_choices(actor, person, ROLES, roles)
    person.__dict__.pop("roles", None)  # ``Person.roles`` is cached
    return chosen


@transaction.atomic
def role_grant(*, actor: Person, person: Person, role: str) -> None:
    person_roles_set(actor=actor, person=person, roles=ROLES.held(person) | {role})


@transaction.atomic
def person_specialisms_set(*, actor: Person, person: Person, tags: Iterable[str]) -> None:
    _set_choices(actor, person, SPECIALISMS, tags)


@transaction.atomic
def working_pattern_set(
    *, actor: Person, person: Person, effective_from: datetime.date, minutes: dict[str, int]
) -> WorkingPattern:
    """Sets the contracted minutes per weekday from a date (replacing a pattern on that date).

    ``minutes`` maps weekday field names (``monday_minutes`` ...) to minutes; missing days are 0.
    """
    require_people_manager(actor, person)
    unknown = set(minutes) - set(WEEKDAY_FIELDS)
    if unknown:
        raise ValidationError({name: "Not a weekday." for name in unknown})
    pattern = (
        WorkingPattern.objects.select_for_update()
        .filter(person=person, effective_from=effective_from)
        .first()
    )
    before = snapshot(pattern, PATTERN_FIELDS)
    if pattern is None:
        pattern = WorkingPattern(person=person, effective_from=effective_from)
    for name in WEEKDAY_FIELDS:
        setattr(pattern, name, minutes.get(name, 0))
    pattern.full_clean()
    if pattern.weekly_minutes == 0:
        raise ValidationError("A working pattern needs at least one working day.")
    after = snapshot(pattern, PATTERN_FIELDS)
    if after != before:
        pattern.save()
        audit(actor, "working_pattern.set", pattern, before=before, after=after)
    return pattern
