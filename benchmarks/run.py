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

import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import Results, Sizes, best_of, page_costs, run_sizes  # noqa: E402

SIZES = Sizes(
    default=(1_000, 10_000, 100_000),
    are="numbers of people",
    database_note="sizes",
    named=lambda size, _results: f"{size:,} people",
)


def measure(size: int) -> Results:
    from django.core.management import call_command
    from django.test import Client
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
    results: Results = {"seed (s)": seed_seconds}
    page_costs(results, "people page", client, reverse("teams:people"))

    manager = Person.objects.get(email=service_manager_email(slug))
    visible = 0

    def visible_people() -> None:
        nonlocal visible
        manager.__dict__.pop("roles", None)
        visible = len(list(access.people_visible_to(manager).values_list("pk", flat=True)))

    selector_seconds = best_of(visible_people)
    results["visible to service manager"] = visible
    results["people_visible_to (ms)"] = selector_seconds * 1000
    return results


if __name__ == "__main__":
    run_sizes(__doc__, measure, SIZES)
