"""How much protected learning time each person gets in a period.

The allowance is built day by day, so effective dates, starters and leavers, and a change of
working pattern part-way through a period all count exactly for the days they apply:

- on each day the person is employed, the most specific rule in force applies: a rule for the
  person, then for their team (the nearest team up the tree), then for their career stage, then
  the organisation's; without any, newly qualified staff get the built-in 10% of contracted time
  (docs/domain.md: the typical ASYE offer) and everyone else has no allowance set;
- a percentage rule gives that share of the day's contracted minutes by the working pattern
  (bank holidays are not contracted time);
- a full-time rule gives its minutes per period spread evenly over the period's days, scaled
  by the pattern's week against the organisation's standard week (pro rata).

Used, booked and lost minutes come from the bookings (``planner.selectors.metrics``): cancelled
time is lost, never used. Everything for a list of people is read in a fixed number of queries.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from core.time import ONE_DAY
from planner.models import AllowanceRule, AllowanceScope
from planner.worktime import WorkingCalendar
from teams.models import CareerStage, Membership, Person

NEWLY_QUALIFIED_DEFAULT_PERCENT = Decimal(10)
NEWLY_QUALIFIED_DEFAULT = "Newly qualified default: 10% of contracted time"
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Allowance:
    """A person's allowance for a period and where it came from."""

    minutes: int
    source: str


@dataclass(frozen=True)
class AllowanceSummary:
    """Allowance, booked, used, lost and what is left, in minutes. ``remaining_minutes`` is
    negative when more is booked and used than the allowance."""

    allowance_minutes: int
    booked_minutes: int
    used_minutes: int
    lost_minutes: int
    source: str

    @property
    def remaining_minutes(self) -> int:
        return self.allowance_minutes - self.booked_minutes - self.used_minutes


def summarise(allowance: Allowance, *, booked: int, used: int, lost: int) -> AllowanceSummary:
    return AllowanceSummary(
        allowance_minutes=allowance.minutes,
        booked_minutes=booked,
        used_minutes=used,
        lost_minutes=lost,
        source=allowance.source,
    )


def describe(rule: AllowanceRule) -> str:
    amount = (
        f"{rule.percent_of_contracted.normalize():f}% of contracted time"
        if rule.percent_of_contracted is not None
        else f"{rule.full_time_minutes_per_period / 60:g} hours full-time"
    )
    target = {
        AllowanceScope.ORGANISATION: "Everyone",
        AllowanceScope.CAREER_STAGE: rule.get_career_stage_display(),
        AllowanceScope.TEAM: rule.team.name if rule.team_id else "Team",
        AllowanceScope.PERSON: "Personal",
    }[rule.scope]
    return f"{target}: {amount} from {rule.effective_from:%-d %B %Y}"


class _Rules:
    """An organisation's rules, newest first within each target."""

    def __init__(self, rules: list[AllowanceRule]) -> None:
        self.by_person: dict[int, list[AllowanceRule]] = defaultdict(list)
        self.by_team: dict[int, list[AllowanceRule]] = defaultdict(list)
        self.by_stage: dict[str, list[AllowanceRule]] = defaultdict(list)
        self.organisation: list[AllowanceRule] = []
        self._answers: dict[tuple, AllowanceRule | None] = {}
        self._ancestors: dict[tuple[str, ...], list[int]] = {}
        for rule in sorted(rules, key=lambda rule: (rule.effective_from, rule.pk), reverse=True):
            if rule.scope == AllowanceScope.PERSON:
                self.by_person[rule.person_id].append(rule)
            elif rule.scope == AllowanceScope.TEAM:
                self.by_team[rule.team_id].append(rule)
            elif rule.scope == AllowanceScope.CAREER_STAGE:
                self.by_stage[rule.career_stage].append(rule)
            else:
                self.organisation.append(rule)

    @staticmethod
    def _in_force(rules: list[AllowanceRule], day: datetime.date) -> AllowanceRule | None:
        return next((rule for rule in rules if rule.effective_from <= day), None)

    def for_day(
        self, person: Person, team_paths: list[str], day: datetime.date
    ) -> AllowanceRule | None:
        """The rule in force for the person that day. People with no rule of their own share
        the answer with everyone at their career stage in the same teams, so a team of a
        thousand is worked out once a day, not a thousand times."""
        key = (
            person.pk if person.pk in self.by_person else None,
            person.career_stage,
            tuple(team_paths),
            day,
        )
        if key not in self._answers:
            self._answers[key] = self._find(person, key[2], day)
        return self._answers[key]

    def _find(
        self, person: Person, team_paths: tuple[str, ...], day: datetime.date
    ) -> AllowanceRule | None:
        found = self._in_force(self.by_person.get(person.pk, []), day)
        if found is not None:
            return found
        for team_id in self._nearest_first(team_paths):
            found = self._in_force(self.by_team.get(team_id, []), day)
            if found is not None:
                return found
        found = self._in_force(self.by_stage.get(person.career_stage, []), day)
        if found is not None:
            return found
        return self._in_force(self.organisation, day)

    def _nearest_first(self, team_paths: tuple[str, ...]) -> list[int]:
        """The teams' ids and their ancestors', nearest first: a team's own rule beats its
        service's."""
        if team_paths not in self._ancestors:
            self._ancestors[team_paths] = [
                team_id
                for _depth, team_id in sorted(
                    {
                        (depth, team_id)
                        for path in team_paths
                        for depth, team_id in enumerate(_team_ids(path))
                    },
                    reverse=True,
                )
            ]
        return self._ancestors[team_paths]


