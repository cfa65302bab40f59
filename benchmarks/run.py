"""Scale benchmarks: ``make benchmarks`` (or ``python benchmarks/run.py [--sizes 1000,10000]``).

Creates a throwaway database (a temporary SQLite file, or a ``test_`` database beside the one
``DATABASE_URL`` names), seeds one synthetic organisation per size with ``seed_scale`` and
measures, for each size:

- seed time;
- the people list page (first page, as the org admin, through the test client): queries and time;
- ``people_visible_to`` for a service manager (about 240 people at every size): count and time.

Each figure is printed with its ratio to the smallest size in the same run, so the numbers
compare runs on different machines: a list page whose time or query count grows with the size of
the organisation shows up as a ratio well above 1.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SIZES = (1_000, 10_000, 100_000)
REPEATS = 5


def configure(tmp: Path) -> None:
    """Points Django at a throwaway database before it is set up."""
    os.environ.setdefault("DJANGO_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'benchmarks.sqlite3'}"
        # The test database is the one that is created and thrown away: keep it on disk, as a
        # real SQLite deployment would be, rather than in memory.
        os.environ["TEST_DATABASE_NAME"] = str(tmp / "benchmarks-test.sqlite3")


def best_of(action: Callable[[], object]) -> float:
    """Median seconds over a few runs after one warm-up (caches, query plans)."""
    action()
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def measure(size: int) -> dict[str, float]:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from teams import access
    from teams.management.commands.seed_scale import admin_email, service_manager_email
    from teams.models import Person

    slug = f"bench-{size}"
    started = time.perf_counter()
    call_command("seed_scale", "--people", str(size), "--organisation", slug, stdout=io.StringIO())
    seed_seconds = time.perf_counter() - started

    client = Client()
    client.force_login(Person.objects.get(email=admin_email(slug)))
    url = reverse("teams:people")

    def people_page() -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    with CaptureQueriesContext(connection) as queries:
        people_page()
    # Counted now: the next request resets the connection's query log that ``queries`` reads.
    page_queries = len(queries)
    page_seconds = best_of(people_page)

    manager = Person.objects.get(email=service_manager_email(slug))
    visible = 0

    def visible_people() -> None:
        nonlocal visible
        manager.__dict__.pop("roles", None)
        visible = len(list(access.people_visible_to(manager).values_list("pk", flat=True)))

    selector_seconds = best_of(visible_people)
    return {
        "seed (s)": seed_seconds,
        "people page queries": page_queries,
        "people page (ms)": page_seconds * 1000,
        "visible to service manager": visible,
        "people_visible_to (ms)": selector_seconds * 1000,
    }


def report(results: dict[int, dict[str, float]]) -> None:
    sizes = sorted(results)
    baseline = results[sizes[0]]
    header = f"{'measure':<28}" + "".join(f"{size:>22,}" for size in sizes)
    print(header)
    print("-" * len(header))
    for name in baseline:
        cells = []
        for size in sizes:
            value = results[size][name]
            ratio = value / baseline[name] if baseline[name] else float("nan")
            shown = f"{value:,.0f}" if value >= 100 or value == int(value) else f"{value:,.2f}"
            cells.append(f"{shown} (x{ratio:.2f})".rjust(22))
        print(f"{name:<28}" + "".join(cells))
    print(f"\nRatios are against {sizes[0]:,} people in this run.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(size) for size in DEFAULT_SIZES),
        help="Comma-separated numbers of people (default 1000,10000,100000).",
    )
    sizes = sorted(int(size) for size in parser.parse_args().sizes.split(","))

    with tempfile.TemporaryDirectory(prefix="protected-time-bench-") as tmp:
        configure(Path(tmp))
        import django

        django.setup()
        from django.db import connection
        from django.test.utils import setup_test_environment

        setup_test_environment()  # the test client's host, in-memory email

        print(f"Database: {connection.vendor} (throwaway); sizes: {', '.join(map(str, sizes))}")
        test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            results = {}
            for size in sizes:
                results[size] = measure(size)
                print(f"  {size:,} people: seeded in {results[size]['seed (s)']:.1f}s")
            print()
            report(results)
        finally:
            connection.creation.destroy_test_db(test_database, verbosity=0)


if __name__ == "__main__":
    main()
