"""Places for attribution: division codes, towns named under their county, and who helps whom.

Three things the attributor needs beyond the bare mentions:

- the code hierarchy (a province xx0000 contains its prefectures xxyy00 and counties), from the
  codes alone, so that 甘肃省定西市岷县 reads as one chain and its most specific link counts;
- towns and villages introduced under their county (岷县梅川镇某村, 渭源县甲乡和乙镇): the county is
  remembered, so a later bare 某村 or 乙镇 still names it;
- the sides of a pairing (东西部扶贫协作, 对口帮扶, 结对帮扶, 支援, 出资): the division before the
  pairing verb gives, the one after it (or after 对/为/向/赴) receives. A figure of a pairing text
  belongs to the recipient, so the attributor skips the donor's side.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise
from typing import NamedTuple, Protocol

import rjieba

_MUNICIPALITIES = ("11", "12", "31", "50")


class MentionLike(Protocol):
    code: str
    start: int
    end: int


class Place(NamedTuple):
    """A division mention, or a town standing for the county it was introduced under."""

    code: str
    start: int
    end: int
    town: bool = False


@functools.cache  # asked for the same few codes again and again, by every rule
def level(code: str) -> int:
    """0 province, 1 prefecture, 2 county (districts of the four municipalities included)."""
    if code[2:] == "0000":
        return 0
    if code[4:] == "00":
        return 1
    return 2


def encloses(outer: str, inner: str) -> bool:
    """True when ``outer`` is ``inner`` or one of its ancestors: 510000 and 510100 enclose 510113."""
    if outer == inner:
        return True
    if level(outer) == 0:
        return inner[:2] == outer[:2]
    return level(outer) == 1 and inner[:4] == outer[:4]


def related(a: str, b: str) -> bool:
    return encloses(a, b) or encloses(b, a)


def most_specific(codes: Iterable[str]) -> str | None:
    """The deepest code of a set that forms one chain (甘肃 ⊃ 定西市 ⊃ 岷县), else None."""
    chain = sorted(set(codes), key=level)
    if not chain or any(not encloses(a, b) for a, b in pairwise(chain)):
        return None
    return chain[-1]


def province_of(code: str) -> str:
    return code[:2] + "0000"


def prefecture_of(code: str) -> str:
    return province_of(code) if code[:2] in _MUNICIPALITIES else code[:4] + "00"


# -- towns -----------------------------------------------------------------------------------------

_TOWN = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:街道|社区|乡|镇|村|屯)")
# Characters that make a "town" a generic word (全村, 贫困村, 各乡镇, 城乡, 乡村) rather than a name.
_NOT_IN_TOWN_NAME = frozenset("各全本该每所贫困行政自然的和与及在城乡村镇个些等农山有")
_TOWN_JOINERS = "、和及与"


def linked_towns(text: str, mentions: Sequence[MentionLike]) -> list[Place]:
    """Every occurrence of a town or village first named right after its county, as that county."""
    links: dict[str, str | None] = {}
    for mention in mentions:
        if level(mention.code) != 2:
            continue
        position = mention.end
        while True:
            match = _TOWN.match(text, position)
            if not match or len(match.group(0)) < 3 or set(match.group(0)[:-1]) & _NOT_IN_TOWN_NAME:
                break
            if not _ends_a_word(text, match.end()):
                break  # 某县推进乡村振兴: the 乡 of 乡村, no town
            name = match.group(0)
            # The same name under two counties names neither.
            links[name] = mention.code if links.get(name, mention.code) == mention.code else None
            position = match.end()
            if text[position : position + 1] in _TOWN_JOINERS and _TOWN.match(text, position + 1):
                position += 1
    places = []
    for name, code in links.items():
        if code is None:
            continue
        start = text.find(name)
        while start >= 0:
            places.append(Place(code, start, start + len(name), town=True))
            start = text.find(name, start + len(name))
    return places


def _ends_a_word(text: str, position: int) -> bool:
    """True when jieba, on a small window, does not put ``position`` inside a word."""
    left = max(0, position - 4)
    bounds = list(accumulate(map(len, rjieba.cut(text[left : position + 3], hmm=False)), initial=left))
    return position in bounds


# -- pairing ---------------------------------------------------------------------------------------

_PAIRING = re.compile(
    "东西部扶贫协作|东西部协作|扶贫协作|对口帮扶|对口支援|结对帮扶|定点帮扶|对口扶贫|帮扶|支援|援建|援助|包扶|捐赠|捐助|捐资|出资"
)
_CLAUSE_END = re.compile(r"[。！？；;，,：:\n]")
# A division right after one of these is the object of the help: 天津市对甘南州…支援, 赴岷县开展对口帮扶.
_OBJECT_MARKERS = ("对", "为", "向", "给", "赴", "到", "帮助")
_PARTY_JOINERS = ("与", "和", "同", "及", "、")
_LIST_JOINERS = ("、", "和", "及", "与")
_RECIPIENT_REACH = 10  # characters after the verb within which its object is named
# A pairing term followed by one of these is a noun (the pairing work of one party), not a verb.
_AS_A_NOUN = ("工作", "简报", "专报", "办公室", "领导小组", "资金", "项目", "协议", "关系", "机制", "平台")


@dataclass(frozen=True, slots=True)
class Sides:
    """The divisions of a text that give help and those that receive it (most specific codes)."""

    donors: frozenset[str]
    recipients: frozenset[str]

    def donor_side(self, code: str) -> bool:
        """A donor, its ancestors and its own subdivisions, unless related to a recipient.

        With no recipient named, nobody else can own the figures: the donor keeps them.
        """
        return bool(self.recipients) and _donor_side(self.donors, self.recipients, code)

    def recipient(self) -> str | None:
        """The one division that receives, when there is one."""
        return most_specific(self.recipients)


@functools.lru_cache(maxsize=4096)
def _donor_side(donors: frozenset[str], recipients: frozenset[str], code: str) -> bool:
    if any(related(code, r) for r in recipients):
        return False
    return any(related(code, d) for d in donors)


class PairingVotes:
    """The donor and recipient votes of every pairing verb of a text, summed over any span of it."""

    def __init__(self, text: str, places: Sequence[Place], starts: Sequence[int] | None = None) -> None:
        self.text = text
        self.places = places
        self.starts = [p.start for p in places] if starts is None else starts
        self.clause_ends = [m.start() for m in _CLAUSE_END.finditer(text)]
        # (position, donor code or None, recipient codes) of every pairing verb, in text order.
        self.votes = [(verb.start(), *self._vote(verb.start(), verb.end())) for verb in _PAIRING.finditer(text)]
        self.positions = [position for position, _donor, _recipients in self.votes]

    def sides(self, start: int = 0, end: int | None = None, fallback: Sides | None = None) -> Sides:
        """Donors and recipients of the span by majority; a span without any vote takes ``fallback``."""
        low = bisect.bisect_left(self.positions, start)
        high = bisect.bisect_left(self.positions, len(self.text) if end is None else end)
        donor: Counter[str] = Counter()
        recipient: Counter[str] = Counter()
        for _position, giver, receivers in self.votes[low:high]:
            if giver:
                donor[giver] += 1
            recipient.update(receivers)
        if not donor and not recipient and fallback is not None:
            return fallback
        donors = {code for code in donor if donor[code] > recipient[code]}
        recipients = {code for code in recipient if recipient[code] >= donor[code]}
        return Sides(frozenset(donors), frozenset(recipients))

    def _vote(self, verb_start: int, verb_end: int) -> tuple[str | None, list[str]]:
        text = self.text
        index = bisect.bisect_left(self.clause_ends, verb_start) - 1
        clause_start = self.clause_ends[index] + 1 if index >= 0 else 0
        index = bisect.bisect_left(self.clause_ends, verb_end)
        clause_end = self.clause_ends[index] if index < len(self.clause_ends) else len(text)
        low = bisect.bisect_left(self.starts, clause_start)
        high = bisect.bisect_left(self.starts, clause_end)
        before = [p for p in self.places[low:high] if p.end <= verb_start]
        after = [p for p in self.places[low:high] if verb_end <= p.start]
        if text.startswith(_AS_A_NOUN, verb_end) and not after:
            return None, []  # 定西市东西部扶贫协作工作简报: a party's pairing work, no direction
        donor: list[Place] = []
        recipient: list[Place] = []
        if before:
            chain = _chain_ending_at(before, len(before) - 1)
            head = chain[0]
            if text[max(clause_start, head.start - 2) : head.start].endswith(_OBJECT_MARKERS):
                recipient = chain
                earlier = [p for p in before if p.end <= head.start and not related(p.code, head.code)]
                donor = _chain_ending_at(earlier, len(earlier) - 1) if earlier else []
            elif _joined_to_another(text, before, head, clause_start):
                return None, []  # A与B签订…协议: two parties, no direction
            else:
                donor = chain
        else:
            # 对口帮扶某村的天津市某区: the helper named after 的.
            of = text.find("的", verb_end, clause_end)
            if 0 <= of - verb_end <= _RECIPIENT_REACH:
                named = [p for p in after if p.start == of + 1]
                if named:
                    donor = _chain_starting_at(after, after.index(named[0]))
        recipients = [recipient[-1].code] if recipient else []
        if not recipient and after:
            first = after[0]
            if first.start - verb_end <= _RECIPIENT_REACH and not any(first is d for d in donor):
                recipients = _listed_codes(text, after)
        return (donor[-1].code if donor else None), recipients


def _chain_ending_at(places: Sequence[Place], index: int) -> list[Place]:
    """The run of touching mentions that ends with places[index]: 甘肃省定西市岷县."""
    chain = [places[index]]
    while index > 0 and places[index - 1].end == chain[0].start:
        index -= 1
        chain.insert(0, places[index])
    return chain


def _chain_starting_at(places: Sequence[Place], index: int) -> list[Place]:
    chain = [places[index]]
    while index + 1 < len(places) and places[index + 1].start == chain[-1].end:
        index += 1
        chain.append(places[index])
    return chain


def _listed_codes(text: str, places: Sequence[Place]) -> list[str]:
    """The most specific code of each item of the list ``places`` opens: 定西市岷县、临夏州某乡和某镇."""
    codes = [places[0].code]
    for previous, place in pairwise(places):
        gap = text[previous.end : place.start]
        if gap and gap not in _LIST_JOINERS:
            break
        if not gap and encloses(codes[-1], place.code):
            codes[-1] = place.code  # 定西市 → 岷县: the chain's deeper link
        elif place.code not in codes:
            codes.append(place.code)
    return codes


def _joined_to_another(text: str, before: Sequence[Place], head: Place, clause_start: int) -> bool:
    """True when another division of the clause is joined to this one by 与, 和, 、 ..."""
    if not text[max(clause_start, head.start - 1) : head.start].endswith(_PARTY_JOINERS):
        return False
    return any(p.end <= head.start and not related(p.code, head.code) for p in before)
