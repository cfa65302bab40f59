"""Tables for the list pages (django-tables2), rendered by templates/components/table.html."""

from __future__ import annotations

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from core.tables import GovukTable
from teams.models import AuditEntry, Person, Role


class PersonTable(GovukTable):
    caption = "People"
    full_name = tables.Column(
        verbose_name="Name",
        linkify=("teams:person", {"pk": tables.A("pk")}),
        attrs={"a": {"class": "govuk-link"}},
    )
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
        return ", ".join(m.team.name for m in record.current_memberships) or "\N{EN DASH}"

    def render_roles(self, record: Person) -> str:
        labels = dict(Role.choices)
        return (
            ", ".join(sorted(labels[r.role] for r in record.role_assignments.all()))
            or "\N{EN DASH}"
        )

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
