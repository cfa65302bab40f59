"""Forms for the organisation pages. They only parse input; the services validate and write.

A service's ``ValidationError`` is put back onto the form with ``add_service_errors`` so people
see the problem next to the field it is about.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.forms.utils import flatatt
from django.http import QueryDict
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from teams.models import (
    CareerStage,
    ContractType,
    Organisation,
    Person,
    PersonQuerySet,
    Regulator,
    Role,
    SpecialismTag,
    Team,
)
from teams.models.people import WEEKDAY_FIELDS, LeavingReason


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


# People -------------------------------------------------------------------------------------


class PersonDetailsForm(forms.Form):
    """Fields shared by adding and editing a person."""

    full_name = forms.CharField(
        error_messages={"required": "Enter their full name."}, label="Full name", max_length=200
    )
    email = forms.EmailField(
        error_messages={
            "required": "Enter their work email address.",
            "invalid": "Enter an email address like name@example.org.",
        },
        label="Work email",
        help_text="They sign in with this address.",
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    employee_number = forms.CharField(
        label="Employee number",
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    job_title = forms.CharField(label="Job title", max_length=200, required=False)
    contract_type = forms.ChoiceField(label="Contract type", choices=ContractType.choices)
    employment_start = date_field("Employment start date")
    career_stage = forms.ChoiceField(label="Career stage", choices=CareerStage.choices)
    asye_start_date = date_field(
        "ASYE start date", help_text="Needed for newly qualified social workers."
    )


class PersonCreateForm(PersonDetailsForm):
    roles = forms.MultipleChoiceField(
        label="Roles",
        choices=Role.choices,
        initial=[Role.PRACTITIONER],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    team = forms.ModelChoiceField(
        label="First team",
        queryset=Team.objects.none(),
        required=False,
        empty_label="No team yet",
        widget=ManyOptionsSelect,
    )
    team_start = date_field(
        "Date they join the team", help_text="Leave blank to use their employment start date."
    )

    def __init__(self, *args: object, organisation: Organisation, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(organisation=organisation)


class PersonEditForm(PersonDetailsForm):
    employment_end = date_field("Employment end date", help_text="Leave blank while employed.")
    leaving_reason = forms.ChoiceField(
        label="Leaving reason",
        choices=[("", "Not leaving"), *LeavingReason.choices],
        required=False,
    )
    is_active = forms.BooleanField(
        label="Can sign in",
        required=False,
        help_text="Untick to stop this person signing in. People who have left cannot sign in.",
    )

    field_order = [
        "full_name",
        "email",
        "employee_number",
        "job_title",
        "contract_type",
        "employment_start",
        "employment_end",
        "leaving_reason",
        "career_stage",
        "asye_start_date",
        "is_active",
    ]


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label="Roles", choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    specialisms = forms.MultipleChoiceField(
        label="Specialisms",
        choices=SpecialismTag.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class MembershipStartForm(forms.Form):
    team = forms.ModelChoiceField(
        widget=ManyOptionsSelect,
        error_messages={
            "required": "Choose a team.",
            "invalid_choice": "Choose a team from the list.",
        },
        label="Team",
        queryset=Team.objects.none(),
    )
    start_date = date_field("Start date", required=True)
    keep_other_teams = forms.BooleanField(
        label="Also stay in their current teams",
        required=False,
        help_text="Leave unticked to record a move: their other teams end the day before.",
    )

    def __init__(self, *args: object, organisation: Organisation, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(organisation=organisation)


class MembershipEndForm(forms.Form):
    end_date = date_field(
        "Last day in the team", required=True, missing="Enter their last day in the team."
    )


class WorkingPatternForm(forms.Form):
    effective_from = date_field(
        "Starts on",
        required=True,
        help_text="The first day this pattern applies.",
        missing="Enter the day this pattern starts.",
    )
    monday_minutes = DurationField(label="Monday")
    tuesday_minutes = DurationField(label="Tuesday")
    wednesday_minutes = DurationField(label="Wednesday")
    thursday_minutes = DurationField(label="Thursday")
    friday_minutes = DurationField(label="Friday")
    saturday_minutes = DurationField(label="Saturday")
    sunday_minutes = DurationField(label="Sunday")

    def minutes(self) -> dict[str, int]:
        return {name: self.cleaned_data[name] for name in WEEKDAY_FIELDS}


class RegistrationForm(forms.Form):
    regulator = forms.ModelChoiceField(
        error_messages={
            "required": "Choose a regulator.",
            "invalid_choice": "Choose a regulator from the list.",
        },
        label="Regulator",
        queryset=Regulator.objects.all(),
        empty_label="Choose a regulator",
    )
    number = forms.CharField(
        error_messages={"required": "Enter the registration number."},
        label="Registration number",
        max_length=50,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )
    registered_on = date_field("Registered on")
    renewal_due = date_field("Renewal due")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        examples = [
            f"{regulator.name}: {regulator.number_example}"
            for regulator in self.fields["regulator"].queryset
            if regulator.number_example
        ]
        self.fields["number"].help_text = "For example, " + "; ".join(examples) + "."

    def clean(self) -> dict[str, object]:
        data = super().clean()
        regulator, number = data.get("regulator"), data.get("number")
        if regulator and number:
            data["number"] = number = number.strip().upper()
            if not regulator.number_is_valid(number):
                example = regulator.number_example
                self.add_error(
                    "number",
                    f"This is not a {regulator.name} number"
                    + (f": they look like {example}." if example else "."),
                )
        return data


# Structure ----------------------------------------------------------------------------------


class TeamForm(forms.Form):
    name = forms.CharField(
        error_messages={"required": "Enter a name."}, label="Name", max_length=200
    )
    kind = forms.ChoiceField(
        error_messages={"required": "Choose service or team."},
        label="Kind",
        choices=Team.Kind.choices,
        widget=forms.RadioSelect,
        help_text="A service groups teams; a team is where people work.",
    )
    parent = forms.ModelChoiceField(
        label="Sits below",
        queryset=Team.objects.none(),
        required=False,
        empty_label="Nothing (top of the organisation)",
        widget=ManyOptionsSelect,
    )
    minimum_staff_on_duty = forms.IntegerField(
        label="Minimum staff on duty",
        min_value=0,
        max_value=1000,
        initial=0,
        help_text="Fewest people who must be working on any day. Enter 0 for no minimum.",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )

    def __init__(
        self, *args: object, organisation: Organisation, team: Team | None = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        parents = Team.objects.filter(organisation=organisation)
        if team is not None:
            # A team cannot move below itself or anything below it.
            parents = parents.exclude(path__startswith=team.path)
        self.fields["parent"].queryset = parents
        self.fields["parent"].label_from_instance = lambda t: "— " * t.depth + t.name


class TeamManagerForm(forms.Form):
    """Finds the new manager by email or employee number: a list of every person in a large
    organisation would be too long to choose from."""

    person = forms.CharField(
        error_messages={"required": "Enter their work email or employee number."},
        label="Work email or employee number",
        max_length=254,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )

    def __init__(self, *args: object, people: PersonQuerySet, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.people = people

    def clean_person(self) -> Person:
        value = self.cleaned_data["person"].strip()
        match = self.people.filter(Q(email__iexact=value) | Q(employee_number__iexact=value))
        found = list(match[:2])
        if len(found) != 1:
            raise ValidationError(
                "Nobody who can manage this team has that work email or employee number."
            )
        return found[0]


class OrganisationForm(forms.Form):
    name = forms.CharField(
        error_messages={"required": "Enter the organisation's name."},
        label="Organisation name",
        max_length=200,
    )
    brand_colour = forms.RegexField(
        label="Brand colour",
        regex=r"^#[0-9a-fA-F]{6}$",
        error_messages={
            "required": "Enter a colour as # and six hex digits, like #1d70b8.",
            "invalid": "Enter a colour as # and six hex digits, like #1d70b8.",
        },
        help_text="Shown behind the organisation's name in the page header, as #rrggbb. "
        "Choose a dark colour so the white name stays readable.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-7", "spellcheck": "false"}),
    )
    standard_weekly_hours = forms.DecimalField(
        error_messages={
            "required": "Enter the hours of a full-time week.",
            "invalid": "Enter the hours as a number, like 37 or 36.5.",
        },
        label="Standard full-time week, in hours",
        min_value=Decimal(1),
        max_value=Decimal(100),
        decimal_places=2,
        help_text="A full-time contract (1.0 FTE), for example 37 or 36.5.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
    )

    def standard_weekly_minutes(self) -> int:
        return int((self.cleaned_data["standard_weekly_hours"] * 60).quantize(Decimal("1")))


# API tokens ---------------------------------------------------------------------------------


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        error_messages={"required": "Give the token a name so you can recognise it later."},
        label="Token name",
        max_length=100,
        help_text="Something to recognise it by, like the script that uses it.",
    )
