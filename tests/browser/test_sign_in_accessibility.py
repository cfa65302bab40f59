"""The sign-in page in a real browser: styled, script-free of CSP errors, and accessible."""

from django.urls import reverse

from tests.browser.conftest import BROWSER, describe_violations

pytestmark = BROWSER


def test_sign_in_page_is_styled_and_has_no_accessibility_violations(visit):
    session = visit()
    response = session.page.goto(reverse("login"))
    assert response.status == 200
    # The stylesheet loaded: GOV.UK Frontend's font stack and button colour are applied.
    heading = session.page.get_by_role("heading", level=1)
    assert "arial" in heading.evaluate("el => getComputedStyle(el).fontFamily").lower()
    button = session.page.get_by_role("button", name="Sign in")
    assert button.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    violations = session.axe_violations()
    assert not violations, describe_violations(session.page.url, violations)
    assert not session.console_errors


def test_a_wrong_password_shows_an_accessible_error_summary(visit, world):
    session = visit()
    session.page.goto(reverse("login"))
    session.page.get_by_label("Work email").fill(world.practitioner_a.email)
    session.page.get_by_label("Password", exact=True).fill("not the right password")
    session.page.get_by_role("button", name="Sign in").click()
    assert session.page.get_by_role("alert").is_visible()
    violations = session.axe_violations()
    assert not violations, describe_violations(session.page.url, violations)
