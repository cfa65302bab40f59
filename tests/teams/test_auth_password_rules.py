"""Passwords: at least 12 characters, common ones refused, long passphrases welcome."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


def test_short_passwords_are_refused():
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("Tr0ub4dor&3")


def test_common_passwords_are_refused():
    with pytest.raises(ValidationError, match="too common"):
        validate_password("password1234")


def test_twelve_characters_are_enough():
    validate_password("kettle-orbit")


def test_passphrases_of_64_and_more_characters_are_allowed():
    validate_password("a long passphrase about kettles, orbits and quiet library corners " * 2)
    assert len("a long passphrase about kettles, orbits and quiet library corners " * 2) > 64
