"""Cover through the API: the person's manager checks a colleague for conflicts, asks them to
cover and takes them off; the colleague acknowledges. Every write goes through
``planner.services.cover``."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from planner import access as planner_access
from planner.api.bookings import readable_booking
from planner.api.schemas.cover import ConflictOut, CoverCheckOut, CoverIn, CoverOut
from planner.conflicts import cover_conflicts
from planner.models import Booking, CoverAssignment
from planner.services import cover as cover_services
from teams.models import Person

router = Router()


def _cover_visible(actor: Person) -> QuerySet[CoverAssignment]:
    """Cover on bookings the caller may read, and cover they were asked to give."""
    return CoverAssignment.objects.filter(
        Q(booking__in=planner_access.bookings_visible_to(actor).values("pk"))
        | Q(colleague_id=actor.pk)
    ).select_related("colleague", "booking")


def _decidable(actor: Person, booking_id: int) -> Booking:
    booking = readable_booking(actor, booking_id)
    if not planner_access.can_decide(actor, booking):
        raise PermissionDenied("Only the person's manager can arrange their cover.")
    return booking


def _colleague(actor: Person, colleague_id: int) -> Person:
    return visible(
        planner_access.cover_candidates_for(actor),
        colleague_id,
        "colleague in your teams",
        field="colleague_id",
    )


@router.get(
    "/bookings/{booking_id}/cover-conflicts/{colleague_id}",
    response=CoverCheckOut,
    operation_id="cover_conflicts_check",
)
def cover_conflicts_check(
    request: HttpRequest, booking_id: int, colleague_id: int
) -> CoverCheckOut:
    """Every reason the colleague may not be free to cover the booking, before assigning."""
    actor = caller(request)
    booking = _decidable(actor, booking_id)
    colleague = _colleague(actor, colleague_id)
    return CoverCheckOut(
        colleague_id=colleague.pk,
        conflicts=[
            ConflictOut(kind=conflict.kind.value, message=conflict.message)
            for conflict in cover_conflicts(booking=booking, colleague=colleague)
        ],
    )


@router.post("/bookings/{booking_id}/cover", response={201: CoverOut}, operation_id="cover_assign")
def cover_assign(request: HttpRequest, booking_id: int, payload: CoverIn) -> Status:
    """Asks a colleague to cover. With conflicts the answer is 409 listing each one under
    ``colleague`` unless ``accept_conflicts_reason`` says why to go ahead."""
    actor = caller(request)
    booking = _decidable(actor, booking_id)
    colleague = _colleague(actor, payload.colleague_id)
    with fields_named(colleague="colleague_id"):
        assignment = cover_services.cover_assign(
            actor=actor,
            booking=booking,
            colleague=colleague,
            **payload.model_dump(exclude={"colleague_id"}),
        )
    return Status(201, assignment)


@router.get("/cover", response=list[CoverOut], operation_id="cover_list")
@paginate(LimitOffsetPagination)
def cover_list(request: HttpRequest, mine: bool = False) -> QuerySet[CoverAssignment]:
    """Cover on bookings you may see; ``mine=true`` for cover you were asked to give."""
    actor = caller(request)
    found = _cover_visible(actor)
    if mine:
        found = found.filter(colleague_id=actor.pk)
    return found.order_by("start", "id")


@router.post("/cover/{cover_id}/acknowledge", response=CoverOut, operation_id="cover_acknowledge")
def cover_acknowledge(request: HttpRequest, cover_id: int) -> CoverAssignment:
    """The colleague asked to cover confirms they will."""
    actor = caller(request)
    assignment = visible(_cover_visible(actor), cover_id, "cover")
    return cover_services.cover_acknowledge(actor=actor, assignment=assignment)


@router.post("/cover/{cover_id}/withdraw", response=CoverOut, operation_id="cover_withdraw")
def cover_withdraw(request: HttpRequest, cover_id: int) -> CoverAssignment:
    """The manager takes the colleague off the cover; it stays in the booking's history."""
    actor = caller(request)
    assignment = visible(_cover_visible(actor), cover_id, "cover")
    return cover_services.cover_withdraw(actor=actor, assignment=assignment)
