"""Cover: who does a practitioner's work while they learn, and what they cover.

A colleague with conflicts (``planner.conflicts``) is assigned only when the manager accepts
them with a reason, which is kept with the cover. The colleague's row is locked while their
other cover is checked, so two managers asking the same colleague to cover overlapping time at
the same moment cannot both succeed: the second sees the first as a conflict.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from planner import access as planner_access
from planner.conflicts import CoverConflict, cover_conflicts
from planner.models import Booking, CoverAssignment, CoverDuty, CoverStatus
from planner.models.bookings import HOLDING_STATUSES
from planner.tasks import queue_cover_request
from teams.audit import snapshot
from teams.models import Person
from teams.services.common import audit_snapshot

COVER_FIELDS = (
    "booking",
    "colleague",
    "start",
    "end",
    "duties",
    "case_list_reference",
    "status",
    "acknowledged_at",
    "conflicts",
    "conflicts_accepted_reason",
    "conflicts_accepted_by",
    "assigned_by",
)
CASE_LIST_REFERENCE_MAX_LENGTH = CoverAssignment._meta.get_field("case_list_reference").max_length


class CoverConflictError(ValidationError):
    """Cover refused because of conflicts the manager has not accepted; ``conflicts`` lists
    them so a page or the API can show each one. The API answers it with 409 Conflict."""

    http_status = 409
    api_code = "cover_conflict"

    def __init__(self, conflicts: list[CoverConflict]) -> None:
        super().__init__(
            {
                "colleague": [conflict.message for conflict in conflicts],
                "accept_conflicts_reason": (
                    "Choose another colleague, or give a reason to assign them despite "
                    f"the {'conflict' if len(conflicts) == 1 else 'conflicts'}."
                ),
            }
        )
        self.conflicts = conflicts


def _clean_duties(duties: Iterable[str], case_list_reference: str) -> list[str]:
    chosen = list(dict.fromkeys(duties))
    errors: dict[str, str] = {}
    if not chosen:
        errors["duties"] = "Choose at least one thing they cover."
    elif any(duty not in CoverDuty.values for duty in chosen):
        errors["duties"] = "Choose what they cover from the list."
    if CoverDuty.CASE_LIST in chosen and not case_list_reference:
        errors["case_list_reference"] = "Enter the reference of the case list."
    if len(case_list_reference) > CASE_LIST_REFERENCE_MAX_LENGTH:
        errors["case_list_reference"] = (
            f"The case list reference must be {CASE_LIST_REFERENCE_MAX_LENGTH} characters or fewer."
        )
    if errors:
        raise ValidationError(errors)
    # In the order the choices are listed, so the same duties always read the same way.
    return [duty for duty in CoverDuty.values if duty in chosen]


@transaction.atomic
def cover_assign(
    *,
    actor: Person,
    booking: Booking,
    colleague: Person,
    duties: Iterable[str],
    case_list_reference: str = "",
    accept_conflicts_reason: str = "",
) -> CoverAssignment:
    """Asks a colleague to cover a booking. With conflicts it is refused (``CoverConflictError``
    listing every one) unless ``accept_conflicts_reason`` says why to go ahead; then the
    conflicts, the reason and who accepted them are kept with the cover."""
    planner_access.require_decider(actor, booking, what="cover")
    case_list_reference = (case_list_reference or "").strip()
    accept_conflicts_reason = (accept_conflicts_reason or "").strip()
    if not planner_access.cover_candidates_for(actor).filter(pk=colleague.pk).exists():
        raise ValidationError({"colleague": "Choose a colleague in your teams."})
    if colleague.pk == booking.person_id:
        raise ValidationError(
            {"colleague": f"Choose someone other than {colleague}, who is the one learning."}
        )
    cleaned_duties = _clean_duties(duties, case_list_reference)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status not in HOLDING_STATUSES:
        raise ValidationError(
            {
                "booking": "Cover can be arranged only for a requested, approved or confirmed "
                f"booking. This booking is {booking.get_status_display().lower()}."
            }
        )
    # Lock the colleague before reading their other cover: a second manager assigning them at
    # the same moment waits here, then sees this cover as a conflict.
    Person.objects.select_for_update().get(pk=colleague.pk)
    active = booking.cover_assignments.exclude(status=CoverStatus.WITHDRAWN)
    if active.filter(colleague=colleague).exists():
        raise ValidationError({"colleague": f"{colleague} is already asked to cover this booking."})
    conflicts = cover_conflicts(booking=booking, colleague=colleague)
    if conflicts and not accept_conflicts_reason:
        raise CoverConflictError(conflicts)
    assignment = CoverAssignment.objects.create(
        booking=booking,
        colleague=colleague,
        start=booking.start,
        end=booking.end,
        duties=cleaned_duties,
        case_list_reference=case_list_reference,
        conflicts=[conflict.kind.value for conflict in conflicts],
        conflicts_accepted_reason=accept_conflicts_reason if conflicts else "",
        conflicts_accepted_by=actor if conflicts else None,
        assigned_by=actor,
    )
    audit_snapshot(actor, "cover.assign", assignment, COVER_FIELDS)
    queue_cover_request(assignment)
    return assignment


@transaction.atomic
def cover_acknowledge(*, actor: Person, assignment: CoverAssignment) -> CoverAssignment:
    """The colleague confirms they will cover."""
    if assignment.colleague_id != actor.pk:
        raise PermissionDenied("Only the colleague asked to cover can acknowledge it.")
    assignment = CoverAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.status == CoverStatus.WITHDRAWN:
        raise ValidationError("This cover has been withdrawn, so there is nothing to acknowledge.")
    if assignment.status == CoverStatus.ACKNOWLEDGED:
        raise ValidationError("You have already acknowledged this cover.")
    before = snapshot(assignment, COVER_FIELDS)
    assignment.status = CoverStatus.ACKNOWLEDGED
    assignment.acknowledged_at = timezone.now()
    assignment.save(update_fields=["status", "acknowledged_at"])
    audit_snapshot(actor, "cover.acknowledge", assignment, COVER_FIELDS, before)
    return assignment


@transaction.atomic
def cover_withdraw(*, actor: Person, assignment: CoverAssignment) -> CoverAssignment:
    """The manager takes the colleague off this cover; the row stays for the booking's
    history."""
    planner_access.require_decider(actor, assignment.booking, what="cover")
    assignment = CoverAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.status == CoverStatus.WITHDRAWN:
        raise ValidationError("This cover has already been withdrawn.")
    before = snapshot(assignment, COVER_FIELDS)
    assignment.status = CoverStatus.WITHDRAWN
    assignment.save(update_fields=["status"])
    audit_snapshot(actor, "cover.withdraw", assignment, COVER_FIELDS, before)
    return assignment
