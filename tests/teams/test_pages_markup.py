"""Every organisation page is well-formed for assistive technology and the strict CSP:
one h1, headings in order, labelled fields, captioned tables, nothing inline without a nonce."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from teams import services
from teams.models import AuditEntry
from tests.factories import RegistrationFactory, WorkingPatternFactory


class PageOutline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.field_ids: list[str] = []
        self.label_targets: set[str] = set()
        self.tables = 0
        self.captions = 0
        self.inline_styles = 0
        self.unnonced = 0
        self.mains = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag in {"input", "select", "textarea"} and attributes.get("type") not in {
            "hidden",
            "submit",
        }:
            self.field_ids.append(attributes.get("id", ""))
        if tag == "label" and attributes.get("for"):
            self.label_targets.add(attributes["for"])
        self.tables += tag == "table"
        self.captions += tag == "caption"
        self.mains += tag == "main"
        self.inline_styles += "style" in attributes
        if tag in {"script", "style"} and not attributes.get("nonce"):
            self.unnonced += 1


def outline(html: str) -> PageOutline:
    parser = PageOutline()
    parser.feed(html)
    return parser


@pytest.fixture
def pages(world):
    person = world.practitioner_a
    WorkingPatternFactory(person=person)
    registration = RegistrationFactory(person=person)
    services.team_create(actor=world.org_admin, name="Duty Team", parent=world.adults)
    token, _ = services.api_token_create(actor=world.org_admin, name="Script")
    entry = AuditEntry.objects.first()
    membership = person.memberships.get()
    return [
        reverse("home"),
        reverse("teams:people"),
        reverse("teams:people") + "?q=nobody",
        reverse("teams:person", args=[person.pk]),
        reverse("teams:person-create"),
        reverse("teams:person-edit", args=[person.pk]),
        reverse("teams:person-roles", args=[person.pk]),
        reverse("teams:membership-add", args=[person.pk]),
        reverse("teams:membership-end", args=[person.pk, membership.pk]),
        reverse("teams:working-pattern-add", args=[person.pk]),
        reverse("teams:registration-add", args=[person.pk]),
        reverse("teams:registration-edit", args=[person.pk, registration.pk]),
        reverse("teams:registration-remove", args=[person.pk, registration.pk]),
        reverse("teams:teams"),
        reverse("teams:team", args=[world.team_a.pk]),
        reverse("teams:team-create"),
        reverse("teams:team-edit", args=[world.team_a.pk]),
        reverse("teams:team-manager-add", args=[world.team_a.pk]),
        reverse("teams:settings"),
        reverse("teams:audit"),
        reverse("teams:audit-entry", args=[entry.pk]),
        reverse("teams:tokens"),
        reverse("teams:token-create"),
        reverse("teams:token-revoke", args=[token.pk]),
    ]


def check(html: str, url: str) -> list[str]:
    page = outline(html)
    problems = []
    if page.headings.count(1) != 1:
        problems.append(f"{page.headings.count(1)} h1 elements")
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        if after > before + 1:
            problems.append(f"heading h{before} is followed by h{after}")
    unlabelled = [field for field in page.field_ids if field not in page.label_targets]
    if unlabelled:
        problems.append(f"fields without a label: {unlabelled}")
    if page.tables != page.captions:
        problems.append(f"{page.tables} tables but {page.captions} captions")
    if page.mains != 1:
        problems.append("no single <main>")
    if page.inline_styles:
        problems.append("style attributes (blocked by the CSP)")
    if page.unnonced:
        problems.append("<script> or <style> without a nonce")
    return [f"{url}: {problem}" for problem in problems]


def test_org_admin_pages_are_well_formed(world, client, pages):
    client.force_login(world.org_admin)
    problems = []
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        problems += check(response.content.decode(), url)
    assert not problems, "\n".join(problems)


def test_error_states_are_well_formed(world, client):
    client.force_login(world.org_admin)
    response = client.post(reverse("teams:person-create"), {})
    assert not check(response.content.decode(), "person-create with errors")
    response = client.post(
        reverse("teams:working-pattern-add", args=[world.practitioner_a.pk]),
        {"monday_minutes": "x"},
    )
    assert not check(response.content.decode(), "working pattern with errors")


def test_sign_in_and_error_pages_are_well_formed(world, client):
    assert not check(client.get(reverse("login")).content.decode(), "sign-in")
    client.force_login(world.practitioner_a)
    assert not check(client.get(reverse("teams:audit")).content.decode(), "403")
    assert not check(client.get("/organisation/nothing/").content.decode(), "404")
