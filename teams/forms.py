"""Forms for the organisation pages. They only parse input; the services validate and write.

A service's ``ValidationError`` is put back onto the form by ``core.web.save`` so people see the
problem next to the field it is about.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from core.forms import DurationField, checkboxes, choice_of, date_field, radios
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
from teams.services.people import PERSON_FIELDS

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
    roles = checkboxes("Roles", Role.choices, initial=[Role.PRACTITIONER])
    team = choice_of("First team", empty_label="No team yet", required=False, many_options=True)
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

    # The fields a person's details service changes, in the order the form asks for them.
    field_order = list(PERSON_FIELDS)


class RolesForm(forms.Form):
    roles = checkboxes("Roles", Role.choices)
    specialisms = checkboxes("Specialisms", SpecialismTag.choices)


class MembershipStartForm(forms.Form):
    team = choice_of(
        "Team", missing="Choose a team.", invalid="Choose a team from the list.", many_options=True
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
    kind = radios(
        "Kind",
        Team.Kind.choices,
        missing="Choose service or team.",
        help_text="A service groups teams; a team is where people work.",
    )
    parent = choice_of(
        "Sits below",
        empty_label="Nothing (top of the organisation)",
        required=False,
        many_options=True,
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
