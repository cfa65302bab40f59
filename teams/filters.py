"""Filters for the people list and the audit log (django-filter), shown as GOV.UK forms."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from core.forms import DateInput, ManyOptionsSelect
from teams import access
from teams.models import (
    AuditEntry,
    CareerStage,
    ContractType,
    Membership,
    Person,
    Regulator,
    Role,
    Team,
)


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Name, email or employee number", method="filter_search")
    team = django_filters.ModelChoiceFilter(
        label="Team (and the teams below it)",
        queryset=Team.objects.none(),
        method="filter_team",
        empty_label="Any team",
        widget=ManyOptionsSelect,
    )
    role = django_filters.ChoiceFilter(
        label="Role", choices=Role.choices, method="filter_role", empty_label="Any role"
    )
    contract_type = django_filters.ChoiceFilter(
        label="Contract type", choices=ContractType.choices, empty_label="Any contract"
    )
    career_stage = django_filters.ChoiceFilter(
        label="Career stage", choices=CareerStage.choices, empty_label="Any stage"
    )
    regulator = django_filters.ModelChoiceFilter(
        label="Regulator",
        queryset=Regulator.objects.all(),
        method="filter_regulator",
        empty_label="Any regulator",
    )
    status = django_filters.ChoiceFilter(
        label="Employment",
        choices=[("current", "Current staff"), ("left", "Left")],
        method="filter_status",
        empty_label="Current and left",
    )

    class Meta:
        model = Person
        fields = ["q", "team", "role", "contract_type", "career_stage", "regulator", "status"]

    def __init__(self, *args: object, request: HttpRequest, **kwargs: object) -> None:
        super().__init__(*args, request=request, **kwargs)
        teams = access.teams_visible_to(request.user).order_by("path")
        self.filters["team"].queryset = teams
        self.form.fields["team"].queryset = teams
        self.form.fields["team"].label_from_instance = lambda t: "— " * t.depth + t.name

    def filter_search(self, queryset: QuerySet[Person], name: str, value: str) -> QuerySet[Person]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(full_name__icontains=value)
            | Q(email__icontains=value)
            | Q(employee_number__iexact=value)
        )

    def filter_team(self, queryset: QuerySet[Person], name: str, value: Team) -> QuerySet[Person]:
        # A subquery rather than a join, so people in two matching teams appear once.
        teams = Team.objects.descendants_of([value]).values("pk")
        members = Membership.objects.current().filter(team__in=teams).values("person_id")
        return queryset.filter(pk__in=members)

    def filter_role(self, queryset: QuerySet[Person], name: str, value: str) -> QuerySet[Person]:
        return queryset.filter(
            pk__in=Person.objects.filter(role_assignments__role=value).values("pk")
        )

    def filter_regulator(
        self, queryset: QuerySet[Person], name: str, value: Regulator
    ) -> QuerySet[Person]:
        return queryset.filter(
            pk__in=Person.objects.filter(registrations__regulator=value).values("pk")
        )

    def filter_status(self, queryset: QuerySet[Person], name: str, value: str) -> QuerySet[Person]:
        today = timezone.localdate()
        if value == "left":
            return queryset.filter(employment_end__lt=today)
        return queryset.filter(Q(employment_end__isnull=True) | Q(employment_end__gte=today))


class AuditFilter(django_filters.FilterSet):
    action = django_filters.ChoiceFilter(label="Action", empty_label="Any action")
    object_type = django_filters.ChoiceFilter(label="Object type", empty_label="Any type")
    actor = django_filters.ModelChoiceFilter(
        label="Changed by", queryset=Person.objects.none(), empty_label="Anyone"
    )
    date_from = django_filters.DateFilter(
        label="From", field_name="at", lookup_expr="date__gte", widget=DateInput()
    )
    date_to = django_filters.DateFilter(
        label="To", field_name="at", lookup_expr="date__lte", widget=DateInput()
    )

    class Meta:
        model = AuditEntry
        fields = ["action", "object_type", "actor", "date_from", "date_to"]

    def __init__(self, *args: object, request: HttpRequest, **kwargs: object) -> None:
        super().__init__(*args, request=request, **kwargs)
        entries = access.audit_visible_to(request.user)
        # Choices come from the organisation's own log, so every option finds something.
        for name in ("action", "object_type"):
            values = entries.order_by(name).values_list(name, flat=True).distinct()
            self.filters[name].extra["choices"] = [(value, value) for value in values]
        # Only people who appear in the log, so the list stays short in a large organisation.
        people = (
            access.people_visible_to(request.user)
            .filter(pk__in=entries.values("actor_id"))
            .order_by("full_name")
        )
        self.filters["actor"].queryset = people
        self.form.fields["actor"].queryset = people


def filters_in_use(filterset: django_filters.FilterSet) -> bool:
    """Whether the visitor narrowed the list, so an empty list can offer to clear filters."""
    return any(filterset.data.get(name) for name in filterset.filters)
