"""The catalogue in a real browser: a practitioner filters to bite-size podcasts on emotional
resilience, saves one to her learning list, books the last place on a webinar, cancels it and
sees the place go to the colleague waiting, who takes it. axe-core checks every page on the
way, and every catalogue page as the people who use it (the permission-driven sweep in
test_accessibility opens each page as the first actor allowed; here L&D and a team manager
open theirs with real content)."""

import datetime

from django.urls import get_resolver, reverse
from django.utils import timezone

from learning_catalogue.models import PlaceStatus, SavedActivity, SessionPlace
from learning_catalogue.services.sessions import reservation_set, session_save
from tests.browser.conftest import BROWSER, describe_violations
from tests.learning_catalogue.catalogue_data import add_activity, small_catalogue
from tests.test_url_permissions import EXPECTATIONS, KWARGS, URL_KWARGS, walk

pytestmark = BROWSER


def check_axe(session, failures):
    violations = session.axe_violations()
    if violations:
        failures.append(describe_violations(session.page.url, violations))


def test_filter_save_book_cancel_and_the_place_goes_to_the_next_person(visit, world):
    catalogue = small_catalogue(world.ld_lead)
    add_activity(
        world.ld_lead,
        "Resilience in court work: a long listen",
        topics=("Emotional resilience and wellbeing",),
        minutes=55,
    )
    webinar = catalogue["webinar"]
    session = webinar.sessions.get()
    session.capacity = 1
    session.save()
    failures: list[str] = []

    priya = visit()
    page = priya.page
    priya.sign_in(world.practitioner_a.email)
    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Learning catalogue"
    ).click()
    check_axe(priya, failures)
    page.get_by_role("link", name="Bite-size (30 minutes or less)").click()
    page.get_by_label("Podcast").check()
    page.get_by_label("Emotional resilience and wellbeing").check()
    page.get_by_role("button", name="Apply filters").click()
    results = page.get_by_role("list", name="1 matching activity")
    assert "Staying well on duty" in results.inner_text()
    assert "long listen" not in page.get_by_role("main").inner_text()
    assert "Supervision that sustains" not in page.get_by_role("main").inner_text()
    check_axe(priya, failures)
    results.get_by_role("button", name="Save for later").click()
    assert "is on your learning list" in page.get_by_role("main").inner_text()
    assert SavedActivity.objects.filter(
        person=world.practitioner_a, activity=catalogue["podcast"]
    ).exists()
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My learning").click()
    page.get_by_role("link", name="My learning list").click()
    assert "Staying well on duty" in page.get_by_role("main").inner_text()
    check_axe(priya, failures)

    page.goto(reverse("learning_catalogue:catalogue") + "?q=anti-racist")
    page.get_by_role("link", name=webinar.title).click()
    check_axe(priya, failures)
    page.get_by_role("button", name="Book a place").click()
    assert "Your place is booked" in page.get_by_role("main").inner_text()
    place = SessionPlace.objects.get(session=session, person=world.practitioner_a)
    assert place.status == PlaceStatus.BOOKED and place.protected_time is not None
    check_axe(priya, failures)

    bola = visit()
    bola.sign_in(world.practitioner_b.email)
    bola.page.goto(reverse("learning_catalogue:activity", args=[webinar.pk]))
    bola.page.get_by_role("button", name="Join the waiting list").click()
    assert "you are on the waiting list" in bola.page.get_by_role("main").inner_text()
    check_axe(bola, failures)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My learning").click()
    check_axe(priya, failures)
    page.get_by_role("button", name="Cancel my place").click()
    assert "it goes to the next person waiting" in page.get_by_role("main").inner_text()
    waiting = SessionPlace.objects.get(session=session, person=world.practitioner_b)
    assert waiting.status == PlaceStatus.OFFERED

    bola.page.goto(reverse("home"))
    assert "A place is free for you" in bola.page.get_by_role("main").inner_text()
    check_axe(bola, failures)
    bola.page.get_by_role("link", name=webinar.title).first.click()
    assert "Offered a freed place" in bola.page.get_by_role("main").inner_text()
    check_axe(bola, failures)
    bola.page.get_by_role("button", name="Take the place").click()
    assert "The place is yours" in bola.page.get_by_role("main").inner_text()
    waiting.refresh_from_db()
    assert waiting.status == PlaceStatus.BOOKED

    assert not priya.console_errors, priya.console_errors
    assert not bola.console_errors, bola.console_errors
    assert not failures, "\n\n".join(failures)


