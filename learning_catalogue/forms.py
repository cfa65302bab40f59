"""Forms for the catalogue's pages. They parse input (London times, money, choices); the
services check the rules and write."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms

from core.forms import checkboxes, choice_of, date_field, radios, text_field
from core.time import london
from learning_catalogue.models import (
    ActivityStatus,
    DeliveryMode,
    Format,
    ProviderKind,
    SuggestionKind,
    Topic,
)
from learning_catalogue.services.places import MOST_OFFER_HOURS
from planner.forms import BookingTimesMixin
from teams.models import CareerStage, Organisation, PersonQuerySet, Role
from teams.models.organisation import TeamQuerySet

MONEY_HELP = "In pounds, for example 0 or 125.50."


def _money(label: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        min_value=Decimal(0),
        max_digits=10,
        decimal_places=2,
        initial=Decimal(0),
        help_text=MONEY_HELP,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}),
        error_messages={
            "required": f"Enter the {label.lower()} (0 if none).",
            "invalid": f"The {label.lower()} must be an amount in pounds, like 125.50.",
            "max_decimal_places": f"The {label.lower()} has at most 2 decimal places (pence).",
            "min_value": f"The {label.lower()} cannot be negative.",
        },
    )


EVERYONE = "Leave empty for everyone."


class ActivityForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    summary = forms.CharField(
        label="Summary", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    format = choice_of("Format", empty_label="Choose a format")
    topics = forms.ModelMultipleChoiceField(
        label="Topics", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    duration_minutes = forms.IntegerField(
        label="Length in minutes",
        min_value=1,
        max_value=60 * 24 * 10,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={"required": "Enter how long it takes, in minutes."},
    )
    delivery_mode = radios("How it is delivered", DeliveryMode.choices)
    provider_kind = radios("Provider", ProviderKind.choices)
    provider_name = forms.CharField(label="Provider's name", required=False, max_length=200)
    cost_per_place = _money("Cost per place")
    other_direct_costs = _money("Other direct costs")
    link = forms.URLField(
        label="Link", required=False, help_text="Where to take part, listen or read."
    )
    resource = forms.CharField(
        label="Where to find it, when there is no link",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    has_captions = forms.BooleanField(label="Captions", required=False)
    has_transcript = forms.BooleanField(label="Transcript", required=False)
    has_british_sign_language = forms.BooleanField(label="British Sign Language", required=False)
    audience_career_stages = checkboxes(
        "Career stages it is for", CareerStage.choices, help_text=EVERYONE
    )
    audience_roles = checkboxes("Roles it is for", Role.choices, help_text=EVERYONE)
    audience_teams = forms.ModelMultipleChoiceField(
        label="Teams it is for",
        help_text=EVERYONE,
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    co_designed_with = forms.CharField(
        label="Co-designed with",
        required=False,
        max_length=300,
        help_text="For example, “Practitioners from the hospital team” or a people's group.",
    )

    def __init__(
        self, *args: object, organisation: Organisation, teams: TeamQuerySet, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["format"].queryset = Format.objects.filter(organisation=organisation)
        self.fields["topics"].queryset = Topic.objects.filter(organisation=organisation)
        self.fields["audience_teams"].queryset = teams.order_by("path")

    def values(self) -> dict[str, object]:
        data = self.cleaned_data
        return {name: data[name] for name in data if name not in ("topics", "audience_teams")}


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=ActivityStatus.choices)


class SessionForm(BookingTimesMixin):
    """A session's day and times (read as the planner reads protected time), its places and
    where it is, and the last day to book."""

    day = date_field("Date", required=True, missing="Enter the session's date.")
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        max_value=10_000,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={"required": "Enter how many places there are."},
    )
    online_link = forms.URLField(label="Online link", required=False)
    venue = forms.CharField(label="Venue", required=False, max_length=300)
    deadline_day = date_field("Booking closes", help_text="Optional: the last day people can book.")

    def clean(self) -> dict[str, object]:
        data = super().clean()
        day, start = data.get("day"), data.get("start_time")
        deadline = data.get("deadline_day")
        data["booking_deadline"] = None
        if deadline and deadline == day and start:
            # Closing on the day itself means closing when it starts.
            data["booking_deadline"] = london(day, start)
        elif deadline:
            data["booking_deadline"] = london(deadline, datetime.time(23, 59))
        return data


class CancelSessionForm(forms.Form):
    reason = text_field(
        "Why is it cancelled?",
        help_text="Everyone with a place or waiting is told, with this reason.",
        missing="Say why the session is cancelled.",
        max_length=500,
    )


class ReservationForm(forms.Form):
    team = choice_of("Team", empty_label="Choose a team", many_options=True)
    places = forms.IntegerField(
        label="Places kept for the team",
        min_value=0,
        help_text="0 gives the team's unallocated places back to everyone.",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
    )

    def __init__(self, *args: object, teams: TeamQuerySet, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams.order_by("path")


class AllocationForm(forms.Form):
    person = choice_of("Give a place to", empty_label="Choose a person")

    def __init__(self, *args: object, people: PersonQuerySet, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people.order_by("full_name", "pk")


class RatingForm(forms.Form):
    usefulness = radios(
        "How useful was it for your practice?",
        [(5, "5 (very useful)"), (4, "4"), (3, "3"), (2, "2"), (1, "1 (not useful)")],
        missing="Choose how useful it was.",
        typed=True,
        coerce=int,
    )
    would_recommend = radios(
        "Would you recommend it to a colleague?",
        [("yes", "Yes"), ("no", "No")],
        missing="Say whether you would recommend it.",
        typed=True,
        coerce=lambda value: value == "yes",
    )
    comment = text_field(
        "Comment (optional)",
        help_text="Read by the L&D team with your name; never shown to other practitioners.",
    )


class SuggestionForm(forms.Form):
    kind = radios("What are you suggesting?", SuggestionKind.choices)
    title = forms.CharField(
        label="Your suggestion",
        max_length=200,
        help_text="For example, “A podcast on working with interpreters”.",
    )
    topic = choice_of("Topic (optional)", empty_label="No topic", required=False)
    details = text_field("More detail (optional)")

    def __init__(self, *args: object, organisation: Organisation, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(organisation=organisation)


class DeclineSuggestionForm(forms.Form):
    decline_reason = text_field(
        "Why not?",
        help_text="The person who suggested it sees this.",
        missing="Say why, so the person who suggested it knows.",
    )


class NeedForm(forms.Form):
    topic = choice_of("Topic", empty_label="Choose a topic")
    details = text_field("What do you want to learn?")
    agreed = forms.BooleanField(label="Agreed in supervision", required=False)

    def __init__(
        self, *args: object, organisation: Organisation, can_agree: bool, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(organisation=organisation)
        if not can_agree:
            del self.fields["agreed"]


class ListItemForm(forms.Form):
    name = forms.CharField(label="Name", max_length=100)


class CatalogueSettingsForm(forms.Form):
    offer_hours = forms.IntegerField(
        label="Hours to take up an offered place",
        help_text="When a place frees, the first person waiting has this long to take it "
        "before it passes to the next.",
        min_value=1,
        max_value=MOST_OFFER_HOURS,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={"required": "Enter a number of hours."},
    )
