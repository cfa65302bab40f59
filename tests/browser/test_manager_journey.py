"""A team manager signs in, finds their team's people, and cannot reach anyone else's."""

from django.urls import reverse

from tests.browser.conftest import BROWSER, describe_violations

pytestmark = BROWSER


def test_team_manager_sees_their_team_and_not_another_teams_person(visit, world):
    session = visit()
    page = session.page
    session.sign_in(world.manager_a.email)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="People").click()
    page.wait_for_url(f"**{reverse('teams:people')}")
    assert page.get_by_role("heading", level=1).inner_text().strip() == "People"

    people_table = page.get_by_role("table")
    for person in (world.practitioner_a, world.practitioner_a2):
        assert people_table.get_by_role("link", name=person.full_name).is_visible()
    for person in (world.practitioner_b, world.practitioner_c, world.outsider):
        assert people_table.get_by_text(person.full_name).count() == 0

    people_table.get_by_role("link", name=world.practitioner_a.full_name).click()
    page.wait_for_url(f"**{reverse('teams:person', args=[world.practitioner_a.pk])}")
    assert world.practitioner_a.full_name in page.get_by_role("heading", level=1).inner_text()

    # Team B's person by typing the address: answered as if they did not exist.
    response = page.goto(reverse("teams:person", args=[world.practitioner_b.pk]))
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text().strip() == "Page not found"
    assert world.practitioner_b.full_name not in page.content()
    violations = session.axe_violations()
    assert not violations, describe_violations(page.url, violations)
    assert not session.console_errors, session.console_errors
