"""Adding, correcting and removing a person's professional registrations."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from core.web import confirm_page, posted
from teams import selectors, services
from teams.forms import RegistrationForm
from teams.models import Person
from teams.views.common import person_admin_page, person_form_page, person_url


@person_admin_page
def registration_add(request: HttpRequest, target: Person) -> HttpResponse:
    form = RegistrationForm(posted(request))
    return person_form_page(
        request,
        target,
        form,
        lambda: services.registration_add(actor=request.user, person=target, **form.cleaned_data),
        message=f"The registration has been added to {target}.",
        title="Add a registration",
        button="Add registration",
    )


@person_admin_page
def registration_edit(request: HttpRequest, target: Person, registration_pk: int) -> HttpResponse:
    registration = selectors.registration_of(target, registration_pk)
    initial = {name: getattr(registration, name) for name in RegistrationForm.base_fields}
    form = RegistrationForm(posted(request), initial=initial)
    return person_form_page(
        request,
        target,
        form,
        lambda: services.registration_update(
            actor=request.user, registration=registration, **form.cleaned_data
        ),
        message="The registration has been saved.",
        title="Edit registration",
        button="Save",
    )


@person_admin_page
def registration_remove(request: HttpRequest, target: Person, registration_pk: int) -> HttpResponse:
    registration = selectors.registration_of(target, registration_pk)
    return confirm_page(
        request,
        lambda: services.registration_remove(actor=request.user, registration=registration),
        message=f"The registration {registration} has been removed.",
        to=person_url(target),
        title=f"Remove registration {registration}?",
        body=f"{target}'s {registration.regulator} registration will be removed. "
        "The audit log keeps a record of it.",
        button="Remove registration",
    )
