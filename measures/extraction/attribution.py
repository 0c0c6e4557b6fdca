"""Region attribution: the division a figure belongs to.

The nearest governing mention wins: a division named earlier in the figure's own sentence
(not as one item of a list), else the division that governs its block, then its article,
then the whole bulletin.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

_SENTENCE_END = re.compile(r"[。！？；\n]")
_LIST_SEPARATORS = "、和及与"


class MentionLike(Protocol):
    code: str
    start: int
    end: int


class SectionLike(Protocol):
    title: str
    start: int
    end: int
    level: int


class RegionAttributor:
    def __init__(
        self, text: str, mentions: Sequence[MentionLike], sections: Sequence[SectionLike], title: str | None
    ) -> None:
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        self.sections = sorted(sections, key=lambda s: (s.level, s.start))
        self.document_code = self._governing(0, len(text), title or "", title_at=None)
        self._cache: dict[tuple[int, int], str | None] = {}

    def region_for(self, start: int) -> str | None:
        sentence_start = self._sentence_start(start)
        index = bisect.bisect_left(self.starts, start) - 1
        while index >= 0 and self.mentions[index].start >= sentence_start:
            mention = self.mentions[index]
            if not self._in_list(mention):
                return mention.code
            index -= 1
        for section in sorted(self._enclosing(start), key=lambda s: -s.level):
            key = (section.start, section.end)
            if key not in self._cache:
                self._cache[key] = self._governing(section.start, section.end, section.title, section.start)
            if self._cache[key]:
                return self._cache[key]
        return self.document_code

    def _sentence_start(self, position: int) -> int:
        index = bisect.bisect_left(self.sentence_ends, position) - 1
        return self.sentence_ends[index] + 1 if index >= 0 else 0

    def _enclosing(self, position: int) -> list[SectionLike]:
        return [s for s in self.sections if s.start <= position < s.end]

    def _in_list(self, mention: MentionLike) -> bool:
        before = self.text[mention.start - 1 : mention.start]
        after = self.text[mention.end : mention.end + 1]
        return bool(before and before in _LIST_SEPARATORS) or bool(after and after in _LIST_SEPARATORS)

    def _governing(self, start: int, end: int, title: str, title_at: int | None) -> str | None:
        inside = [m for m in self.mentions if start <= m.start < end and not self._in_list(m)]
        counts = Counter(m.code for m in inside)
        if title_at is not None:
            in_title = [m for m in inside if m.start < title_at + len(title)]
            if in_title:
                # "衢江平武…协作": of the divisions a title names, the one the article keeps returning to.
                return max(in_title, key=lambda m: (counts[m.code], -m.start)).code
        elif title:
            # The bulletin's title ("重庆扶贫专报") names the division everything else belongs to.
            for mention in self.mentions[:20]:
                if self.text[mention.start : mention.end] in title:
                    return mention.code
        if not counts:
            return None
        (code, count), *rest = counts.most_common(2)
        first = next(m.start for m in inside if m.code == code)
        # Governing means named early and most often, not named in one passage late in the span.
        if count < 2 or (rest and rest[0][1] == count) or first > start + (end - start) / 3:
            return None
        return code
