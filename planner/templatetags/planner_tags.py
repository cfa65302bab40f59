"""Template helpers for the planner pages."""

from __future__ import annotations

from django import template

from planner.models import BookingStatus, CoverConflictKind, CoverDuty, CoverStatus

register = template.Library()

# GOV.UK tag colours for statuses. The tag's text always says the status; colour only helps.
_STATUS_TAGS = {
    BookingStatus.REQUESTED: "govuk-tag--yellow",
    BookingStatus.APPROVED: "govuk-tag--light-blue",
    BookingStatus.DECLINED: "govuk-tag--grey",
    BookingStatus.CONFIRMED: "govuk-tag--blue",
    BookingStatus.ATTENDED: "govuk-tag--green",
    BookingStatus.PARTLY_ATTENDED: "govuk-tag--turquoise",
    BookingStatus.DID_NOT_ATTEND: "govuk-tag--orange",
    BookingStatus.CANCELLED: "govuk-tag--red",
    CoverStatus.ASKED: "govuk-tag--yellow",
    CoverStatus.ACKNOWLEDGED: "govuk-tag--green",
    CoverStatus.WITHDRAWN: "govuk-tag--grey",
}


@register.filter
def status_tag(status: str) -> str:
    """The GOV.UK tag modifier class for a booking or cover status."""
    return _STATUS_TAGS.get(status, "govuk-tag--grey")


@register.filter
def duty_labels(duties: list[str]) -> str:
    """Cover duties in words, e.g. "Duty, Phone and email"."""
    labels = dict(CoverDuty.choices)
    return ", ".join(labels.get(duty, duty) for duty in duties) or "Not stated"


@register.filter
def lookup(mapping: dict, key: object) -> object:
    return mapping.get(key, "")


@register.filter
def conflict_labels(kinds: list[str]) -> str:
    """Recorded cover conflicts in words."""
    labels = dict(CoverConflictKind.choices)
    return "; ".join(labels.get(kind, kind) for kind in kinds)
