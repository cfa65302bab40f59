"""Teams named in an imported file (the staff list's team, a catalogue activity's audience):
by name, or by path when two share a name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from teams.models import Team


def name_key(text: str) -> str:
    """How format, topic and team names are matched: any case, runs of spaces as one (the
    catalogue refuses two formats or topics whose names differ only so)."""
    return " ".join(text.split()).casefold()


class TeamNames:
    """Finds teams by name, or by path when two share a name; also the text an export writes,
    so an exported team always finds its way back."""

    def __init__(
        self,
        teams: Iterable[Team],
        *,
        key: Callable[[str], str] = name_key,
        unknown_hint: str = "Check the spelling.",
    ) -> None:
        """``key`` is how a name is matched; ``unknown_hint`` follows "There is no team called"."""
        self.key = key
        self.unknown_hint = unknown_hint
        teams = list(teams)
        by_id = {team.pk: team for team in teams}
        self.by_name: dict[str, list[Team]] = defaultdict(list)
        self.by_path: dict[str, Team] = {}
        self.paths: dict[int, str] = {}
        for team in teams:
            self.by_name[key(team.name)].append(team)
            names = [
                by_id[int(pk)].name for pk in team.path.strip("/").split("/") if int(pk) in by_id
            ]
            self.paths[team.pk] = " / ".join(names)
            self.by_path[" / ".join(key(name) for name in names)] = team

    def find(self, text: str) -> Team | str:
        """The team ``text`` names, or why it names none."""
        if "/" in text:
            team = self.by_path.get(" / ".join(self.key(part) for part in text.split("/")))
            return team or f"There is no team at '{text}'. Check each level's name."
        matches = self.by_name.get(self.key(text), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            return (
                f"More than one team is called '{text}'. Write its path, like "
                f"{self.paths[matches[0].pk]}."
            )
        return f"There is no team called '{text}'. {self.unknown_hint}"

    def label(self, team: Team) -> str:
        """The name, or the path when another team shares the name, so ``find`` gets it back."""
        return team.name if len(self.by_name[self.key(team.name)]) == 1 else self.paths[team.pk]
