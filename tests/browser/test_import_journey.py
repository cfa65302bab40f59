"""An org admin uploads the HR staff list in a real browser: the upload page and the preview
of every row (errors included) are accessible."""

from django.urls import reverse

from tests.browser.conftest import BROWSER, describe_violations

pytestmark = BROWSER

STAFF_LIST = (
    "Employee number,Full name,Work email,Job title,Contract type,Employment start,Team\n"
    "E90001,Nia Jenkins,nia.jenkins@northshire.example,Social worker,Permanent,"
    "04/09/2023,Assessment Team 1\n"
    "E90002,Rob Ng,not-an-email,Social worker,Sometimes,31/02/2024,No Such Team\n"
)


def test_upload_and_preview_are_accessible(visit, world):
    session = visit()
    page = session.page
    session.sign_in(world.org_admin.email)
    page.goto(reverse("integrations:people-import"))
    violations = session.axe_violations()
    assert not violations, describe_violations(page.url, violations)

    page.get_by_label("Upload the staff list").set_input_files(
        files=[{"name": "staff.csv", "mimeType": "text/csv", "buffer": STAFF_LIST.encode()}]
    )
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/people-import/*/")
    assert page.locator('[data-outcome="create"]').inner_text().strip() == "1"
    assert page.locator('[data-outcome="error"]').inner_text().strip() == "1"
    assert page.get_by_role("alert").is_visible()  # the error summary: nothing saved
    violations = session.axe_violations()
    assert not violations, describe_violations(page.url, violations)
    assert not session.console_errors, session.console_errors
