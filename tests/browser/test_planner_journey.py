"""Protected time in a real browser: a manager books time for a practitioner, arranges cover,
is shown a conflict and assigns anyway with a reason; the practitioner sees the booking and
who covers them; the manager cancels it for a work crisis and the team's cancellation figures
change. axe-core checks every page on the way, and every planner page as the team's manager
(the permission-driven sweep opens manager pages only as people who may not use them)."""

import datetime
import re

from django.urls import get_resolver, reverse
from django.utils import timezone

from planner.models import BankHoliday, Booking
from tests.browser.conftest import BROWSER, describe_violations
from tests.factories import WorkingPatternFactory, make_absence
from tests.test_url_permissions import EXPECTATIONS, KWARGS, URL_KWARGS, walk

pytestmark = BROWSER


def next_working_day() -> datetime.date:
    """A weekday at least a week ahead that is not a bank holiday."""
    day = timezone.localdate() + datetime.timedelta(days=7)
    holidays = set(BankHoliday.objects.values_list("date", flat=True))
    while day.weekday() >= 5 or day in holidays:
        day += datetime.timedelta(days=1)
    return day


def check_axe(session, failures):
    violations = session.axe_violations()
    if violations:
        failures.append(describe_violations(session.page.url, violations))


def test_book_cover_with_a_conflict_see_it_and_cancel_it(visit, world):
    for person in (world.practitioner_a, world.practitioner_a2, world.manager_a):
        WorkingPatternFactory(person=person)
    day = next_working_day()
    # Alex is on leave that day, so asking Alex to cover is a conflict.
    make_absence(world.practitioner_a2, day, day)
    failures: list[str] = []

    manager = visit()
    page = manager.page
    manager.sign_in(world.manager_a.email)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Team planner").click()
    check_axe(manager, failures)
    page.get_by_role("link", name=f"{world.team_a.name} planner").click()
    page.wait_for_url(f"**{reverse('planner:team-planner', args=[world.team_a.pk])}")
    check_axe(manager, failures)
    metrics_url = reverse("planner:team-metrics", args=[world.team_a.pk])
    page.goto(metrics_url)
    assert (
        page.get_by_role("table", name="Cancellations by reason")
        .get_by_role("row", name="Work crisis")
        .inner_text()
        .split()[-1]
        == "0"
    )

    page.goto(reverse("planner:team-planner", args=[world.team_a.pk]))
    page.get_by_role("link", name="Book protected time").click()
    check_axe(manager, failures)
    page.get_by_label("Person").select_option(label=world.practitioner_a.full_name)
    page.get_by_label("What is the time for?").fill("Court skills workshop")
    page.get_by_label("Catalogue activity or session").check()
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Start time").fill("09:30")
    page.get_by_label("End time").fill("12:30")
    page.get_by_role("button", name="Book time").click()
    page.wait_for_url(re.compile(r"/protected-time/bookings/\d+/$"))
    booking = Booking.objects.get(title="Court skills workshop")
    assert booking.person == world.practitioner_a
    check_axe(manager, failures)

    page.get_by_role("link", name="Arrange cover").click()
    check_axe(manager, failures)
    page.get_by_label("Colleague who covers").select_option(label=world.practitioner_a2.full_name)
    page.get_by_label("Duty").check()
    page.get_by_label("Phone and email").check()
    page.get_by_role("button", name="Assign cover").click()
    conflict = page.get_by_role("alert").filter(has_text="conflict")
    assert "absent" in conflict.inner_text().lower(), conflict.inner_text()
    check_axe(manager, failures)
    # Going ahead without a reason is refused; with one it is recorded.
    page.get_by_role("button", name="Assign anyway").click()
    assert page.get_by_text(
        "Enter why the colleague should cover despite the conflicts."
    ).first.is_visible()
    check_axe(manager, failures)
    page.get_by_label("Why should they cover anyway?").fill("Alex is on leave only in the morning")
    page.get_by_role("button", name="Assign anyway").click()
    page.wait_for_url(f"**{reverse('planner:booking', args=[booking.pk])}")
    cover_table = page.get_by_role("table", name="Cover")
    assert world.practitioner_a2.full_name in cover_table.inner_text()
    assert "Alex is on leave only in the morning" in cover_table.inner_text()
    check_axe(manager, failures)

    practitioner = visit()
    practitioner.sign_in(world.practitioner_a.email)
    practitioner.page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="My protected time"
    ).click()
    mine = practitioner.page.get_by_role("main")
    assert "Court skills workshop" in mine.inner_text()
    assert world.practitioner_a2.full_name in mine.inner_text()
    check_axe(practitioner, failures)

    page.goto(reverse("planner:booking", args=[booking.pk]))
    page.get_by_role("link", name="Cancel the booking").click()
    check_axe(manager, failures)
    page.get_by_label("Work crisis").check()
    page.get_by_label("Note (optional)").fill("Section 47 strategy meeting")
    page.get_by_role("button", name="Cancel the booking").click()
    page.wait_for_url(f"**{reverse('planner:booking', args=[booking.pk])}")
    assert "Cancelled" in page.get_by_role("main").inner_text()
    page.goto(metrics_url)
    reasons = page.get_by_role("table", name="Cancellations by reason")
    assert reasons.get_by_role("row", name="Work crisis").inner_text().split()[-1] == "1"
    check_axe(manager, failures)
    assert not manager.console_errors, manager.console_errors
    assert not practitioner.console_errors, practitioner.console_errors
    assert not failures, "\n\n".join(failures)


