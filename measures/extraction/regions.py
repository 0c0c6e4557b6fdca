"""Regions: the administrative divisions a text names, with their current codes and offsets.

One pass of an Aho–Corasick automaton (pyahocorasick, built once per gazetteer) finds every official
name, short form (酉阳县, 酉阳, 甘孜州) and former name (开县, 梁平县) in the text; overlapping hits
keep the longest, then the leftmost. Then rules decide, in rounds:

1. Forms that cannot be much else count at once: full names and suffixed forms of three or more
   characters (綦江区, 甘孜州, 梁平县), province names (四川, 重庆), bare forms of three or more
   characters (黔东南), and unique two-character prefecture forms (保定, 绵阳).
2. What they name, and everything above it, is the context. A name several divisions share (朝阳,
   鼓楼区) goes to the one the context supports best, is left out on a tie, and a bare province
   form (河北, 海南) stays the province unless the other reading is supported at prefecture level.
3. Risky forms need support: a two-character form on a one-character stem (开县, 忠县) needs its
   province or prefecture in the text; a form that is also a common word (东方, 和平, 城区) needs its
   parent right before it (北京朝阳, 攀枝花市东区).
4. A bare two-character county form (平武, 酉阳) counts when supported, or when it is unique and does
   not look like a person's given name (preceded by a common surname, followed by 书记, 同志 ...);
   one that does needs its prefecture named. A bare form followed by 镇, 村, 路, 流域, 山区, 精神 ...
   names a town, road, river, mountain or legacy instead and is left out.

Two-character and bare forms must also stand on word boundaries: jieba (rjieba, on a small window
around the hit only) must not put either edge inside a word, so 召开县委 is not 开县 and 确保定期 is
not 保定. A bare form that opens with 镇 or 乡 right after a name jieba does not know (屯字镇原店子村)
is read across a town's name and is left out too, unless a word or a parent name ends before it
(赴镇原, 庆阳镇原). Whatever its form, a name is no mention of the place when it is part of an
outlet's name (浙江在线, 四川日报, 某地华龙网) or the place a dispatch was filed from (新华社北京6月8日电).
What stays unresolved is left out rather than guessed.
"""

from __future__ import annotations

import functools
import gc
import json
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import ahocorasick
import rjieba

DIVISIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "divisions.json"

# A form ending in one of these, and not just the start of the official name, names the kind of
# division it is (甘孜州, 开县, 梁平县): a "suffixed" form. Other short forms are "bare".
_SUFFIXES = ("省", "市", "县", "区", "州", "盟", "旗", "地区")
_MUNICIPALITIES = ("11", "12", "31", "50")
_WINDOW = 6  # characters of context either side of a hit that jieba sees

# Place names that are also ordinary words or much better-known other things (会同 "together with",
# 全州 "the whole prefecture", 中山 of 中山医院). As bare forms, and as the few official names listed
# (城区, 东区, 老城区), they count only right after their parent (攀枝花市东区, 北京朝阳); their
# suffixed forms (会同县, 中山市) are unaffected.
COMMON_WORD_FORMS = frozenset(
    """
    东方 和平 新华 长安 太平 城关 白云 江南 开放 平安 永和 通道 宁远 安全 发展 中山 合作 南山 北山 东山
    西山 青山 金山 宝山 河东 河西 城中 城东 城西 城北 城南 市中 市北 市南 新城 新市 铁东 铁西 向阳 红旗
    前进 胜利 友谊 大方 安宁 互助 共和 新兴 光明 江山 武功 资源 东风 新民 安定 富民 兴业 长寿 万年 乐业
    大通 泰山 衡山 普陀 凤凰 永安 普安 新化 永康 宁安 龙泉 石林 清河 南部 永兴 兴安 东兴 江北 江东 河口
    城厢 仁和 太和 平和 惠民 利民 高新 东港 富裕 复兴 友好 宏伟 丰满 大兴 无为 中方 南岸 三元 三台 五台
    二七 二道 九台 工农 前锋 回民 爱民 天台 小店 平房 清水 港口 灯塔 老城 同心 公安 会同 名山 大厂 大观
    天涯 桃源 梨树 樟树 洞口 海盐 盐池 石棉 磐石 长子 莲花 芙蓉 海棠 紫金 运河 高台 民权 左权 双桥 石门
    黑水 宝塔 元宝 同仁 红桥 温泉 白沙 白水 玉泉 龙凤 康乐 高明 阳春 明光 玄武 梁山 黄龙 七星 大丰 和顺
    比如 振兴 解放 延长 安居 开化 湖里 台前 路北 路南 江岸 新建 平原 太湖 九龙 三江 长白 青龙 来宾 安康
    白银 阿里 海西 金川 长宁 象山 西湖 通州 南沙 鼓楼 龙华 龙山 龙港 全州 兴隆 商城 博爱
    城区 郊区 矿区 东区 西区 老城区 城东区 城西区 城北区
    """.split()
)
# Common surnames: a bare county form right after one is more often a given name (张建平, 李平武).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧董袁潘蒋蔡杜叶魏吕丁沈姚卢姜崔钟谭陆"
    "汪范廖贾夏韦邹孟熊秦邱薛闫阎段雷侯史陶黎贺顾郝龚邵覃戴莫孔汤尹乔赖庞樊殷施牛童骆聂温柴钱毛"
)
_PERSON_TITLES = ("同志", "书记", "主任", "局长", "县长", "市长", "部长", "先生", "女士", "老师", "教授", "院长",
                  "校长", "主席", "委员", "代表", "经理", "处长", "科长", "副")
