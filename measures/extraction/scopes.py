"""Scopes for attribution: which division a section, an article or the whole text is about.

A paragraph is about the division it opens with (岷县地处…。该县…全县… is 岷县's). A section is about
the division its heading names; failing that, the one its first sentence names (定西市岷县人民医院，
是… puts the section in 岷县); failing that, the one it keeps naming from its start. A heading that
names only the helping side of a pairing (某区结对帮扶见成效) hands the scope to the one recipient, or
keeps the helper when it helps several. A scope is never wider than the one around it.

The whole text is about the division its headline names, else the one its lead names (甘肃定西岷县
某村… → 岷县: the most specific link of the chain), else the only county it names. A chain of
divisions counts through its most specific link; divisions that do not form one chain name no scope.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from .blocks import SectionLike, clip_sections, is_heading
from .pairing import PairingVotes, Place, Sides, encloses, level, most_specific, related

# A division followed by one of these (within a short name) is part of a company, outlet or society
# name: it says where the body comes from, not where the figure is.
_ORGANISATION_HEADS = "有限公司|公司|集团|企业|网站|网|日报|晚报|报社|电视台|广播电台|银行|商会|协会"
_ORGANISATION = re.compile(rf"(?P<name>[\u4e00-\u9fff（）()]{{0,6}}?)(?:{_ORGANISATION_HEADS})")
# ... and one of these is a school or hospital of that division, which speaks for its own clause.
_INSTITUTION_HEADS = "医院|卫生院|学校|小学|中学|大学|学院|职教中心|幼儿园|农大|师大|医大|科学院|研究院|研究所"
_INSTITUTION = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{0,6}}?)(?:{_INSTITUTION_HEADS})")
# Any head within reach (a name and its head fit in 12 characters): without one neither pattern can
# match, which most places are decided by, with one scan instead of two tries.
_ANY_HEAD = re.compile(f"{_ORGANISATION_HEADS}|{_INSTITUTION_HEADS}")
_NAME_REACH = 12
_NAME_BREAKERS = re.compile(r"[在对为与和向给把将被是有建设开实推组共累等的出投及、]")
_DATELINE = re.compile(r"[\d０-９]{1,2}月[\d０-９]{1,2}日电")
_DATELINE_HEADS = frozenset("0123456789０１２３４５６７８９电")
_LIST_SEPARATORS = "、和及与"
_SUFFIXES = "省市县区州旗盟"
_CLAUSE_MARKS = re.compile(r"[、，,。；;：:！？\n]")
_SENTENCE_END = re.compile(r"[。！？；;\n]")
_ITEM_OPENERS = "、，,：:；;。\n将把对为在与和及"
_ENUMERATION_GAP = 12
# What may come before a paragraph's topic: white space and a time phrase (2016年，/近年来/今年以来，).
OPENER = re.compile(
    r"\s*(?:(?:[\d０-９]{1,4}年(?:[\d０-９]{1,2}月(?:[\d０-９]{1,2}日)?)?|今年|去年|近年|近些年|近年来|目前|同时|此外)"
    r"(?:以来|来|起|底|初|上半年|下半年)?[，,]?)?\s*"
)
_LEAD_PARAGRAPHS = 3
_LEAD_MIN_CHARS = 20
_UNKNOWN = "?"  # not worked out yet (the caches hold None for "no division")


class ScopeFinder:
    def __init__(self, text: str, places: Sequence[Place], sections: Sequence[SectionLike], title: str | None) -> None:
        self.text = text
        self.places = places
        self.starts = [p.start for p in places]
        self._kinds: dict[int, str | None] = {}  # place start → organisation, institution, dateline; lazily
        self._governs: dict[int, bool] = {}  # place start → can_govern, asked for every place of many spans
        self._lists = self._list_members()
        self._prefixes = {a.start for a, b in pairwise(places) if a.end == b.start and encloses(a.code, b.code)}
        self.codes = Counter(p.code for p in places if not p.town)
        self.sections = clip_sections(sections)
        self._innermost_first = sorted(self.sections, key=lambda s: -s.level)  # stable: text order within a level
        votes = PairingVotes(text, places, self.starts)
        self.clause_ends = votes.clause_ends
        self.document_sides = votes.sides()
        self.top_level = min((x.level for x in self.sections), default=1)
        articles = sorted((s for s in self.sections if s.level == self.top_level), key=lambda s: s.start)
        self.articles = [(s.start, s.end, votes.sides(s.start, s.end, self.document_sides)) for s in articles]
        self._article_starts = [start for start, _end, _sides in self.articles]
        # Positions where the set of enclosing sections changes: scopes are cached per stretch between.
        self._bounds = sorted({x for s in self.sections for x in (s.start, s.end)})
        self._cache: dict[tuple[int, int, int], str | None] = {}
        self._scopes: dict[tuple[int, int], str | None] = {}
        self._section_scopes: dict[int, list[str | None]] = {}
        self._topics: dict[int, str | None] = {}
        self._cities: set[str] | None = None
        self.document_code = self._document_scope(title or "")

    # -- what a place can do ----------------------------------------------------------------------

    def embedded(self, place: Place) -> bool:
        """Inside a company, outlet or society name, or a dateline: never governs."""
        return self._kind(place) in ("organisation", "dateline")

    def institution(self, place: Place) -> bool:
        return self._kind(place) == "institution"

    def _kind(self, place: Place) -> str | None:
        kind = self._kinds.get(place.start, _UNKNOWN)
        if kind is _UNKNOWN:
            kind = self._kinds[place.start] = self._organisation(place)
        return kind

    def in_list(self, place: Place) -> bool:
        return place.start in self._lists

    def can_govern(self, place: Place) -> bool:
        """Not inside a name, not one item of a list, and not the prefix of a chain (定西市 of 定西市岷县)."""
        governs = self._governs.get(place.start)
        if governs is None:
            governs = self._governs[place.start] = (
                not self.embedded(place) and not self.in_list(place) and place.start not in self._prefixes
            )
        return governs

    def named(self, code: str) -> bool:
        return code in self.codes

    def named_as_city(self, code: str) -> bool:
        """True when the text calls the division a 市 somewhere (靖远县 no, 玉门市 yes)."""
        if self._cities is None:
            self._cities = {p.code for p in self.places if self.text[p.end - 1 : p.end] == "市"}
        return code in self._cities

    def sides_at(self, position: int) -> Sides:
        index = bisect.bisect_right(self._article_starts, position) - 1
        if index >= 0 and position < self.articles[index][1]:
            return self.articles[index][2]
        return self.document_sides

    # -- scopes -----------------------------------------------------------------------------------

    def scope_at(self, position: int) -> str | None:
        """The paragraph's division, else the innermost section's, else the text's; never one wider
        than a scope around it (a prefecture's paragraph opening with its province, 近年来，甘肃…, is
        still the prefecture's)."""
        paragraph = self.text.rfind("\n", 0, position) + 1
        stretch = bisect.bisect_right(self._bounds, position)
        key = (stretch, paragraph)
        scope = self._scopes.get(key, _UNKNOWN)
        if scope is _UNKNOWN:
            if stretch not in self._section_scopes:
                self._section_scopes[stretch] = self._sections_at(position)
            scopes = [self._paragraph_scope(paragraph), *self._section_scopes[stretch], self.document_code]
            scope = self._scopes[key] = next(
                (code for index, code in enumerate(scopes)
                 if code and not any(o and o != code and encloses(code, o) for o in scopes[index + 1 :])),
                None,
            )
        return scope

    def _sections_at(self, position: int) -> list[str | None]:
        """The scopes of the sections enclosing ``position``, innermost first."""
        enclosing = [s for s in self._innermost_first if s.start <= position < s.end]
        scopes = []
        for section in enclosing:
            key = (section.start, section.end, section.level)
            if key not in self._cache:
                self._cache[key] = self._section_scope(section)
            scopes.append(self._cache[key])
        return scopes

    def _paragraph_scope(self, start: int) -> str | None:
        """The division the paragraph at ``start`` opens with (岷县地处…。该县…全县…): its topic."""
        if start not in self._topics:
            self._topics[start] = self._topic(start)
        return self._topics[start]

    def _topic(self, start: int) -> str | None:
        line_end = self.text.find("\n", start)
        line = self.text[start : line_end if line_end >= 0 else len(self.text)]
        opener = OPENER.match(line)
        at = start + (opener.end() if opener else len(line) - len(line.lstrip()))
        index = bisect.bisect_left(self.starts, at)
        if index == len(self.places) or self.places[index].start != at:
            return None
        chain = [self.places[index]]
        while index + 1 < len(self.places) and self.places[index + 1].start == chain[-1].end:
            index += 1
            chain.append(self.places[index])
        last = chain[-1]
        if self.embedded(last) or self.in_list(last) or self.sides_at(at).donor_side(last.code):
            return None
        return last.code

    def _section_scope(self, section: SectionLike) -> str | None:
        if not is_heading(section.title, measure=section.level > self.top_level):
            return None  # a byline, date line, table row or lead sentence heads nothing
        sides = self.sides_at(section.start)
        heading_end = self._heading_end(section)
        heading = [p for p in self._inside(section.start, heading_end) if not self.embedded(p)]
        own = [p for p in heading if not sides.donor_side(p.code)]
        if own:
            code = most_specific(p.code for p in own)
            if code:
                return code
            return self._most_named([p.code for p in own], section.start, section.end)
        lead = self._lead_scope(heading_end, section.end, sides)
        if lead:
            return lead
        if heading:  # only the helper is named: its one recipient, or the helper itself
            return sides.recipient() or most_specific(p.code for p in heading)
        return self._frequent(section.start, section.end, sides)

    def _heading_end(self, section: SectionLike) -> int:
        found = self.text.find(section.title, section.start, section.start + len(section.title) + 12)
        return found + len(section.title) if found >= 0 else section.start

    def _lead_scope(self, start: int, end: int, sides: Sides) -> str | None:
        """The division the first sentence after ``start`` names, when it names one chain."""
        while start < end and self.text[start] in "\n 　\t。":
            start += 1
        match = _SENTENCE_END.search(self.text, start, end)
        stop = match.start() if match else end
        return most_specific(p.code for p in self._governing(start, stop, sides))

    def _document_scope(self, title: str) -> str | None:
        sides = self.document_sides
        if title:
            named = {p.code for p in self.places if not p.town and _in_title(self.text[p.start : p.end], title)
                     and not self.embedded(p)}
            own = [code for code in named if not sides.donor_side(code)]
            if own:
                return most_specific(own) or self._most_named(own, 0, len(self.text))
            if named:  # a headline naming only the helper: its one recipient, or the helper
                return sides.recipient() or most_specific(named)
        for start, end in self._lead_paragraphs():
            found = self._governing(start, end, sides)
            if found:
                code = most_specific(p.code for p in found)
                if code:
                    return code
                break
        counties = {p.code for p in self.places if level(p.code) == 2}
        if len(counties) <= 2:  # a text naming three or more counties is no one county's
            counties = {p.code for p in self.places if p.code in counties and not self.embedded(p)
                        and not sides.donor_side(p.code)}
        if len(counties) == 1:
            return counties.pop()
        return self._frequent(0, len(self.text), sides)

    def _lead_paragraphs(self) -> list[tuple[int, int]]:
        paragraphs, position = [], 0
        for line in self.text.split("\n"):
            stripped = line.strip()
            if len(stripped) >= _LEAD_MIN_CHARS and not stripped.startswith(("本报记者", "记者", "通讯员")):
                paragraphs.append((position, position + len(line)))
            position += len(line) + 1
            if len(paragraphs) == _LEAD_PARAGRAPHS:
                break
        return paragraphs

    def _most_named(self, codes: Sequence[str], start: int, end: int) -> str | None:
        """Of several divisions a heading names, the one the span keeps returning to."""
        inside = [p for p in self._inside(start, end) if p.code in codes]
        counts = Counter(p.code for p in inside)
        if not counts:
            return None
        # Named most often; on a tie, named first (甲县与乙县共建…: the subject).
        return max(counts, key=lambda code: (counts[code], -next(p.start for p in inside if p.code == code)))

    def _frequent(self, start: int, end: int, sides: Sides) -> str | None:
        """Named most often and early: governing means named from the start, not in one late passage."""
        inside = self._governing(start, end, sides)
        counts = Counter(p.code for p in inside)
        if not counts:
            return None
        (code, count), *rest = counts.most_common(2)
        first = next(p.start for p in inside if p.code == code)
        if count < 2 or (rest and rest[0][1] == count) or first > start + (end - start) / 3:
            return None
        return code

    # -- helpers ----------------------------------------------------------------------------------

    def _governing(self, start: int, end: int, sides: Sides) -> list[Place]:
        """The places between ``start`` and ``end`` that can govern and are not on the helping side."""
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        governs = self.can_govern
        if not sides.recipients:  # nobody receives: no place is on the helping side
            return [p for p in self.places[low:high] if governs(p)]
        return [p for p in self.places[low:high] if governs(p) and not sides.donor_side(p.code)]

    def _inside(self, start: int, end: int) -> list[Place]:
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return list(self.places[low:high])

    def _organisation(self, place: Place) -> str | None:
        text, end = self.text, place.end
        # Through a chain of divisions to the name's head: 定西市岷县人民医院.
        index = bisect.bisect_left(self.starts, end)
        while index < len(self.places) and self.places[index].start == end:
            end = self.places[index].end
            index += 1
        if text[end : end + 1] in _DATELINE_HEADS and (
            _DATELINE.match(text, end) or (text.startswith("电", end) and text[place.start - 1 : place.start] == "社")
        ):
            return "dateline"
        if not _ANY_HEAD.search(text, end, end + _NAME_REACH):
            return None  # no name's head within reach: the common case
        for pattern, kind in ((_ORGANISATION, "organisation"), (_INSTITUTION, "institution")):
            match = pattern.match(text, end)
            if match and not _NAME_BREAKERS.search(match.group("name")) and not self._inside(end, match.end()):
                return kind
        return None

    def _enumerated(self, left: Place, right: Place, gap: str) -> bool:
        """甲县干部培训、乙县产业培训: two items of one enumeration, each opened by its division."""
        if len(gap) > _ENUMERATION_GAP or not gap.endswith("、") or _CLAUSE_MARKS.search(gap[:-1]):
            return False
        before = self.text[max(0, left.start - 2) : left.start]
        return not before or before[-1] in _ITEM_OPENERS or before == "其中"

    def _list_members(self) -> set[int]:
        """Starts of the places that are one item of a list of different divisions (甲县、乙县和丙县)."""
        members: set[int] = set()
        pairs = list(pairwise(self.places))
        text = self.text
        for left, right in pairs:
            distance = right.start - left.end
            # Every list separator sits right before the next item: 甲县、乙县, 甲县干部培训、乙县….
            if not 0 < distance <= _ENUMERATION_GAP or text[right.start - 1] not in _LIST_SEPARATORS:
                continue
            if related(left.code, right.code):
                continue
            gap = text[left.end : right.start]
            if (len(gap) == 1 and gap in _LIST_SEPARATORS) or self._enumerated(left, right, gap):
                members.update((left.start, right.start))
        # 甲县等贫困县: one example of a set, which no one member governs.
        members.update(p.start for p in self.places if self.text.startswith("等", p.end))
        # An item is the whole chain it heads or ends, with the towns it names: 定西市岷县、临夏州某乡和某镇.
        for ordered in (pairs, pairs[::-1]) if members else ():
            for left, right in ordered:
                if right.start - left.end > 1 or (left.start not in members and right.start not in members):
                    continue
                gap = self.text[left.end : right.start]
                joined = not gap or (len(gap) == 1 and gap in _LIST_SEPARATORS and related(left.code, right.code))
                if joined and (left.start in members or right.start in members):
                    members.update((left.start, right.start))
        return members


def _in_title(name: str, title: str) -> bool:
    # A name can only be in the headline if its first character is (the cheap test for most names).
    return name[:1] in title and _bare(name) in title


def _bare(name: str) -> str:
    """岷县 stays, 定西市 → 定西: a headline often drops the suffix (定西：…)."""
    return name[:-1] if len(name) > 2 and name[-1] in _SUFFIXES else name
