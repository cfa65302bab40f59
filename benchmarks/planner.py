"""Team planner benchmark: ``python benchmarks/planner.py [--sizes 10,100,1000]``.

Creates a throwaway database (as ``benchmarks/run.py`` does), and for each size seeds a
synthetic organisation with ``seed_scale``, puts that many people into one team managed by a
team manager, and gives each of them a quarter of protected time: bookings this week (some
covered by a colleague, some with conflicts), an absence for one in ten, and earlier bookings
in the quarter that were attended or cancelled for the metrics. It then measures, as that
manager through the test client:

- the team planner page (this week): queries and time;
- the same page for the whole month: queries and time;
- the team metrics page: queries and time.

Each figure is printed with its ratio to the smallest size in the same run. Query counts should
stay at x1.00 whatever the size of the team; time grows with the rows the page shows.
"""

from __future__ import annotations

import datetime
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import Results, Sizes, page_costs, run_sizes  # noqa: E402

SIZES = Sizes(
    default=(10, 100, 1_000),
    are="team sizes",
    database_note="team sizes",
    named=lambda size, _results: f"team of {size:,}",
)


def seed_team(size: int) -> tuple[object, object]:
    """A team of ``size`` people with a quarter's bookings, cover and absences; returns the
    team and its manager."""
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from core.time import LONDON
    from planner.models import (
        Absence,
        AbsenceKind,
        Booking,
        BookingPurpose,
        BookingStatus,
        CancellationReason,
        CoverAssignment,
        CoverStatus,
    )
    from teams.models import Membership, Person, Role, RoleAssignment, Team, TeamManager
    from teams.models.organisation import path_below

    slug = f"planner-{size}"
    call_command("seed_scale", "--people", str(size), "--organisation", slug, stdout=io.StringIO())
    people = list(Person.objects.filter(organisation__slug=slug).order_by("pk"))
    # The last person manages the team: a plain team manager, not an admin who sees everything.
    manager = people[-1]
    with transaction.atomic():
        team = Team.objects.create(organisation_id=manager.organisation_id, name="Planner team")
        team.path = path_below(None, team.pk)
        team.minimum_staff_on_duty = max(1, size // 2)
        team.save(update_fields=["path", "minimum_staff_on_duty"])
        RoleAssignment.objects.get_or_create(person=manager, role=Role.TEAM_MANAGER)
        TeamManager.objects.create(team=team, person=manager)
        today = timezone.localdate()
        Membership.objects.bulk_create(
            [Membership(person=p, team=team, start_date=today.replace(day=1)) for p in people]
        )
        monday = today - datetime.timedelta(days=today.weekday())

        def at(day: datetime.date, hour: int) -> datetime.datetime:
            return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)

        bookings = []
        for index, person in enumerate(people):
            common = {
                "organisation_id": person.organisation_id,
                "person": person,
                "purpose": BookingPurpose.READING,
                "requested_by": manager,
            }
            for offset, status in ((1, BookingStatus.CONFIRMED), (3, BookingStatus.APPROVED)):
                day = monday + datetime.timedelta(days=offset)
                bookings.append(
                    Booking(
                        start=at(day, 9 + index % 4),
                        end=at(day, 12 + index % 4),
                        title=f"Learning {index}-{offset}",
                        status=status,
                        **common,
                    )
                )
            for weeks_ago, status in ((3, BookingStatus.ATTENDED), (5, BookingStatus.CANCELLED)):
                day = monday - datetime.timedelta(weeks=weeks_ago, days=-2)
                bookings.append(
                    Booking(
                        start=at(day, 13),
                        end=at(day, 16),
                        title=f"Earlier {index}-{weeks_ago}",
                        status=status,
                        cancellation_reason=CancellationReason.WORK_CRISIS
                        if status == BookingStatus.CANCELLED
                        else "",
                        **common,
                    )
                )
        Booking.objects.bulk_create(bookings, batch_size=5_000)
        covers = [
            CoverAssignment(
                booking=booking,
                colleague=people[(index // 4 + 1) % len(people)],
                start=booking.start,
                end=booking.end,
                duties=["duty", "phone_and_email"],
                status=CoverStatus.ASKED,
                conflicts=["colleague_learning"] if index % 8 == 0 else [],
                conflicts_accepted_reason="Agreed in supervision" if index % 8 == 0 else "",
            )
            for index, booking in enumerate(bookings)
            if index % 2 == 0
        ]
        CoverAssignment.objects.bulk_create(covers, batch_size=5_000)
        Absence.objects.bulk_create(
            [
                Absence(
                    person=person,
                    kind=AbsenceKind.ANNUAL_LEAVE,
                    start_date=monday + datetime.timedelta(days=2),
                    end_date=monday + datetime.timedelta(days=2),
                )
                for index, person in enumerate(people)
                if index % 10 == 0
            ]
        )
    return team, manager


def measure(size: int) -> Results:
    from django.test import Client
    from django.urls import reverse

    started = time.perf_counter()
    team, manager = seed_team(size)
    seed_seconds = time.perf_counter() - started
    client = Client()
    client.force_login(manager)
    results: Results = {"seed (s)": seed_seconds}
    pages = {
        "planner week": reverse("planner:team-planner", args=[team.pk]),
        "planner month": reverse("planner:team-planner", args=[team.pk]) + "?view=month",
        "metrics": reverse("planner:team-metrics", args=[team.pk]),
    }
    for name, url in pages.items():
        page_costs(results, name, client, url)
    return results


if __name__ == "__main__":
    run_sizes(__doc__, measure, SIZES)
