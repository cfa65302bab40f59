"""Word search over the catalogue that gives the same answers on PostgreSQL and SQLite.

Activities keep their words in ``search_text``: lower-case letters and digits, one space
between words. A search matches activities holding every word typed, each as the start of a
word ("resilien" finds "resilience"). PostgreSQL answers with full-text search (the ``simple``
configuration, prefix queries) over a stored vector of that column, GIN-indexed (migration
0004); elsewhere the same test is a LIKE on " word", which the single-space form makes exact.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import Expression, Q, QuerySet
from django.db.models.expressions import Col
from django.db.models.sql import Query

from learning_catalogue.models import Activity

WORD = re.compile(r"[^\W_]+")
# The stored tsvector that migration 0004 adds on PostgreSQL (the model does not declare it).
SEARCH_WORDS_COLUMN = "search_words"
MOST_WORDS = 12


class StoredSearchWords(Expression):
    """The activity row's stored search words, as a column of the query's activity table
    (whatever alias the query gives it), for ``@@`` against a ``SearchQuery``."""

    def resolve_expression(
        self,
        query: Query | None = None,
        allow_joins: bool = True,
        reuse: set[str] | None = None,
        summarize: bool = False,
        for_save: bool = False,
    ) -> Col:
        target = SearchVectorField()
        target.set_attributes_from_name(SEARCH_WORDS_COLUMN)
        target.model = Activity
        return Col(query.get_initial_alias(), target, output_field=SearchVectorField())


def words(text: str) -> list[str]:
    return WORD.findall((text or "").lower())


def search(activities: QuerySet[Activity], text: str) -> QuerySet[Activity]:
    """Activities whose words include a word starting with each word of ``text``."""
    wanted = list(dict.fromkeys(words(text)))[:MOST_WORDS]
    if not wanted:
        return activities
    if connection.vendor == "postgresql":
        query = SearchQuery(
            " & ".join(f"{word}:*" for word in wanted), config="simple", search_type="raw"
        )
        return activities.alias(_words=StoredSearchWords()).filter(_words=query)
    for word in wanted:
        activities = activities.filter(
            Q(search_text__startswith=word) | Q(search_text__contains=f" {word}")
        )
    return activities
