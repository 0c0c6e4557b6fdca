"""Finding metrics whose indicator contains every one of some words, fast on PostgreSQL.

A million figures share far fewer indicator names. Migration 0009 keeps those names in
``measures_indicator_name`` (filled by triggers on every insert and update of a metric, so no
write path can forget it), indexed by their characters and character pairs (``fupin_grams``:
pg_trgm's trigrams cannot serve two-character words, which most Chinese words are). A filter
first looks up the names that contain the words — a few milliseconds over the small table — and
then asks for ``indicator IN (names)``: an equality the covering index answers alone and whose
selectivity the planner can estimate from the column's statistics, where a substring test has none.
Names no metric uses any more stay in the table; they only ever match nothing.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet


def word_grams(word: str) -> list[str]:
    """The grams a word's indicator must contain: its character pairs, or the character itself."""
    word = word.lower()
    if len(word) < 2:
        return [word]
    return sorted({word[i : i + 2] for i in range(len(word) - 1)})


def indicator_names_containing(words: list[str]) -> list[str]:
    """Every indicator name in use that contains all the words, whatever their case (PostgreSQL)."""
    grams = sorted({gram for word in words for gram in word_grams(word)})
    # The grams narrow through the index; ILIKE then checks each word in order (a longer word's pairs
    # can all be present without the word itself: 户贫困 has 贫困 but not 贫困户).
    likes = " AND ".join(["name ILIKE %s"] * len(words))
    patterns = [f"%{connection.ops.prep_for_like_query(word)}%" for word in words]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT name FROM measures_indicator_name WHERE fupin_grams(name) @> %s::text[] AND {likes}",
            [grams, *patterns],
        )
        return [name for (name,) in cursor.fetchall()]


def indicators_containing(queryset: QuerySet, words: list[str]) -> QuerySet:
    """Metrics of ``queryset`` whose indicator contains every word (a substring match, any case)."""
    if not words:
        return queryset
    if connection.vendor != "postgresql":
        for word in words:
            queryset = queryset.filter(indicator__icontains=word)
        return queryset
    return queryset.filter(indicator__in=indicator_names_containing(words))
