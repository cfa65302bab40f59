"""Template context every page needs: the organisation's name and colour and the role menu."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from core.hooks import app_functions
from core.web import menu_entries
from teams import access

DARK_TEXT = "#0b0c0c"
LIGHT_TEXT = "#ffffff"


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool


def _relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def header_text_colour(brand_colour: str) -> str:
    """White on a dark brand colour, near-black otherwise, whichever meets 4.5:1 contrast.

    The admin chooses the colour, so the page picks the readable text for it (WCAG 2.2 AA).
    """
    contrast_with_white = 1.05 / (_relative_luminance(brand_colour) + 0.05)
    return LIGHT_TEXT if contrast_with_white >= 4.5 else DARK_TEXT


MENU = [
    (access.sees_teams, "teams:people", "People"),
    (access.sees_teams, "teams:teams", "Teams"),
    (access.can_manage_people, "integrations:people-import", "Import staff"),
    (access.can_read_audit, "teams:audit", "Audit log"),
    (access.can_manage_structure, "teams:settings", "Organisation settings"),
    (None, "teams:tokens", "API tokens"),
]


def _menu(user: object) -> list[tuple[str, str]]:
    """(URL name, label) pairs for the user's roles, in the order they appear."""
    items = [("home", "Home")]
    for menu_items in app_functions("navigation", "menu_items"):
        items += menu_items(user)
    return items + menu_entries(user, MENU)


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"organisation": None, "nav_items": []}
    path = request.path
    menu = [(label, reverse(url_name), url_name == "home") for url_name, label in _menu(user)]
    # A section is current on its own page and the pages below it, Home only on itself; when
    # sections nest (the catalogue and "My learning" within it) the nearest one is current.
    matches = [
        url for _label, url, exact in menu if (path == url if exact else path.startswith(url))
    ]
    current_url = max(matches, key=len, default=None)
    nav_items = [
        NavItem(label=label, url=url, current=url == current_url) for label, url, _exact in menu
    ]
    organisation = user.organisation
    return {
        "organisation": organisation,
        "brand_text_colour": header_text_colour(organisation.brand_colour),
        "nav_items": nav_items,
    }
