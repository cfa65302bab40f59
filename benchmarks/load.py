"""Load benchmark: ``.venv/bin/python benchmarks/load.py [--users 50] [--duration 60]``.

Runs the product the way it is deployed and has people use it at once, over real HTTP:

- a throwaway PostgreSQL database (``test_<name>_load`` beside the one ``DATABASE_URL`` names,
  default ``postgres://postgres@127.0.0.1:5432/protected_time``), migrated and loaded with
  ``seed_demo`` and, for volume, ``seed_scale``; dropped at the end;
- gunicorn (``config.wsgi``, several workers with threads) with ``DJANGO_ENV=production``, its
  static files collected into a temporary folder, on a free 127.0.0.1 port, and one
  ``db_worker`` sending the notifications (to its log: the console email backend);
- N virtual users, each with their own cookies and connection, signing in as the demo people
  and doing their day: practitioners browse and search the catalogue, book a place on a session
  and ask for protected time; managers open their team's planner week and approve what their
  people asked for; the L&D lead and the org admin open their own pages.

Requests carry ``X-Forwarded-Proto: https`` and ``X-Forwarded-For`` as the TLS proxy the README
prescribes would add them, so production's HTTPS redirect, secure cookies and CSRF origin check
all stay on. The benchmark only ever talks to 127.0.0.1, and it is bounded: at most
``MAX_USERS`` users, ``MAX_DURATION`` seconds and ``--max-requests`` requests.

It prints the requests per second, p50/p95/p99 per journey step, every error (status other
than 2xx/3xx, a connection error, or a page that answered something its step does not expect,
such as a redirect to sign-in) with the first few bodies, and the machine's facts. It exits 1
if there was any error.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import datetime
import gzip
import http.client
import http.cookies
import itertools
import json
import math
import os
import platform
import queue
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
GUNICORN = str(VENV_BIN / "gunicorn") if (VENV_BIN / "gunicorn").exists() else "gunicorn"

# The only address this benchmark sends HTTP to, and the only database hosts it will create
# and drop a database on: it must never load or drop anything that is not on this machine.
HOST = "127.0.0.1"
LOCAL_DATABASE_HOSTS = {"127.0.0.1", "localhost", "::1"}
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/protected_time"

MAX_USERS = 200
MAX_DURATION = 600
MAX_REQUESTS = 200_000
REQUEST_TIMEOUT = 60
# gunicorn closes a keep-alive connection after 2 idle seconds by default; a virtual user idle
# longer than this opens a new one rather than losing a request to a connection being closed.
IDLE_RECONNECT_SECONDS = 1.5
SHOWN_ERRORS = 8

# Who the virtual users are, in the order they are handed out: at 50 users 36 practitioners,
# 10 managers, 2 L&D leads and 2 org admins; the first five already cover every role.
ROTA = ["practitioner", "manager", "practitioner", "admin", "ld"] + [
    "manager" if index % 5 == 2 else "practitioner" for index in range(20)
]
SEARCH_WORDS = [
    "safeguarding",
    "trauma",
    "court",
    "supervision",
    "mental health",
    "resilience",
    "practice",
    "domestic abuse",
    "assessment",
    "reflective",
]
# Times of day a practitioner asks for; with the day, each ask takes the person's next free slot.
SLOTS = [("09:00", "10:30"), ("11:00", "12:00"), ("13:30", "15:00"), ("15:30", "16:30")]
PURPOSES = ["reading", "reflection", "peer_discussion", "writing_cpd", "other"]

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TEAM_RE = re.compile(r'href="/protected-time/teams/(\d+)/"')
ACTIVITY_RE = re.compile(r'href="/learning/activities/(\d+)/"')
BOOK_RE = re.compile(
    r'action="/learning/sessions/(\d+)/book/".*?<button[^>]*>\s*(Book a place|Join the waiting)',
    re.S,
)
BOOKING_RE = re.compile(r"/protected-time/bookings/(\d+)/$")
STATIC_RE = re.compile(r'(?:href|src)="(/static/[^"?#]+)')

# Run inside Django (``manage.py shell -c``) once the demo is loaded: who can sign in, with
# which roles, and whom each manager manages, so approvals go to a manager who may decide.
DISCOVER = """
import json
from teams import access, demo
from teams.models import Person, Role
slugs = [plan.slug for plan in demo.demo_plans()]
named = [login.email for name in ("NORTHSHIRE_LOGINS", "SOUTHSHIRE_LOGINS")
         for login in getattr(demo, name, [])]
people = (
    Person.objects.filter(organisation__slug__in=slugs, is_active=True)
    .employed_on().exclude(password="").order_by("organisation__slug", "pk")
)
found = []
for person in people:
    manages = []
    if Role.TEAM_MANAGER in person.roles:
        manages = sorted(access.people_managed_by(person).values_list("email", flat=True))
    found.append({"email": person.email, "roles": sorted(person.roles), "manages": manages})
