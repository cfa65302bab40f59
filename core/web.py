"""What every app's pages share: binding a posted form, running a service write with its errors
shown on the form, a form page (post to a service, say so, go on; else show the form again), a
button that changes one thing, a page that asks before removing something, the menu entries a role sees, refusing a role, reading a date from the address,
answering with a workbook."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from core.forms import add_service_errors

View = Callable[..., HttpResponse]
EARLIEST_YEAR, LATEST_YEAR = 1990, 2200
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORM_PAGE = "form_page.html"
CONFIRM_PAGE = "confirm.html"


def requires(check: Callable[[object], bool]) -> Callable[[View], View]:
    """Signed-in visitors who fail ``check`` get 403: the page exists, their role cannot use it.
    ``check`` is an access rule of the app that owns the page."""

    def decorator(view: View) -> View:
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not check(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def posted(request: HttpRequest) -> QueryDict | None:
    """Form data on POST, else None; an empty POST still binds so its errors show."""
    return request.POST if request.method == "POST" else None


def save(form: Form, write: Callable[[], object]) -> bool:
    """Runs a service write, moving its ValidationError onto the form; True when it saved."""
    try:
        write()
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    return True


def saved[T](
    request: HttpRequest,
    form: Form,
    write: Callable[[], T],
    *,
    message: str | Callable[[T], str],
    to: str | Callable[[T], str],
) -> HttpResponse | None:
    """Posted and valid, runs the service ``write``; once it saved, says ``message`` and answers
    with the redirect to ``to`` (either may be worked out from what the write returned, such as
    a new record). None when there is nothing to save or the service refused it (its errors are
    on the form): the caller shows the form again."""
    done: list[T] = []
    if not (form.is_valid() and save(form, lambda: done.append(write()))):
        return None
    messages.success(request, message if isinstance(message, str) else message(done[0]))
    return redirect(to if isinstance(to, str) else to(done[0]))


def form_page[T](
    request: HttpRequest,
    form: Form,
    write: Callable[[], T],
    *,
    message: str | Callable[[T], str],
    to: str | Callable[[T], str],
    template: str = FORM_PAGE,
    invalid_status: int = 200,
    **context: object,
) -> HttpResponse:
    """A page with one form whose valid submission is a service write (``saved``); otherwise the
    form (again) in ``template`` with ``context``: templates/form_page.html reads ``title``,
    ``caption``, ``hint``, ``button``, ``warning`` and ``cancel_url``. A form sent back with
    errors answers ``invalid_status``."""
    if response := saved(request, form, write, message=message, to=to):
        return response
    status = invalid_status if form.is_bound else 200
    return render(request, template, {"form": form, **context}, status=status)


def act[T](
    request: HttpRequest,
    change: Callable[[], T],
    *,
    message: str | Callable[[T], str],
    to: str,
) -> HttpResponse:
    """Runs the change a button posted (no form to show again), says ``message`` (which may be
    worked out from what the change returned) and goes to ``to``; a change the service refuses
    says why instead, on the same way on."""
    try:
        done = change()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, message if isinstance(message, str) else message(done))
    return redirect(to)


def confirm_page(
    request: HttpRequest,
    remove: Callable[[], object],
    *,
    message: str,
    to: str,
    title: str,
    body: str = "",
    button: str,
    template: str = CONFIRM_PAGE,
    **context: object,
) -> HttpResponse:
    """Asks before removing something (templates/confirm.html: ``title``, ``body``, ``button``,
    a way back to ``to``, ``warning`` for what cannot be undone); the button posts back here,
    runs ``remove``, says ``message`` and goes to ``to``."""
    if request.method == "POST":
        return act(request, remove, message=message, to=to)
    return render(
        request,
        template,
        {"title": title, "body": body, "button": button, "cancel_url": to, **context},
    )


def menu_entries(
    user: object, entries: Iterable[tuple[Callable[[object], bool] | None, str, str]]
) -> list[tuple[str, str]]:
    """The (URL name, label) of each menu entry (access rule, URL name, label) whose rule lets
    ``user`` in; an entry without a rule is everyone's."""
    return [(name, label) for rule, name, label in entries if rule is None or rule(user)]


def date_param(request: HttpRequest, name: str, default: datetime.date) -> datetime.date:
    """A YYYY-MM-DD query parameter; anything else (a typo, an edited link) means the default,
    never an error page."""
    try:
        value = datetime.date.fromisoformat(request.GET.get(name, ""))
    except ValueError:
        return default
    # Far-off years would overflow the links to the periods either side.
    return value if EARLIEST_YEAR <= value.year <= LATEST_YEAR else default


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    """A workbook as a download."""
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
