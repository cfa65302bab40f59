"""Protected time bookings and their cover through the API, with the pages' permissions: the
person asks for time, their manager books, decides, arranges cover, cancels and records
attendance; the colleague acknowledges cover. Every write goes through ``planner.services``.

Times are ISO 8601; a time without an offset is read as London time, as people type it.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, FilterSchema, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from core.api import caller, fields_named, visible
from core.time import local_midnight
from planner import access as planner_access
from planner.conflicts import cover_conflicts
from planner.models import (
    Booking,
    BookingEvent,
    BookingPurpose,
    BookingStatus,
    CancellationReason,
    CoverAssignment,
    CoverDuty,
    CoverStatus,
)
from planner.selectors import metrics as metrics_selectors
from planner.selectors import planner_grid as grid_selectors
from planner.services import bookings as booking_services
from planner.services import cover as cover_services
from teams import access
from teams.models import Person

router = Router(tags=["protected time"])


class PersonRef(Schema):
    id: int
    full_name: str


class CoverOut(Schema):
    id: int
    booking_id: int
    colleague: PersonRef
    start: datetime.datetime
    end: datetime.datetime
    duties: list[CoverDuty]
    case_list_reference: str
    status: CoverStatus
    acknowledged_at: datetime.datetime | None
    conflicts: list[str] = Field(description="Conflicts found when assigned (kinds).")
    conflicts_accepted_reason: str


class EventOut(Schema):
    at: datetime.datetime
    actor_id: int | None
    from_status: str
    to_status: BookingStatus
    note: str


class BookingOut(Schema):
    id: int
    person: PersonRef
    start: datetime.datetime
    end: datetime.datetime
    minutes: int
    title: str
    purpose: BookingPurpose
    notes: str
    status: BookingStatus
    requested_by_id: int | None
    decided_by_id: int | None
    decline_reason: str
    no_cover_needed_reason: str
    outside_working_minutes: int = Field(
        description="Minutes outside the person's working time: TOIL is due for these."
    )
    attended_minutes: int | None
    cancellation_reason: CancellationReason | None
    cancellation_note: str
    cancelled_by_id: int | None
    rescheduled_from_id: int | None
    cover: list[CoverOut]

    @staticmethod
    def resolve_cover(booking: Booking) -> list[CoverAssignment]:
        return booking.api_cover

    @staticmethod
    def resolve_cancellation_reason(booking: Booking) -> str | None:
        return booking.cancellation_reason or None


class BookingDetailOut(BookingOut):
    history: list[EventOut]

    @staticmethod
    def resolve_history(booking: Booking) -> list[BookingEvent]:
        return booking.api_history


class BookingFilter(FilterSchema):
    person_id: int | None = None
    status: BookingStatus | None = None
    starts_from: datetime.date | None = Field(None, description="London date, inclusive.")
    starts_before: datetime.date | None = Field(None, description="London date, exclusive.")


class BookingCreate(Schema):
    person_id: int | None = Field(None, description="Whose time; yourself when left out.")
    start: datetime.datetime
    end: datetime.datetime
    title: str
    purpose: BookingPurpose = BookingPurpose.OTHER
    notes: str = ""


class DeclineIn(Schema):
    reason: str


class ConfirmIn(Schema):
    no_cover_needed_reason: str = Field(
        "", description="Leave empty when cover is arranged; otherwise why none is needed."
    )


class CancelIn(Schema):
    reason: CancellationReason
    note: str = ""
    reschedule_start: datetime.datetime | None = None
    reschedule_end: datetime.datetime | None = None


class AttendanceIn(Schema):
    status: BookingStatus = Field(description="attended, partly_attended or did_not_attend.")
    attended_minutes: int | None = None


class CoverIn(Schema):
    colleague_id: int
    duties: list[CoverDuty]
    case_list_reference: str = ""
    accept_conflicts_reason: str = Field(
        "", description="Needed to assign a colleague despite conflicts."
    )


class ConflictOut(Schema):
    kind: str
    message: str


class CoverCheckOut(Schema):
    colleague_id: int
    conflicts: list[ConflictOut] = Field(description="Empty when the colleague is free.")


def _bookings(actor: Person) -> QuerySet[Booking]:
    """Bookings the caller may read, with cover, in a fixed number of queries."""
    return (
        planner_access.bookings_visible_to(actor)
        .select_related("person")
        .prefetch_related(
            Prefetch(
                "cover_assignments",
                queryset=CoverAssignment.objects.select_related("colleague").order_by(
                    "created_at", "id"
                ),
                to_attr="api_cover",
            )
        )
        .order_by("start", "id")
    )


def _booking(actor: Person, booking_id: int) -> Booking:
    booking = visible(_bookings(actor), booking_id, "booking")
    booking.api_history = list(booking.events.order_by("at", "id"))
    return booking


def _reloaded(actor: Person, booking: Booking) -> Booking:
    return _booking(actor, booking.pk)


def _cover_visible(actor: Person) -> QuerySet[CoverAssignment]:
    """Cover on bookings the caller may read, and cover they were asked to give."""
    return CoverAssignment.objects.filter(
        Q(booking__in=planner_access.bookings_visible_to(actor).values("pk"))
        | Q(colleague_id=actor.pk)
    ).select_related("colleague", "booking")


@router.get(
    "/bookings", response=list[BookingOut], operation_id="bookings_list", tags=["protected time"]
)
@paginate(LimitOffsetPagination)
def bookings_list(request: HttpRequest, filters: Query[BookingFilter]) -> QuerySet[Booking]:
    """Protected time you may see: your own, your teams' (managers), your organisation's (L&D
    and org admins), and bookings you were asked to cover."""
    bookings = _bookings(caller(request))
    if filters.person_id is not None:
        bookings = bookings.filter(person_id=filters.person_id)
    if filters.status:
        bookings = bookings.filter(status=filters.status)
    if filters.starts_from:
        bookings = bookings.filter(start__gte=local_midnight(filters.starts_from))
    if filters.starts_before:
        bookings = bookings.filter(start__lt=local_midnight(filters.starts_before))
    return bookings


@router.get(
    "/bookings/{booking_id}",
    response=BookingDetailOut,
    operation_id="bookings_get",
    tags=["protected time"],
)
def bookings_get(request: HttpRequest, booking_id: int) -> Booking:
    """A booking with its cover and full history."""
    return _booking(caller(request), booking_id)


@router.post(
    "/bookings",
    response={201: BookingDetailOut},
    operation_id="bookings_create",
    tags=["protected time"],
)
def bookings_create(request: HttpRequest, payload: BookingCreate) -> Status:
    """Asks for time for yourself (requested), or books it for one of your people as their
    manager (approved). Overlaps are refused; time outside working hours is flagged TOIL due."""
    actor = caller(request)
    person = (
        actor
        if payload.person_id is None
        else visible(
            access.people_visible_to(actor), payload.person_id, "person", field="person_id"
        )
    )
    with fields_named(person="person_id"):
        booking = booking_services.booking_request(
            actor=actor,
            person=person,
            start=payload.start,
            end=payload.end,
            title=payload.title,
            purpose=payload.purpose,
            notes=payload.notes,
        )
    return Status(201, _reloaded(actor, booking))


@router.post(
    "/bookings/{booking_id}/approve",
    response=BookingDetailOut,
    operation_id="bookings_approve",
    tags=["protected time"],
)
def bookings_approve(request: HttpRequest, booking_id: int) -> Booking:
    actor = caller(request)
    booking = booking_services.booking_approve(actor=actor, booking=_booking(actor, booking_id))
    return _reloaded(actor, booking)


@router.post(
    "/bookings/{booking_id}/decline",
    response=BookingDetailOut,
    operation_id="bookings_decline",
    tags=["protected time"],
)
def bookings_decline(request: HttpRequest, booking_id: int, payload: DeclineIn) -> Booking:
    actor = caller(request)
    booking = booking_services.booking_decline(
        actor=actor, booking=_booking(actor, booking_id), reason=payload.reason
    )
    return _reloaded(actor, booking)


@router.post(
    "/bookings/{booking_id}/confirm",
    response=BookingDetailOut,
    operation_id="bookings_confirm",
    tags=["protected time"],
)
def bookings_confirm(request: HttpRequest, booking_id: int, payload: ConfirmIn) -> Booking:
    """Confirms an approved booking: with cover arranged and every conflict resolved or
    accepted, or with the reason no cover is needed."""
    actor = caller(request)
    booking = booking_services.booking_confirm(
        actor=actor,
        booking=_booking(actor, booking_id),
        no_cover_needed_reason=payload.no_cover_needed_reason,
    )
    return _reloaded(actor, booking)


@router.post(
    "/bookings/{booking_id}/cancel",
    response=BookingDetailOut,
    operation_id="bookings_cancel",
    tags=["protected time"],
)
def bookings_cancel(request: HttpRequest, booking_id: int, payload: CancelIn) -> Booking:
    """Cancels with a reason category and note (the person or their manager); with new times
    it is rebooked as a new booking linked by ``rescheduled_from_id``."""
    actor = caller(request)
    booking = booking_services.booking_cancel(
        actor=actor,
        booking=_booking(actor, booking_id),
        reason=payload.reason,
        note=payload.note,
        reschedule_start=payload.reschedule_start,
        reschedule_end=payload.reschedule_end,
    )
    return _reloaded(actor, booking)


@router.post(
    "/bookings/{booking_id}/attendance",
    response=BookingDetailOut,
    operation_id="bookings_attendance",
    tags=["protected time"],
)
def bookings_attendance(request: HttpRequest, booking_id: int, payload: AttendanceIn) -> Booking:
    actor = caller(request)
    booking = booking_services.booking_record_attendance(
        actor=actor,
        booking=_booking(actor, booking_id),
        status=payload.status,
        attended_minutes=payload.attended_minutes,
    )
    return _reloaded(actor, booking)


def _decidable(actor: Person, booking_id: int) -> Booking:
    booking = _booking(actor, booking_id)
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
    tags=["protected time"],
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


@router.post(
    "/bookings/{booking_id}/cover",
    response={201: CoverOut},
    operation_id="cover_assign",
    tags=["protected time"],
)
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
            duties=payload.duties,
            case_list_reference=payload.case_list_reference,
            accept_conflicts_reason=payload.accept_conflicts_reason,
        )
    return Status(201, assignment)


@router.get("/cover", response=list[CoverOut], operation_id="cover_list", tags=["protected time"])
@paginate(LimitOffsetPagination)
def cover_list(request: HttpRequest, mine: bool = False) -> QuerySet[CoverAssignment]:
    """Cover on bookings you may see; ``mine=true`` for cover you were asked to give."""
    actor = caller(request)
    found = _cover_visible(actor)
    if mine:
        found = found.filter(colleague_id=actor.pk)
    return found.order_by("start", "id")


@router.post(
    "/cover/{cover_id}/acknowledge",
    response=CoverOut,
    operation_id="cover_acknowledge",
    tags=["protected time"],
)
def cover_acknowledge(request: HttpRequest, cover_id: int) -> CoverAssignment:
    """The colleague asked to cover confirms they will."""
    actor = caller(request)
    assignment = visible(_cover_visible(actor), cover_id, "cover")
    return cover_services.cover_acknowledge(actor=actor, assignment=assignment)


@router.post(
    "/cover/{cover_id}/withdraw",
    response=CoverOut,
    operation_id="cover_withdraw",
    tags=["protected time"],
)
def cover_withdraw(request: HttpRequest, cover_id: int) -> CoverAssignment:
    """The manager takes the colleague off the cover; it stays in the booking's history."""
    actor = caller(request)
    assignment = visible(_cover_visible(actor), cover_id, "cover")
    return cover_services.cover_withdraw(actor=actor, assignment=assignment)


