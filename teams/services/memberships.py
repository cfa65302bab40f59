"""Writes to people's dated time in teams: joining (a move, by default) and leaving."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from teams.audit import snapshot
from teams.models import Membership, Person, Team
from teams.services.common import audit_snapshot, audited_delete, require_people_manager

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
    require_people_manager(actor, person, team)
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
    audit_snapshot(actor, "membership.start", membership, MEMBERSHIP_FIELDS)
    return membership


@transaction.atomic
def membership_end(*, actor: Person, membership: Membership, end_date: datetime.date) -> Membership:
    require_people_manager(actor, membership.person)
    before = snapshot(membership, MEMBERSHIP_FIELDS)
    if end_date < membership.start_date:
        # A membership that would end before it began never happened: remove it.
        audited_delete(actor, "membership.delete", membership, MEMBERSHIP_FIELDS)
        return membership
    membership.end_date = end_date
    membership.full_clean()
    membership.save(update_fields=["end_date"])
    audit_snapshot(actor, "membership.end", membership, MEMBERSHIP_FIELDS, before)
    return membership