print("LOAD-JSON " + json.dumps({"password": demo.DEMO_PASSWORD, "named": named, "people": found}))
"""

# Run inside Django at the end: what the load wrote, and how the task worker kept up with
# what it queued (``{since}``: when the load began).
FACTS = """
import json
from django.db.models import Count
from django_tasks_db.models import DBTaskResult
from learning_catalogue.models import SessionPlace
from planner.models import Booking
from teams.models import Person
marker = "[load] "
# Only what the load queued: the seed's own tasks were done before it started.
load_tasks = DBTaskResult.objects.filter(enqueued_at__gte="{since}")
print("LOAD-JSON " + json.dumps({
    "people": Person.objects.count(),
    "bookings": Booking.objects.count(),
    "asked_by_load": dict(Booking.objects.filter(title__startswith=marker)
                          .values_list("status").annotate(n=Count("pk"))),
    "places": dict(SessionPlace.objects.values_list("status").annotate(n=Count("pk"))),
    "tasks": dict(load_tasks.values_list("status").annotate(n=Count("pk"))),
    "failed": [f"{task.task_path}: {task.traceback[-1500:]}"
               for task in load_tasks.filter(status="FAILED")[:3]],
}))
"""

# Production settings as they are, except where collectstatic writes: the settings fix
# STATIC_ROOT inside the repository, and a benchmark must not touch the work tree.
SETTINGS_MODULE = """
import os
from pathlib import Path

from config.settings import *  # noqa: F403

