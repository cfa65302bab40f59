"""What the teams pages share: the role each kind of page needs (decided in ``teams.access``),
the page size of lists, and a form page that posts to a service then goes back to what it
changed."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.db.models import QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django_filters import FilterSet
from django_tables2 import RequestConfig, Table

from core.web import requires, save
from teams import access
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


def form_page[T](
    request: HttpRequest,
    form: Form,
    write: Callable[[], T],
    *,
    message: str | Callable[[T], str],
    to: str | Callable[[T], str],
    template: str = "teams/simple_form.html",
    **context: object,
) -> HttpResponse:
    """A page with a form whose valid submission is a service write: once it saved, says so and
    redirects (``message`` and ``to`` may be worked out from what the write returned, such as a
    new person); otherwise shows the form again, with the service's errors on it."""
    done: list[T] = []
    if form.is_valid() and save(form, lambda: done.append(write())):
        messages.success(request, message if isinstance(message, str) else message(done[0]))
        return redirect(to if isinstance(to, str) else to(done[0]))
    return render(request, template, {"form": form, **context})


def person_form_page(
    request: HttpRequest,
    person: Person,
    form: Form,
    write: Callable[[], object],
    **options: object,
) -> HttpResponse:
    """A form page about one person (their roles, teams, pattern, registrations), which goes
    back to their page once saved."""
    return form_page(request, form, write, to=person_url(person), person=person, **options)


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
