"""Every write to organisations, teams and people goes through a function here.

Each function takes the acting person, checks permission with ``teams.access``, validates,
writes inside one transaction and records an audit entry with the fields before and after.
Validation problems raise ``ValidationError`` keyed by field; permission problems raise
``PermissionDenied``.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from teams import access
from teams.audit import audit_record, snapshot
from teams.models import (
    ApiToken,
    Membership,
    Organisation,
    Person,
    Registration,
    Regulator,
    Role,
    RoleAssignment,
    Specialism,
    SpecialismTag,
    Team,
    TeamManager,
    WorkingPattern,
)
from teams.models.organisation import path_below
from teams.models.people import WEEKDAY_FIELDS

ORGANISATION_FIELDS = ("name", "brand_colour", "standard_weekly_minutes")
TEAM_FIELDS = ("name", "kind", "parent", "minimum_staff_on_duty")
PERSON_FIELDS = (
    "email",
    "full_name",
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
REGISTRATION_FIELDS = ("regulator", "number", "registered_on", "renewal_due")
TOKEN_PREFIX = "pt_"


def _require(allowed: bool, message: str = "You do not have permission to do that.") -> None:
    if not allowed:
        raise PermissionDenied(message)


def _same_organisation(actor: Person, *objects: Organisation | Team | Person) -> None:
    """Objects from another organisation are treated as not found by callers."""
    for obj in objects:
        organisation_id = obj.pk if isinstance(obj, Organisation) else obj.organisation_id
        if organisation_id != actor.organisation_id:
            raise PermissionDenied("That belongs to another organisation.")


def _apply(obj: object, fields: dict[str, object], allowed: Iterable[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValidationError({name: "This field cannot be changed here." for name in unknown})
    for name, value in fields.items():
        setattr(obj, name, value)


# Organisation ---------------------------------------------------------------------------------


@transaction.atomic
def organisation_update(
    *, actor: Person, organisation: Organisation, **fields: object
) -> Organisation:
    _require(access.can_manage_structure(actor))
    _same_organisation(actor, organisation)
    before = snapshot(organisation, ORGANISATION_FIELDS)
    _apply(organisation, fields, ORGANISATION_FIELDS)
    organisation.full_clean()
    organisation.save()
    audit_record(
        actor=actor,
        organisation=organisation,
        action="organisation.update",
        obj=organisation,
        before=before,
        after=snapshot(organisation, ORGANISATION_FIELDS),
    )
    return organisation


# Teams ----------------------------------------------------------------------------------------


def _compute_path(team: Team) -> str:
    return path_below(team.parent if team.parent_id else None, team.pk)


def _validate_parent(team: Team, parent: Team | None) -> None:
    if parent is None:
        return
    if parent.organisation_id != team.organisation_id:
        raise ValidationError({"parent": "Choose a service or team in your organisation."})
    if team.pk and parent.path.startswith(team.path):
        raise ValidationError({"parent": "A team cannot sit below itself or its own teams."})


@transaction.atomic
def team_create(
    *,
    actor: Person,
    name: str,
    kind: str = Team.Kind.TEAM,
    parent: Team | None = None,
    minimum_staff_on_duty: int = 0,
) -> Team:
    _require(access.can_manage_structure(actor))
    team = Team(
        organisation_id=actor.organisation_id,
        name=name.strip(),
        kind=kind,
        parent=parent,
        minimum_staff_on_duty=minimum_staff_on_duty,
    )
    _validate_parent(team, parent)
    team.full_clean(exclude=["path"])
    team.save()
    team.path = _compute_path(team)
    team.save(update_fields=["path"])
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="team.create",
        obj=team,
        after=snapshot(team, TEAM_FIELDS),
    )
    return team


@transaction.atomic
def team_update(*, actor: Person, team: Team, **fields: object) -> Team:
    _require(access.can_manage_structure(actor))
    _same_organisation(actor, team)
    team = Team.objects.select_for_update().get(pk=team.pk)
    before = snapshot(team, TEAM_FIELDS)
    old_path = team.path
    _apply(team, fields, TEAM_FIELDS)
    if "name" in fields:
        team.name = str(team.name).strip()
    _validate_parent(team, team.parent)
    team.full_clean(exclude=["path"])
    team.path = _compute_path(team)
    team.save()
    if team.path != old_path:
        for below in Team.objects.filter(path__startswith=old_path).exclude(pk=team.pk):
            below.path = team.path + below.path[len(old_path) :]
            below.save(update_fields=["path"])
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="team.update",
        obj=team,
        before=before,
        after=snapshot(team, TEAM_FIELDS),
    )
    return team


@transaction.atomic
def team_delete(*, actor: Person, team: Team) -> None:
    _require(access.can_manage_structure(actor))
    _same_organisation(actor, team)
    if team.children.exists() or team.memberships.exists():
        raise ValidationError(
            "This team still has teams below it or people's memberships; move them first."
        )
    before = snapshot(team, TEAM_FIELDS)
    audit_record(
        actor=actor, organisation=actor.organisation, action="team.delete", obj=team, before=before
    )
    team.delete()


@transaction.atomic
def team_manager_add(*, actor: Person, team: Team, person: Person) -> TeamManager:
    _require(access.can_manage_structure(actor))
    _same_organisation(actor, team, person)
    link, created = TeamManager.objects.get_or_create(team=team, person=person)
    if created:
        role_grant(actor=actor, person=person, role="team_manager")
        audit_record(
            actor=actor,
            organisation=actor.organisation,
            action="team.manager_add",
            obj=team,
            after={"manager": person.pk},
        )
    return link


@transaction.atomic
def team_manager_remove(*, actor: Person, team: Team, person: Person) -> None:
    _require(access.can_manage_structure(actor))
    _same_organisation(actor, team, person)
    deleted, _ = TeamManager.objects.filter(team=team, person=person).delete()
    if deleted:
        audit_record(
            actor=actor,
            organisation=actor.organisation,
            action="team.manager_remove",
            obj=team,
            before={"manager": person.pk},
        )


# People ---------------------------------------------------------------------------------------


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
    _require(access.can_manage_people(actor))
    person = Person(organisation_id=actor.organisation_id, email=email, full_name=full_name.strip())
    _apply(person, fields, PERSON_FIELDS)
    _validate_person(person)
    if password:
        person.set_password(password)
    else:
        person.set_unusable_password()
    person.save()
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="person.create",
        obj=person,
        after=snapshot(person, PERSON_FIELDS),
    )
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
    _require(access.can_manage_people(actor))
    _same_organisation(actor, person)
    person = Person.objects.select_for_update().get(pk=person.pk)
    before = snapshot(person, PERSON_FIELDS)
    _apply(person, fields, PERSON_FIELDS)
    if person.employment_end and person.employment_end < timezone.localdate():
        person.is_active = False
    _validate_person(person)
    person.save()
    after = snapshot(person, PERSON_FIELDS)
    if after != before:
        audit_record(
            actor=actor,
            organisation=actor.organisation,
            action="person.update",
            obj=person,
            before=before,
            after=after,
        )
    return person


@transaction.atomic
def person_roles_set(*, actor: Person, person: Person, roles: Iterable[str]) -> frozenset[str]:
    _require(access.can_manage_people(actor))
    _same_organisation(actor, person)
    wanted = frozenset(roles)
    unknown = wanted - set(Role.values)
    if unknown:
        raise ValidationError({"roles": f"Unknown role: {', '.join(sorted(unknown))}."})
    current = frozenset(person.role_assignments.values_list("role", flat=True))
    if wanted == current:
        return current
    person.role_assignments.exclude(role__in=wanted).delete()
    RoleAssignment.objects.bulk_create(
        [RoleAssignment(person=person, role=role) for role in wanted - current]
    )
    person.__dict__.pop("roles", None)
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="person.roles",
        obj=person,
        before={"roles": sorted(current)},
        after={"roles": sorted(wanted)},
    )
    return wanted


@transaction.atomic
def role_grant(*, actor: Person, person: Person, role: str) -> None:
    roles = set(person.role_assignments.values_list("role", flat=True)) | {role}
    person_roles_set(actor=actor, person=person, roles=roles)


@transaction.atomic
def person_specialisms_set(*, actor: Person, person: Person, tags: Iterable[str]) -> None:
    _require(access.can_manage_people(actor))
    _same_organisation(actor, person)
    wanted = frozenset(tags)
    unknown = wanted - set(SpecialismTag.values)
    if unknown:
        raise ValidationError({"specialisms": f"Unknown specialism: {', '.join(sorted(unknown))}."})
    current = frozenset(person.specialisms.values_list("tag", flat=True))
    if wanted == current:
        return
    person.specialisms.exclude(tag__in=wanted).delete()
    Specialism.objects.bulk_create([Specialism(person=person, tag=tag) for tag in wanted - current])
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="person.specialisms",
        obj=person,
        before={"specialisms": sorted(current)},
        after={"specialisms": sorted(wanted)},
    )


# Memberships ----------------------------------------------------------------------------------

MEMBERSHIP_FIELDS = ("person", "team", "start_date", "end_date")


@transaction.atomic
def membership_start(
    *,
    actor: Person,
    person: Person,
    team: Team,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    ends_other_memberships: bool = True,
) -> Membership:
    """Puts a person in a team from a date; by default they leave their other teams the day
    before, which is how a move between teams is recorded."""
    _require(access.can_manage_people(actor))
    _same_organisation(actor, person, team)
    if end_date and end_date < start_date:
        raise ValidationError({"end_date": "The end date must be on or after the start date."})
    existing = Membership.objects.select_for_update().filter(person=person)
    if existing.filter(team=team, start_date=start_date).exists():
        raise ValidationError({"team": f"{person} already joins {team} on that date."})
    if ends_other_memberships:
        for membership in existing.current(start_date).exclude(team=team):
            membership_end(
                actor=actor, membership=membership, end_date=start_date - datetime.timedelta(days=1)
            )
    membership = Membership(person=person, team=team, start_date=start_date, end_date=end_date)
    membership.full_clean()
    membership.save()
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="membership.start",
        obj=membership,
        after=snapshot(membership, MEMBERSHIP_FIELDS),
    )
    return membership


@transaction.atomic
def membership_end(*, actor: Person, membership: Membership, end_date: datetime.date) -> Membership:
    _require(access.can_manage_people(actor))
    _same_organisation(actor, membership.person)
    before = snapshot(membership, MEMBERSHIP_FIELDS)
    if end_date < membership.start_date:
        # A membership that would end before it began never happened: remove it.
        audit_record(
            actor=actor,
            organisation=actor.organisation,
            action="membership.delete",
            obj=membership,
            before=before,
        )
        membership.delete()
        return membership
    membership.end_date = end_date
    membership.full_clean()
    membership.save(update_fields=["end_date"])
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="membership.end",
        obj=membership,
        before=before,
        after=snapshot(membership, MEMBERSHIP_FIELDS),
    )
    return membership


# Working patterns -----------------------------------------------------------------------------

PATTERN_FIELDS = ("effective_from", *WEEKDAY_FIELDS)


@transaction.atomic
def working_pattern_set(
    *, actor: Person, person: Person, effective_from: datetime.date, minutes: dict[str, int]
) -> WorkingPattern:
    """Sets the contracted minutes per weekday from a date (replacing a pattern on that date).

    ``minutes`` maps weekday field names (``monday_minutes`` ...) to minutes; missing days are 0.
    """
    _require(access.can_manage_people(actor))
    _same_organisation(actor, person)
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
    if after == before:
        return pattern
    pattern.save()
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="working_pattern.set",
        obj=pattern,
        before=before,
        after=after,
    )
    return pattern


# Registrations --------------------------------------------------------------------------------


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
    _require(access.can_manage_people(actor))
    _same_organisation(actor, person)
    registration = Registration(
        person=person,
        regulator=regulator,
        number=number,
        registered_on=registered_on,
        renewal_due=renewal_due,
    )
    _save_registration(registration)
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="registration.add",
        obj=registration,
        after=snapshot(registration, REGISTRATION_FIELDS),
    )
    return registration


@transaction.atomic
def registration_update(
    *, actor: Person, registration: Registration, **fields: object
) -> Registration:
    _require(access.can_manage_people(actor))
    _same_organisation(actor, registration.person)
    before = snapshot(registration, REGISTRATION_FIELDS)
    _apply(registration, fields, REGISTRATION_FIELDS)
    _save_registration(registration)
    after = snapshot(registration, REGISTRATION_FIELDS)
    if after != before:
        audit_record(
            actor=actor,
            organisation=actor.organisation,
            action="registration.update",
            obj=registration,
            before=before,
            after=after,
        )
    return registration


@transaction.atomic
def registration_remove(*, actor: Person, registration: Registration) -> None:
    _require(access.can_manage_people(actor))
    _same_organisation(actor, registration.person)
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="registration.remove",
        obj=registration,
        before=snapshot(registration, REGISTRATION_FIELDS),
    )
    registration.delete()


# API tokens -----------------------------------------------------------------------------------


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, actor: Person, name: str) -> tuple[ApiToken, str]:
    """Creates a token for the actor; the raw key is returned once and never stored."""
    _require(actor.is_authenticated)
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the token a name so you can recognise it later."})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        person=actor, name=name[:100], prefix=raw[:10], key_hash=hash_token(raw)
    )
    audit_record(
        actor=actor,
        organisation=actor.organisation,
        action="api_token.create",
        obj=token,
        after={"name": token.name, "prefix": token.prefix},
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor: Person, token: ApiToken) -> ApiToken:
    _require(token.person_id == actor.pk, "You can only revoke your own tokens.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            organisation=actor.organisation,
            action="api_token.revoke",
            obj=token,
            after={"revoked_at": token.revoked_at},
        )
    return token


def api_token_authenticate(raw: str) -> Person | None:
    """The active person behind a live token, recording when it was last used."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("person", "person__organisation")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, person__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Writing on every request would serialise API calls on SQLite; a minute's precision is
    # enough for "last used".
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.person
