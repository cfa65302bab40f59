"""Who may see and change protected time: built on ``teams.access`` and used by every planner
view, endpoint, service and task.

- practitioner: their own bookings, allowance and absences; they request time for themselves
  and acknowledge cover they were asked to give; they never approve their own request;
- team manager: the people currently in the teams they manage (and below): book, approve,
  decline, arrange cover, cancel, record attendance and absences, see the planner and metrics;
- L&D lead and org admin: read every booking and team metric in the organisation; they set
  allowance rules and planner settings; the org admin sets the organisation's closure days;
- another organisation: nothing (404).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from planner.models import Absence, AllowanceRule, Booking, ClosureDay, CoverAssignment
from teams import access
from teams.access import Viewer
from teams.models import Membership, Person, PersonQuerySet, Team, TeamManager


def bookings_visible_to(user: Viewer) -> QuerySet[Booking]:
    """Bookings of everyone the user may read, plus bookings they were asked to cover."""
    if not user.is_authenticated:
        return Booking.objects.none()
    covering = CoverAssignment.objects.filter(colleague_id=user.pk).values("booking_id")
    return Booking.objects.filter(organisation_id=user.organisation_id).filter(
        Q(person__in=access.people_visible_to(user).values("pk")) | Q(pk__in=covering)
    )


def can_request_for(user: Viewer, person: Person) -> bool:
    """Anyone may ask for time for themselves; a manager books it for their people."""
    if not user.is_authenticated or person.organisation_id != user.organisation_id:
        return False
    return person.pk == user.pk or access.manages(user, person)


def can_decide(user: Viewer, booking: Booking) -> bool:
    """Approve, decline, arrange cover, cancel for the team, record attendance: the person's
    manager, and never the person themselves, so nobody approves their own request."""
    return booking.person_id != user.pk and access.manages(user, booking.person)


def require_decider(user: Viewer, booking: Booking, *, what: str) -> None:
    """Refuses anyone but the person's manager, saying so: nobody decides on ``what`` (their
    protected time, their cover) for themselves."""
    if booking.person_id == user.pk:
        raise PermissionDenied(f"You cannot decide on your own {what}; your manager does.")
    if not can_decide(user, booking):
        raise PermissionDenied(f"Only the person's manager can decide on their {what}.")


def _path_ids(path: str) -> list[int]:
    """Team ids from the root down to the team, read from its materialised path."""
    return [int(part) for part in path.strip("/").split("/") if part]


def deciders_for(person: Person) -> list[Person]:
    """The managers told when the person asks for time (or withdraws it): those of each team
    they are in now or, for a team with no manager but the person, the nearest managers above
    it. Each of them may decide (``can_decide``); managers further up may too, but are not told."""
    teams = [
        membership.team
        for membership in Membership.objects.current().filter(person=person).select_related("team")
    ]
    managers_by_team: dict[int, list[Person]] = {}
    for link in (
        TeamManager.objects.filter(
            team_id__in={team_id for team in teams for team_id in _path_ids(team.path)},
            person__is_active=True,
        )
        .exclude(person=person)
        .select_related("person")
    ):
        managers_by_team.setdefault(link.team_id, []).append(link.person)
    chosen: dict[int, Person] = {}
    for team in teams:
        for team_id in reversed(_path_ids(team.path)):
            if team_id in managers_by_team:
                chosen.update((manager.pk, manager) for manager in managers_by_team[team_id])
                break
    return sorted(chosen.values(), key=lambda manager: (manager.full_name, manager.pk))


def can_cancel(user: Viewer, booking: Booking) -> bool:
    """The person may withdraw their own booking; their manager may cancel it."""
    if not user.is_authenticated:
        return False
    return booking.person_id == user.pk or can_decide(user, booking)


def can_cancel_for_provider(user: Viewer, booking: Booking) -> bool:
    """The provider called the learning off (L&D cancelled a catalogue session): beyond the
    person and their manager, L&D leads and org admins of the organisation release the time."""
    return booking.organisation_id == user.organisation_id and (
        can_cancel(user, booking) or access.sees_whole_organisation(user)
    )


def can_book_for_others(user: Viewer) -> bool:
    """Team managers book protected time for the people they manage (approved there and then)."""
    return access.is_team_manager(user)


def managed_among(user: Viewer, person_ids: Iterable[int]) -> frozenset[int]:
    """Those of ``person_ids`` the user manages, who they may book time for (one query at
    most)."""
    ids = list(person_ids)
    if not access.is_team_manager(user) or not ids:
        return frozenset()
    return frozenset(access.people_managed_by(user).filter(pk__in=ids).values_list("pk", flat=True))


def absences_recordable_among(
    user: Viewer, person_ids: Iterable[int], *, managed: frozenset[int]
) -> frozenset[int]:
    """Those of ``person_ids`` whose absences the user may record: all of them for an org
    admin (they run the HR import), else ``managed``, those of them the user manages."""
    return frozenset(person_ids) if access.is_org_admin(user) else managed


def cover_candidates_for(user: Viewer) -> PersonQuerySet:
    """Colleagues a manager may ask to cover: anyone in the teams they manage, themselves
    included (a manager often covers duty)."""
    if not access.is_team_manager(user):
        return Person.objects.none()
    members = (
        Membership.objects.current()
        .filter(team__in=access.teams_managed_by(user).values("pk"))
        .values("person_id")
    )
    return Person.objects.filter(organisation_id=user.organisation_id).filter(
        Q(pk__in=members) | Q(pk=user.pk)
    )


def can_open_planner(user: Viewer) -> bool:
    """The team planner and team figures: for those who see teams (managers, L&D, org admins)."""
    return access.sees_teams(user)


def teams_planned_by(user: Viewer) -> QuerySet[Team]:
    """Teams whose planner and metrics the user may open: managers their teams; L&D leads and
    org admins every team in the organisation."""
    if access.sees_whole_organisation(user):
        return access.teams_visible_to(user)
    return access.teams_managed_by(user)


def absences_visible_to(user: Viewer) -> QuerySet[Absence]:
    if not user.is_authenticated:
        return Absence.objects.none()
    return Absence.objects.filter(person__in=access.people_visible_to(user).values("pk"))


def can_record_absence_for(user: Viewer, person: Person) -> bool:
    """Managers record absences for their people; org admins for anyone in the organisation
    (they run the HR import)."""
    if not user.is_authenticated or person.organisation_id != user.organisation_id:
        return False
    return access.is_org_admin(user) or access.manages(user, person)


def can_import_absences(user: Viewer) -> bool:
    """Org admins import absences for anyone; team managers for the people they manage."""
    return access.is_org_admin(user) or access.is_team_manager(user)


def people_absences_recorded_by(user: Viewer) -> PersonQuerySet:
    """Whose absences the user may record (``can_record_absence_for``) as one query: everyone
    in the organisation for an org admin, else the people they manage."""
    people = (
        access.people_visible_to(user)
        if access.is_org_admin(user)
        else access.people_managed_by(user)
    )
    return people.filter(organisation_id=user.organisation_id)


def can_manage_allowances(user: Viewer) -> bool:
    return access.is_org_admin(user) or access.is_ld_lead(user)


def allowance_rules_visible_to(user: Viewer) -> QuerySet[AllowanceRule]:
    if not user.is_authenticated:
        return AllowanceRule.objects.none()
    return AllowanceRule.objects.filter(organisation_id=user.organisation_id)


def can_manage_closure_days(user: Viewer) -> bool:
    """The organisation's closure days are the org admin's to set, as its working time is."""
    return access.is_org_admin(user)


def closure_days_visible_to(user: Viewer) -> QuerySet[ClosureDay]:
    if not user.is_authenticated:
        return ClosureDay.objects.none()
    return ClosureDay.objects.filter(organisation_id=user.organisation_id)
