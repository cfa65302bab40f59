"""Declared columns: how a file's headers find them, and how a cell's text becomes a value.

A ``Column`` keeps a cell's text as it is; the kinds below (date, yes/no, whole number, amount
in pounds, hours, choice) turn it into a value or say, in plain English, why they cannot. A cell
left blank is the column's ``blank`` value, or a problem when the column has ``if_blank``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from core.forms import parse_duration_minutes
from integrations.spreadsheets.reading import FileProblem

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y")
YES_NO = {
    **dict.fromkeys(("yes", "y", "true", "1"), True),
    **dict.fromkeys(("no", "n", "false", "0"), False),
}
PENCE = Decimal("0.01")


class CellProblem(Exception):
    """A cell's text is not a value of its column; each message says why."""

    def __init__(self, *messages: str) -> None:
        super().__init__(*messages)
        self.messages = list(messages)


def normalise(text: str) -> str:
    """Lower case with punctuation as single spaces, for matching headers and choices."""
    return re.sub(r"[^a-z0-9&]+", " ", text.lower()).strip()


def choice_lookup(choices: type, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Normalised value, label or alias → value, for a Django ``TextChoices``."""
    lookup = {}
    for value, label in choices.choices:
        lookup[normalise(value.replace("_", " "))] = value
        lookup[normalise(label)] = value
    for alias, value in (extra or {}).items():
        lookup[normalise(alias)] = value
    return lookup


def parse_date(text: str) -> datetime.date | None:
    """A date in any of ``DATE_FORMATS`` (ISO, as cells are read, or as British people type)."""
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def not_a_date(text: str) -> str:
    return f"'{text}' is not a date. Write dates like 04/09/2023."


@dataclass(frozen=True)
class Column:
    """One column a file may have: its header (and other names it is known by), whether the file
    needs it, what to enter and an example, for the upload page and the template."""

    key: str
    header: str
    required: bool = False
    help: str = ""
    example: str = ""
    aliases: tuple[str, ...] = ()
    blank: object = field(default=None, kw_only=True)
    if_blank: str = field(default="", kw_only=True)

    def raw(self, values: Mapping[str, str]) -> str:
        """The row's text in this column; blank when the file has no such column."""
        return values.get(self.key, "").strip()

    def clean(self, text: str) -> object:
        """The value ``text`` (never blank) stands for; raises ``CellProblem``."""
        return text


@dataclass(frozen=True)
class DateColumn(Column):
    def clean(self, text: str) -> datetime.date:
        found = parse_date(text)
        if found is None:
            raise CellProblem(not_a_date(text))
        return found


@dataclass(frozen=True)
class YesNoColumn(Column):
    blank: object = field(default=False, kw_only=True)

    def clean(self, text: str) -> bool:
        value = YES_NO.get(normalise(text))
        if value is None:
            raise CellProblem(f"'{text}' is not Yes or No.")
        return value


@dataclass(frozen=True)
class IntegerColumn(Column):
    """A whole number of ``unit`` of at least ``minimum`` (``too_small`` says so)."""

    unit: str = field(default="", kw_only=True)
    minimum: int = field(default=0, kw_only=True)
    too_small: str = field(default="", kw_only=True)

    def clean(self, text: str) -> int:
        if not re.fullmatch(r"\d+", text):
            raise CellProblem(
                f"'{text}' is not a whole number of {self.unit}, like {self.example}."
            )
        if int(text) < self.minimum:
            raise CellProblem(self.too_small)
        return int(text)


@dataclass(frozen=True)
class PoundsColumn(Column):
    """An amount in pounds and pence below ``limit`` (a leading £ and thousands commas are fine)."""

    blank: object = field(default=Decimal("0.00"), kw_only=True)
    limit: Decimal = field(default=Decimal(10) ** 8, kw_only=True)

    def clean(self, text: str) -> Decimal:
        try:
            amount = Decimal(text.removeprefix("£").replace(",", "").strip())
        except InvalidOperation:
            amount = Decimal("NaN")
        if not amount.is_finite():
            raise CellProblem(f"'{text}' is not an amount in pounds, like 45.50.")
        if amount < 0:
            raise CellProblem("A cost cannot be negative; write 0 for none.")
        if amount >= self.limit:
            raise CellProblem(f"A cost must be less than £{self.limit:,}.")
        if amount != amount.quantize(PENCE):
            raise CellProblem(f"'{text}' has more than 2 decimal places; write pounds and pence.")
        return amount.quantize(PENCE)


@dataclass(frozen=True)
class HoursColumn(Column):
    """Hours as people write them ("7.4", "7:24", or minutes like "444"), as minutes."""

    blank: object = field(default=0, kw_only=True)

    def clean(self, text: str) -> int:
        try:
            return parse_duration_minutes(text)
        except ValidationError as error:
            raise CellProblem(error.messages[0]) from error


@dataclass(frozen=True)
class ChoiceColumn(Column):
    """One of ``choices`` (normalised text → value), or with a ``separator`` several of them,
    in the choices' own order so a saved list compares as it reads."""

    choices: Mapping[str, str] = field(default_factory=dict, kw_only=True)
    what: str = field(default="", kw_only=True)
    separator: str = field(default="", kw_only=True)

    def _one(self, text: str) -> str:
        value = self.choices.get(normalise(text))
        if value is None:
            raise CellProblem(f"'{text}' is not a {self.what}. {self.help}".strip())
        return value

    def clean(self, text: str) -> str | list[str]:
        if not self.separator:
            return self._one(text)
        chosen, problems = set(), []
        for part in re.split(f"[{re.escape(self.separator)}]", text):
            if not part.strip():
                continue
            try:
                chosen.add(self._one(part.strip()))
            except CellProblem as problem:
                problems.extend(problem.messages)
        if problems:
            raise CellProblem(*problems)
        return [value for value in dict.fromkeys(self.choices.values()) if value in chosen]


def map_headers(headers: Sequence[str], columns: Sequence[Column]) -> dict[str, int]:
    """Column key → index; unknown headers and missing required columns are file problems."""
    lookup = {
        normalise(name): column.key
        for column in columns
        for name in (column.header, column.key.replace("_", " "), *column.aliases)
    }
    positions: dict[str, int] = {}
    unknown = []
    for index, header in enumerate(headers):
        if not header:
            continue
        key = lookup.get(normalise(header))
        if key is None:
            unknown.append(header)
        elif key in positions:
            raise FileProblem(f"The column '{header}' appears twice. Keep one of them.")
        else:
            positions[key] = index
    if unknown:
        raise FileProblem(
            f"These columns are not recognised: {', '.join(unknown)}. "
            "Download the template to see the column names."
        )
    missing = [
        column.header for column in columns if column.required and column.key not in positions
    ]
    if missing:
        raise FileProblem(f"The file needs these columns: {', '.join(missing)}.")
    return positions
