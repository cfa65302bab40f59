"""Prints where the site is and how to sign in as each role: ``manage.py demo_logins``."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from teams.demo import DEMO_PASSWORD, NORTHSHIRE_LOGINS, SOUTHSHIRE_LOGINS
from teams.models import Person


class Command(BaseCommand):
    help = "Prints the site URL and a demo sign-in for each role (after seed_demo)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--url", default="http://127.0.0.1:8000/", help="Where the site runs.")

    def handle(self, *args: object, **options: object) -> None:
        logins = [*NORTHSHIRE_LOGINS, *SOUTHSHIRE_LOGINS]
        loaded = set(
            Person.objects.filter(email__in=[login.email for login in logins]).values_list(
                "email", flat=True
            )
        )
        self.stdout.write(f"\nProtected Time is at {options['url']}\n")
        if not loaded:
            self.stdout.write("No demo people yet: run `manage.py seed_demo` (or `make demo`).")
            return
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        width = max(len(login.role) for login in logins)
        for login in logins:
            if login.email in loaded:
                self.stdout.write(
                    f"  {login.role:<{width}}  {login.email:<36} sees {login.what_they_see}"
                )
        self.stdout.write("")
