"""The planner's list pages as django-tables2 tables, rendered by templates/components/table.html
(``{% render_table table %}``); views page them with ``RequestConfig``.

Cells that need more than a value (a tag, a link with hidden context, a button posting a form)
are short templates, so the markup matches what the pages showed before and keeps the words a
screen reader hears."""

from __future__ import annotations

import django_tables2 as tables
from django.http import HttpRequest
from django.utils.safestring import mark_safe
from django_tables2 import RequestConfig

from core.tables import NUMERIC, GovukTable
from planner.allowances import describe
from planner.models import Absence, AllowanceRule, BookingEvent, ClosureDay, CoverAssignment

ACTIONS = mark_safe('<span class="govuk-visually-hidden">Actions</span>')
DASH = "\N{EN DASH}"
TAGS = "{% load govuk planner_tags %}"
STATUS = (
    TAGS + '<strong class="govuk-tag {{ value|status_tag }}">{{ record.get_status_display }}'
    "</strong>"
)
DUTIES = (
    TAGS + "{{ record.duties|duty_labels }}{% if record.case_list_reference %} (case list "
    "{{ record.case_list_reference }}){% endif %}"
)
WHEN = (
    '{{ record.start|date:"D j M Y" }}, {{ record.start|time:"H:i" }}'
    + DASH
    + '{{ record.end|time:"H:i" }}'
)
BUTTON = (
    '<button type="submit" class="govuk-button{classes} govuk-!-margin-bottom-0" '
    'data-module="govuk-button">{label}<span class="govuk-visually-hidden"> {hidden}</span>'
    "</button>"
)


def post_button(action: str, label: str, hidden: str, *, secondary: bool = True) -> str:
    """A one-button form posting to ``action`` (a template expression), with the page's CSRF
    token; ``hidden`` names the row for screen readers."""
    button = BUTTON.format(
        classes=" govuk-button--secondary" if secondary else "", label=label, hidden=hidden
    )
    return f'<form method="post" action="{action}">{{% csrf_token %}}{button}</form>'


def unpaged(request: HttpRequest, table: GovukTable) -> GovukTable:
    """The table configured for the request with every row on one page: for lists the page has
    already read in full (a person's own bookings, a team's figures, one booking's history)."""
    RequestConfig(request, paginate=False).configure(table)
    return table


def actions(template: str) -> tables.TemplateColumn:
    return tables.TemplateColumn(
        template, verbose_name=ACTIONS, orderable=False, empty_values=(), accessor="pk"
    )


class ClosureDayTable(GovukTable):
    caption = "Closure days"
    date = tables.DateColumn(format="l j F Y", verbose_name="Day")
    name = tables.Column(verbose_name="Closure")
    remove = actions(
        post_button(
            "{% url 'planner:closure-day-remove' record.pk %}", "Remove", "{{ record.name }}"
        )
    )

    class Meta:
        model = ClosureDay
        fields = ("date", "name")
        orderable = False
        empty_text = "No closure days: people work every day but weekends and bank holidays."


ABSENCE_NAME = '{{ record.get_kind_display|lower }} from {{ record.start_date|date:"j F Y" }}'


class AbsenceTable(GovukTable):
    caption = "Absences, newest first"
    kind = tables.Column(verbose_name="Kind")
    start_date = tables.DateColumn(format="D j M Y", verbose_name="First day")
    end_date = tables.DateColumn(format="D j M Y", verbose_name="Last day")
    note = tables.Column(verbose_name="Note", default=DASH)
    change = actions(
        '<ul class="govuk-summary-list__actions-list"><li class="govuk-summary-list__actions-list-'
        'item"><a class="govuk-link" href="{% url \'planner:absence-edit\' record.pk %}">Change'
        f'<span class="govuk-visually-hidden"> {ABSENCE_NAME}</span></a></li><li class="govuk-'
        'summary-list__actions-list-item"><a class="govuk-link" href="{% url \'planner:absence-'
        "remove' record.pk %}\">Remove"
        f'<span class="govuk-visually-hidden"> {ABSENCE_NAME}</span></a></li></ul>'
    )

    class Meta:
        model = Absence
        fields = ("kind", "start_date", "end_date", "note")
        orderable = False
        empty_text = "No absences recorded."


class AllowanceRuleTable(GovukTable):
    caption = "Rules"
    rule = tables.Column(verbose_name="Rule", accessor="pk")
    applies_to = tables.TemplateColumn(
        "{% if record.person %}{{ record.person.full_name }}{% elif record.team %}"
        "{{ record.team.name }}{% elif record.career_stage %}"
        "{{ record.get_career_stage_display }}{% else %}Everyone{% endif %}",
        verbose_name="For",
        accessor="pk",
    )
    note = tables.Column(verbose_name="Note", default=DASH)
    remove = actions(
        post_button(
            "{% url 'planner:allowance-rule-delete' record.pk %}",
            "Remove",
            "{{ record.description }}",
        )
    )

    class Meta:
        model = AllowanceRule
        fields = ("rule", "applies_to", "note")
        orderable = False

    def before_render(self, request: object) -> None:
        # The description is worked out once per rule on the page, for its cell and its button.
        for row in self.paginated_rows:
            row.record.description = describe(row.record)

    def render_rule(self, record: AllowanceRule) -> str:
        return record.description


