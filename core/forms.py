"""Form fields and widgets every app's forms use: GOV.UK dates, radios, checkboxes and selects
(with the message a missing or unknown answer shows), typed times and durations, long selects,
and putting a service's ``ValidationError`` back onto the form."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.utils import flatatt
from django.http import QueryDict
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


class ManyOptionsSelect(forms.Select):
    """A select for long lists, such as every team of a large organisation. Django renders
    each option through a template, about 50 µs an option; a list of thousands of teams is
    written directly instead, with the same markup and escaping."""

    def render(
        self,
        name: str,
        value: object,
        attrs: dict[str, object] | None = None,
        renderer: object | None = None,
    ) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs or {})
        final_attrs["name"] = name
        selected = {str(choice) for choice in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option, " selected" if str(option) in selected else "", label)
                for option, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class DateInput(forms.DateInput):
    """The browser's date picker, for filters where a compact field matters more."""

    input_type = "date"

    def __init__(self, attrs: dict[str, str] | None = None) -> None:
        super().__init__(
            attrs={"class": "govuk-input--width-10", **(attrs or {})}, format="%Y-%m-%d"
        )


class GovukDateWidget(forms.MultiWidget):
    """GOV.UK's date input: day, month and year boxes, which people fill in more reliably than
    a date picker for dates they know. templates/components/field.html renders it.

    The parts are joined as day/month/year for the DateField to parse, so an impossible date
    (31/2/2026) fails validation with the field's own message. A single ISO value under the
    field's own name is accepted too, for scripts and tests that post one.
    """

    PARTS = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))

    def __init__(self) -> None:
        super().__init__(
            {
                name: forms.TextInput(attrs={"inputmode": "numeric"})
                for name, _label, _width in self.PARTS
            }
        )

    def decompress(self, value: object) -> list[str]:
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            year, month, day = value.split("-")
            return [day.lstrip("0"), month.lstrip("0"), year]
        if isinstance(value, str) and value.count("/") == 2:
            return value.split("/")
        return ["", "", ""]

    def value_from_datadict(self, data: QueryDict, files: object, name: str) -> str:
        parts = [data.get(f"{name}_{part}", "").strip() for part, _label, _width in self.PARTS]
        if not any(parts):
            return data.get(name, "")
        return "/".join(parts)

    def value_omitted_from_data(self, data: QueryDict, files: object, name: str) -> bool:
        return name not in data and all(f"{name}_{part}" not in data for part, *_ in self.PARTS)


def date_field(
    label: str, *, required: bool = False, help_text: str = "", missing: str = ""
) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=f"{help_text} For example, 27 3 2026.".strip(),
        widget=GovukDateWidget(),
        error_messages={
            "required": missing or f"Enter the {label.lower()}.",
            "invalid": f"The {label.lower()} must be a real date, like 27 3 2026.",
        },
    )


def text_field(
    label: str, *, help_text: str = "", missing: str = "", max_length: int = 2000, rows: int = 3
) -> forms.CharField:
    """A few lines of free text (a note, a reason, details); required when ``missing`` says
    what to enter."""
    return forms.CharField(
        label=label,
        required=bool(missing),
        help_text=help_text,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages=_messages(missing),
    )


def _messages(missing: str, invalid: str = "") -> dict[str, str] | None:
    found = {"required": missing, "invalid_choice": invalid}
    return {key: text for key, text in found.items() if text} or None


def radios(
    label: str, choices: object, *, missing: str = "", typed: bool = False, **options: object
) -> forms.ChoiceField:
    """One answer among a few, as GOV.UK radios; ``missing`` says what to choose when none is.
    ``typed`` makes it a TypedChoiceField (give ``coerce``)."""
    field = forms.TypedChoiceField if typed else forms.ChoiceField
    return field(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages=_messages(missing),
        **options,
    )


def checkboxes(
    label: str, choices: object, *, missing: str = "", **options: object
) -> forms.MultipleChoiceField:
    """Any number of answers, as GOV.UK checkboxes; none is an answer unless ``missing`` says
    what to choose."""
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=bool(missing),
        widget=forms.CheckboxSelectMultiple,
        error_messages=_messages(missing),
        **options,
    )


def choice_of(
    label: str,
    *,
    empty_label: str | None = "---------",
    missing: str = "",
    invalid: str = "",
    required: bool = True,
    many_options: bool = False,
) -> forms.ModelChoiceField:
    """One record from a select whose queryset the form's ``__init__`` sets (the visitor's
    organisation, teams or people); ``missing`` and ``invalid`` are the messages for no choice
    and a choice not on the list, ``many_options`` for lists as long as every team."""
    return forms.ModelChoiceField(
        label=label,
        queryset=None,
        required=required,
        empty_label=empty_label,
        widget=ManyOptionsSelect if many_options else None,
        error_messages=_messages(missing, invalid),
    )


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Shows a service's ValidationError on the form: on the field it names, else at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages in error.message_dict.items():
        target = name if name in form.fields and name != NON_FIELD_ERRORS else None
        for message in messages:
            form.add_error(target, message)


def parse_duration_minutes(text: str) -> int:
    """Reads "7.4" or "7:24" as hours and "444" as minutes; whole numbers up to 24 are hours.

    People write working hours in several ways, so the hint on the form explains these rules.
    """
    text = text.strip().lower().removesuffix("h").strip()
    if not text:
        return 0
    if match := re.fullmatch(r"(\d{1,2}):([0-5]\d)", text):
        return int(match[1]) * 60 + int(match[2])
    try:
        number = Decimal(text)
    except InvalidOperation as error:
        raise ValidationError("Enter hours like 7.5 or 7:30, or minutes like 450.") from error
    if number < 0:
        raise ValidationError("Hours cannot be negative.")
    if number <= 24:
        return int((number * 60).quantize(Decimal("1")))
    if number != number.to_integral_value():
        raise ValidationError("Enter minutes as a whole number, like 450.")
    if number > 1440:
        raise ValidationError("A day has at most 24 hours (1440 minutes).")
    return int(number)


class DurationField(forms.CharField):
    """Hours or minutes for one day, cleaned to whole minutes."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "decimal"}),
        )
        super().__init__(**kwargs)

    def clean(self, value: str | None) -> int:
        try:
            return parse_duration_minutes(super().clean(value) or "")
        except ValidationError as error:
            # Seven fields share these messages; naming the day tells them apart in the summary.
            raise ValidationError(f"{self.label}: {error.messages[0]}") from error


TIME_HINT = "Use the 24-hour clock, for example 09:30 or 14:00."


def parse_time(text: str) -> datetime.time:
    """Reads 09:30, 9:30, 9.30 or 0930 as a time of day."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.]?(\d{2})\s*", text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError("bad time")
    return datetime.time(int(match[1]), int(match[2]))


class TimeField(forms.CharField):
    """A time of day typed as text (GOV.UK has no time picker), cleaned to ``datetime.time``."""

    def __init__(self, *, label: str, **kwargs: object) -> None:
        super().__init__(
            label=label,
            max_length=5,
            help_text=TIME_HINT,
            error_messages={"required": f"Enter the {label.lower()}."},
            widget=forms.TextInput(
                attrs={
                    "class": "govuk-input--width-5",
                    "inputmode": "numeric",
                    "spellcheck": "false",
                }
            ),
            **kwargs,
        )

    def clean(self, value: str | None) -> datetime.time | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_time(text)
        except ValidationError as error:
            raise ValidationError(
                f"The {self.label.lower()} must be a time like 09:30 or 14:00."
            ) from error
