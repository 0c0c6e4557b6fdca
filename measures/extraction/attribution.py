"""Region attribution: the division a figure belongs to.

The nearest governing mention wins, in this order:

1. a division the figure is written against (天津3个区, 岷县共有12所学校);
2. the nearest division before the figure in its sentence that can govern it, or a 全省/全市 marker
   nearer still; of a division and its own province named after it, the division (某州争取某省指标
   300个). A division cannot govern when it is one item of a list of divisions or an example (甲县等),
   sits inside a company, outlet or society name (山东企业, 定西日报, 某市书法协会) or a dateline,
   belongs to the helping side of a pairing text (the figures of 东西部扶贫协作 are the recipient's,
   unless the helper sends its own people and the sentence names no destination), is where migrant
   workers went (到天津就业), or names a school or hospital in an earlier clause (依托某县中学开设
   培训班，培训800人 is not the school's count);
3. the division the figure goes to, named after it (选派技术员6人赴岷县, 拨付80万元支持渭源县…);
4. the scope of the paragraph (the division it opens with), of each enclosing section, innermost
   first, then of the whole text (see scopes.py).
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence

from .pairing import MentionLike, Place, encloses, level, linked_towns, prefecture_of, province_of, related
from .scopes import OPENER, ScopeFinder, SectionLike

__all__ = ["MentionLike", "RegionAttributor", "SectionLike"]

_SENTENCE_MARKS = "。！？；;\n"
_CLAUSE_END = re.compile(r"[。！？；;，,：:\n]")
# Between a division and its figure: 天津3个区, 岷县共有12所, 渭源县有近30%.
_ADJACENT_FILLERS = frozenset({"", "共", "有", "共有", "累计", "计"})
# 全省累计减贫120万人: the figure is the province's, whatever county the sentence started with.
_WHOLE = re.compile(r"全(省|自治区|市|州|县)")
_SENDING = re.compile("派出|选派|派遣|抽调|下派")
_DESTINATION = re.compile("赴|到|前往|下沉|进驻|该院|该县|该村")
_RECIPIENT_AFTER = re.compile("赴|到|前往|帮扶|帮助|支援|支持|援助|用于|落户")
_RECIPIENT_REACH = 8
_FOLLOWING_REACH = 80  # a goal named further on than this after the figure is not its goal
_GOING = ("到", "赴", "去", "前往")
_WORK = re.compile(r".{0,2}(?:就业|务工|打工)")
_DIGIT = re.compile(r"[0-9０-９]")
_NUMBER_CHARS = "0123456789.０１２３４５６７８９．"
_START = operator.attrgetter("start")


class RegionAttributor:
    def __init__(
        self, text: str, mentions: Sequence[MentionLike], sections: Sequence[SectionLike], title: str | None
    ) -> None:
        self.text = text
        divisions = [Place(m.code, m.start, m.end) for m in mentions]
        self.places = sorted(divisions + linked_towns(text, divisions), key=_START)
        self.starts = [p.start for p in self.places]
        self.scopes = ScopeFinder(text, self.places, sections, title)
        self.clause_ends = self.scopes.clause_ends
        self.sentence_ends = [end for end in self.clause_ends if text[end] in _SENTENCE_MARKS]
        # Whether each place can govern at all, whatever the figure (not in a name, a list or a chain's
        # prefix, not where migrant workers went); worked out when first asked.
        self._governs: list[bool | None] = [None] * len(self.places)
        self._whole_codes: dict[tuple[str, str], str | None] = {}

    def region_for(self, start: int) -> str | None:
        text, places, starts = self.text, self.places, self.starts
        sentence_at = bisect.bisect_left(self.sentence_ends, start)
        sentence_start = self.sentence_ends[sentence_at - 1] + 1 if sentence_at else 0
        clause_at = bisect.bisect_left(self.clause_ends, start)
        clause_start = self.clause_ends[clause_at - 1] + 1 if clause_at else 0
        whole = self._whole_marker(clause_start, start) if text.find("全", clause_start, start) >= 0 else None
        whole_code = None  # what the marker means, worked out when needed
        found = None
        sides = None
        last = bisect.bisect_left(starts, start) - 1
        first = bisect.bisect_left(starts, sentence_start, 0, last + 1) if last >= 0 else 0
        # The places before the figure in its sentence, nearest first.
        for index in range(last, first - 1, -1):
            place = places[index]
            if place.end > start:
                continue
            if whole and whole[0] >= place.end:
                whole_code = self._whole_code(whole[1], start)
                if whole_code:
                    break
                whole = None  # a marker that means nothing here (no such division named)
            if found is None and start - place.end <= 2 and text[place.end : start] in _ADJACENT_FILLERS:
                if not self.scopes.embedded(place):
                    return place.code  # written right against it: 天津3个区
            governs = self._governs[index]
            if governs is None:
                governs = self._governs[index] = self.scopes.can_govern(place) and not self._labour_destination(place)
            if not governs:
                continue
            if place.start < clause_start and self.scopes.institution(place) and not self._leads(place, sentence_start):
                continue
            if sides is None:
                sides = self.scopes.sides_at(start)
            if sides.donor_side(place.code) and not self._donors_own(place, start):
                continue
            if found is None:
                found = place
            elif place.code != found.code and encloses(found.code, place.code):
                # 某州争取某省指标300个: a province named after its own prefecture is context.
                return place.code
        if found is not None:
            return found.code
        if whole:
            whole_code = whole_code or self._whole_code(whole[1], start)
            if whole_code:
                return whole_code
        if last + 1 < len(places) and places[last + 1].start - start < _FOLLOWING_REACH:
            goal = self._recipient_after(start, last + 1, clause_at, sentence_at)
            if goal:
                return goal
        return self.scopes.scope_at(start)

    # -- rules ------------------------------------------------------------------------------------

    def _sentence_end(self, position: int) -> int:
        index = bisect.bisect_left(self.sentence_ends, position)
        return self.sentence_ends[index] if index < len(self.sentence_ends) else len(self.text)

    def _leads(self, place: Place, sentence_start: int) -> bool:
        """True when the place (or the chain it ends: 定西市岷县) opens its sentence, after a time phrase at most."""
        start = place.start
        index = bisect.bisect_left(self.starts, place.start) - 1
        while index >= 0 and self.places[index].end == start:
            start = self.places[index].start
            index -= 1
        opener = OPENER.match(self.text, sentence_start, start)
        return opener is not None and opener.end() == start

    def _labour_destination(self, place: Place) -> bool:
        """到天津就业300人: where workers went; the figure is their home's."""
        return self.text[place.start - 2 : place.start].endswith(_GOING) and bool(
            _WORK.match(self.text, place.end)
        )

    def _donors_own(self, place: Place, start: int) -> bool:
        """The helper's own figure: people it sends with no destination named (甲市派出干部20名;
        with 赴乙县 after it they are the recipient's)."""
        sending = _SENDING.search(self.text, place.end, start)
        if not sending or _CLAUSE_END.search(self.text, sending.end(), start):
            return False
        return not _DESTINATION.search(self.text, start, self._sentence_end(start))

    def _whole_marker(self, clause_start: int, start: int) -> tuple[int, str] | None:
        found = None
        for match in _WHOLE.finditer(self.text, clause_start, start):
            found = (match.end(), match.group(1))
        return found

    def _whole_code(self, unit: str, start: int) -> str | None:
        """The province, prefecture or county of the text's scope that 全省, 全市 or 全县 means."""
        scope = self.scopes.scope_at(start)
        if scope is None:
            return None
        key = (unit, scope)
        if key not in self._whole_codes:
            self._whole_codes[key] = self._whole_of(unit, scope)
        return self._whole_codes[key]

    def _whole_of(self, unit: str, scope: str) -> str | None:
        if unit in ("省", "自治区"):
            code = province_of(scope)
        elif unit in ("市", "州"):
            code = scope if level(scope) == 2 and self.scopes.named_as_city(scope) else prefecture_of(scope)
        else:
            code = scope if level(scope) == 2 else None
        return code if code and self.scopes.named(code) else None

    def _recipient_after(self, start: int, index: int, clause_at: int, sentence_at: int) -> str | None:
        """The division the figure goes to, named right after a verb of giving or going that follows it.

        ``index`` is the first place at or after ``start``, ``clause_at`` and ``sentence_at`` the first
        clause and sentence end at or after it (region_for has them already).
        """
        ends, sentence_ends = self.clause_ends, self.sentence_ends
        sentence_end = sentence_ends[sentence_at] if sentence_at < len(sentence_ends) else len(self.text)
        # The goal must be named in the figure's clause or the next one.
        next_end = clause_at + 1
        reach = min(sentence_end, ends[next_end] if next_end < len(ends) else len(self.text))
        if index == len(self.places) or self.places[index].start >= reach:
            return None
        sides = self.scopes.sides_at(start)
        for verb in _RECIPIENT_AFTER.finditer(self.text, start, reach):
            between = self.text[start : verb.start()]
            # Another figure in between starts another fact.
            if _DIGIT.search(between.lstrip(_NUMBER_CHARS)) or "其中" in between:
                return None  # 输转1万人次，其中到天津就业300人: the part's goal, not the whole's
            while index < len(self.places) and self.places[index].start < verb.end():
                index += 1
            if index == len(self.places):
                return None
            place = self.places[index]
            if place.start - verb.end() > _RECIPIENT_REACH or place.start >= sentence_end:
                continue
            if sides.donor_side(place.code) or self.scopes.embedded(place) or self.scopes.in_list(place):
                continue
            stop = bisect.bisect_left(self.starts, place.end + _RECIPIENT_REACH + 4, index)
            following = self.places[index:stop]
            # 用于帮扶甲县、乙县: several recipients, none of them alone.
            if any(not related(p.code, place.code) and self.scopes.in_list(p) for p in following):
                return None
            chain = place
            for other in following[1:]:
                if other.start == chain.end and related(other.code, chain.code):
                    chain = other
            return chain.code
        return None
