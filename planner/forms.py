"""Forms for the planner pages. They only parse input (London dates and times into UTC-aware
datetimes, choices into values); the services validate the rules and write."""

from __future__ import annotations

import datetime

from django import forms

from core.forms import TimeField, checkboxes, choice_of, date_field, radios, text_field
from core.time import london
from planner.models import (
    AbsenceKind,
    AllowancePeriod,
    AllowanceScope,
    BookingPurpose,
    CancellationReason,
    CoverDuty,
)
from teams.models import CareerStage, PersonQuerySet


class BookingTimesMixin(forms.Form):
    """A date and start and end times on that day, in London time."""

    day = date_field("Date", required=True, missing="Enter the date of the protected time.")
    start_time = TimeField(label="Start time")
    end_time = TimeField(label="End time")

    def clean(self) -> dict[str, object]:
        data = super().clean()
        day, start, end = data.get("day"), data.get("start_time"), data.get("end_time")
        if day and start and end:
            if end <= start:
                self.add_error("end_time", "The end time must be after the start time.")
            else:
                data["start"] = london(day, start)
                data["end"] = london(day, end)
        return data


class BookingRequestForm(BookingTimesMixin):
    """A practitioner asks for protected time for themselves, in one step."""

    title = forms.CharField(
        label="What is the time for?",
        max_length=200,
        help_text="For example, the course's name, or “Reading on contextual safeguarding”.",
        error_messages={"required": "Enter what the time is for."},
    )
    purpose = radios(
        "Kind of learning",
        BookingPurpose.choices,
        missing="Choose the kind of learning.",
        initial=BookingPurpose.READING,
    )
    notes = text_field("Notes (optional)")

    field_order = ["title", "purpose", "day", "start_time", "end_time", "notes"]