STATIC_ROOT = Path(os.environ["LOAD_STATIC_ROOT"])
"""


class StopRun(Exception):
    """The run is over (time, request budget or Ctrl-C): the virtual user stops."""


class SignInFailed(Exception):
    """A sign-in did not succeed; the user stops rather than retry and risk a lock-out."""


# --- results ---------------------------------------------------------------------------------


@dataclasses.dataclass
class ErrorRecord:
    step: str
    method: str
    path: str
    what: str
    body: str


class Stats:
    """Latencies per step, errors and the request budget, shared by every virtual user."""

    def __init__(self, max_requests: int) -> None:
        self.lock = threading.Lock()
        self.max_requests = max_requests
        self.requests = 0
        self.latencies: dict[str, list[float]] = collections.defaultdict(list)
        # Requests begun once every user has started: the steady state, apart from the
        # sign-ins (each a deliberately slow password hash) that crowd the ramp-up.
        self.steady_from = math.inf
        self.steady: dict[str, list[float]] = collections.defaultdict(list)
        self.step_errors: collections.Counter[str] = collections.Counter()
        self.errors: list[ErrorRecord] = []
        self.outcomes: collections.Counter[str] = collections.Counter()
        self.budget_spent = threading.Event()

    def take(self) -> bool:
        """Reserves one request of the budget; False once it is spent."""
        with self.lock:
            if self.requests >= self.max_requests:
                self.budget_spent.set()
                return False
            self.requests += 1
            return True

    def record(self, step: str, seconds: float, began: float) -> None:
        with self.lock:
            self.latencies[step].append(seconds)
            if began >= self.steady_from:
                self.steady[step].append(seconds)

    def error(self, step: str, method: str, path: str, what: str, body: str = "") -> None:
        with self.lock:
            self.step_errors[step] += 1
            self.errors.append(ErrorRecord(step, method, path, what, body))

    def outcome(self, name: str) -> None:
        with self.lock:
            self.outcomes[name] += 1


def percentile(ordered: list[float], share: float) -> float:
    """Nearest-rank percentile of a sorted list."""
    if not ordered:
        return float("nan")
    return ordered[max(0, math.ceil(share / 100 * len(ordered)) - 1)]


# --- the HTTP client: one per virtual user ---------------------------------------------------


@dataclasses.dataclass
class Page:
    status: int
    location: str
    text: str


class Browser:
    """A browser's worth of HTTP: one keep-alive connection, its own cookies, the static files
    it has already fetched, and the headers the TLS proxy in front of the site would add."""

    def __init__(self, port: int, stats: Stats, stop: threading.Event, client_address: str) -> None:
        self.port = port
        self.stats = stats
        self.stop = stop
        self.client_address = client_address
        self.origin = f"https://{HOST}:{port}"
        self.connection: http.client.HTTPConnection | None = None
        self.last_used = 0.0
        self.cookies: dict[str, str] = {}
        self.static_seen: set[str] = set()
        self.referer = "/"

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def _headers(self, method: str, accept: str) -> dict[str, str]:
        headers = {
            "Host": f"{HOST}:{self.port}",
            "User-Agent": "protected-time-load/1",
            "Accept": accept,
            "Accept-Language": "en-GB",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.client_address,
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if method == "POST":
            # What a browser sends with a form: Django's CSRF check compares the origin.
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + self.referer
        return headers

    def _keep_cookies(self, response: http.client.HTTPResponse) -> None:
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = http.cookies.SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def _send(
        self, method: str, path: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[http.client.HTTPResponse, bytes, float]:
        """One request and its whole body, timed; a keep-alive connection the server closed
        while idle is reopened once (it failed before the server read anything)."""
        if (
            self.connection is not None
            and time.monotonic() - self.last_used > IDLE_RECONNECT_SECONDS
        ):
            self.close()
        for attempt in range(2):
            reused = self.connection is not None
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    HOST, self.port, timeout=REQUEST_TIMEOUT
                )
            started = time.perf_counter()
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if reused and attempt == 0:
                    continue
                raise
            except Exception:
                self.close()
                raise
            elapsed = time.perf_counter() - started
            self.last_used = time.monotonic()
            if response.will_close:
                self.close()
            return response, data, elapsed
        raise AssertionError("unreachable")

    def request(
        self,
        step: str,
        method: str,
        path: str,
        form: dict[str, str] | None = None,
        *,
        expect: tuple[int, ...] = (200,),
        accept: str = "text/html",
    ) -> Page | None:
        """Sends one request as ``step``; None if it failed (already recorded as an error)."""
        if self.stop.is_set() or not self.stats.take():
            raise StopRun
        body = urllib.parse.urlencode(form).encode() if form is not None else None
        began = time.monotonic()
        try:
            response, data, elapsed = self._send(method, path, body, self._headers(method, accept))
        except (OSError, http.client.HTTPException) as error:
            self.stats.error(step, method, path, f"connection error: {error!r}")
            return None
        self.stats.record(step, elapsed, began)
        self._keep_cookies(response)
        if response.headers.get("Content-Encoding") == "gzip":
            data = gzip.decompress(data)
        content_type = response.headers.get("Content-Type", "")
        text = data.decode("utf-8", "replace") if content_type.startswith("text/html") else ""
        location = response.headers.get("Location", "")
        if location:
            target = urllib.parse.urlsplit(location)
            if target.hostname not in (None, HOST):
                # Never followed: the benchmark talks to 127.0.0.1 only.
                self.stats.error(step, method, path, f"{response.status} to {location}")
                return None
            location = target.path + (f"?{target.query}" if target.query else "")
        if response.status >= 400 or response.status not in expect:
            what = f"{response.status} {response.reason}"
            if location:
                what += f" to {location}"
            snippet = text or data[:400].decode("utf-8", "replace")
            self.stats.error(step, method, path, what, _readable(snippet))
            return None
        if method == "GET" and response.status == 200:
            self.referer = path
        return Page(response.status, location, text)

    def get(self, step: str, path: str, *, expect: tuple[int, ...] = (200,)) -> Page | None:
        page = self.request(step, "GET", path, expect=expect)
        if page is not None and page.text:
            self.fetch_static(page.text)
        return page

    def post(
        self, step: str, path: str, form: dict[str, str], *, follow: str | None = None
    ) -> Page | None:
        """Posts a form as the browser would, and loads the page it is sent to (``follow``)."""
        page = self.request(step, "POST", path, form, expect=(200, 302, 303))
        if page is not None and follow and page.status in (302, 303) and page.location:
            self.get(follow, page.location)
        return page

    def fetch_static(self, html: str) -> None:
        """The stylesheets, scripts and images a page links to, once per user: a browser
        caches them (WhiteNoise marks hashed files as cacheable for ever)."""
        for path in dict.fromkeys(STATIC_RE.findall(html)):
            if path in self.static_seen:
                continue
            self.static_seen.add(path)
            self.request("static file (first visit)", "GET", path, accept="*/*")


def _readable(html: str) -> str:
    """The gist of an error page: its title and headings, not its markup."""
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    errors = re.findall(r'class="govuk-error-summary__list".*?</ul>', html, re.S)
    parts = [title.group(1) if title else "", *headings, *errors]
    text = " | ".join(re.sub(r"<[^>]+>|\s+", " ", part).strip() for part in parts if part)
    return (text or re.sub(r"\s+", " ", html))[:400]


def csrf_token(page: Page | None) -> str | None:
    match = CSRF_RE.search(page.text) if page is not None else None
    return match.group(1) if match else None


# --- who the virtual users are ---------------------------------------------------------------


@dataclasses.dataclass
class Person:
    email: str
    roles: list[str]
    manages: list[str]


@dataclasses.dataclass
class Assignment:
    role: str
    email: str
    approver: str | None = None  # for a practitioner: the manager who decides their requests


def assign(users: int, people: list[Person], named: list[str]) -> list[Assignment]:
    """Hands the demo people out to the virtual users, role by role (``ROTA``): the named demo
    logins first, managers from team managers up, and practitioners from the teams of the
    managers who are signed in, so somebody approves every request."""
    order = {email: index for index, email in enumerate(named)}

    def ranked(pool: list[Person], key: Callable[[Person], object] = lambda p: 0) -> list[Person]:
        return sorted(pool, key=lambda p: (order.get(p.email, len(order)), key(p)))

    admins = ranked([p for p in people if "org_admin" in p.roles])
    leads = ranked([p for p in people if "ld_lead" in p.roles])
    managers = ranked(
        [p for p in people if "team_manager" in p.roles and p.manages], lambda p: len(p.manages)
    )
    active = {p.email for p in people}
    practitioners = [p for p in people if set(p.roles) == {"practitioner"}]
    if not practitioners:
        raise SystemExit("The demo has no practitioner who can sign in.")

    roles = [ROTA[index % len(ROTA)] for index in range(users)]
    pools = {"admin": admins, "ld": leads, "manager": managers}
    roles = [role if role == "practitioner" or pools[role] else "practitioner" for role in roles]
    chosen_managers = [
        managers[index % len(managers)] for index in range(sum(role == "manager" for role in roles))
    ]

    def approver_of(person: Person) -> str | None:
        # The closest manager: the one managing the fewest people who include this one.
        deciding = [m for m in chosen_managers if person.email in m.manages]
        return min(deciding, key=lambda m: len(m.manages)).email if deciding else None

    # Practitioners taken in turn from each signed-in manager's team, so load and approvals
    # spread over the teams; without a manager, from everyone.
    by_manager: dict[str | None, list[Person]] = collections.defaultdict(list)
    for person in ranked(practitioners):
        if person.email in active:
            by_manager[approver_of(person)].append(person)
    if chosen_managers:
        emails = dict.fromkeys(manager.email for manager in chosen_managers)
        groups = [by_manager[email] for email in emails if by_manager[email]]
    else:
        groups = [by_manager[None]]
    interleaved = [p for row in itertools.zip_longest(*groups) for p in row if p is not None]
    interleaved = interleaved or ranked(practitioners)

    counters = collections.Counter[str]()
    assignments = []
    for role in roles:
        pool = {"practitioner": interleaved, "manager": chosen_managers}.get(role) or pools[role]
        person = pool[counters[role] % len(pool)]
        counters[role] += 1
        approver = approver_of(person) if role == "practitioner" else None
        assignments.append(Assignment(role, person.email, approver))
    return assignments


# --- what each role does ---------------------------------------------------------------------


class Shared:
    """What the virtual users share: requests waiting for each manager (as the email telling
    the manager would), and each person's next free slot, so two users signed in as the same
    person do not ask for the same time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending: dict[str, queue.SimpleQueue[int]] = {}
        self.next_slot: collections.Counter[str] = collections.Counter()

    def waiting_for(self, manager: str) -> queue.SimpleQueue[int]:
        with self.lock:
            return self.pending.setdefault(manager, queue.SimpleQueue())

    def slot(self, email: str) -> int:
        with self.lock:
            number = self.next_slot[email]
            self.next_slot[email] += 1
            return number


