"""One rule for a current membership: ``in_force`` in queries and ``Membership.is_current`` on a
loaded history agree on every day around a membership's start and end."""

import datetime

from teams.models import Membership
from teams.models.organisation import in_force
from tests.factories import MembershipFactory

START, END = datetime.date(2024, 3, 1), datetime.date(2024, 3, 31)


def test_the_query_and_the_loaded_membership_agree_around_start_and_end(world):
    ended = MembershipFactory(
        person=world.practitioner_a, team=world.team_b, start_date=START, end_date=END
    )
    open_ended = MembershipFactory(person=world.practitioner_b, team=world.team_c, start_date=START)
    for day in (START - datetime.timedelta(days=1), START, END, END + datetime.timedelta(days=1)):
        in_query = set(Membership.objects.current(day).values_list("pk", flat=True))
        assert (ended.pk in in_query) == ended.is_current(day) == (START <= day <= END)
        assert (open_ended.pk in in_query) == open_ended.is_current(day) == (day >= START)
        across = Membership.objects.filter(in_force(day), pk__in=[ended.pk, open_ended.pk])
        assert set(across.values_list("pk", flat=True)) == in_query & {ended.pk, open_ended.pk}