class ReasonCountOut(Schema):
    reason: CancellationReason
    label: str
    count: int


class PersonUseOut(Schema):
    person: PersonRef
    booked_minutes: int
    used_minutes: int
    lost_minutes: int
    allowance_minutes: int | None
    remaining_minutes: int | None


class TeamMetricsOut(Schema):
    team_id: int
    period_first_day: datetime.date
    period_last_day: datetime.date
    learning_bookings: int
    covered: int
    no_cover_needed: int
    cover_rate_percent: float | None
    national_cover_rate_percent: float
    cancelled: int
    cancellation_rate_percent: float | None
    cancellations_by_reason: list[ReasonCountOut]
    people: list[PersonUseOut]
    without_protected_time_this_quarter: list[PersonRef]


def _percent(value: object) -> float | None:
    return None if value is None else float(value)


@router.get(
    "/teams/{team_id}/protected-time-metrics",
    response=TeamMetricsOut,
    operation_id="team_protected_time_metrics",
    tags=["protected time"],
)
def team_protected_time_metrics(
    request: HttpRequest, team_id: int, on: datetime.date | None = None
) -> TeamMetricsOut:
    """The team's cover rate (beside the national figure), cancellations and reasons, time
    per person against allowance, and who has had no protected time this quarter, for the
    allowance period containing ``on`` (today when left out)."""
    actor = caller(request)
    if not planner_access.can_open_planner(actor):
        raise PermissionDenied("Team figures are for team managers, L&D leads and org admins.")
    team = grid_selectors.planner_team(actor, team_id)
    today = timezone.localdate()
    metrics = metrics_selectors.team_metrics(user=actor, team=team, on=on or today, today=today)
    return TeamMetricsOut(
        team_id=team.pk,
        period_first_day=metrics.period.first_day,
        period_last_day=metrics.period.last_day,
        learning_bookings=metrics.learning_bookings,
        covered=metrics.covered,
        no_cover_needed=metrics.no_cover_needed,
        cover_rate_percent=_percent(metrics.cover_rate),
        national_cover_rate_percent=float(metrics.national_cover_rate),
        cancelled=metrics.cancelled,
        cancellation_rate_percent=_percent(metrics.cancellation_rate),
        cancellations_by_reason=[
            ReasonCountOut(reason=item.reason, label=item.label, count=item.count)
            for item in metrics.reasons
        ],
        people=[
            PersonUseOut(
                person=PersonRef(id=use.person.pk, full_name=use.person.full_name),
                booked_minutes=use.booked_minutes,
                used_minutes=use.used_minutes,
                lost_minutes=use.lost_minutes,
                allowance_minutes=getattr(use.allowance, "allowance_minutes", None),
                remaining_minutes=getattr(use.allowance, "remaining_minutes", None),
            )
            for use in metrics.people
        ],
        without_protected_time_this_quarter=[
            PersonRef(id=person.pk, full_name=person.full_name)
            for person in metrics.without_protected_time
        ],
    )


