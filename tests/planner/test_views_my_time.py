"""My protected time: what is booked, who covers me, my allowance and my history."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests.factories import make_booking, make_cover


def test_my_time_shows_bookings_who_covers_and_what_is_left(world, client):
    soon = timezone.localdate() + datetime.timedelta(days=3)
    booking = make_booking(world.practitioner_a, soon, status="confirmed", title="Court skills")
    make_cover(booking, world.practitioner_a2, duties=["duty", "planned_visits"])
    make_booking(
        world.practitioner_a,
        soon - datetime.timedelta(days=60),
        status="attended",
        title="Old course",
    )
    make_booking(world.practitioner_b, soon, title="Not mine")
    client.force_login(world.practitioner_a)
    html = client.get(reverse("planner:my-time")).content.decode()
    booked = html[html.index("Booked</h2>") : html.index("Past and cancelled")]
    assert "Court skills" in booked and "Alex Amari" in booked and "Duty, Planned visits" in booked
    assert "Old course" in html[html.index("Past and cancelled") :]
    assert "Not mine" not in html
    assert "My allowance" in html
