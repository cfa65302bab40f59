"""Forms for signing in and setting a password."""

from collections.abc import Iterator

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm

from teams.models import Person


class SignInForm(AuthenticationForm):
    """Email and password; the labels are the ones people expect."""

    username = forms.EmailField(
        label="Work email",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": "Enter a correct work email and password. The password is case-sensitive.",
        "inactive": "This account is no longer active.",
    }


class PasswordResetRequestForm(PasswordResetForm):
    """Also reaches people who have never had a password (added by an admin or an import)."""

    email = forms.EmailField(
        label="Work email", max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def get_users(self, email: str) -> Iterator[Person]:
        yield from Person.objects.filter(email__iexact=email.strip(), is_active=True)
