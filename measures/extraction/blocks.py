"""Blocks: the spans of a text that can report a programme, from the sections structure found.

Four repairs on the sections, for the measures that read them:

- a section ends where the next section of its own or a higher level begins (a numbered block
  never runs on into the next chapter);
- a "heading" that is a byline, a date or source line, a rule, a table row, a quotation or a lead
  sentence is no heading: the first article takes the text's headline instead (a masthead only when
  the text is one article), and any other such section names nothing;
- a heading cut at its colon gets the rest of its line back (甲县：产业帮扶乙县);
- a subheading the structure missed is found by its shape: feature pages give their subheads one
  form (果园有人管，销路有人找 / 新房建起来，日子好起来), so a standalone line of the same length
  and punctuation as two detected subheads is a third.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol


class SectionLike(Protocol):
    title: str
    start: int
    end: int
    level: int


@dataclass(frozen=True, slots=True)
class Block:
    title: str
    start: int
    end: int
    level: int


_BYLINE = re.compile(r"^(?:本报|新华社|中新社)?(?:记者|通讯员|作者|撰稿|文/|文：|图/)")
_SOURCE_OR_DATE = re.compile(
    r"来源\s*[:：]|(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*[:：]\s*\d{2}|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月"
)
_SOURCE_OR_DATE_HINT = re.compile(r"[来\d年]")  # one of these is in every match: a quick scan first
# A headline that is a bulletin's masthead (某市脱贫攻坚简报第7期) names no programme of its own.
_MASTHEAD = re.compile(r"简报|专报|快报|通报|动态|第\s*[\d一二三四五六七八九十百零〇]+\s*期")
_WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_TABLE_ROW = re.compile(r"[|｜\t]")
_QUOTES = "“”\"'‘’「」『』"
_SENTENCE_MARKS = re.compile(r"[。！？!?]")
_LONGEST_HEADING = 40
_PUNCTUATION = re.compile(r"[，,、：:；;！!？?“”\"（）()·—\s]")
_SHAPE_SIBLINGS = 2  # subheads of one shape already found before a third is trusted
_SHAPE_MAX = 20
_SHORT_LINE = re.compile(rf"^[ \t\u3000]*([^\n]{{1,{_SHAPE_MAX}}}?)[ \t\u3000]*$", re.MULTILINE)
_COLON_REST = 30  # the longest rest of a heading line after its colon


def clip_sections(sections: Sequence[SectionLike]) -> list[SectionLike]:
    """Sections ending no later than the next section of the same or a higher level."""
    ordered = sorted(sections, key=lambda s: (s.start, s.level))
    out: list[SectionLike] = []
    for index, section in enumerate(ordered):
        end = section.end
        for later in ordered[index + 1 :]:
            if later.start > section.start and later.level <= section.level:
                end = min(end, later.start)
                break
        out.append(section if end == section.end else Block(section.title, section.start, end, section.level))
    return out


def is_heading(title: str, measure: bool = False) -> bool:
    """False for a byline, a date or source line, a quotation or a sentence standing where a heading goes.

    A numbered measure (``measure``) may be titled by its whole opening sentence; an article may not.
    """
    title = title.strip()
    if not _WORDS.search(title) or _TABLE_ROW.search(title) or title.endswith("。"):
        return False  # a rule (━━━), a table row or a sentence
    if _BYLINE.match(title) or (_SOURCE_OR_DATE_HINT.search(title) and _SOURCE_OR_DATE.search(title)):
        return False
    if title[0] in _QUOTES or _SENTENCE_MARKS.search(title.rstrip("。！？!?")):
        return False
    return measure or len(title) <= _LONGEST_HEADING


def programme_blocks(text: str, sections: Sequence[SectionLike], headline: str | None) -> list[Block]:
    """The blocks that can each report a programme, with a real heading as title, in text order."""
    found = [Block(s.title, s.start, s.end, s.level) for s in sections]
    found += _shaped_subheads(text, found)
    blocks = []
    top = min((s.level for s in found), default=1)
    tops = [s.start for s in found if s.level == top]
    # A masthead (某州易地扶贫搬迁工作简报) stands for the text only when the text is one article.
    usable = bool(headline) and (len(tops) == 1 or not _MASTHEAD.search(headline or ""))
    for section in clip_sections(found):
        title = _whole_heading(text, section)
        if not is_heading(title, measure=section.level != top):
            if section.level != top or section.start != min(tops) or not usable:
                continue
            title = headline or title
        blocks.append(Block(title, section.start, section.end, section.level))
    return blocks


def _whole_heading(text: str, section: SectionLike) -> str:
    """The title with the rest of its line when the structure cut it at a colon: 甲县：教育医疗帮扶乙县."""
    title = section.title
    at = text.find(title, section.start, section.start + len(title) + 12)
    if at < 0:
        return title
    end = at + len(title)
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)].rstrip()
    if rest[:1] in ("：", ":") and 1 < len(rest) <= _COLON_REST and not _SENTENCE_MARKS.search(rest):
        return title + rest
    return title


def _shape(line: str) -> tuple[int, tuple[tuple[int, str], ...]]:
    return len(line), tuple((m.start(), m.group(0)) for m in _PUNCTUATION.finditer(line))


def _shaped_subheads(text: str, sections: Sequence[Block]) -> list[Block]:
    shapes = Counter((_shape(s.title.strip()), s.level) for s in sections if len(s.title.strip()) <= _SHAPE_MAX)
    wanted = {shape: level for (shape, level), count in shapes.items() if count >= _SHAPE_SIBLINGS}
    if not wanted:
        return []
    known = {s.start for s in sections}
    lengths = {shape[0] for shape in wanted}
    extra = []
    for line_start, start, stripped, line_end in _short_lines(text):
        if len(stripped) not in lengths or start in known:
            continue
        level = wanted.get(_shape(stripped))
        if level is None or not is_heading(stripped):
            continue
        before = text[:line_start].rstrip().rsplit("\n", 1)[-1].strip()
        after = text[line_end:].lstrip().split("\n", 1)[0].strip()
        if len(before) > len(stripped) and len(after) > len(stripped):
            extra.append(Block(stripped, start, len(text), level))
    return extra


def _short_lines(text: str) -> Iterator[tuple[int, int, str, int]]:
    """What _SHORT_LINE.finditer(text) finds, as (line start, start, the line's words, line end).

    A match never leaves its line, so the pattern is tried on the lines short enough for it only,
    rather than at every position of the text.
    """
    position = 0
    for line in text.split("\n"):
        if len(line.strip(" \t\u3000")) <= _SHAPE_MAX:  # more words than that: no match
            match = _SHORT_LINE.fullmatch(line)
            if match:
                yield position, position + match.start(1), match.group(1), position + len(line)
        position += len(line) + 1
