"""Headless Chromium (Debian's ``chromium`` package, driven by Playwright) against a live server.

Browsers are never downloaded: without ``chromium`` on the PATH the browser tests are skipped,
except under ``CI=true`` where they fail, so CI cannot pass without them.
"""

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import IN_CI
from tests.factories import TEST_PASSWORD

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(settings.BASE_DIR) / "static" / "dist" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# Every browser test module starts with ``pytestmark = BROWSER``: each test gets a live server
# and a clean database, and the regulators a data migration loaded are put back afterwards for
# the tests that follow.
BROWSER = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def browser(transactional_db: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Chromium for one test. Playwright's sync API keeps an event loop running in this thread
    while it is started, so the ORM calls a test makes beside it need Django's async-safety
    check switched off; it is switched off only for the test (and Playwright is stopped before
    the database is flushed) because ``check --deploy``, run by another test, rightly refuses
    that variable."""
    if CHROMIUM is None:
        message = "chromium is not installed (make browser-deps installs Debian's package)"
        if IN_CI:
            pytest.fail(message + "; under CI=true the browser tests must run.")
        pytest.skip(message)
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: build the assets with `make setup`.")
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """One browser context (one person's session) with the page's console errors collected."""

    def __init__(self, browser: object, base_url: str) -> None:
        # axe-core arrives as an init script, which the page's Content Security Policy does
        # not apply to, so the policy stays on for everything the site itself loads.
        self.context = browser.new_context(base_url=base_url)
        self.context.add_init_script(path=str(AXE))
        self.page = self.context.new_page()
        self.console_errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("response", self._response)

    def _console(self, message: object) -> None:
        # A page answering 404 on purpose logs "Failed to load resource"; broken stylesheets and
        # scripts are caught by _response instead, CSP refusals here.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append(message.text)

    def _response(self, response: object) -> None:
        if response.request.resource_type != "document" and response.status >= 400:
            self.console_errors.append(f"{response.status} for {response.url}")

    def sign_in(self, email: str, password: str = TEST_PASSWORD) -> None:
        page = self.page
        page.goto(reverse("login"))
        page.get_by_label("Work email").fill(email)
        page.get_by_label("Password", exact=True).fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: reverse("login") not in url)

    def axe_violations(self) -> list[dict]:
        # A click on a link may still be loading the next page; axe needs its document.
        self.page.wait_for_load_state()
        return self.page.evaluate(
            """async (tags) => {
                const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
                return result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary),
                }));
            }""",
            WCAG_TAGS,
        )

    def close(self) -> None:
        self.context.close()


def describe_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{url}: {len(violations)} accessibility violation(s)"]
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.extend(f"      {node}" for node in violation["nodes"][:5])
    return "\n".join(lines)


@pytest.fixture
def visit(browser: object, live_server: object) -> Iterator[Callable[[], Visit]]:
    opened: list[Visit] = []

    def open_visit() -> Visit:
        opened.append(Visit(browser, live_server.url))
        return opened[-1]

    yield open_visit
    for each in opened:
        each.close()
