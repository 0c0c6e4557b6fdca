"""Chinese full-text search.

PostgreSQL's parsers keep a run of Chinese as one token and pg_trgm cannot serve two-character
words, so words are cut here (rjieba, with the division names and programme terms as a user
dictionary) and stored as a 'simple' tsvector; queries are cut the same way. On SQLite the
search is a plain substring match.
"""

from __future__ import annotations

import functools
import json
import re

import rjieba
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, QuerySet, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from measures.extraction.programs import NAMING_TERMS
from measures.extraction.regions import DIVISIONS_FILE

_WORD = re.compile(r"\w", re.UNICODE)
_SNIPPET = 60
RANKED = 500


@functools.cache
def _segmenter() -> rjieba.Jieba:
    segmenter = rjieba.Jieba()
    rows = json.loads(DIVISIONS_FILE.read_text(encoding="utf-8"))
    words = {name for row in rows for name in (row["name"], *row["aliases"]) if len(name) >= 2}
    words |= {term for terms in NAMING_TERMS.values() for term in terms.split()}
    for word in sorted(words):
        segmenter.add_word(word, 20000, "n")
    return segmenter


def index_words(text: str) -> str:
    """Words of a text for the index: every word and the shorter words inside long ones."""
    return " ".join(w.lower() for w in _segmenter().cut_for_search(text, hmm=False) if _WORD.search(w))


def query_words(query: str) -> list[str]:
    return [w.lower() for w in _segmenter().cut(query.strip(), hmm=False) if _WORD.search(w)]


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def search_vector_for(title: str, text: str):
    return SearchVector(Value(index_words(title)), config="simple", weight="A") + SearchVector(
        Value(index_words(text)), config="simple", weight="B"
    )


def bulletins_matching(queryset: QuerySet, query: str) -> QuerySet:
    """The bulletins that contain every word of ``query`` (order untouched; see ranked)."""
    words = query_words(query)
    if not words:
        return queryset
    if not uses_postgres():
        condition = Q()
        for word in words:
            condition &= Q(title__icontains=word) | Q(text__icontains=word)
        return queryset.filter(condition)
    return queryset.filter(search_vector=_search_query(words))


def ranked(queryset: QuerySet, query: str) -> QuerySet:
    """Best matches first. Only the newest RANKED matches are ranked: ranking every bulletin that
    contains a common word (扶贫) would read them all, and nobody pages that far."""
    words = query_words(query)
    if not words or not uses_postgres():
        return queryset
    search = _search_query(words)
    newest = queryset.order_by("-published_on", "-id").values("pk")[:RANKED]
    return (
        queryset.model.objects.filter(pk__in=newest)
        .defer("search_vector")
        .annotate(rank=SearchRank(F("search_vector"), search))
        .order_by("-rank", "-published_on", "-id")
    )


def _search_query(words: list[str]) -> SearchQuery:
    return SearchQuery(" ".join(words), config="simple", search_type="plain")


def snippet(text: str, query: str) -> SafeString:
    """A stretch of ``text`` around the first matched word, with every matched word marked."""
    words = sorted(set(query_words(query)), key=len, reverse=True)
    if not words:
        return escape(text[: _SNIPPET * 2])
    pattern = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, (first.start() if first else 0) - _SNIPPET)
    piece = text[start : start + _SNIPPET * 2 + 20]
    marked, position = [], 0
    for match in pattern.finditer(piece):
        marked.append(escape(piece[position : match.start()]))
        marked.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    marked.append(escape(piece[position:]))
    return mark_safe(("…" if start else "") + "".join(marked) + "…")  # every piece went through escape()
