"""Finding metrics whose indicator contains a word, fast on PostgreSQL.

Migration 0006 indexes every indicator's characters and character pairs (``fupin_grams``), so a
word is first narrowed by the pairs it contains — exact for one- and two-character words, which
most Chinese words are — and then checked with ILIKE on the column itself, whose statistics give
the planner a true row estimate (Django's icontains wraps the column in UPPER(), which has none).
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import F, Func, Q, QuerySet, TextField
from django.db.models.lookups import Lookup


class ILike(Lookup):
    """``column ILIKE '%word%'`` (PostgreSQL)."""

    lookup_name = "ilike_contains"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs}::text ILIKE {rhs}", [*lhs_params, *rhs_params]

    def get_db_prep_lookup(self, value, connection):
        return "%s", [f"%{connection.ops.prep_for_like_query(value)}%"]


def word_grams(word: str) -> list[str]:
    """The grams a word's indicator must contain: its character pairs, or the character itself."""
    word = word.lower()
    if len(word) < 2:
        return [word]
    return sorted({word[i : i + 2] for i in range(len(word) - 1)})


def indicators_containing(queryset: QuerySet, word: str) -> QuerySet:
    if connection.vendor != "postgresql":
        return queryset.filter(indicator__icontains=word)
    grams = Func(F("indicator"), function="fupin_grams", output_field=ArrayField(TextField()))
    return queryset.alias(indicator_grams=grams).filter(
        Q(indicator_grams__contains=word_grams(word)) & Q(indicator__ilike_contains=word)
    )