def _team_ids(path: str) -> list[int]:
    """Team ids from the root down, read from a team's materialised path."""
    return [int(part) for part in path.strip("/").split("/") if part]


def _employed(person: Person, day: datetime.date) -> bool:
    started = person.employment_start is None or person.employment_start <= day
    return started and (person.employment_end is None or day <= person.employment_end)


def allowances_for(
    people: list[Person], first_day: datetime.date, last_day: datetime.date
) -> dict[int, Allowance | None]:
    """Each person's allowance for the period (None when no rule or default gives one), in
    seven queries whatever the number of people."""
    if not people:
        return {}
    ids = [person.pk for person in people]
    # The fields the rules need, read here: callers may pass people loaded with only a name.
    people = list(
        Person.objects.filter(pk__in=ids)
        .select_related("organisation")
        .only(
            "career_stage",
            "employment_start",
            "employment_end",
            "organisation__standard_weekly_minutes",
        )
    )
    organisation = people[0].organisation
    rules = _Rules(
        list(
            AllowanceRule.objects.filter(
                organisation_id=organisation.pk, effective_from__lte=last_day
            ).select_related("team")
        )
    )
    paths: dict[int, list[tuple[datetime.date, datetime.date | None, str]]] = defaultdict(list)
    memberships = (
        Membership.objects.overlapping(first_day, last_day)
        .filter(person_id__in=ids)
        .values_list("person_id", "start_date", "end_date", "team__path")
    )
    for person_id, start, end, path in memberships:
        paths[person_id].append((start, end, path))
    calendar = WorkingCalendar.load(person_ids=ids, first_day=first_day, last_day=last_day)
    period_days = (last_day - first_day).days + 1
    standard_week = Decimal(organisation.standard_weekly_minutes)
    found: dict[int, Allowance | None] = {}
    described: dict[int, str] = {}
    for person in people:
        total = Decimal(0)
        sources: dict[str, None] = {}
        day = first_day
        while day <= last_day:
            if _employed(person, day):
                team_paths = [
                    path
                    for start, end, path in paths[person.pk]
                    if start <= day and (end is None or day <= end)
                ]
                rule = rules.for_day(person, team_paths, day)
                pattern = calendar.pattern_on(person.pk, day)
                if rule is not None:
                    if rule.pk not in described:
                        described[rule.pk] = describe(rule)
                    sources[described[rule.pk]] = None
                    if rule.percent_of_contracted is not None:
                        contracted = (
                            0
                            if calendar.is_closed(person.pk, day)
                            else (calendar.pattern_minutes(person.pk, day))
                        )
                        total += rule.percent_of_contracted * contracted / HUNDRED
                    elif pattern is not None and standard_week:
                        total += (
                            Decimal(rule.full_time_minutes_per_period)
                            * Decimal(pattern.weekly_minutes)
                            / standard_week
                            / period_days
                        )
                elif person.career_stage == CareerStage.NEWLY_QUALIFIED:
                    sources[NEWLY_QUALIFIED_DEFAULT] = None
                    if not calendar.is_closed(person.pk, day):
                        total += (
                            NEWLY_QUALIFIED_DEFAULT_PERCENT
                            * calendar.pattern_minutes(person.pk, day)
                            / HUNDRED
                        )
            day += ONE_DAY
        found[person.pk] = (
            Allowance(
                minutes=int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP)),
                source="; then ".join(sources),
            )
            if sources
            else None
        )
    return found
