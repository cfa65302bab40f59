"""Tables of the teams pages (django-tables2), rendered by templates/components/table.html:
people, the audit log, the teams tree, a team's members, the teams you manage, a person's team
history and working patterns, and your API tokens.

Cells read only what the page's selector loaded (select_related and prefetches), so a table
costs the same queries for 5 rows as for 50."""

from __future__ import annotations

import django_tables2 as tables
from django.template.defaultfilters import date as date_format
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from core.tables import NUMERIC, GovukTable, link_column
from core.templatetags.govuk import hours
from teams.models import ApiToken, AuditEntry, Membership, Person, Role, Team, WorkingPattern
from teams.models.people import WEEKDAY_FIELDS

NONE = "\N{EN DASH}"
ACTIONS = format_html('<span class="govuk-visually-hidden">{}</span>', "Actions")


class HoursColumn(tables.Column):
    """Minutes shown as hours and minutes (a dash for none), right-aligned."""

    def __init__(self, **options: object) -> None:
        super().__init__(attrs=NUMERIC, **options)

    def render(self, value: int) -> str:
        return hours(value)


def _current_tag(text: str, current: bool) -> SafeString:
    tag = ' <strong class="govuk-tag govuk-tag--green">Current</strong>' if current else ""
    return format_html("{}{}", text, SafeString(tag))


def _role_names(person: Person) -> str:
    """Read from the prefetched assignments: ``Person.roles`` would query once per row."""
    labels = dict(Role.choices)
    return ", ".join(sorted(labels[r.role] for r in person.role_assignments.all()))


class PersonTable(GovukTable):
    caption = "People"
    full_name = link_column("teams:person", "Name")
    employee_number = tables.Column(verbose_name="Employee number")
    job_title = tables.Column(verbose_name="Job title")
    # Read from prefetched rows in render_*; the accessor must not touch Person.roles, which
    # would run a query per row.
    teams = tables.Column(verbose_name="Current teams", accessor="pk", orderable=False)
    roles = tables.Column(verbose_name="Roles", accessor="pk", orderable=False)
    contract_type = tables.Column(verbose_name="Contract")
    career_stage = tables.Column(verbose_name="Career stage")

    class Meta:
        model = Person
        fields = (
            "full_name",
            "employee_number",
            "job_title",
            "teams",
            "roles",
            "contract_type",
            "career_stage",
        )
        # Ties on name break on id so pages never shuffle rows between them.
        order_by = ("full_name",)

    def render_teams(self, record: Person) -> str:
        return ", ".join(m.team.name for m in record.current_memberships) or NONE

    def render_roles(self, record: Person) -> str:
        return _role_names(record) or NONE

    def order_full_name(self, queryset: object, is_descending: bool) -> tuple[object, bool]:
        direction = "-" if is_descending else ""
        return queryset.order_by(f"{direction}full_name", f"{direction}id"), True


class AuditTable(GovukTable):
    caption = "Audit entries"
    at = tables.DateTimeColumn(verbose_name="When", format="j M Y, H:i")
    actor = tables.Column(verbose_name="Who", order_by=("actor__full_name",), default="System")
    action = tables.Column(verbose_name="Action")
    object_repr = tables.Column(verbose_name="Object", order_by=("object_type", "object_repr"))
    changed = tables.Column(verbose_name="Changed fields", empty_values=(), orderable=False)
    details = tables.Column(verbose_name="Details", empty_values=(), orderable=False)

    class Meta:
        model = AuditEntry
        fields = ("at", "actor", "action", "object_repr", "changed", "details")
        order_by = ("-at",)

    def order_at(self, queryset: object, is_descending: bool) -> tuple[object, bool]:
        direction = "-" if is_descending else ""
        return queryset.order_by(f"{direction}at", f"{direction}id"), True

    def render_object_repr(self, record: AuditEntry) -> SafeString:
        return format_html(
            '<span class="govuk-caption-s pt-caption-inline">{}</span> {}',
            record.object_type,
            record.object_repr,
        )

    def render_changed(self, record: AuditEntry) -> str:
        return ", ".join(record.changed_fields) or "\N{EN DASH}"

    def render_details(self, record: AuditEntry) -> SafeString:
        return format_html(
            '<a class="govuk-link" href="{}">View<span class="govuk-visually-hidden"> entry {}</span></a>',
            reverse("teams:audit-entry", args=[record.pk]),
            record.pk,
        )


class TeamTreeTable(GovukTable):
    """Every visible team in tree order: sorting by a column would break the tree apart."""

    caption = "The organisation's structure: each team sits below its service"
    name = tables.Column(verbose_name="Name", orderable=False)
    kind = tables.Column(verbose_name="Kind", orderable=False)
    managers = tables.Column(
        verbose_name="Managers", accessor="pk", orderable=False, empty_values=()
    )
    member_count = tables.Column(verbose_name="Current members", orderable=False, attrs=NUMERIC)

    class Meta:
        model = Team
        fields = ("name", "kind", "managers", "member_count")

    def render_name(self, record: Team) -> SafeString:
        link = format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            reverse("teams:team", args=[record.pk]),
            record,
        )
        if not record.depth:
            return link
        return format_html(
            '<span class="pt-tree__name pt-tree__depth-{}"><span class="pt-tree__branch" '
            'aria-hidden="true">\u2514</span>{}<span class="govuk-visually-hidden">, below {}'
            "</span></span>",
            record.depth,
            link,
            record.parent.name,
        )

    def render_managers(self, record: Team) -> str:
        return ", ".join(manager.full_name for manager in record.managers.all()) or NONE


