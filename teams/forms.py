"""Forms for sign-in and for editing organisations, teams and people."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    """Email and password; the labels are the ones people expect."""

    username = forms.EmailField(
        label="Work email",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": "Enter a correct work email and password. Both are case-sensitive.",
        "inactive": "This account is no longer active.",
    }