class BookingCreateForm(BookingRequestForm):
    """A manager books protected time for one of their people."""

    person = choice_of(
        "Person",
        empty_label="Choose a person",
        missing="Choose who the time is for.",
        invalid="Choose someone in your teams.",
    )

    field_order = ["person", "title", "purpose", "day", "start_time", "end_time", "notes"]

    def __init__(self, *args: object, people: PersonQuerySet, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people.order_by("full_name", "id")


class DeclineForm(forms.Form):
    reason = text_field(
        "Why are you declining this request?",
        help_text="The person sees this reason.",
        missing="Enter why you are declining the request.",
    )


class ConfirmNoCoverForm(forms.Form):
    reason = text_field(
        "Why is no cover needed?",
        help_text="For example, “No visits or duty that afternoon”.",
        missing="Enter why no cover is needed.",
    )


class CoverForm(forms.Form):
    colleague = choice_of(
        "Colleague who covers",
        empty_label="Choose a colleague",
        missing="Choose a colleague to cover.",
        invalid="Choose a colleague in your teams.",
    )
    duties = checkboxes(
        "What they cover", CoverDuty.choices, missing="Choose at least one thing they cover."
    )
    case_list_reference = forms.CharField(
        label="Case list reference (optional)",
        required=False,
        max_length=200,
        help_text="Needed when they cover a named case list.",
    )

    def __init__(self, *args: object, colleagues: PersonQuerySet, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["colleague"].queryset = colleagues.order_by("full_name", "id")

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if CoverDuty.CASE_LIST in data.get("duties", []) and not data.get("case_list_reference"):
            self.add_error("case_list_reference", "Enter the reference of the case list.")
        return data


class AcceptConflictsForm(forms.Form):
    """The second step of assigning cover with conflicts: the manager's reason to go ahead."""

    accept_conflicts_reason = text_field(
        "Why should they cover anyway?",
        help_text="For example, “Alex has agreed to take duty calls from the training room”.",
        missing="Enter why the colleague should cover despite the conflicts.",
    )


class CancelForm(forms.Form):
    reason = radios(
        "Why is it cancelled?", CancellationReason.choices, missing="Choose why it is cancelled."
    )
    note = text_field("Note (optional)")
    reschedule_day = date_field(
        "New date (optional)", help_text="To rebook the same time on another day."
    )
    reschedule_start_time = TimeField(label="New start time", required=False)
    reschedule_end_time = TimeField(label="New end time", required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean()
        day = data.get("reschedule_day")
        start, end = data.get("reschedule_start_time"), data.get("reschedule_end_time")
        # A half-typed new date counts as wanting to reschedule, so the missing times are named.
        if day or start or end or self.has_error("reschedule_day"):
            if not day and not self.has_error("reschedule_day"):
                self.add_error("reschedule_day", "Enter the new date, or leave all three blank.")
            if not start:
                self.add_error("reschedule_start_time", "Enter the new start time.")
            if not end:
                self.add_error("reschedule_end_time", "Enter the new end time.")
            if day and start and end:
                if end <= start:
                    self.add_error(
                        "reschedule_end_time", "The new end time must be after the new start time."
                    )
                else:
                    data["reschedule_start"] = london(day, start)
                    data["reschedule_end"] = london(day, end)
        return data


ATTENDANCE_CHOICES = [
    ("attended", "Attended all of it"),
    ("partly_attended", "Attended part of it"),
    ("did_not_attend", "Did not attend"),
]


class AttendanceForm(forms.Form):
    outcome = radios(
        "Did they attend?", ATTENDANCE_CHOICES, missing="Choose whether they attended."
    )
    attended_minutes = forms.IntegerField(
        label="Minutes attended (if part)",
        required=False,
        min_value=1,
        max_value=24 * 60,
        help_text="Whole minutes, for example 90.",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={
            "invalid": "Enter the minutes attended as a whole number, like 90.",
            "min_value": "Minutes attended must be at least 1.",
            "max_value": "Minutes attended cannot be more than a day.",
        },
    )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("outcome") == "partly_attended" and not data.get("attended_minutes"):
            self.add_error("attended_minutes", "Enter how many minutes they attended.")
        return data


class AbsenceForm(forms.Form):
    kind = radios("Kind of absence", AbsenceKind.choices, missing="Choose the kind of absence.")
    start_date = date_field("First day", required=True, missing="Enter the first day of absence.")
    end_date = date_field("Last day", required=True, missing="Enter the last day of absence.")
    note = forms.CharField(label="Note (optional)", required=False, max_length=200)

    def clean(self) -> dict[str, object]:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The last day must be on or after the first day.")
        return data


MONTHS = [(number, datetime.date(2026, number, 1).strftime("%B")) for number in range(1, 13)]


class PlannerSettingsForm(forms.Form):
    allowance_period = radios(
        "Allowances are given per", AllowancePeriod.choices, missing="Choose a quarter or a year."
    )
    year_starts_month = forms.TypedChoiceField(
        label="The year starts in",
        choices=MONTHS,
        coerce=int,
        help_text="Quarters count from this month. April is the public sector's year.",
        error_messages={"required": "Choose the month the year starts."},
    )


class AllowanceRuleForm(forms.Form):
    """A rule from a date: who it is for and how much, as a percentage or full-time hours."""

    scope = radios(
        "Who is the rule for?", AllowanceScope.choices, missing="Choose who the rule is for."
    )
    career_stage = forms.ChoiceField(
        label="Career stage (for a career stage rule)",
        choices=[("", "Choose a career stage"), *CareerStage.choices],
        required=False,
    )
    team = choice_of(
        "Team (for a team rule; it covers the teams below too)",
        empty_label="Choose a team",
        invalid="Choose a team in your organisation.",
        required=False,
    )
    person_email = forms.EmailField(
        label="Person's work email (for a personal rule)",
        required=False,
        error_messages={"invalid": "Enter the work email, like name@example.org."},
    )
    effective_from = date_field(
        "Start date", required=True, missing="Enter the date the rule starts."
    )
    percent_of_contracted = forms.DecimalField(
        label="Percentage of contracted time",
        required=False,
        max_digits=5,
        decimal_places=2,
        help_text="For example, 10 for 10%. Leave empty to give hours instead.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "decimal"}),
        error_messages={"invalid": "Enter the percentage as a number, like 10."},
    )
    full_time_hours = forms.DecimalField(
        label="Hours per period for a full-time person",
        required=False,
        max_digits=6,
        decimal_places=2,
        help_text="Part-time people get it pro rata. Leave empty when giving a percentage.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "decimal"}),
        error_messages={"invalid": "Enter the hours as a number, like 18.5."},
    )
    note = forms.CharField(label="Note (optional)", required=False, max_length=200)

    def __init__(self, *args: object, teams: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams

    def service_arguments(self, people: PersonQuerySet) -> dict[str, object]:
        """The cleaned data as ``allowance_rule_create`` takes it."""
        data = self.cleaned_data
        hours = data.get("full_time_hours")
        email = data.get("person_email") or ""
        return {
            "scope": data["scope"],
            "effective_from": data["effective_from"],
            "percent_of_contracted": data.get("percent_of_contracted"),
            "full_time_minutes_per_period": None if hours is None else int(hours * 60),
            "career_stage": data.get("career_stage") or "",
            "team": data.get("team"),
            "person": people.filter(email__iexact=email).first() if email else None,
            "note": data.get("note") or "",
        }


class ClosureDayForm(forms.Form):
    date = date_field("Date", required=True)
    name = forms.CharField(
        label="What is the closure",
        max_length=100,
        help_text="For example, Christmas closure.",
        error_messages={"required": "Enter what the closure is, for example Christmas closure."},
    )