def test_every_planner_page_passes_axe_for_the_teams_manager(visit, world):
    """Pages a manager uses on their own team: the permission sweep reaches them only as
    people who get 403 or 404, so they are opened here as Team A's manager (and the pages no
    manager may use as the L&D lead (the allowances) or the org admin (closure days))."""
    patterns = dict(walk(get_resolver()))
    session = visit()
    session.sign_in(world.manager_a.email)
    learning_lead = visit()
    learning_lead.sign_in(world.ld_lead.email)
    org_admin = visit()
    org_admin.sign_in(world.org_admin.email)
    failures, checked = [], []
    for name in sorted(n for n in patterns if n.startswith("planner:")):
        if EXPECTATIONS[name]["practitioner"] == 405:  # forms that only take a POST
            continue
        expected = EXPECTATIONS[name]
        if expected["other_manager"] != 403:
            session_for_page = session
        elif expected["ld_lead"] != 403:
            session_for_page = learning_lead
        else:
            session_for_page = org_admin
        makers = {**KWARGS, **URL_KWARGS.get(name, {})}
        kwargs = {param: makers[param](world) for param in patterns[name].pattern.converters}
        url = reverse(name, kwargs=kwargs)
        # Downloads (the import template workbook) are not pages.
        probe = session_for_page.context.request.get(url, max_redirects=0)
        if not probe.headers.get("content-type", "").startswith("text/html"):
            continue
        response = session_for_page.page.goto(url)
        if response.status != 200:
            failures.append(f"{name}: HTTP {response.status}")
            continue
        check_axe(session_for_page, failures)
        # Submitting a form empty shows its errors, which must pass too.
        form_button = session_for_page.page.locator("main form[novalidate] button[type=submit]")
        if form_button.count():
            form_button.first.click()
            session_for_page.page.wait_for_load_state()
            check_axe(session_for_page, failures)
        checked.append(name)
    assert not failures, "\n\n".join(failures)
    assert {
        "planner:team-planner",
        "planner:booking-cover",
        "planner:booking-cancel",
        "planner:allowance-rule-create",
        "planner:absence-import",
        "planner:closure-days",
    } <= set(checked)
    assert not session.console_errors, session.console_errors
    assert not learning_lead.console_errors, learning_lead.console_errors
