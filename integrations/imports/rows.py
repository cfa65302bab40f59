"""A file's rows as plans: what each row would do, and every problem found, by row and column."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from integrations.imports.columns import CellProblem, Column

WHOLE_ROW = "Whole row"


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class RowPlan:
    """One row and what importing it would do; a domain adds the values it read."""

    row: int
    changes: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        """Whether the row adds a record rather than matching one already there."""
        raise NotImplementedError

    @property
    def outcome(self) -> str:
        if self.errors:
            return "error"
        if self.is_new:
            return "create"
        return "update" if self.changes else "unchanged"


@dataclass
class ImportPlan:
    """Every row of a file with what importing it would do; ``outcomes`` are what its rows can
    come to, in the order the preview counts them."""

    rows: Sequence[RowPlan]
    outcomes: tuple[str, ...] = ("create", "update", "unchanged", "error")

    @property
    def errors(self) -> list[RowError]:
        return [error for row in self.rows for error in row.errors]

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def counts(self) -> dict[str, int]:
        counts = Counter(row.outcome for row in self.rows)
        return {name: counts.get(name, 0) for name in self.outcomes}

    @property
    def changing(self) -> int:
        """How many rows applying the plan would write."""
        counts = self.counts
        return counts.get("create", 0) + counts.get("update", 0)


class RowReader:
    """Reads one row's cells through their columns, noting each problem on the row's plan."""

    def __init__(
        self, plan: RowPlan, values: Mapping[str, str], columns: Mapping[str, Column]
    ) -> None:
        self.plan = plan
        self.values = values
        self.columns = columns

    def error(self, key: str, message: str) -> None:
        self.plan.errors.append(RowError(self.plan.row, self.columns[key].header, message))

    def text(self, key: str) -> str:
        return self.columns[key].raw(self.values)

    def value(self, key: str) -> object:
        """The cell's value, its column's blank value, or None after noting why it is wrong."""
        column = self.columns[key]
        text = column.raw(self.values)
        if not text:
            if column.if_blank:
                self.error(key, column.if_blank)
            return column.blank
        try:
            return column.clean(text)
        except CellProblem as problem:
            for message in problem.messages:
                self.error(key, message)
            return None


class RowsRefused(Exception):
    """The domain's services refused rows while the import was applied; nothing was kept."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} problems; nothing was imported.")
        self.errors = errors
