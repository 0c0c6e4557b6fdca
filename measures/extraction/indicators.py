"""Indicators: the noun phrase a figure counts, taken from the words around it.

The text is segmented and tagged once (rjieba: jieba's dictionary, in Rust).
A count usually names its noun after the measure word ("6950户贫困户", "25个贫困村"); money
and shares name theirs before ("协议总投资近60亿", "占贫困家庭收入的60%"). Short core phrases
are preferred: a reviewer reads them at a glance.
"""

from __future__ import annotations

import bisect

import rjieba

_CLAUSE_END = set("，。；、：！？,;:!?\n（）()《》【】|")
_WINDOW = 24
# Nouns, noun-like verbs, place and organisation names, idioms used as nouns.
_NOUNISH = {"n", "vn", "nz", "nt", "ns", "nr", "an", "ng", "nl", "l", "j", "b", "zg", "g"}
_VERBISH = {"v", "vd", "vi"}
_MODIFIERS = _VERBISH | {"a", "ad", "d"}
# Words between a noun and its figure that say nothing about what is counted.
_LINK_WORDS = set(
    """
    共 共计 累计 合计 总计 分别 达 达到 为 有 约 近 超过 逾 超 计 了 到 至 是 的 其中 均 已 将 预计 可以 可
    全年 当年 今年 每年 年均 人均 户均 每人 每户 每人每年 每户每年 每人每月 新增 增加 给予 拿出 安排 投入 筹集
    完成 实现 提供 帮助 带动 惠及 覆盖 提高 提高到 增加到 增至 降至 下降到 降低到 达到了
    """.split()
)
# Verbs that sit inside noun compounds of the genre: 精准扶贫工作队, 医疗救助基金, 扶贫专项资金.
_COMPOUND_VERBS = set("扶贫 脱贫 帮扶 救助 示范 服务 管理 建设 保障 培训".split())
_LEADING_WORDS = set("其中 全市 全县 全区 全州 全省 并 和 及 与 对 向 在 把 让 使 由 从 以 通过 按照".split())
_TAIL_PARTICLES = "的了和及与等"


def indicator_for(text: str, start: int, end: int, unit: str) -> str | None:
    """The indicator of the figure at text[start:end] (unit as canonicalised), or None when none is near."""
    return IndicatorFinder(text).indicator_for(start, end, unit)


class IndicatorFinder:
    """Indicators for many figures of one text; the text is segmented once, lazily."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens: list[tuple[int, int, str, str]] | None = None
        self._starts: list[int] = []

    def indicator_for(self, start: int, end: int, unit: str) -> str | None:
        after = _phrase_after(self._window(end, forward=True))
        before, only_verbs = _phrase_before(self._window(start, forward=False))
        counted = unit not in ("元", "%") and not unit.startswith("元/")
        if after and (counted or not before or only_verbs):
            return after
        return before or after

    def _window(self, position: int, *, forward: bool) -> list[tuple[str, str]]:
        clause = _clause(self.text, position, forward=forward)
        low, high = (position, position + len(clause)) if forward else (position - len(clause), position)
        if self._tokens is None:
            self._segment()
        index = bisect.bisect_left(self._starts, low)
        tokens = []
        while index < len(self._tokens) and self._tokens[index][0] < high:
            _token_start, token_end, word, flag = self._tokens[index]
            if token_end > high:
                return _tagged(clause)  # a word straddles the figure's edge: tag the clause alone
            tokens.append((word, flag))
            index += 1
        first = bisect.bisect_left(self._starts, low)
        if low > 0 and (first >= len(self._starts) or self._starts[first] != low):
            return _tagged(clause)  # the clause starts inside a word: tag it alone
        return [(w, f) for w, f in tokens if w.strip()]

    def _segment(self) -> None:
        tokens, position = [], 0
        for word, flag in rjieba.tag(self.text, hmm=False):
            tokens.append((position, position + len(word), word, flag))
            position += len(word)
        self._tokens = tokens
        self._starts = [t[0] for t in tokens]


def _clause(text: str, position: int, *, forward: bool) -> str:
    if forward:
        stop = position
        while stop < len(text) and text[stop] not in _CLAUSE_END and stop - position < _WINDOW:
            stop += 1
        return text[position:stop]
    begin = position
    while begin > 0 and text[begin - 1] not in _CLAUSE_END and position - begin < _WINDOW:
        begin -= 1
    return text[begin:position]


def _tagged(words: str) -> list[tuple[str, str]]:
    if not words.strip():
        return []
    return [(word, flag) for word, flag in rjieba.tag(words, hmm=False) if word.strip()]


def _phrase_after(tokens: list[tuple[str, str]]) -> str | None:
    tokens = [(w, f) for w, f in tokens if w not in "“”\"'"]
    if tokens and tokens[0][0] in ("的", "之"):
        tokens = tokens[1:]
    phrase: list[tuple[str, str]] = []
    seen_noun = False
    for word, flag in tokens[:6]:
        # Modifiers may open the phrase ("扶贫专项资金"); after its noun, a verb ends it ("贫困户种植").
        allowed = (
            flag in _NOUNISH
            or (flag in _MODIFIERS and not seen_noun and len(phrase) < 3)
            or word in _COMPOUND_VERBS
        )
        if not allowed or word in _LINK_WORDS:
            break
        seen_noun = seen_noun or flag in _NOUNISH
        phrase.append((word, flag))
    # A phrase must end on a noun: "贫困户开展" → "贫困户".
    while phrase and phrase[-1][1] not in _NOUNISH:
        phrase.pop()
    return _join(phrase)


def _phrase_before(tokens: list[tuple[str, str]]) -> tuple[str | None, bool]:
    tokens = [(w, f) for w, f in tokens if w not in "“”\"'"]
    skippable = {"d", "p", "c", "u", "uj", "ul", "m", "r", "q", "eng", "x", "f"}
    while tokens and (tokens[-1][0] in _LINK_WORDS or tokens[-1][1] in skippable or len(tokens[-1][0]) == 1):
        tokens.pop()
    phrase: list[tuple[str, str]] = []
    for word, flag in reversed(tokens):
        if word in _LEADING_WORDS or flag not in _NOUNISH | _VERBISH or len(phrase) == 3:
            break
        if flag in ("ns", "nr", "t") and phrase:
            break  # "酉阳县资助": the place is the figure's region, not its indicator
        phrase.insert(0, (word, flag))
    while phrase and phrase[0][1] in ("ns", "nr") and len(phrase) > 1:
        phrase.pop(0)
    if phrase and all(flag in ("ns", "nr", "nt") for _word, flag in phrase):
        return None, False  # a place or a body is the figure's region or source, not what it counts
    only_verbs = bool(phrase) and all(flag in _VERBISH for _word, flag in phrase)
    return _join(phrase), only_verbs


def _join(phrase: list[tuple[str, str]]) -> str | None:
    words = "".join(word for word, _flag in phrase).strip(_TAIL_PARTICLES)
    return words[:16] or None
