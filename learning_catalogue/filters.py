"""The one definition of browsing the catalogue (django-filter): the browse page, the publishing
page and ``GET /api/v1/catalogue/activities`` all read their query through ``ActivityFilter``,
so a page and its endpoint cannot answer differently. Word search is ``search.search``.

Anything unreadable in a page's query is ignored field by field (the API has refused it
before, with a 422)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

import django_filters
from django import forms
from django.db.models import Case, Exists, F, OuterRef, QuerySet, When
from django.utils import timezone
from django_filters.fields import ChoiceField

from core.forms import date_field
from learning_catalogue import access as catalogue_access
from learning_catalogue.models import Activity, ActivityStatus, DeliveryMode, Format, Session, Topic
from learning_catalogue.search import search
from learning_catalogue.selectors import (
    ANY_STATUS,
    AUDIENCE_ME,
    BITE_SIZE_MINUTES,
    FEWEST_RATINGS_SHOWN,
    SORTS,
    annotated,
    for_audience,
)
from teams.models import CareerStage, Person

DURATION_LIMITS = [
    ("", "Any length"),
    ("15", "15 minutes or less"),
    ("30", "30 minutes or less"),
    ("60", "1 hour or less"),
    ("180", "3 hours or less"),
    ("420", "A day or less"),
]
# What each page shows of the filters, in its order.
BROWSE_FIELDS = (
    "q",
    "bite_size",
    "format",
    "topic",
    "max_minutes",
    "on_demand",
    "free",
    "starts_from",
    "starts_to",
    "audience",
    "sort",
)
MANAGE_FIELDS = ("status", "q")


class IdsField(forms.MultipleChoiceField):
    """Ids from checkboxes or a repeated query parameter. The checkboxes offer the
    organisation's formats or topics; an id not among them matches nothing rather than
    being refused, as the API always answered."""

    def valid_value(self, value: object) -> bool:
        return True

    def clean(self, value: object) -> list[int]:
        return [int(item) for item in super().clean(value) or [] if str(item).isdigit()]


class IdsFilter(django_filters.MultipleChoiceFilter):
    field_class = IdsField


class StatusField(ChoiceField):
    """A status, or ``any`` (the API's word for every status; the page leaves it empty)."""

    def valid_value(self, value: object) -> bool:
        return value == ANY_STATUS or super().valid_value(value)


class StatusFilter(django_filters.ChoiceFilter):
    field_class = StatusField


def _flag(label: str) -> django_filters.BooleanFilter:
    # A checkbox on the page ("on"), true or false from the API; unticked filters nothing.
    return django_filters.BooleanFilter(label=label, widget=forms.CheckboxInput)


def _date(label: str) -> django_filters.DateFilter:
    shape = date_field(label)
    return django_filters.DateFilter(
        label=label,
        widget=shape.widget,
        help_text=shape.help_text,
        error_messages=shape.error_messages,
    )


@dataclass
class CatalogueFilters:
    """A browse asked from Python (tests, benchmarks): the same names the query uses, with the
    lists in the plural. ``browse`` hands it to ``ActivityFilter``."""

    q: str = ""
    formats: list[int] = field(default_factory=list)
    topics: list[int] = field(default_factory=list)
    max_minutes: int | None = None
    bite_size: bool = False
    on_demand: bool = False
    starts_from: datetime.date | None = None
    starts_to: datetime.date | None = None
    free: bool = False
    audience: str = ""
    status: str = ""
    sort: str = "title"

    def as_query(self) -> dict[str, object]:
        values = asdict(self)
        values["format"] = values.pop("formats")
        values["topic"] = values.pop("topics")
        return {name: value for name, value in values.items() if value not in (None, "", [])}


class ActivityFilter(django_filters.FilterSet):
    """The activities ``user`` may see that match the query, annotated for cards and sorted.
    Only published activities unless an L&D lead or org admin asks for a status;
    ``default_status`` is what an empty status means (``any`` on the publishing page)."""

    # No length limit: the API never had one, and ``search.search`` reads the first twelve
    # words at most.
    q = django_filters.CharFilter(label="Search")
    bite_size = _flag(f"Bite-size ({BITE_SIZE_MINUTES} minutes or less)")
    format = IdsFilter(label="Format", widget=forms.CheckboxSelectMultiple)
    topic = IdsFilter(label="Topic", widget=forms.CheckboxSelectMultiple)
    max_minutes = django_filters.NumberFilter(
        label="Length", min_value=1, widget=forms.Select(choices=DURATION_LIMITS)
    )
    on_demand = _flag("On demand: do it any time")
    free = _flag("Free of cost")
    starts_from = _date("Sessions from")
    starts_to = _date("Sessions until")
    audience = django_filters.ChoiceFilter(label="Suited to", empty_label=None)
    status = StatusFilter(label="Status", choices=ActivityStatus.choices, empty_label="Any status")
    sort = django_filters.ChoiceFilter(
        label="Sort by", choices=list(SORTS.items()), empty_label=None
    )

    class Meta:
        model = Activity
        fields: list[str] = []

    def __init__(
        self,
        data: Mapping[str, object] | None = None,
        *,
        user: Person,
        fields: Sequence[str] | None = None,
        default_status: str = "",
        **kwargs: object,
    ) -> None:
        # Always bound: the visibility, status and sort rules apply to an empty query too.
        super().__init__(
            {} if data is None else data,
            queryset=catalogue_access.activities_visible_to(user),
            **kwargs,
        )
        self.user = user
        self.default_status = default_status
        if fields is not None:
            self.filters = {name: self.filters[name] for name in fields}
        organisation = user.organisation_id
        if "format" in self.filters:
            self.filters["format"].extra["choices"] = [
                (item.pk, item.name) for item in Format.objects.filter(organisation=organisation)
            ]
        if "topic" in self.filters:
            self.filters["topic"].extra["choices"] = [
                (item.pk, item.name) for item in Topic.objects.filter(organisation=organisation)
            ]
        if "audience" in self.filters:
            self.filters["audience"].extra["choices"] = [
                ("", "Everyone"),
                (AUDIENCE_ME, "People like me"),
                *CareerStage.choices,
            ]

    @property
    def asked(self) -> dict[str, object]:
        """The query as read: the readable fields only."""
        self.form.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items() if value}

    def filter_queryset(self, queryset: QuerySet[Activity]) -> QuerySet[Activity]:
        asked = self.asked
        status = asked.get("status") or self.default_status
        if not (status and catalogue_access.can_publish(self.user)):
            queryset = queryset.filter(status=ActivityStatus.PUBLISHED)
        elif status != ANY_STATUS:
            queryset = queryset.filter(status=status)
        queryset = search(queryset, asked.get("q", ""))
        if asked.get("format"):
            queryset = queryset.filter(format_id__in=asked["format"])
        if asked.get("topic"):
            queryset = queryset.filter(
                Exists(
                    Activity.topics.through.objects.filter(
                        activity_id=OuterRef("pk"), topic_id__in=asked["topic"]
                    )
                )
            )
        limit = asked.get("max_minutes")
        if asked.get("bite_size"):
            limit = min(limit or BITE_SIZE_MINUTES, BITE_SIZE_MINUTES)
        if limit:
            queryset = queryset.filter(duration_minutes__lte=limit)
        if asked.get("on_demand"):
            queryset = queryset.filter(delivery_mode=DeliveryMode.ON_DEMAND)
        if asked.get("free"):
            queryset = queryset.filter(cost_per_place=0)
        queryset = self._with_sessions_between(
            queryset, asked.get("starts_from"), asked.get("starts_to")
        )
        if asked.get("audience"):
            queryset = for_audience(queryset, asked["audience"], self.user)
        return self._sorted(annotated(queryset, self.user), asked.get("sort") or "title")

    @staticmethod
    def _with_sessions_between(
        queryset: QuerySet[Activity],
        starts_from: datetime.date | None,
        starts_to: datetime.date | None,
    ) -> QuerySet[Activity]:
        """Activities with a session still to come on those London days."""
        if not (starts_from or starts_to):
            return queryset
        sessions = Session.objects.filter(
            activity=OuterRef("pk"), cancelled_at=None, start__gt=timezone.now()
        )
        if starts_from:
            sessions = sessions.filter(start__date__gte=starts_from)
        if starts_to:
            sessions = sessions.filter(start__date__lte=starts_to)
        return queryset.filter(Exists(sessions))

    @staticmethod
    def _sorted(activities: QuerySet[Activity], sort: str) -> QuerySet[Activity]:
        if sort == "soonest":
            return activities.order_by(F("next_start").asc(nulls_last=True), "title", "pk")
        if sort == "shortest":
            return activities.order_by("duration_minutes", "title", "pk")
        if sort == "rated":
            score = Case(
                When(rating_count__gte=FEWEST_RATINGS_SHOWN, then=F("rating_average")),
                default=None,
            )
            return activities.alias(score=score).order_by(
                F("score").desc(nulls_last=True), "title", "pk"
            )
        return activities.order_by("title", "pk")


def browse(user: Person, filters: CatalogueFilters | None = None) -> QuerySet[Activity]:
    """``ActivityFilter`` asked from Python."""
    return ActivityFilter((filters or CatalogueFilters()).as_query(), user=user).qs
