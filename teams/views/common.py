"""What the teams pages share: the role each kind of page needs (decided in ``teams.access``),
the page size of lists, a person's form pages (``core.web.form_page``, back to their page) and
a list page's filtered table."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.db.models import QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django_filters import FilterSet
from django_tables2 import RequestConfig, Table

from core.web import form_page, requires
from teams import access, selectors
from teams.filters import filters_in_use
from teams.models import Person, Team

PAGE_SIZE = 25

people_admin_required = requires(access.can_manage_people)
structure_admin_required = requires(access.can_manage_structure)
audit_reader_required = requires(access.can_read_audit)


def person_url(person: Person) -> str:
    return reverse("teams:person", args=[person.pk])


def team_url(team: Team) -> str:
    return reverse("teams:team", args=[team.pk])


def person_admin_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A people admin's page about one person they may change (404 for anyone else): shown on
    GET, changed on POST, with the view given that person in place of the address's ``pk``."""

    @people_admin_required
    @require_http_methods(["GET", "POST"])
    @wraps(view)
    def wrapped(request: HttpRequest, pk: int, **kwargs: object) -> HttpResponse:
        return view(request, selectors.person_for_admin(request.user, pk), **kwargs)

    return wrapped


def person_form_page(
    request: HttpRequest,
    person: Person,
    form: Form,
    write: Callable[[], object],
    **options: object,
) -> HttpResponse:
    """A form page about one person (their roles, teams, pattern, registrations), under their
    name, which goes back to their page once saved."""
    back = person_url(person)
    return form_page(
        request,
        form,
        write,
        to=back,
        person=person,
        caption=person.full_name,
        back_text=person.full_name,
        cancel_url=back,
        **options,
    )


def filtered_table(
    request: HttpRequest,
    filters: type[FilterSet],
    queryset: QuerySet,
    table: type[Table],
    *,
    empty_text: str,
) -> dict[str, object]:
    """A list page's filters and its sorted, paginated table, as the page's context."""
    filterset = filters(request.GET or None, queryset=queryset, request=request)
    rows = table(filterset.qs, empty_text=empty_text)
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(rows)
    return {"filter": filterset, "table": rows, "filtered": filters_in_use(filterset)}
