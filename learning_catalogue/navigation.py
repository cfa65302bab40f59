"""The catalogue's menu entries: everyone browses it and keeps their learning list, places
and needs; L&D leads and org admins publish it."""

from __future__ import annotations

from learning_catalogue import access as catalogue_access


def menu_items(user: object) -> list[tuple[str, str]]:
    items = [
        ("learning_catalogue:catalogue", "Learning catalogue"),
        ("learning_catalogue:my-places", "My learning"),
    ]
    if catalogue_access.can_publish(user):
        items.append(("learning_catalogue:manage", "Publish learning"))
    return items