def slot_time(number: int, first_day: datetime.date) -> tuple[datetime.date, str, str]:
    """The ``number``-th slot from ``first_day``: four a working day."""
    day = first_day
    remaining = number // len(SLOTS)
    while day.weekday() >= 5 or remaining:
        if day.weekday() < 5:
            remaining -= 1
        day += datetime.timedelta(days=1)
    start, end = SLOTS[number % len(SLOTS)]
    return day, start, end


class VirtualUser(threading.Thread):
    def __init__(
        self,
        index: int,
        assignment: Assignment,
        *,
        password: str,
        port: int,
        stats: Stats,
        shared: Shared,
        stop: threading.Event,
        start_at: float,
        think: float,
    ) -> None:
        super().__init__(name=f"user-{index}", daemon=True)
        self.index = index
        self.assignment = assignment
        self.password = password
        self.stats = stats
        self.shared = shared
        self.stop = stop
        self.start_at = start_at
        self.think_seconds = think
        self.random = random.Random(index)
        # Documentation addresses (RFC 5737): each user looks like its own client behind the
        # proxy, as sign-in protection counts them.
        client = f"198.51.100.{index % 250 + 1}" if index < 250 else f"203.0.113.{index % 250 + 1}"
        self.browser = Browser(port, stats, stop, client)
        self.team_ids: list[str] = []
        self.first_day = datetime.date.today() + datetime.timedelta(days=21)

    def think(self) -> None:
        """A person reading the page before the next click."""
        if self.think_seconds and self.stop.wait(
            self.random.uniform(0.5, 1.5) * self.think_seconds
        ):
            raise StopRun

    def run(self) -> None:
        try:
            if self.stop.wait(max(0.0, self.start_at - time.monotonic())):
                return
            self.sign_in()
            journey = {
                "practitioner": self.practitioner,
                "manager": self.manager,
                "ld": self.ld_lead,
                "admin": self.admin,
            }[self.assignment.role]
            while True:
                self.think()
                journey()
        except (StopRun, SignInFailed):
            pass
        except Exception:  # a fault in the benchmark itself must show, not end a user quietly
            self.stats.error("benchmark", "-", "-", "client fault", traceback.format_exc()[-600:])
        finally:
            self.browser.close()

    def sign_in(self) -> None:
        page = self.browser.get("sign in (page)", "/sign-in/")
        token = csrf_token(page)
        if token is None:
            raise SignInFailed
        self.think()
        form = {"csrfmiddlewaretoken": token, "username": self.assignment.email}
        form |= {"password": self.password, "next": ""}
        # Checked by hand rather than followed blindly: a 200 means the form came back with
        # "Enter a correct work email and password", which must never be retried.
        result = self.browser.request("sign in (post)", "POST", "/sign-in/", form, expect=(302,))
        if result is None:
            raise SignInFailed
        self.browser.get("home", result.location or "/")

    # Practitioners: the catalogue, a place on a session, and protected time for it.

    def practitioner(self) -> None:
        self.browse_catalogue()
        self.think()
        self.book_a_place()
        self.think()
        self.browser.get("my protected time", "/protected-time/mine/")
        self.think()
        self.ask_for_time()
        if self.random.random() < 0.3:
            self.think()
            self.browser.get("my places", "/learning/my/")

    def browse_catalogue(self) -> None:
        """Home, the catalogue, then a search for one of the catalogue's words."""
        self.browser.get("home", "/")
        self.think()
        self.browser.get("catalogue", "/learning/")
        self.think()
        word = self.random.choice(SEARCH_WORDS)
        self.browser.get("catalogue search", "/learning/?" + urllib.parse.urlencode({"q": word}))

    def book_a_place(self) -> None:
        listing = self.browser.get("catalogue (soonest)", "/learning/?sort=soonest")
        ids = list(dict.fromkeys(ACTIVITY_RE.findall(listing.text))) if listing else []
        self.random.shuffle(ids)
        for activity in ids[:3]:  # some activities are self-paced or full: look at a few
            self.think()
            path = f"/learning/activities/{activity}/"
            page = self.browser.get("activity", path)
            offers = BOOK_RE.findall(page.text) if page else []
            token = csrf_token(page)
            if not offers or token is None:
                continue
            free = [session for session, label in offers if label.startswith("Book")]
            session = (free or [session for session, _ in offers])[0]
            self.think()
            self.stats.outcome("place booked" if free else "joined a waiting list")
            self.browser.post(
                "book a place",
                f"/learning/sessions/{session}/book/",
                {"csrfmiddlewaretoken": token, "next": path},
                follow="activity (after booking)",
            )
            return
        self.stats.outcome("no session to book among the activities looked at")

    def ask_for_time(self) -> None:
        form_page = self.browser.get("ask for time (form)", "/protected-time/mine/request/")
        token = csrf_token(form_page)
        if token is None:
            return
        for _attempt in range(2):  # a clash with the person's own booking: another time
            day, start, end = slot_time(self.shared.slot(self.assignment.email), self.first_day)
            self.think()
            form = {
                "csrfmiddlewaretoken": token,
                "title": f"[load] Reading for {self.random.choice(SEARCH_WORDS)}",
                "purpose": self.random.choice(PURPOSES),
                "day_day": str(day.day),
                "day_month": str(day.month),
                "day_year": str(day.year),
                "start_time": start,
                "end_time": end,
                "notes": "",
            }
            page = self.browser.post("ask for time (post)", "/protected-time/mine/request/", form)
            if page is None:
                return
            created = BOOKING_RE.search(page.location) if page.status == 302 else None
            if created is None:
                self.stats.outcome("ask refused, form shown again (overlap)")
                token = csrf_token(page) or token
                continue
            self.stats.outcome("asked for time")
            if self.assignment.approver:
                self.shared.waiting_for(self.assignment.approver).put(int(created.group(1)))
            self.browser.get("booking page", page.location)
            return

    # Managers: their team's planner week, and the requests waiting for them.

    def manager(self) -> None:
        self.browser.get("home", "/")
        self.think()
        self.planner_week()
        pending = self.shared.waiting_for(self.assignment.email)
        for _ in range(3):
            try:
                booking = pending.get_nowait()
            except queue.Empty:
                break
            self.think()
            path = f"/protected-time/bookings/{booking}/"
            token = csrf_token(self.browser.get("booking page", path))
            if token is None:
                continue
            self.think()
            self.stats.outcome("approved")
            self.browser.post(
                "approve", f"{path}approve/", {"csrfmiddlewaretoken": token}, follow="booking page"
            )
        if self.random.random() < 0.3:
            self.think()
            self.browser.get("catalogue", "/learning/")

    def planner_week(self) -> None:
        page = self.browser.get("planner teams", "/protected-time/teams/")
        if page is not None and not self.team_ids:
            self.team_ids = list(dict.fromkeys(TEAM_RE.findall(page.text)))
        if not self.team_ids:
            return
        self.think()
        # Mostly their own (first) team this week; now and then another team or next week.
        team = self.team_ids[0] if self.random.random() < 0.7 else self.random.choice(self.team_ids)
        query = {"view": "week"}
        if self.random.random() < 0.3:
            query["start"] = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()
        path = f"/protected-time/teams/{team}/?" + urllib.parse.urlencode(query)
        self.browser.get("planner week", path)

    # The L&D lead and the org admin: their own pages.

    def ld_lead(self) -> None:
        self.browse_catalogue()
        self.think()
        self.browser.get("learning needs summary", "/learning/manage/needs/")
        self.think()
        self.browser.get("publishing", "/learning/manage/")
        self.think()
        self.planner_week()

    def admin(self) -> None:
        self.browser.get("home", "/")
        self.think()
        self.browser.get("people", "/organisation/people/")
        self.think()
        name = self.random.choice(["smith", "patel", "jones", "khan", "walsh"])
        self.browser.get(
            "people search", "/organisation/people/?" + urllib.parse.urlencode({"q": name})
        )
        self.think()
        self.browser.get("teams", "/organisation/teams/")
        self.think()
        self.browser.get("audit log", "/organisation/audit/")