class PlannedTeamTable(GovukTable):
    caption = "Teams you can plan"
    name = tables.TemplateColumn(
        '<span class="pt-tree__depth-{{ record.depth|default:0 }}"><a class="govuk-link" '
        "href=\"{% url 'planner:team-planner' record.pk %}\">{{ record.name }}"
        '<span class="govuk-visually-hidden"> planner</span></a></span>',
        verbose_name="Team",
    )
    kind = tables.Column(verbose_name="Kind")
    figures = tables.TemplateColumn(
        '<a class="govuk-link" href="{% url \'planner:team-metrics\' record.pk %}">Metrics'
        '<span class="govuk-visually-hidden"> for {{ record.name }}</span></a>',
        verbose_name="Figures",
        accessor="pk",
    )

    class Meta:
        orderable = False
        empty_text = "There are no teams for you to plan."


HOURS = TAGS + "{{ value|hours }}"


class PersonUseTable(GovukTable):
    """Each person's time in a metrics period against their allowance (``PersonUse`` rows)."""

    caption = "Time used against allowance"
    person = tables.Column(verbose_name="Person", accessor="person__full_name")
    allowance = tables.TemplateColumn(
        TAGS + "{% if record.allowance %}{{ record.allowance.allowance_minutes|hours }}"
        "{% else %}Not set{% endif %}",
        verbose_name="Allowance",
        empty_values=(),
        attrs=NUMERIC,
    )
    booked_minutes = tables.TemplateColumn(HOURS, verbose_name="Booked", attrs=NUMERIC)
    used_minutes = tables.TemplateColumn(HOURS, verbose_name="Used", attrs=NUMERIC)
    lost_minutes = tables.TemplateColumn(HOURS, verbose_name="Lost to cancellation", attrs=NUMERIC)
    remaining = tables.TemplateColumn(
        TAGS + "{% if record.allowance %}{{ record.allowance.remaining_minutes|hours }}"
        "{% else %}" + DASH + "{% endif %}",
        verbose_name="Remaining",
        empty_values=(),
        attrs=NUMERIC,
    )

    class Meta:
        orderable = False
        empty_text = "Nobody is in this team in this period."


class CoverAskedTable(GovukTable):
    """Cover the visitor has been asked to give, with the button to acknowledge it."""

    caption = "Cover you have been asked to give"
    whose = tables.Column(verbose_name="Whose work", accessor="booking__person__full_name")
    when = tables.TemplateColumn(WHEN, verbose_name="When", accessor="start")
    duties = tables.TemplateColumn(DUTIES, verbose_name="What you cover")
    status = tables.TemplateColumn(STATUS, verbose_name="Status")
    acknowledge = actions(
        '{% if record.status == "asked" %}'
        + post_button(
            "{% url 'planner:cover-acknowledge' record.pk %}",
            "Acknowledge",
            "cover for {{ record.booking.person.full_name }}",
            secondary=False,
        )
        + "{% endif %}"
    )

    class Meta:
        model = CoverAssignment
        fields = ()
        sequence = ("whose", "when", "duties", "status", "acknowledge")
        orderable = False


class PastBookingTable(GovukTable):
    caption = "Past and cancelled"
    title = tables.TemplateColumn(
        '<a class="govuk-link" href="{% url \'planner:booking\' record.pk %}">'
        "{{ record.title }}</a>",
        verbose_name="What",
    )
    when = tables.TemplateColumn(WHEN, verbose_name="When", accessor="start")
    status = tables.TemplateColumn(
        STATUS + "{% if record.cancellation_reason %} "
        "{{ record.get_cancellation_reason_display }}{% endif %}",
        verbose_name="Status",
    )

    class Meta:
        orderable = False
        empty_text = "Nothing yet."


class CoverHistoryTable(GovukTable):
    """Every cover arranged for a booking, withdrawn too, with its conflicts and who accepted
    them; the manager's withdraw button when they may still change the cover."""

    caption = "Cover"
    colleague = tables.Column(verbose_name="Colleague", accessor="colleague__full_name")
    duties = tables.TemplateColumn(DUTIES, verbose_name="Covers")
    status = tables.TemplateColumn(STATUS, verbose_name="Status")
    conflicts = tables.TemplateColumn(
        TAGS + "{% if record.conflicts %}{{ record.conflicts|conflict_labels }}"
        "{% if record.conflicts_accepted_reason %}. Accepted{% if record.conflicts_accepted_by %}"
        " by {{ record.conflicts_accepted_by.full_name }}{% endif %}: "
        "{{ record.conflicts_accepted_reason }}{% endif %}{% else %}None{% endif %}",
        verbose_name="Conflicts",
        empty_values=(),
    )
    withdraw = actions(
        '{% if record.status != "withdrawn" %}'
        + post_button(
            "{% url 'planner:cover-withdraw' record.booking_id record.pk %}",
            "Withdraw",
            "{{ record.colleague.full_name }}'s cover",
        )
        + "{% endif %}"
    )

    class Meta:
        orderable = False


class BookingHistoryTable(GovukTable):
    caption = "History"
    at = tables.DateTimeColumn(format="j M Y, H:i", verbose_name="When")
    change = tables.TemplateColumn(
        "{% if record.from_status %}{{ record.get_from_status_display }} to {% endif %}"
        "{{ record.get_to_status_display }}",
        verbose_name="Change",
        accessor="to_status",
    )
    actor = tables.Column(verbose_name="Who", accessor="actor__full_name", default="System")
    note = tables.Column(verbose_name="Note", default=DASH)

    class Meta:
        model = BookingEvent
        fields = ("at", "change", "actor", "note")
        orderable = False
        empty_text = "No changes recorded."
