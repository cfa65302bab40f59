"""Word search over the catalogue that gives the same answers on PostgreSQL and SQLite.

Activities keep their words in ``search_text``: lower-case letters and digits, one space
between words. A search matches activities holding every word typed, each as the start of a
word ("resilien" finds "resilience"). PostgreSQL answers with full-text search (the ``simple``
configuration, prefix queries) over that column; elsewhere the same test is a LIKE on
" word", which the single-space form makes exact.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Q, QuerySet

from learning_catalogue.models import Activity

WORD = re.compile(r"[^\W_]+")
MOST_WORDS = 12


def words(text: str) -> list[str]:
    return WORD.findall((text or "").lower())


def search(activities: QuerySet[Activity], text: str) -> QuerySet[Activity]:
    """Activities whose words include a word starting with each word of ``text``."""
    wanted = list(dict.fromkeys(words(text)))[:MOST_WORDS]
    if not wanted:
        return activities
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        query = SearchQuery(
            " & ".join(f"{word}:*" for word in wanted), config="simple", search_type="raw"
        )
        return activities.annotate(_words=SearchVector("search_text", config="simple")).filter(
            _words=query
        )
    for word in wanted:
        activities = activities.filter(
            Q(search_text__startswith=word) | Q(search_text__contains=f" {word}")
        )
    return activities