# A bare form followed by one of these tokens names a town, village or road, not the division ...
_NOT_A_DIVISION_AFTER = frozenset({"镇", "乡", "村", "路", "街", "巷", "大道", "街道", "社区"})
# ... and one followed by these names the river, mountains or legacy named after it (嫩江右岸, 大兴安岭南麓,
# 吕梁山片区, 延安精神).
_NOT_THE_PLACE_AFTER = ("流域", "沿岸", "两岸", "右岸", "左岸", "江畔", "河畔", "湖畔", "上游", "中游", "下游", "干流",
                        "支流", "水系", "河谷", "峡谷", "山区", "山片区", "片区", "山脉", "南麓", "北麓", "精神")

# What may follow a name that is not the place itself, in one pattern:
# - an outlet's name (浙江在线, 四川日报, 某地华龙网讯): a newspaper or broadcaster, or a site (a brand of
#   up to three characters and 网, or 在线) that ends at a boundary, so 网络, 网箱, 在线教育 go on as words;
# - the day a dispatch was filed (新华社北京6月8日电, 本报南宁电): the place of a dateline, when an agency
#   stands right before the name.
_OUTLETS = ("日报", "晚报", "早报", "商报", "都市报", "法制报", "农民报", "手机报", "卫视", "电视台", "广播电视台",
            "人民广播电台", "新闻网")
_NOT_THE_PLACE = re.compile(
    "(?P<outlet>" + "|".join(_OUTLETS)
    + r"|(?:[\u4e00-\u9fff]{0,3}网|在线)(?=[\s，。、；：:）)」”》讯电]|消息|报道|记者|$))"
    r"|(?P<dateline>\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"
    r"\s*日\s*(?:电|讯|消息)|\s*(?:电|讯)(?=[（(\s]))"
)
_OUTLET_FIRST = frozenset(word[0] for word in _OUTLETS)
_AGENCY_END = frozenset("社网报台线闻端心")

# A town or township name ends in 镇 or 乡: after name characters, a bare form that starts with that
# character reads across the boundary (…镇 + 原…村 is not 镇原县, …乡 + 宁…村 not 乡宁县).
_TOWN_ENDS = frozenset("镇乡")
_VILLAGE_AHEAD = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:村|社区|居委会|嘎查|组)")
# Parts of speech after which a place name starts a new word: prepositions, conjunctions, verbs,
# particles, adverbs and pronouns (赴镇原, 与镇原, 的镇原).
_WORD_BEFORE_NAME = ("p", "c", "v", "u", "d", "r")

_FULL, _SUFFIXED, _BARE = 0, 1, 2
_START = operator.attrgetter("start")


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
    mention: str  # the form as printed: text[start:end] == mention
    start: int  # code-point offsets into the text
    end: int


