"""Working time: which minutes of a booking fall inside a person's contracted time.

A working pattern gives contracted minutes per weekday, not clock hours, so a day's working
time is its contracted minutes: learning on a day with no contracted minutes (a non-working day,
a weekend, a bank holiday, the organisation's closure day, an absence) is all outside working
time, and learning beyond the day's contracted minutes is outside for the excess. Days are Europe/London days; durations are
real elapsed minutes, so a booking across the clocks changing counts what the clock on the wall
shows passing, not what the difference in wall-clock times suggests.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, IntegerField, Value

from core.time import local_date, minutes_by_local_day
from planner.models import Absence, BankHoliday, ClosureDay
from teams.models import Person, WorkingPattern


@dataclass(frozen=True)
class WorkingCalendar:
    """Everything needed to answer "how many contracted minutes on this day" for a set of people
    over a date range, loaded in three queries so grids and metrics never query per cell."""

    patterns: dict[int, list[WorkingPattern]]  # newest first, per person
    bank_holidays: dict[datetime.date, str]
    # An organisation's own closure days (organisation → day → name) and whose organisation
    # each person is in, so a closure counts like a bank holiday for that organisation's people.
    closures: dict[int, dict[datetime.date, str]]
    organisation_of: dict[int, int]
    absences: dict[int, list[Absence]]

    @classmethod
    def load(
        cls, *, person_ids: Iterable[int], first_day: datetime.date, last_day: datetime.date
    ) -> WorkingCalendar:
        ids = list(person_ids)
        patterns: dict[int, list[WorkingPattern]] = defaultdict(list)
        organisation_of: dict[int, int] = {}
        for pattern in (
            WorkingPattern.objects.filter(person_id__in=ids, effective_from__lte=last_day)
            .annotate(organisation_id=F("person__organisation_id"))
            .order_by("person_id", "-effective_from")
        ):
            patterns[pattern.person_id].append(pattern)
            organisation_of[pattern.person_id] = pattern.organisation_id
        # Bank holidays and closure days in one query: a row's organisation is None for a bank
        # holiday. Someone without a pattern works no day, so their closures do not matter.
        bank_holidays: dict[datetime.date, str] = {}
        closures: dict[int, dict[datetime.date, str]] = defaultdict(dict)
        for organisation_id, day, name in (
            BankHoliday.objects.filter(
                division=BankHoliday.Division.ENGLAND_AND_WALES,
                date__gte=first_day,
                date__lte=last_day,
            )
            .annotate(organisation_id=Value(None, output_field=IntegerField()))
            .order_by()
            .values_list("organisation_id", "date", "name")
            .union(
                ClosureDay.objects.filter(
                    organisation_id__in=set(organisation_of.values()),
                    date__gte=first_day,
                    date__lte=last_day,
                )
                .order_by()
                .values_list("organisation_id", "date", "name"),
                all=True,
            )
        ):
            if organisation_id is None:
                bank_holidays[day] = name
            else:
                closures[organisation_id][day] = name
        absences: dict[int, list[Absence]] = defaultdict(list)
        for absence in Absence.objects.filter(
            person_id__in=ids, start_date__lte=last_day, end_date__gte=first_day
        ):
            absences[absence.person_id].append(absence)
        return cls(
            patterns=dict(patterns),
            bank_holidays=bank_holidays,
            closures=dict(closures),
            organisation_of=organisation_of,
            absences=dict(absences),
        )

    def pattern_on(self, person_id: int, day: datetime.date) -> WorkingPattern | None:
        for pattern in self.patterns.get(person_id, []):
            if pattern.effective_from <= day:
                return pattern
        return None

    def absence_on(self, person_id: int, day: datetime.date) -> Absence | None:
        for absence in self.absences.get(person_id, []):
            if absence.start_date <= day <= absence.end_date:
                return absence
        return None

    def closure_on(self, person_id: int, day: datetime.date) -> str:
        """Why nobody is expected at work on the day, in words: "Bank holiday: ..." or "Closure
        day: ..." (the person's organisation is closed); empty on any other day."""
        if day in self.bank_holidays:
            return f"Bank holiday: {self.bank_holidays[day]}"
        organisation_id = self.organisation_of.get(person_id)
        name = self.closures.get(organisation_id, {}).get(day) if organisation_id else None
        return f"Closure day: {name}" if name else ""

    def is_closed(self, person_id: int, day: datetime.date) -> bool:
        """A bank holiday, or a closure day of the person's organisation."""
        return bool(self.closure_on(person_id, day))

    def pattern_minutes(self, person_id: int, day: datetime.date) -> int:
        """Contracted minutes on the day by the pattern alone (closures and absences aside),
        which is what allowances pro-rate by."""
        pattern = self.pattern_on(person_id, day)
        return pattern.minutes_on(day) if pattern is not None else 0

    def contracted_minutes(self, person_id: int, day: datetime.date) -> int:
        """Minutes the person is contracted to work and expected at work on the day."""
        if self.is_closed(person_id, day) or self.absence_on(person_id, day) is not None:
            return 0
        return self.pattern_minutes(person_id, day)

    def is_working_day(self, person_id: int, day: datetime.date) -> bool:
        return self.contracted_minutes(person_id, day) > 0

    def outside_minutes(
        self,
        person_id: int,
        start: datetime.datetime,
        end: datetime.datetime,
        *,
        already_booked: dict[datetime.date, int] | None = None,
    ) -> int:
        """Minutes of [start, end) outside the person's working time; ``already_booked`` is other
        learning on those days, which uses up the day's contracted minutes first."""
        outside = 0
        for day, minutes in minutes_by_local_day(start, end).items():
            available = self.contracted_minutes(person_id, day)
            if already_booked:
                available = max(0, available - already_booked.get(day, 0))
            outside += max(0, minutes - available)
        return outside


def calendar_for(
    person: Person, start: datetime.datetime, end: datetime.datetime
) -> WorkingCalendar:
    return WorkingCalendar.load(
        person_ids=[person.pk],
        first_day=local_date(start),
        last_day=local_date(end),
    )


def minutes_outside_working_time(
    *, person: Person, start: datetime.datetime, end: datetime.datetime
) -> int:
    """Minutes of a proposed booking outside the person's working time (TOIL is due for them)."""
    return calendar_for(person, start, end).outside_minutes(person.pk, start, end)
