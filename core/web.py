"""What every app's pages share: binding a posted form, running a service write with its errors
shown on the form, refusing a role, reading a date from the address, answering with a workbook."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse, QueryDict

from core.forms import add_service_errors

View = Callable[..., HttpResponse]
EARLIEST_YEAR, LATEST_YEAR = 1990, 2200
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
