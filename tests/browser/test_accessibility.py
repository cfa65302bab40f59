"""axe-core finds no WCAG 2.2 A/AA violations on any page, for the people who use it.

The pages come from the URL resolver, with the visitor and URL arguments the permission test
already uses: a new page is checked here as soon as it has a permission expectation, with no list
to keep up to date.
"""

from django.urls import get_resolver, reverse

from tests.browser.conftest import BROWSER, describe_violations
from tests.test_url_permissions import (
    ACTOR_PEOPLE,
    EXPECTATIONS,
    KWARGS,
    OK,
    URL_KWARGS,
    url_names,
    walk,
)

pytestmark = BROWSER

# Who looks at each page: the first of these who may open it.
VIEWERS = ("org_admin", "practitioner", "other_manager", "ld_lead", "anonymous")
# Home differs by role, so every role sees its own.
HOME_VIEWERS = {"practitioner": "practitioner_a", "manager": "manager_a", "ld_lead": "ld_lead"}


def pages(world) -> list[tuple[str, str | None, str]]:
    """(label, person attribute on the world or None for anonymous, URL) for every page."""
    patterns = dict(walk(get_resolver()))
    found = []
    for name in url_names():
        # The API's JSON and its Swagger UI (django-ninja's own template) are not product pages.
        if name.startswith("api:"):
            continue
        # A URL with no expectation yet fails the permission test; it is checked here once it
        # has one.
        expected = EXPECTATIONS.get(name, {})
        viewer = next((actor for actor in VIEWERS if expected.get(actor) == OK), None)
        if viewer is None:  # sign-out, and forms that only take a POST
            continue
        makers = {**KWARGS, **URL_KWARGS.get(name, {})}
        kwargs = {param: makers[param](world) for param in patterns[name].pattern.converters}
        person = None if viewer == "anonymous" else ACTOR_PEOPLE[viewer]
        found.append((name, person, reverse(name, kwargs=kwargs)))
    found += [(f"home ({role})", person, reverse("home")) for role, person in HOME_VIEWERS.items()]
    found.append(("404 page", "practitioner_a", "/organisation/no-such-page/"))
    return found


def test_no_accessibility_violations_on_any_page(visit, world):
    sessions = {}
    failures = []
    checked = []
    for label, person, url in pages(world):
        if person not in sessions:
            sessions[person] = visit()
            if person is not None:
                sessions[person].sign_in(getattr(world, person).email)
        session = sessions[person]
        # Downloads (the import template workbook) are not pages.
        probe = session.context.request.get(url, max_redirects=0)
        if not probe.headers.get("content-type", "").startswith("text/html"):
            continue
        response = session.page.goto(url)
        expected = 404 if label == "404 page" else 200
        if response.status != expected:
            failures.append(f"{label} ({url}) as {person}: HTTP {response.status}")
            continue
        violations = session.axe_violations()
        if violations:
            failures.append(f"{label} as {person}: " + describe_violations(url, violations))
        if session.console_errors:
            failures.append(f"{label} ({url}): {session.console_errors}")
            session.console_errors.clear()
        checked.append(label)
    assert not failures, "\n\n".join(failures)
    assert {
        "login",
        "teams:people",
        "teams:person",
        "integrations:people-import",
        "404 page",
    } <= set(checked)
    assert len(checked) >= 30


def test_forms_showing_errors_have_no_accessibility_violations(visit, world):
    session = visit()
    session.sign_in(world.org_admin.email)
    failures = []
    for name in ("teams:person-create", "teams:team-create", "teams:token-create"):
        session.page.goto(reverse(name))
        session.page.locator("main form button[type=submit]").first.click()
        session.page.wait_for_load_state()
        assert session.page.get_by_role("alert").count(), f"{name}: no error summary"
        violations = session.axe_violations()
        if violations:
            failures.append(describe_violations(session.page.url, violations))
    assert not failures, "\n\n".join(failures)