# --- the database and the processes ----------------------------------------------------------


def throwaway_database(database_url: str) -> tuple[str, str, str]:
    """The URL of a ``test_..._load`` database beside the one named, the URL of the server's
    maintenance database, and the throwaway database's name."""
    parts = urllib.parse.urlsplit(database_url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise SystemExit("The load benchmark runs on PostgreSQL: DATABASE_URL must be postgres://")
    if parts.hostname not in LOCAL_DATABASE_HOSTS:
        raise SystemExit(f"Refusing to create and drop a database on {parts.hostname}: local only.")
    name = parts.path.lstrip("/") or "protected_time"
    throwaway = f"test_{name}_load"
    return (
        urllib.parse.urlunsplit(parts._replace(path=f"/{throwaway}")),
        urllib.parse.urlunsplit(parts._replace(path="/postgres")),
        throwaway,
    )


def run_sql(maintenance_url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(statement)


def manage(env: dict[str, str], log: Path, *args: str, timeout: float = 900) -> str:
    """Runs a management command, its output appended to ``log``; stops the benchmark with the
    output's end if it fails."""
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    with log.open("a") as handle:
        handle.write(f"$ manage.py {' '.join(args)}\n{result.stdout}{result.stderr}\n")
    if result.returncode != 0:
        raise SystemExit(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}"
        )
    return result.stdout


def json_from(output: str) -> dict[str, object]:
    for line in output.splitlines():
        if line.startswith("LOAD-JSON "):
            return json.loads(line.removeprefix("LOAD-JSON "))
    raise SystemExit(f"No result from the Django script:\n{output[-2000:]}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Services:
    """gunicorn and the task worker, each in its own process group so stopping one stops its
    children too, and only what this benchmark started."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.started: list[tuple[str, subprocess.Popen[bytes]]] = []

    def start(self, name: str, argv: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        with (self.logs / f"{name}.log").open("ab") as log:
            process = subprocess.Popen(
                argv,
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.started.append((name, process))
        return process

    def stop(self) -> None:
        for _name, process in self.started:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for _name, process in self.started:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        self.started.clear()


def wait_until_serving(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped ({process.returncode}):\n{tail(log, 40)}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=5)
            connection.request(
                "GET", "/sign-in/", headers={"Host": f"{HOST}:{port}", "X-Forwarded-Proto": "https"}
            )
            status = connection.getresponse().status
            connection.close()
            if status == 200:
                return
            raise SystemExit(f"gunicorn answered {status} for /sign-in/:\n{tail(log, 40)}")
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer within 90 seconds:\n{tail(log, 40)}")


def tail(path: Path, lines: int) -> str:
    if not path.exists():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def tracebacks(path: Path, limit: int = 3) -> list[str]:
    """The server's tracebacks (Django logs each 500 with one), for the report."""
    if not path.exists():
        return []
    found = []
    for block in re.split(r"\n(?=\S)", path.read_text(errors="replace")):
        if "Traceback (most recent call last)" in block:
            found.append(block.strip()[-2500:])
    return found[:limit]


# --- facts and the report --------------------------------------------------------------------


def machine() -> dict[str, str]:
    facts = {
        "cores": str(os.cpu_count()),
        "usable cores": str(len(os.sched_getaffinity(0))),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }
    with contextlib.suppress(OSError):
        cpuinfo = Path("/proc/cpuinfo").read_text()
        model = re.search(r"model name\s*:\s*(.+)", cpuinfo)
        if model:
            facts["cpu"] = model.group(1).strip()
    with contextlib.suppress(OSError, AttributeError, IndexError):
        kilobytes = int(Path("/proc/meminfo").read_text().split()[1])
        facts["memory"] = f"{kilobytes / 1024 / 1024:.1f} GiB"
    return facts


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def latency_cells(timings: list[float]) -> str:
    """p50, p95, p99 and the longest, in milliseconds, of sorted timings."""
    cells = [percentile(timings, share) for share in (50, 95, 99)]
    cells.append(timings[-1] if timings else float("nan"))
    return "".join(f"{milliseconds(cell):>9}" for cell in cells)


def milliseconds(seconds: float) -> str:
    return "-" if math.isnan(seconds) else f"{seconds * 1000:.0f}"


def report(stats: Stats, wall: float) -> None:
    steps = sorted(stats.latencies.keys() | stats.step_errors.keys())
    header = (
        f"{'step':<32}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'max ms':>9}{'steady p95':>11}"
    )
    print(header)
    print("-" * len(header))
    everything: list[float] = []
    steady: list[float] = []
    for step in steps:
        timings = sorted(stats.latencies.get(step, []))
        everything.extend(timings)
        steady.extend(stats.steady.get(step, []))
        steady_p95 = milliseconds(percentile(sorted(stats.steady.get(step, [])), 95))
        print(
            f"{step:<32}{len(timings):>9}{stats.step_errors[step]:>8}"
            f"{latency_cells(timings)}{steady_p95:>11}"
        )
    everything.sort()
    steady.sort()
    print("-" * len(header))
    print(
        f"{'all requests':<32}{len(everything):>9}{len(stats.errors):>8}"
        f"{latency_cells(everything)}{milliseconds(percentile(steady, 95)):>11}"
    )
    print(f"{'after ramp-up (steady state)':<32}{len(steady):>9}{'':>8}{latency_cells(steady)}")
    print(
        f"\nRequests: {stats.requests:,} in {wall:.1f} s = {stats.requests / wall:.1f} requests per"
        f" second; errors: {len(stats.errors)}"
    )
    if stats.outcomes:
        print(
            "What the users did: "
            + ", ".join(f"{name} {n}" for name, n in sorted(stats.outcomes.items()))
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--users", type=int, default=50, help=f"virtual users, 1 to {MAX_USERS} (default 50)")
    add("--duration", type=float, default=60, help="seconds of load, ramp-up included (60)")
    add("--ramp", type=float, help="seconds over which users start (a quarter, at most 15)")
    add("--think", type=float, default=2.0, help="mean seconds between clicks; 0: none (2)")
    add("--max-requests", type=int, default=50_000, help="hard cap on requests (50,000)")
    add("--workers", type=int, default=4, help="gunicorn worker processes (4)")
    add("--threads", type=int, default=2, help="threads per gunicorn worker (2)")
    add("--scale-people", type=int, default=1000, help="seed_scale people; 0: none (1000)")
    add("--keep-logs", action="store_true", help="keep the logs folder even with no error")
    args = parser.parse_args()
    if not 1 <= args.users <= MAX_USERS:
        parser.error(f"--users must be between 1 and {MAX_USERS}")
    if not 1 <= args.duration <= MAX_DURATION:
        parser.error(f"--duration must be between 1 and {MAX_DURATION} seconds")
    if args.ramp is None:
        # People arrive over a while, not in one instant; the rest of the run is steady state.
        args.ramp = min(15.0, args.duration / 4)
    if not 0 <= args.ramp <= args.duration:
        parser.error("--ramp must be between 0 and the duration")
    if not 1 <= args.max_requests <= MAX_REQUESTS:
        parser.error(f"--max-requests must be between 1 and {MAX_REQUESTS}")
    if not (1 <= args.workers <= 16 and 1 <= args.threads <= 16 and 0 <= args.think <= 60):
        parser.error("--workers and --threads must be 1 to 16, --think 0 to 60")

    # The pages link the built CSS and JavaScript: without them production answers 500.
    if not any((ROOT / "static" / "dist").glob("*.css")):
        parser.error("build the assets first: npm ci && ./scripts/build-assets.sh")

    # Ctrl-C and a plain kill both end in the clean-up below.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    database_url, maintenance_url, database = throwaway_database(
        os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    logs = Path(tempfile.mkdtemp(prefix="protected-time-load-"))
    services = Services(logs)
    setup_log = logs / "setup.log"
    errors = 1  # until the run completes: a run stopped early keeps its logs and exits 1
    created = False
    try:
        print(f"Machine: {', '.join(f'{k} {v}' for k, v in machine().items())}")
        print(f"Load average before: {load_average()}")
        run_sql(maintenance_url, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        run_sql(maintenance_url, f'CREATE DATABASE "{database}"')
        created = True
        # Seeding runs as development does (seed_demo is a developer's command); serving runs
        # as production does.
        setup_env = os.environ | {
            "DATABASE_URL": database_url,
            "DJANGO_ENV": "development",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "LOG_LEVEL": "WARNING",
        }
        started = time.perf_counter()
        print(f"Database: {database} (throwaway); migrating and seeding...", flush=True)
        manage(setup_env, setup_log, "migrate", "--no-input")
        manage(setup_env, setup_log, "seed_demo")
        if args.scale_people:
            manage(setup_env, setup_log, "seed_scale", "--people", str(args.scale_people))
        found = json_from(manage(setup_env, setup_log, "shell", "-c", DISCOVER))
        (logs / "people.json").write_text(json.dumps(found, indent=1))

        (logs / "load_settings.py").write_text(SETTINGS_MODULE)
        serve_env = os.environ | {
            "DATABASE_URL": database_url,
            "DJANGO_ENV": "production",
            "DJANGO_SETTINGS_MODULE": "load_settings",
            "PYTHONPATH": os.pathsep.join([str(logs), str(ROOT)]),
            "LOAD_STATIC_ROOT": str(logs / "static"),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "TRUSTED_PROXY_COUNT": "1",
            "SITE_URL": "https://127.0.0.1",
            # Notifications go to the worker's log: no mail leaves the machine.
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "LOG_LEVEL": "WARNING",
        }
        serve_env.pop("DJANGO_DEBUG", None)
        manage(serve_env, setup_log, "collectstatic", "--no-input")
        # Work the seed queued is done first, so the worker keeps up with the load's alone.
        manage(serve_env, setup_log, "db_worker", "--batch", "--no-startup-delay")
        print(f"Seeded and collected static files in {time.perf_counter() - started:.0f} s.")

        port = free_port()
        gunicorn = services.start(
            "gunicorn",
            [
                GUNICORN,
                "config.wsgi",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(args.workers),
                "--threads",
                str(args.threads),
                # Nothing here uses gunicorn's control socket, which would be shared in ~/.
                "--no-control-socket",
            ],
            serve_env,
        )
        services.start("db_worker", [PYTHON, "manage.py", "db_worker"], serve_env)
        wait_until_serving(port, gunicorn, logs / "gunicorn.log")

        people = [Person(**person) for person in found["people"]]  # type: ignore[arg-type]
        assignments = assign(args.users, people, list(found["named"]))  # type: ignore[arg-type]
        roles = collections.Counter(a.role for a in assignments)
        print(
            f"Server: gunicorn config.wsgi on {HOST}:{port}, {args.workers} workers x "
            f"{args.threads} threads, DJANGO_ENV=production behind a simulated TLS proxy, "
            f"1 db_worker; {len(people)} demo people can sign in"
        )
        print(
            f"Load: {args.users} users ({', '.join(f'{n} {r}' for r, n in roles.most_common())}),"
            f" {len({a.email for a in assignments})} distinct people; ramp {args.ramp:g} s,"
            f" think {args.think:g} s mean, {args.duration:g} s, at most {args.max_requests:,}"
            " requests",
            flush=True,
        )

        stats = Stats(args.max_requests)
        shared = Shared()
        stop = threading.Event()
        since = datetime.datetime.now(datetime.UTC).isoformat()
        began = time.monotonic()
        stats.steady_from = began + args.ramp
        users = [
            VirtualUser(
                index,
                assignment,
                password=str(found["password"]),
                port=port,
                stats=stats,
                shared=shared,
                stop=stop,
                start_at=began + args.ramp * index / args.users,
                think=args.think,
            )
            for index, assignment in enumerate(assignments)
        ]
        for user in users:
            user.start()
        interrupted = False
        try:
            deadline = began + args.duration
            while time.monotonic() < deadline and not stats.budget_spent.is_set():
                if not any(user.is_alive() for user in users):
                    break
                time.sleep(0.2)
        except KeyboardInterrupt:
            # Stopped early: what was measured so far is still reported (and the exit is 1).
            interrupted = True
            print("\nInterrupted: reporting what was measured so far.")
        finally:
            stop.set()
            for user in users:
                user.join(timeout=REQUEST_TIMEOUT + 5)
        wall = time.monotonic() - began
        load_after = load_average()

        # Give the worker a moment to send what the last requests queued, then count.
        time.sleep(3)
        facts = json_from(
            manage(setup_env, setup_log, "shell", "-c", FACTS.replace("{since}", since))
        )
        print()
        report(stats, wall)
        unapproved = sum(q.qsize() for q in shared.pending.values())
        print(f"Requests left for a manager when the run ended: {unapproved}")
        print(
            f"Database after: {facts['people']} people, {facts['bookings']} bookings; asked by "
            f"the load, by status: {facts['asked_by_load']}; places by status: {facts['places']}"
        )
        tasks = facts["tasks"]
        print(f"Background tasks by status: {tasks}")
        print(f"Load average after: {load_after}")
        failed_tasks = int(tasks.get("FAILED", 0)) if isinstance(tasks, dict) else 0
        errors = len(stats.errors) + failed_tasks + interrupted
        if stats.errors:
            print(f"\nFirst {min(SHOWN_ERRORS, len(stats.errors))} of {len(stats.errors)} errors:")
            for record in stats.errors[:SHOWN_ERRORS]:
                print(f"- [{record.step}] {record.method} {record.path}: {record.what}")
                if record.body:
                    print(f"    {record.body}")
        if failed_tasks:
            print(f"\n{failed_tasks} background tasks failed: see {logs / 'db_worker.log'}")
            for failure in facts.get("failed", []):
                print(f"- {failure}")
        for found_traceback in tracebacks(logs / "gunicorn.log"):
            print(f"\nServer traceback (gunicorn.log):\n{found_traceback}")
    except KeyboardInterrupt:
        print("\nInterrupted: stopping the server and dropping the database.")
    finally:
        services.stop()
        if created:
            try:
                run_sql(maintenance_url, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            except Exception as error:
                print(f"Could not drop {database}: {error}")
        if errors or args.keep_logs:
            print(f"Logs kept in {logs}")
        else:
            shutil.rmtree(logs, ignore_errors=True)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
