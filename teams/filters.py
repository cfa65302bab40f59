"""Filters for the people list and the audit log (django-filter): the pages show them as GOV.UK
forms, and the API's people list applies the same rules (``PersonApiFilter``)."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from core.forms import DateInput, ManyOptionsSelect
from teams import access
from teams.models import (
    AuditEntry,
    CareerStage,
    ContractType,
    Membership,
    Person,
    PersonQuerySet,
    Registration,
    Regulator,
    Role,
    RoleAssignment,
    Team,
)


class PeopleFilterSet(django_filters.FilterSet):
    """How the people list narrows, shared by the people page (``PersonFilter``) and the API's
    ``GET /people`` (``PersonApiFilter``), so a page and its endpoint cannot answer differently;
    the two differ only in the names and shapes of their parameters."""

    class Meta:
        model = Person
        fields: list[str] = []

    def __init__(self, *args: object, request: HttpRequest, **kwargs: object) -> None:
        super().__init__(*args, request=request, **kwargs)
        self.visible_teams = access.teams_visible_to(request.user).order_by("path")

    @property
    def qs(self) -> QuerySet[Person]:
        # A filter that cannot apply (a team the visitor cannot see, an unknown choice) finds
        # nobody, as the API answers, rather than being dropped so that everyone is listed.
        if self.is_bound and not self.is_valid():
            return self.queryset.none()
        return super().qs

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
        return queryset.filter(pk__in=RoleAssignment.objects.filter(role=value).values("person_id"))

    def registered_with(self, queryset: QuerySet[Person], regulator: Q) -> QuerySet[Person]:
        return queryset.filter(
            pk__in=Registration.objects.filter(
                regulator__in=Regulator.objects.filter(regulator)
            ).values("person_id")
        )

    def employed(self, queryset: PersonQuerySet, still_employed: bool) -> PersonQuerySet:
        """Current staff, or people who have left (someone yet to start is neither)."""
        return queryset.employed_on() if still_employed else queryset.left_by()


class PersonFilter(PeopleFilterSet):
    """The people page's filters, shown as a GOV.UK form."""

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

    class Meta(PeopleFilterSet.Meta):
        fields = ["q", "team", "role", "contract_type", "career_stage", "regulator", "status"]

    def __init__(self, *args: object, request: HttpRequest, **kwargs: object) -> None:
        super().__init__(*args, request=request, **kwargs)
        self.filters["team"].queryset = self.visible_teams
        self.form.fields["team"].queryset = self.visible_teams
        self.form.fields["team"].label_from_instance = lambda t: "— " * t.depth + t.name

    def filter_regulator(
        self, queryset: QuerySet[Person], name: str, value: Regulator
    ) -> QuerySet[Person]:
        return self.registered_with(queryset, Q(pk=value.pk))

    def filter_status(self, queryset: PersonQuerySet, name: str, value: str) -> PersonQuerySet:
        return self.employed(queryset, value == "current")


class PersonApiFilter(PeopleFilterSet):
    """``GET /people``'s filters (declared for the API in ``teams.api.schemas.people``): the
    same rules as the page under the API's names; a team the caller cannot see finds nobody."""

    team_id = django_filters.NumberFilter(method="filter_team_id")
    role = django_filters.ChoiceFilter(choices=Role.choices, method="filter_role")
    contract_type = django_filters.ChoiceFilter(choices=ContractType.choices)
    career_stage = django_filters.ChoiceFilter(choices=CareerStage.choices)
    regulator = django_filters.CharFilter(method="filter_regulator_code")
    active = django_filters.BooleanFilter(method="filter_active")
    q = django_filters.CharFilter(method="filter_search")

    class Meta(PeopleFilterSet.Meta):
        fields = ["team_id", "role", "contract_type", "career_stage", "regulator", "active", "q"]

    def filter_team_id(self, queryset: QuerySet[Person], name: str, value: int) -> QuerySet[Person]:
        team = self.visible_teams.filter(pk=value).first()
        return queryset.none() if team is None else self.filter_team(queryset, name, team)

    def filter_regulator_code(
        self, queryset: QuerySet[Person], name: str, value: str
    ) -> QuerySet[Person]:
        return self.registered_with(queryset, Q(code=value.strip().lower()))

    def filter_active(self, queryset: PersonQuerySet, name: str, value: bool) -> PersonQuerySet:
        return self.employed(queryset, value)


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