class ManagedTeamTable(GovukTable):
    caption = "Teams you manage, with how many people are in each now"
    caption_hidden = True
    name = link_column("teams:team", "Team", orderable=False)
    member_count = tables.Column(verbose_name="Current members", orderable=False, attrs=NUMERIC)

    class Meta:
        model = Team
        fields = ("name", "member_count")


class TeamMemberTable(GovukTable):
    """A team's current memberships, by name."""

    caption_hidden = True
    name = tables.Column(
        verbose_name="Name",
        accessor="person__full_name",
        linkify=lambda record: reverse("teams:person", args=[record.person_id]),
        attrs={"a": {"class": "govuk-link"}},
        orderable=False,
    )
    job_title = tables.Column(
        verbose_name="Job title", accessor="person__job_title", default=NONE, orderable=False
    )
    roles = tables.Column(verbose_name="Roles", accessor="pk", orderable=False)
    start_date = tables.DateColumn(
        verbose_name="In the team since", format="j M Y", orderable=False
    )

    class Meta:
        model = Membership
        fields = ("name", "job_title", "roles", "start_date")

    def render_roles(self, record: Membership) -> str:
        return _role_names(record.person)


class PersonMembershipTable(GovukTable):
    """A person's team history, most recent first; org admins can end a current membership."""

    caption = "Team history, most recent first"
    caption_class = "govuk-table__caption--s"
    team = tables.Column(verbose_name="Team", accessor="team__name", orderable=False)
    start_date = tables.DateColumn(verbose_name="From", format="j M Y", orderable=False)
    end_date = tables.DateColumn(verbose_name="To", format="j M Y", default="Now", orderable=False)
    actions = tables.Column(verbose_name=ACTIONS, accessor="pk", orderable=False)

    class Meta:
        model = Membership
        fields = ("team", "start_date", "end_date", "actions")

    def __init__(self, person: Person, *, can_manage: bool) -> None:
        self.person = person
        super().__init__(
            person.all_memberships,
            empty_text="Not in any team.",
            exclude=() if can_manage else ("actions",),
        )

    def render_team(self, record: Membership) -> SafeString:
        return _current_tag(record.team.name, record in self.person.current_memberships)

    def render_actions(self, record: Membership) -> SafeString | str:
        if record not in self.person.current_memberships:
            return ""
        return format_html(
            '<a class="govuk-link" href="{}">End<span class="govuk-visually-hidden"> membership'
            " of {}</span></a>",
            reverse("teams:membership-end", args=[self.person.pk, record.pk]),
            record.team.name,
        )


class WorkingPatternTable(GovukTable):
    """A person's working patterns, newest first: hours on each weekday, the week and FTE."""

    caption_class = "govuk-table__caption--s"
    effective_from = tables.Column(verbose_name="From")

    class Meta:
        model = WorkingPattern
        fields = ("effective_from",)

    def __init__(self, person: Person) -> None:
        self.person = person
        standard = person.organisation.standard_weekly_minutes
        days = [
            (
                name,
                HoursColumn(verbose_name=format_html('<abbr title="{}">{}</abbr>', day, day[:3])),
            )
            for name in WEEKDAY_FIELDS
            for day in [name.removesuffix("_minutes").title()]
        ]
        super().__init__(
            person.patterns,
            caption=f"Contracted hours per day; full-time is {hours(standard)} a week",
            orderable=False,
            extra_columns=[
                *days,
                ("week", HoursColumn(verbose_name="Week", accessor="weekly_minutes")),
                ("fte", tables.Column(verbose_name="FTE", accessor="pk", attrs=NUMERIC)),
            ],
        )

    def render_effective_from(self, record: WorkingPattern, value: object) -> SafeString:
        return _current_tag(date_format(value, "j M Y"), record == self.person.current_pattern)

    def render_fte(self, record: WorkingPattern) -> object:
        return record.fte(self.person.organisation.standard_weekly_minutes)


class TokenTable(GovukTable):
    caption = "Your tokens"
    name = tables.Column(verbose_name="Name", orderable=False)
    prefix = tables.Column(verbose_name="Starts with", orderable=False)
    created_at = tables.DateTimeColumn(verbose_name="Created", format="j M Y, H:i", orderable=False)
    last_used_at = tables.DateTimeColumn(
        verbose_name="Last used", format="j M Y, H:i", default="Never", orderable=False
    )
    status = tables.Column(verbose_name="Status", accessor="pk", orderable=False)
    actions = tables.Column(verbose_name=ACTIONS, accessor="pk", orderable=False)

    class Meta:
        model = ApiToken
        fields = ("name", "prefix", "created_at", "last_used_at", "status", "actions")

    def render_prefix(self, value: str) -> SafeString:
        return format_html('<code class="pt-code">{}\u2026</code>', value)

    def render_status(self, record: ApiToken) -> SafeString:
        if record.revoked_at:
            return format_html(
                '<strong class="govuk-tag govuk-tag--grey">Revoked {}</strong>',
                date_format(timezone.localtime(record.revoked_at), "j M Y"),
            )
        return format_html('<strong class="govuk-tag govuk-tag--green">{}</strong>', "Active")

    def render_actions(self, record: ApiToken) -> SafeString | str:
        if record.revoked_at:
            return ""
        return format_html(
            '<a class="govuk-link" href="{}">Revoke<span class="govuk-visually-hidden"> {}'
            "</span></a>",
            reverse("teams:token-revoke", args=[record.pk]),
            record.name,
        )