@dataclass(frozen=True, slots=True)
class _Form:
    """One string the automaton finds, with what it can name and what that means for checking it."""

    text: str
    entries: tuple[tuple[str, int], ...]  # (code, kind) for every division the form can name
    bare: bool  # a bare form of some division: 酉阳, 保定, 四川
    official: bool  # the official name of some division: 綦江区, 泾县
    checked: bool  # needs the word-boundary check: bare or two characters long
    common: bool  # in COMMON_WORD_FORMS


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    form: _Form
    person_like: bool = False
    index: int = 0  # position among the hits of the text
    code: str | None = None  # the division it was resolved to


class Gazetteer:
    def __init__(self, divisions: Iterable[Division]) -> None:
        self.divisions: dict[str, Division] = {d.code: d for d in divisions}
        self._ancestors: dict[str, tuple[str, ...]] = {code: self._chain(code) for code in self.divisions}
        forms: dict[str, dict[str, int]] = {}
        for division in self.divisions.values():
            for form in (division.name, *division.aliases):
                if form == division.name:
                    kind = _FULL
                elif division.name.startswith(form) or not form.endswith(_SUFFIXES):
                    kind = _BARE
                else:
                    kind = _SUFFIXED
                by_code = forms.setdefault(form, {})
                by_code[division.code] = min(kind, by_code.get(division.code, kind))
        # pyahocorasick looks a character up among a node's children one by one, so the root's
        # thousand distinct first characters made every step slow. Spelled in hex digits (four per
        # UTF-16 unit) no node has more than 16 children and the one pass is three to four times faster.
        self._forms = frozenset(forms)
        self._automaton = ahocorasick.Automaton()
        for form, by_code in forms.items():
            kinds = set(by_code.values())
            bare = _BARE in kinds
            value = _Form(
                text=form,
                entries=tuple(sorted(by_code.items())),
                bare=bare,
                official=_FULL in kinds,
                checked=bare or len(form) == 2,
                common=form in COMMON_WORD_FORMS,
            )
            self._automaton.add_word(_hex(form), (4 * len(form), value))
        self._automaton.make_automaton()

    def _chain(self, code: str) -> tuple[str, ...]:
        chain: list[str] = []
        division = self.divisions.get(code)
        while division is not None and division.parent and division.parent not in chain:
            chain.append(division.parent)
            division = self.divisions.get(division.parent)
        return tuple(chain)

    def get(self, code: str) -> Division | None:
        return self.divisions.get(code)

    def ancestors(self, code: str) -> list[str]:
        """The parent chain, nearest first: 500242 → [500000]; 513324 → [513300, 510000]."""
        return list(self._ancestors.get(code, ()))

    def province_of(self, code: str) -> str:
        """The province-level division a division belongs to (itself for a province)."""
        if code not in self.divisions:
            raise KeyError(code)
        chain = self._ancestors[code]
        return chain[-1] if chain else code

    def find_mentions(self, text: str) -> list[RegionMention]:
        """Every mention of a division in the text, in text order."""
        hits = self._hits(text)
        implied: set[str] = set()  # the divisions accepted so far, and everything above them
        # Round 0 takes what needs no context, rounds 1-2 what the context then supports, and the
        # last round the unsupported bare county forms, which add nothing to the context.
        for round_ in range(4):
            for hit in hits:
                if hit.code is None:
                    hit.code = self._decide(hit, hits, implied, round_)
            named = {hit.code for hit in hits if hit.code}
            implied = named | {ancestor for code in named for ancestor in self._ancestors[code]}
        return [
            RegionMention(hit.code, self.divisions[hit.code].name, hit.form.text, hit.start, hit.end)
            for hit in hits
            if hit.code
        ]

    # -- candidates -------------------------------------------------------------------------------

    def _hits(self, text: str) -> list[_Hit]:
        encoded = _hex(text)
        unit = _utf16_offsets(text) if len(encoded) != 4 * len(text) else None
        # (-length, start, form) of every hit: forms are all in the BMP, four hex digits a character, and a
        # hit that does not begin on a multiple of four matched the hex spelling across a character boundary.
        hits = self._automaton.iter(encoded)
        if unit is None:
            raw = [(-(digits >> 2), (last + 1 - digits) >> 2, form)
                   for last, (digits, form) in hits if not (last + 1 - digits) & 3]
        else:
            raw = [(-(digits >> 2), unit[(last + 1 - digits) >> 2], form)
                   for last, (digits, form) in hits if not (last + 1 - digits) & 3]
        # Longest first, then leftmost; a hit inside a longer plausible one is no mention of its own.
        # (No two entries share length and start, so the forms themselves are never compared.)
        raw.sort()
        taken = bytearray(len(text))
        chosen = []
        for negative_length, start, form in raw:
            end = start - negative_length
            if taken[start] or taken[end - 1]:
                continue  # no hit contains a longer one, so overlapping one means covering an end
            hit = _Hit(start, end, form)
            if self._plausible(text, hit):
                taken[start:end] = b"\x01" * (end - start)
                chosen.append(hit)
        chosen.sort(key=_START)
        for index, hit in enumerate(chosen):
            hit.index = index
        return chosen

    def _plausible(self, text: str, hit: _Hit) -> bool:
        form, after = hit.form, text[hit.end : hit.end + 1]
        # 吉林市场 is a market, 城市中区域 no district; 河南县域 the counties of Henan.
        if (after == "场" and form.text[-1] == "市") or (after == "域" and form.text[-1] == "区"):
            return False
        if after == "域" and form.text[-1] == "县" and not form.official:
            return False
        # Cheap tests first (this runs for every hit): what could start an outlet's name, or an agency.
        ahead = text[hit.end : hit.end + 4]
        agency = hit.start and text[hit.start - 1] in _AGENCY_END
        if ahead and (agency or ahead[0] in _OUTLET_FIRST or "网" in ahead or "在线" in ahead):
            beside = _NOT_THE_PLACE.match(text, hit.end)
            if beside and (beside.group("outlet") or agency):
                return False
        if not form.checked:
            return not self._starts_inside_a_word(text, hit)
        before = text[hit.start - 1 : hit.start]
        if not ("\u4e00" <= before <= "\u9fff" or "\u4e00" <= after <= "\u9fff"):
            return True  # punctuation, a digit or the text's edge on both sides: a word of its own (、平武、)
        left = max(0, hit.start - _WINDOW)
        tokens = rjieba.cut(text[left : hit.end + _WINDOW], hmm=False)
        bounds = list(accumulate(map(len, tokens), initial=left))  # where words start and end
        if hit.start not in bounds or hit.end not in bounds:
            return False
        following = bounds.index(hit.end)
        if form.bare and (
            (following < len(tokens) and tokens[following] in _NOT_A_DIVISION_AFTER)
            or text.startswith(_NOT_THE_PLACE_AFTER, hit.end)
        ):
            return False
        if form.text[0] in _TOWN_ENDS and self._closes_a_town(text, hit):
            return False
        hit.person_like = before in _SURNAMES or text.startswith(_PERSON_TITLES, hit.end)
        return True

    @staticmethod
    def _starts_inside_a_word(text: str, hit: _Hit) -> bool:
        """西南部县城: a longer name (南部县) whose first characters end a word begun before it.

        Only the left edge counts: a full name may well run on into a word (平武县城, 绵阳市区). jieba
        cuts the window only when the two characters across that edge make a dictionary word.
        """
        start = hit.start
        # A word across the edge nearly always makes a word of the two characters either side of it
        # too (西南部: 西南); only then is the window cut.
        before = text[start - 1 : start]
        if not ("\u4e00" <= before <= "\u9fff") or not rjieba.has_word(before + text[start]):
            return False
        left = max(0, start - _WINDOW)
        tokens = rjieba.cut(text[left : hit.end], hmm=False)
        return start not in accumulate(map(len, tokens), initial=left)

    def _closes_a_town(self, text: str, hit: _Hit) -> bool:
        """屯字镇原店子村: the form's 镇 ends the town before it, so the form is no word of its own."""
        before = text[hit.start - 1 : hit.start]
        if not ("\u4e00" <= before <= "\u9fff"):
            return False
        left = max(0, hit.start - _WINDOW)
        tagged = rjieba.tag(text[left : hit.start], hmm=False)
        if not tagged:
            return False
        word, tag = tagged[-1]
        if tag.startswith(_WORD_BEFORE_NAME) or word in self._forms:
            return False  # 赴镇原, 庆阳镇原: a word or a parent name ends right before the form
        return len(word) == 1 or bool(_VILLAGE_AHEAD.match(text, hit.end))

    # -- decisions --------------------------------------------------------------------------------

    def _decide(self, hit: _Hit, hits: list[_Hit], implied: set[str], round_: int) -> str | None:
        form, common = hit.form, hit.form.common
        if len(form.entries) > 1:
            return self._choose(hit, hits, implied, common) if round_ else None
        code, kind = form.entries[0]
        level = self.divisions[code].level
        if not common and (
            level == "province" or len(form.text) > 2 or (level == "prefecture" and not hit.person_like)
        ):
            return code
        if not round_:
            return None
        support = self._support(code, hit, hits, implied)
        if common:
            return code if support == 4 else None
        if support >= (2 if hit.person_like else 1):  # 李平武书记 in a Sichuan text is still a name
            return code
        if round_ == 3 and kind == _BARE and level == "county" and not hit.person_like:
            return code  # unique, no common word and no given name: 平武 alone
        return None

    def _support(self, code: str, hit: _Hit, hits: list[_Hit], implied: set[str]) -> int:
        """4: right after its parent (甘孜州九龙县); 3: named itself; 2: its prefecture; 1: its province."""
        ancestors = self._ancestors[code]
        if hit.index:
            previous = hits[hit.index - 1]
            if previous.end == hit.start and previous.code and previous.code in ancestors:
                return 4
        if code in implied:
            return 3
        for ancestor in ancestors:
            if ancestor in implied:
                return 1 if self.divisions[ancestor].level == "province" else 2
        return 0

    def _choose(self, hit: _Hit, hits: list[_Hit], implied: set[str], common: bool) -> str | None:
        """One division for a name several share, or None when the text does not tell them apart."""
        scores = {code: self._support(code, hit, hits, implied) for code, _kind in hit.form.entries}
        provinces = [code for code in scores if self.divisions[code].level == "province"]
        if provinces:
            # 河北 beside 天津 is still the province; 海南 beside 海南州 is the prefecture.
            province = provinces[0]
            others = [code for code in scores if code != province and scores[code] >= max(2, scores[province] + 1)]
            return max(others, key=scores.__getitem__) if others else province
        best = max(scores.values())
        if common and best < 4:
            return None
        tied = [code for code, score in scores.items() if score == best]
        if len(tied) == 1:
            return tied[0]
        for code in tied:
            if all(code == other or code in self._ancestors[other] for other in tied):
                return code  # 和田: the prefecture over its own 和田市 and 和田县
        prefectures = [code for code in tied if self.divisions[code].level == "prefecture"]
        municipal = any(code.startswith(_MUNICIPALITIES) for code in tied)
        if len(prefectures) == 1 and not municipal:
            return prefectures[0]  # 西安: the city, not 西安区 of Liaoyuan; but 朝阳 stays open
        return None


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex()


def _utf16_offsets(text: str) -> list[int]:
    """Code-point offset of every UTF-16 unit, for the rare text with characters beyond the BMP."""
    offsets: list[int] = []
    for index, char in enumerate(text):
        offsets.extend([index] * (2 if ord(char) > 0xFFFF else 1))
    offsets.append(len(text))
    return offsets


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer of measures/data/divisions.json, built once per process."""
    rows = json.loads(DIVISIONS_FILE.read_text(encoding="utf-8"))
    gazetteer = Gazetteer(
        Division(r["code"], r["name"], r["level"], r.get("parent"), tuple(r.get("aliases", ()))) for r in rows
    )
    # Everything loaded by now lives as long as the process: the gazetteer (some 17,000 objects), the
    # pipeline's modules, Django's. A full garbage collection walks all of it, 15-20 ms once every few
    # dozen parses (the slowest parse of a batch); collected once more and frozen, it is left out of
    # later collections, which walk only what was created since.
    gc.collect()
    gc.freeze()
    return gazetteer
