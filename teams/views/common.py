"""What the teams pages share: the role each kind of page needs (decided in ``teams.access``),
the page size of lists, and posting a form to a service then going back to what it changed."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from core.web import requires, save
from teams import access
from teams.models import Person, Team

PAGE_SIZE = 25

people_admin_required = requires(access.can_manage_people)
structure_admin_required = requires(access.can_manage_structure)
audit_reader_required = requires(access.can_read_audit)


def person_url(person: Person) -> str:
    return reverse("teams:person", args=[person.pk])


def team_url(team: Team) -> str:
    return reverse("teams:team", args=[team.pk])


def saved[T](
    request: HttpRequest,
    form: Form,
    write: Callable[[], T],
    *,
    message: Callable[[T], str],
    to: Callable[[T], str],
) -> HttpResponse | None:
    """Runs a valid form's service write; once it saved, says so and redirects to ``to`` of what
    the write returned. None when the form is not posted, not valid or the service refused it,
    so the caller shows the form again (with the service's errors on it)."""
    done: list[T] = []
    if form.is_valid() and save(form, lambda: done.append(write())):
        messages.success(request, message(done[0]))
        return redirect(to(done[0]))
    return None