def test_every_catalogue_page_passes_axe_for_the_people_who_use_it(visit, world):
    """Publishing pages as the L&D lead with a real catalogue, a session with a team's
    reservation as its manager, and every page again with each form submitted empty."""
    catalogue = small_catalogue(world.ld_lead)
    session = catalogue["webinar"].sessions.get()
    reservation_set(actor=world.ld_lead, session=session, team=world.team_a, places=2)
    start = timezone.now() + datetime.timedelta(days=30)
    session_save(
        actor=world.ld_lead,
        activity=catalogue["webinar"],
        start=start,
        end=start + datetime.timedelta(hours=1),
        capacity=5,
        venue="Council House, room 2",
    )
    patterns = dict(walk(get_resolver()))
    lead = visit()
    lead.sign_in(world.ld_lead.email)
    manager = visit()
    manager.sign_in(world.manager_a.email)
    practitioner = visit()
    practitioner.sign_in(world.practitioner_a.email)
    failures, checked = [], []
    pages = [
        (lead, reverse("learning_catalogue:manage")),
        (lead, reverse("learning_catalogue:activity", args=[catalogue["webinar"].pk])),
        (lead, reverse("learning_catalogue:session", args=[session.pk])),
        (manager, reverse("learning_catalogue:session", args=[session.pk])),
        (manager, reverse("learning_catalogue:needs-summary")),
        (manager, reverse("learning_catalogue:person-needs", args=[world.practitioner_a.pk])),
        (practitioner, reverse("learning_catalogue:activity", args=[catalogue["podcast"].pk])),
    ]
    for name in sorted(n for n in patterns if n.startswith("learning_catalogue:")):
        expected = EXPECTATIONS[name]
        if expected["practitioner"] == 405:
            continue
        viewer = lead if expected["ld_lead"] == 200 else practitioner
        makers = {**KWARGS, **URL_KWARGS.get(name, {})}
        kwargs = {param: makers[param](world) for param in patterns[name].pattern.converters}
        pages.append((viewer, reverse(name, kwargs=kwargs)))
    for session_for_page, url in pages:
        probe = session_for_page.context.request.get(url, max_redirects=0)
        if not probe.headers.get("content-type", "").startswith("text/html"):
            continue
        response = session_for_page.page.goto(url)
        if response.status != 200:
            failures.append(f"{url}: HTTP {response.status}")
            continue
        check_axe(session_for_page, failures)
        form_button = session_for_page.page.locator(
            "main form[novalidate] button[type=submit]:visible"
        )
        if form_button.count():
            form_button.last.click()
            session_for_page.page.wait_for_load_state()
            check_axe(session_for_page, failures)
        checked.append(url)
    assert not failures, "\n\n".join(failures)
    assert len(checked) >= 20
    for each in (lead, manager, practitioner):
        assert not each.console_errors, each.console_errors


def test_the_catalogue_fits_a_phone(visit, world):
    """On a 360-pixel-wide screen the catalogue, an activity with its sessions and "My
    learning" never scroll sideways: wide tables scroll inside their own region."""
    catalogue = small_catalogue(world.ld_lead)
    phone = visit()
    phone.sign_in(world.practitioner_a.email)
    phone.page.set_viewport_size({"width": 360, "height": 740})
    session = catalogue["webinar"].sessions.get()
    SessionPlace.objects.create(
        session=session, person=world.practitioner_a, status=PlaceStatus.BOOKED
    )
    for url in (
        reverse("learning_catalogue:catalogue"),
        reverse("learning_catalogue:catalogue") + "?bite_size=on&sort=shortest",
        reverse("learning_catalogue:activity", args=[catalogue["webinar"].pk]),
        reverse("learning_catalogue:my-places"),
        reverse("learning_catalogue:my-needs"),
    ):
        phone.page.goto(url)
        overflow = phone.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} is {overflow}px wider than the phone"
