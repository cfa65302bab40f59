"""Small-number suppression for figures about people: a group of fewer than five people, or
a count of fewer than five within a group, is never shown, so nobody can be picked out."""

from __future__ import annotations

SMALLEST_GROUP = 5


def shown(count: int) -> bool:
    """Whether a count of people may be shown (0 may: it names nobody)."""
    return count == 0 or count >= SMALLEST_GROUP
