"""Regions: the administrative divisions a text names, with their current codes and offsets.

One pass of an Aho–Corasick automaton (pyahocorasick) over the text finds every candidate
name, short form and former name; then three rules decide: a short form must sit on a word
boundary (rjieba, jieba's dictionary, on a small window only), a name shared by several divisions is resolved by
the provinces and prefectures the text names unambiguously, and a bare county short form
needs its province in context. What stays unresolved is left out rather than guessed.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import rjieba

DIVISIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "divisions.json"
_SUFFIXES = (*"省市县区州盟旗", "地区", "林区", "特区", "自治区")

# Short forms that are ordinary words far more often than places; only their suffixed forms count.
COMMON_WORD_SHORT_FORMS = frozenset(
    """
    东方 和平 新华 长安 太平 城关 白云 江南 开放 平安 永和 通道 宁远 安全 发展 中山 合作 南山 北山 东山 西山
    青山 金山 宝山 河东 河西 城中 城东 城西 城北 城南 市中 新城 新市 铁东 铁西 向阳 红旗 前进 胜利 友谊 大方
    安宁 互助 共和 新兴 光明 江山 武功 资源 全州 东风 新民 长治 安定 富民 兴业 长寿 万年 乐业 大通 双城 城区
    郊区 矿区 东区 西区 南区 北区 中区 白山 黄山 泰山 华山 衡山 峨眉 普陀 和田 阳光 团结 民主 龙山 凤凰
    永安 普安 新化 永康 宁安 龙泉 石林 金平 清河 东乡 西乡 南部 永兴 兴安
    东兴 新会 华容 江北 江东 河口 城厢 丰城 宁南 安远 仁和 太和 平和 华安 义安 平山 高平 永宁 新宁 东宁
    望城 安化 惠民 利民 文安 福安 昌平 正定 高新 西区 东港
    """.split()
)
_BOUNDARY_OK_TAIL = set("县区市州旗盟")



@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    level: str  # province | prefecture | county
    parent: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RegionMention:
    code: str  # current 6-digit code
    name: str  # current official name
    mention: str  # as printed: text[start:end] == mention
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Entry:
    code: str
    strong: bool  # a full or suffixed name: needs no context to count


class Gazetteer:
    def __init__(self, divisions: Iterable[Division]) -> None:
        self.divisions = {d.code: d for d in divisions}
        entries: dict[str, list[_Entry]] = {}
        for division in self.divisions.values():
            for form in (division.name, *division.aliases):
                strong = form == division.name or form.endswith(_SUFFIXES) or division.level == "province"
                if len(form) < 3 and division.level != "province":
                    strong = False  # 泾县, 开县, 义县: too easily part of another word
                entries.setdefault(form, []).append(_Entry(division.code, strong))
        self._automaton = ahocorasick.Automaton()
        for form, found in entries.items():
            self._automaton.add_word(form, (form, tuple(found)))
        self._automaton.make_automaton()

    def get(self, code: str) -> Division | None:
        return self.divisions.get(code)

    def ancestors(self, code: str) -> list[str]:
        chain = []
        division = self.divisions.get(code)
        while division is not None and division.parent:
            chain.append(division.parent)
            division = self.divisions.get(division.parent)
        return chain

    def province_of(self, code: str) -> str:
        chain = [code, *self.ancestors(code)]
        return chain[-1]

    def find_mentions(self, text: str) -> list[RegionMention]:
        hits = self._longest_hits(text)
        hits = [h for h in hits if h[3] or self._stands_alone(text, h[0], h[1])]
        accepted: dict[int, str] = {}
        context: set[str] = set()
        # Two rounds: what the text names unambiguously first, then what that context resolves.
        for _round in range(2):
            for start, end, entries, _strong in hits:
                if start in accepted:
                    continue
                code = self._resolve(text[start:end], entries, context)
                if code:
                    accepted[start] = code
            context = set()
            for code in accepted.values():
                context.add(code)
                context.update(self.ancestors(code))
        mentions = []
        for start, end, _entries, _strong in hits:
            code = accepted.get(start)
            if code:
                mentions.append(RegionMention(code, self.divisions[code].name, text[start:end], start, end))
        return mentions

    def _longest_hits(self, text: str) -> list[tuple[int, int, tuple[_Entry, ...], bool]]:
        raw = []
        for end_index, (form, entries) in self._automaton.iter(text):
            start = end_index - len(form) + 1
            raw.append((start, end_index + 1, entries))
        # Longest first, then leftmost; a shorter name inside a longer one is not a mention.
        raw.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken = bytearray(len(text))
        chosen = []
        for start, end, entries in raw:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append((start, end, entries, any(e.strong for e in entries)))
        chosen.sort()
        return chosen

    def _stands_alone(self, text: str, start: int, end: int) -> bool:
        """A weak form counts only on word boundaries: 确保定期 is not 保定, 召开县委 is not 开县."""
        form = text[start:end]
        if form in COMMON_WORD_SHORT_FORMS:
            return False
        window_start = max(0, start - 8)
        window = text[window_start : min(len(text), end + 8)]
        position = window_start
        starts, ends = set(), set()
        for token in _segment(window):
            starts.add(position)
            position += len(token)
            ends.add(position)
        if start not in starts:
            return False
        if end in ends:
            return True
        # "酉阳县" segmented whole still ends the mention "酉阳" on a suffix.
        return text[end : end + 1] in _BOUNDARY_OK_TAIL and end + 1 in ends

    def _resolve(self, form: str, entries: tuple[_Entry, ...], context: set[str]) -> str | None:
        if len(entries) == 1:
            entry = entries[0]
            division = self.divisions[entry.code]
            if entry.strong or division.level != "county" or form.endswith(_SUFFIXES):
                return entry.code  # 2-character names like 开县 already passed the word-boundary check
            # A bare county short form (酉阳, 平武) needs its province or prefecture named elsewhere.
            return entry.code if set(self.ancestors(entry.code)) & context else None
        in_context = [e for e in entries if e.code in context or set(self.ancestors(e.code)) & context]
        if len(in_context) > 1:
            # Prefer the candidate whose own prefecture is named, then the highest level (吉林 → 吉林省).
            closest = [e for e in in_context if self.divisions[e.code].parent in context]
            in_context = closest or in_context
        if len(in_context) > 1:
            levels = {"province": 0, "prefecture": 1, "county": 2}
            in_context.sort(key=lambda e: levels[self.divisions[e.code].level])
            first, second = in_context[0], in_context[1]
            if levels[self.divisions[first.code].level] == levels[self.divisions[second.code].level]:
                return None
            return first.code
        if in_context:
            return in_context[0].code
        provinces = [e for e in entries if self.divisions[e.code].level == "province"]
        if len(provinces) == 1 and all(self.province_of(e.code) == provinces[0].code for e in entries):
            return provinces[0].code  # 吉林, 海南 alone: the province
        return None


def _segment(text: str) -> list[str]:
    return rjieba.cut(text, hmm=False)


@functools.cache
def load_gazetteer() -> Gazetteer:
    rows = json.loads(DIVISIONS_FILE.read_text(encoding="utf-8"))
    return Gazetteer(
        Division(r["code"], r["name"], r["level"], r.get("parent"), tuple(r.get("aliases", []))) for r in rows
    )
