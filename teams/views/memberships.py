"""Moving a person into a team (or adding a second one) and ending their time in a team."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from core.web import posted
from teams import selectors, services
from teams.forms import MembershipEndForm, MembershipStartForm
from teams.models import Person
from teams.views.common import person_admin_page, person_form_page


@person_admin_page
def membership_add(request: HttpRequest, target: Person) -> HttpResponse:
    form = MembershipStartForm(posted(request), organisation=request.user.organisation)
    return person_form_page(
        request,
        target,
        form,
        lambda: services.membership_start(
            actor=request.user,
            person=target,
            team=form.cleaned_data["team"],
            start_date=form.cleaned_data["start_date"],
            ends_other_memberships=not form.cleaned_data["keep_other_teams"],
        ),
        message=lambda membership: f"{target} joins {membership.team}.",
        title="Move or add to a team",
        button="Save",
    )


@person_admin_page
def membership_end(request: HttpRequest, target: Person, membership_pk: int) -> HttpResponse:
    membership = selectors.membership_of(target, membership_pk)
    form = MembershipEndForm(posted(request))
    return person_form_page(
        request,
        target,
        form,
        lambda: services.membership_end(
            actor=request.user, membership=membership, end_date=form.cleaned_data["end_date"]
        ),
        message=f"{target}'s time in {membership.team} has been ended.",
        title=f"End membership of {membership.team}",
        button="End membership",
    )
