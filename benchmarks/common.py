"""What every scale benchmark shares: a throwaway database, the median of a few timed runs, a
page's queries and time, the table of ratios against the smallest size, and the command line
that runs the sizes asked for (``run_sizes``)."""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPEATS = 5

Results = dict[str, float]


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


def page_costs(results: Results, name: str, client: object, url: str) -> object:
    """Gets ``url`` as ``client`` (it must answer 200): the first request's queries go into
    ``results`` as ``{name} queries`` and the median time as ``{name} (ms)``. Returns the first
    response."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def page() -> object:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    with CaptureQueriesContext(connection) as queries:
        response = page()
    # Counted now: the next request resets the connection's query log that ``queries`` reads.
    results[f"{name} queries"] = len(queries)
    results[f"{name} (ms)"] = best_of(page) * 1000
    return response


def report(results: dict[int, Results], against: str = "people in this run") -> None:
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
    print(f"\nRatios are against {sizes[0]:,} {against}.")


@dataclass(frozen=True)
class Sizes:
    """What a benchmark's sizes count: the sizes run by default, what they are (for ``--sizes``
    and the database line), a seeded size's name and what the ratios are against."""

    default: tuple[int, ...]
    are: str
    database_note: str
    named: Callable[[int, Results], str]
    against: str = "people in this run"


def run_sizes(doc: str, measure: Callable[[int], Results], sizes: Sizes) -> None:
    """The command line of a scale benchmark: ``--sizes``, then in a throwaway test database
    ``measure`` for each size, a line per size seeded and the table of ratios."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    default = ",".join(str(size) for size in sizes.default)
    parser.add_argument(
        "--sizes", default=default, help=f"Comma-separated {sizes.are} (default {default})."
    )
    asked = sorted(int(size) for size in parser.parse_args().sizes.split(","))

    with tempfile.TemporaryDirectory(prefix="protected-time-bench-") as tmp:
        configure(Path(tmp))
        import django

        django.setup()
        from django.db import connection
        from django.test.utils import setup_test_environment

        setup_test_environment()  # the test client's host, in-memory email

        print(
            f"Database: {connection.vendor} (throwaway); {sizes.database_note}: "
            f"{', '.join(map(str, asked))}"
        )
        test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            results = {}
            for size in asked:
                results[size] = measure(size)
                seconds = results[size]["seed (s)"]
                print(f"  {sizes.named(size, results[size])}: seeded in {seconds:.1f}s")
            print()
            report(results, sizes.against)
        finally:
            connection.creation.destroy_test_db(test_database, verbosity=0)
