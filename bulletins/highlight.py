"""Render a bulletin's cleaned text with its extracted spans highlighted, escaping everything.

Offsets are Python code points. The text is cut at every span boundary and each piece becomes
one element carrying its start offset, so the browser never has to count characters itself
(it counts UTF-16 units, and place names outside the BMP would shift every later highlight).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True, slots=True)
class Span:
    kind: str  # metric | region | program
    ident: int | str
    start: int
    end: int


def highlighted_text(text: str, spans: Iterable[Span]) -> SafeString:
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    opening: dict[int, list[Span]] = {}
    for span in spans:
        opening.setdefault(span.start, []).append(span)
    active: list[Span] = []
    pieces = []
    for start, end in itertools.pairwise(cuts):
        active = [s for s in active if s.end > start] + opening.get(start, [])
        kinds = sorted({s.kind for s in active})
        attributes = "".join(
            f' data-{kind}="{escape(",".join(str(s.ident) for s in active if s.kind == kind))}"' for kind in kinds
        )
        classes = " ".join(f"hl-{kind}" for kind in kinds)
        pieces.append(
            f'<span class="seg {classes}" data-start="{start}"{attributes}>{escape(text[start:end])}</span>'
        )
    return mark_safe("".join(pieces))  # every piece of text above went through escape()


def spans_for(bulletin, mentions=None) -> list[Span]:
    """Spans of the bulletin's metrics, region mentions (pass them if already loaded) and programme titles."""
    if mentions is None:
        mentions = bulletin.region_mentions.select_related("region")
    spans = [Span("metric", m.pk, m.start, m.end) for m in bulletin.metrics.all() if m.start is not None]
    spans += [Span("region", r.region.code, r.start, r.end) for r in mentions]
    for program in bulletin.programs.all():
        if program.start is None or not program.title:
            continue
        heading = bulletin.text.find(program.title, program.start, (program.end or len(bulletin.text)) + 1)
        if heading >= 0:
            spans.append(Span("program", program.pk, heading, heading + len(program.title)))
    return spans