class PlannerCellOut(Schema):
    day: datetime.date
    contracted_minutes: int
    not_working_reason: str = Field(description="Empty on a working day.")
    absence_kind: str | None
    booking_ids: list[int]
    covering_booking_ids: list[int]
    conflicts: list[str]


class PlannerRowOut(Schema):
    person: PersonRef
    days: list[PlannerCellOut]


class PlannerDayOut(Schema):
    day: datetime.date
    available: int
    below_minimum: bool


class TeamPlannerOut(Schema):
    team_id: int
    first_day: datetime.date
    last_day: datetime.date
    page: int
    pages: int
    people_count: int
    rows: list[PlannerRowOut]
    team_days: list[PlannerDayOut] = Field(description="People expected at work, whole team.")


@router.get(
    "/teams/{team_id}/planner",
    response=TeamPlannerOut,
    operation_id="team_planner_get",
    tags=["protected time"],
)
def team_planner_get(
    request: HttpRequest,
    team_id: int,
    view: str = "week",
    start: datetime.date | None = None,
    page: int = 1,
) -> TeamPlannerOut:
    """The team planner's grid for the week or month containing ``start`` (today when left
    out): each person's working time, learning, cover given, absences and conflicts per day,
    50 people a page, with the whole team's numbers at work per day."""
    actor = caller(request)
    if not planner_access.can_open_planner(actor):
        raise PermissionDenied("The team planner is for team managers, L&D leads and org admins.")
    team = grid_selectors.planner_team(actor, team_id)
    period = grid_selectors.planner_period(view, start or timezone.localdate())
    grid = grid_selectors.planner_grid(user=actor, team=team, period=period, page=page)
    return TeamPlannerOut(
        team_id=team.pk,
        first_day=period.first_day,
        last_day=period.last_day,
        page=grid.page.number,
        pages=grid.page.paginator.num_pages,
        people_count=grid.page.paginator.count,
        rows=[
            PlannerRowOut(
                person=PersonRef(id=row.person.pk, full_name=row.person.full_name),
                days=[
                    PlannerCellOut(
                        day=cell.day,
                        contracted_minutes=cell.contracted_minutes,
                        not_working_reason=cell.not_working_reason,
                        absence_kind=cell.absence.kind if cell.absence else None,
                        booking_ids=[booking.pk for booking in cell.bookings],
                        covering_booking_ids=[cover.booking_id for cover in cell.covering],
                        conflicts=[conflict.text for conflict in cell.conflicts],
                    )
                    for cell in row.cells
                ],
            )
            for row in grid.rows
        ],
        team_days=[
            PlannerDayOut(
                day=total.day, available=total.available, below_minimum=total.below_minimum
            )
            for total in grid.totals
        ],
    )
