"""Quantities: every figure in running Chinese text that reports an amount.

A grammar compiled once into one regular expression:

    [pre-qualifier] NUMBER [scale] [余|多] [–|至 NUMBER [scale] [余|多]] [万|亿] [MEASURE WORD] [post-qualifier]
    [pre-qualifier] 百分之NUMBER [post-qualifier]

NUMBER is Arabic (half- or full-width, thousands separators, decimals, "1亿2000万") or a Chinese
numeral (三千, 二十五, 一亿二千万, 零点八). A match is then judged by general rules of the genre: what
stands before it (第, 每, a phone label, a letter or another digit), what follows it (年, 月, 岁, 倍 …),
whether it sits inside a title 《…》 or a short quotation (slogans), and — for a bare 万/亿 without a
measure word — which noun the clause is about (资金 → 元, 人口 → 人, 贫困户 → 户).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

QUALIFIERS = ("exact", "approx", "over", "at_least", "at_most", "range")


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str  # as printed, with its qualifier words
    start: int  # code-point offsets: searched_text[start:end] == text
    end: int
    value: Decimal  # base units; the lower bound of a range
    value_max: Decimal | None
    unit: str  # canonical unit (元, 人, 户, 人次, 亩, 公里, %, 元/月 …) or the measure word as printed
    qualifier: str  # one of QUALIFIERS


# ---------------------------------------------------------------------------------------------
# Numerals

_D = "[0-9０-９]"
# Thousands groups only after 1–3 leading digits ("1,200", "12，345"), never "12345,678".
_ARABIC = rf"(?:{_D}{{1,3}}(?:[,，]{_D}{{3}}(?!{_D}))+|{_D}+)(?:[.．]{_D}+)?"
# "1亿2000万", "3万5000": a mixed figure, integer parts only.
_COMPOUND = rf"{_D}+亿{_D}{{1,4}}万|{_D}+万{_D}{{4}}(?![0-9０-９.．])"
_CN_DIGITS = "零〇一二两三四五六七八九"
# Possessive: a run of numeral characters is one token, never re-split by backtracking (which also keeps
# long runs from costing quadratic time).
_CHINESE = rf"[{_CN_DIGITS}十百千万亿]++(?:点[{_CN_DIGITS}]++)?"
_CHINESE_START = frozenset(_CN_DIGITS + "十百千万亿")
_SCALE = r"(?:十万|百万|千万|万亿|亿|万|千(?![米克瓦伏])|百(?!分))"
_SCALE_VALUE = {"十万": 10**5, "百万": 10**6, "千万": 10**7, "万亿": 10**12, "亿": 10**8, "万": 10**4,
                "千": 10**3, "百": 10**2, "个亿": 10**8}  # "3个亿": spoken, but printed too

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_DIGIT_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                "八": 8, "九": 9}
_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNIT = {"万": 10**4, "亿": 10**8}

# ---------------------------------------------------------------------------------------------
# Measure words. Canonical unit → printed forms; every other measure word stays as printed.

_CANONICAL_FORMS = {
    "元": ("元", "人民币", "块钱"),
    "人": ("人", "名", "位"),
    "公里": ("公里", "千米"),
    "平方公里": ("平方公里", "平方千米"),
    "%": ("%", "％"),
}
# Measure word → characters that, right after it, make it the first half of an ordinary word
# ("3部门" is not 3 部, "2期工程" is phase two, "签约1万人民群众" …). Longest forms are tried first.
_MEASURE_WORDS: dict[str, str] = {
    "元": "旦宵素", "人民币": "", "人": "民均", "名": "单称义列牌录额次", "位": "于置列数", "人次": "", "户": "籍均数",
    "户次": "", "所": "有属在以谓得需", "家": "庭乡属长园", "支": "持出付撑部援", "项": "目",
    "期": "间限末初满望待盼货刊工项", "亩": "产均", "头": "脑跑并兼", "次": "年日数序", "批次": "", "批": "准复示评",
    "场次": "", "场": "所地景镇馆", "台次": "", "台": "账湾阶风", "件次": "", "架次": "", "车次": "", "班次": "",
    "口": "径号岸罩", "册": "", "份": "额", "米": "粉饭面", "平方米": "", "立方米": "", "平米": "", "吨": "",
    "兆瓦": "", "千瓦时": "", "千瓦": "", "千伏": "", "条": "件例款", "座": "谈", "间": "隔断接", "套": "",
    "辆": "", "只": "有是要能", "株": "", "棵": "", "公顷": "", "处": "理室置长级分", "类": "似型别", "级": "别",
    "对": "于接口象照比外待应", "篇": "", "张": "", "件": "", "部": "门署委分位队", "本": "地科级次着", "千克": "",
    "公斤": "", "斤": "", "栋": "", "幢": "", "羽": "", "尾": "", "箱": "", "袋": "", "盏": "", "眼": "睛光前",
    "块": "", "片": "区", "根": "本据源", "组": "织团建成长", "队": "伍员长", "门": "类槛户诊", "轮": "", "公里": "",
    "千米": "", "平方公里": "", "平方千米": "", "%": "", "％": "", "美元": "", "港元": "", "欧元": "", "块钱": "",
    "种": "植养子类苗草地业", "起": "来到草步点诉始码源床居飞", "笔": "记者试墨画", "匹": "", "孔": "", "枚": "",
    "颗": "", "个百分点": "",
}
# Measure words of concrete things: with them a small Chinese numeral is a count ("两所学校", "三名干部");
# with 个, 项, 条, 大, 级 it is far more often a slogan ("两个转变", "三项制度", "四级联动").
_CONCRETE_COUNTS = frozenset("名位人户家所座辆头批场支套间栋幢株棵匹处")
# 个 is the commonest measure word and also the start of every duration ("6个月", "3个多小时").
_GE = r"个(?!亿|[多半]?(?:月|小时|钟头|工作日|星期|礼拜|季度|百分点|年头|周|学期))"
_RATE_DIVISORS = {"人": "人", "名": "人", "位": "人", "人次": "人次", "户": "户", "亩": "亩", "月": "月", "年": "年",
                  "天": "天", "日": "日", "吨": "吨", "斤": "斤", "公斤": "公斤", "平方米": "平方米", "个": "个",
                  "次": "次", "头": "头", "只": "只", "株": "株", "小时": "小时", "人·年": "人·年", "人·月": "人·月",
                  "人年": "人年", "生": "人", "期": "期", "村": "村", "所": "所", "家": "家", "套": "套",
                  "间": "间", "处": "处", "台": "台", "辆": "辆", "项": "项"}


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _unit_pattern() -> str:
    words = []
    for word, blocked_next in sorted(_MEASURE_WORDS.items(), key=lambda item: len(item[0]), reverse=True):
        escaped = re.escape(word)
        words.append(f"{escaped}(?![{re.escape(blocked_next)}])" if blocked_next else escaped)
    rate = r"元[ ]?/[ ]?(?:" + _alternation([re.escape(d) for d in _RATE_DIVISORS]) + ")"
    return f"(?:{rate}|{_GE}|" + "|".join(words) + ")"


_UNIT = _unit_pattern()
_CANONICAL = {form: unit for unit, forms in _CANONICAL_FORMS.items() for form in forms}

# ---------------------------------------------------------------------------------------------
# Qualifiers. A one-character qualifier must not be the tail of a word: 签约, 节约, 附近, 最近, 高超.

_PRE_QUALIFIER = {"将近": "approx", "接近": "approx", "大约": "approx", "近": "approx", "约": "approx",
                  "超过": "over", "逾": "over", "超": "over", "突破": "over", "多于": "at_least",
                  "不少于": "at_least", "不低于": "at_least", "至少": "at_least", "高于": "at_least",
                  "不超过": "at_most", "不高于": "at_most", "不足": "at_most", "不到": "at_most", "少于": "at_most",
                  "低于": "at_most", "最多": "at_most", "最高": "at_most"}
_PRE = (r"(?:将近|接近|大约|超过|突破|多于|不少于|不低于|至少|不超过|不高于|不足|不到|少于|(?<!不)高于|(?<!不)低于"
        r"|最多|最高|逾|(?<![附最临就靠邻贴亲远挨走])近|(?<![签节制预履合公特违集简条契相])约|(?<![高赶])超)")
_POST_QUALIFIER = {"及以上": "at_least", "以上": "at_least", "及以下": "at_most", "以下": "at_most",
                   "以内": "at_most", "之内": "at_most", "左右": "approx", "之多": "over", "多": "over", "余": "over"}
# 余/多 after the measure word ("1公里多") only at the end of a phrase: "3个多部门" is not "3个多".
_POST = r"(?:及以上|以上|及以下|以下|以内|之内|左右|之多|[多余](?![\u4e00-\u9fff]))"
_DASH = r"(?:[-－—–~～]{1,2}|至|到)"
_SP = r"[ \u3000]?"  # PDF text sometimes separates a figure from its measure word

# A Chinese numeral is only read as a figure when a measure word follows, or when it ends in 万/亿.
_CHINESE_GUARDED = rf"{_CHINESE}(?:(?={_SCALE}?[余多]?[万亿]?{_SP}{_UNIT})|(?<=[万亿]))"
_NUMBER = rf"(?:{_COMPOUND}|{_ARABIC}|{_CHINESE})"


def _grammar(ranges: bool) -> re.Pattern[str]:
    second = rf"(?:(?P<dash>{_DASH})(?P<num2>{_NUMBER})(?P<scale2>{_SCALE})?(?P<over2>[余多])?)?" if ranges else ""
    third = rf"(?:(?P<dash3>{_DASH})(?P<num3>{_NUMBER})(?P<scale3>{_SCALE})?{_SP}(?P<unit3>{_UNIT}))?" if ranges else ""
    return re.compile(
        rf"""
        (?P<pre>{_PRE})?
        (?:
            百分之(?P<pct>{_ARABIC}|{_CHINESE})
          | (?P<num>{_COMPOUND}|{_ARABIC}|{_CHINESE_GUARDED})(?P<scale>{_SCALE})?(?P<over>[余多])?
            {second}
            (?P<big>个?亿|万)?
            (?:{_SP}(?P<unit>{_UNIT}))?
            {third}
        )
        (?P<post>{_POST})?
        """,
        re.VERBOSE,
    )


_QUANTITY = _grammar(ranges=True)
_SINGLE = _grammar(ranges=False)  # retried where a range reading fails ("由12.5%到2.1%" is two figures)
_ANCHOR = re.compile(rf"[0-9０-９{_CN_DIGITS}十百千万亿]")  # every figure holds one of these
_LONGEST_PRE = max(map(len, _PRE_QUALIFIER))

# ---------------------------------------------------------------------------------------------
# Context rules

# Just before a figure: an ordinal (第), a rate's divisor (每10户), a label of a phone or code,
# or the middle of a longer token (G318, 17.11.2015, 12:51, 2018-11-09).
_REJECT_BEFORE = re.compile(
    r"(?:第|每|(?<![A-Za-z])[A-Za-zＡ-Ｚａ-ｚ]|[0-9０-９]|(?<=[0-9０-９])[.．:：/／\-－—–~～,，]|No\.?"
    r"|(?:电话|热线|传真|手机|邮编|邮政编码|编号|代码|号码|账号|QQ|微信)[:：]?)$"
)
# Ranks, not counts: "排名前10位"; addresses, not counts: "红星村3组".
_ADDRESS_BEFORE = re.compile(r"(?:村|社区|居委会|街道)$")
_ADDRESS_UNITS = ("组", "队")
_RANK_BEFORE = re.compile(r"(?:排名|排|列|居|进入|位列)前$")
# What follows a number without a measure word that makes it a date, time, age, duration or ratio.
_NOT_AMOUNT_AFTER = re.compile(
    r"(?:[余多]?(?:年|月|日|号|时|点|分|秒|天|周|岁|届|倍|度|季|旬|世纪|代|版|楼|层|等奖|星|个月|个小时|个工作日))"
)
# After a Chinese-numeral count, what makes it the name of a policy rather than a figure.
_SLOGAN_AFTER = re.compile(r"[一不必联共]|全覆盖|到位|清零|精准|结合|坚持|硬仗|战役|攻坚战|革命|大山")
# 五家渠市, 三台县: a place name that starts like a count.
_PLACE_AFTER = re.compile(r"[\u4e00-\u9fff][市县区]")
_PHONE = re.compile(
    r"(?<![0-9])(?:0[0-9]{2,3}[-－—]?[0-9]{7,8}|1[3-9][0-9]{9}|400[-－]?[0-9]{3}[-－]?[0-9]{4})(?![0-9])"
)
_TITLE = re.compile(r"《[^《》\n]{1,80}》")
# A figure inside a short quotation, or a longer one that is a single phrase, is part of a slogan or
# a name (“3年一亿”, “五包一”, “一个战场打赢…两场战役”); quoted speech has clauses and keeps its figures.
_CURLY_QUOTE = re.compile(r"[“‘「『](?:[^“”‘’「」『』\n]{1,14}|[^“”‘’「」『』\n，。；！？,;!?]{15,30})[”’」』]")
_STRAIGHT_QUOTE = re.compile(r"\"")
_SLOGAN_QUOTE_CHARS = 14

# Which noun a clause is about decides what a bare 万/亿 counts (nearest cue wins).
_CUES = re.compile(
    r"(?P<household>户数|农户|贫困户|搬迁户|家庭)"
    r"|(?P<money>资金|投资|投入|产值|收入|税收|金额|资产|捐赠|捐款|经费|款物|补助|补贴|贷款|销售额|营业额|利润|收益|工资|价值|"
    r"成交|融资|拨付|筹集|预算|奖励|资助|增收|营收|总额|GDP|存款|股金|分红|保费|赔付|挣|赚)"
    r"|(?P<people>人口|劳动力|人员|群众|农民|学生|职工|就业|务工|搬迁|脱贫|减贫|游客|患者)"
)
_CLAUSE_BACK = 16
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_END = re.compile(r"[。；;！？!?\n]")
_NOUN_AFTER = re.compile(
    r"(?:建档立卡)?(?:(?P<people>(?:农村|城镇|城乡|贫困|搬迁|适龄|在校|留守|残疾|困难){0,2}"
    r"(?:人口|群众|劳动力|农民|人员|学生|职工|村民|居民|儿童|老人|妇女))"
    r"|(?P<household>(?:贫困|困难|搬迁|低保|五保|脱贫|农)户|(?:贫困|困难)?家庭))"
)


def parse_quantity(text: str) -> Quantity | None:
    """The quantity that is the whole of ``text`` ("1.31万人次", "近60亿", "三个"), or None.

    The string is taken to be a figure already (a table cell with its header's unit, a reviewer's
    selection), so the running-text rules about small Chinese numerals and slogans do not apply.
    """
    stripped = text.strip()
    offset = text.find(stripped) if stripped else 0
    for pattern in (_QUANTITY, _SINGLE):
        match = pattern.fullmatch(text, offset, offset + len(stripped))
        if match is not None:
            quantity = _judge(text, match, lenient=True)
            if quantity is not None:
                return quantity
    return None


def find_quantities(text: str) -> list[Quantity]:
    """Every metric quantity in running text, in order, non-overlapping."""
    blocked = _blocked_spans(text)
    found: list[Quantity] = []
    position = 0
    while (anchor := _ANCHOR.search(text, position)) is not None:
        # Jump to the next numeral first: a C-speed scan, then the grammar from just before it.
        match = _QUANTITY.search(text, max(position, anchor.start() - _LONGEST_PRE))
        if match is None:
            break
        quantity = _judge(text, match, lenient=False, blocked=blocked)
        if quantity is None and (match.group("dash") or match.group("dash3")):
            single = _SINGLE.match(text, match.start())
            quantity = _judge(text, single, lenient=False, blocked=blocked) if single else None
        if quantity is None:
            # Resume after the first number, so that a figure the failed reading swallowed is found.
            number = "pct" if match.group("pct") is not None else "num"
            position = max(match.end(number), match.start() + 1)
            continue
        found.append(quantity)
        position = quantity.end
    return found


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _PHONE.finditer(text)]
    spans += [m.span() for m in _TITLE.finditer(text)]  # 《…19条措施》: a title names, it does not report
    spans += [m.span() for m in _CURLY_QUOTE.finditer(text)]
    # Straight quotes open and close alike: pair them in order within a line.
    line_start = 0
    for line in text.split("\n") if '"' in text else ():
        if '"' in line:
            marks = [m.start() for m in _STRAIGHT_QUOTE.finditer(line)]
            for left, right in zip(marks[::2], marks[1::2], strict=False):
                if right - left - 1 <= _SLOGAN_QUOTE_CHARS:
                    spans.append((line_start + left, line_start + right + 1))
        line_start += len(line) + 1
    merged: list[tuple[int, int]] = []
    for left, right in sorted(spans):  # merged, so that one bisect finds the span around a position
        if merged and left <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], right))
        else:
            merged.append((left, right))
    return merged


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    index = bisect.bisect_right(spans, (position, 1 << 62)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _judge(
    text: str, match: re.Match[str], *, lenient: bool, blocked: list[tuple[int, int]] | None = None
) -> Quantity | None:
    """The quantity a grammar match denotes, or None when it is not an amount."""
    g = match.groupdict()
    start, end = match.start(), match.end()
    pre, post = g["pre"], g["post"]
    number_start = match.start("pct") - 3 if g["pct"] is not None else match.start("num")
    if not lenient:
        if blocked and _inside(blocked, number_start):
            return None
        before = text[max(0, number_start - 8) : number_start].rstrip(" \u3000")
        if pre is None and _REJECT_BEFORE.search(before):
            return None
        if pre is not None and _REJECT_BEFORE.search(text[max(0, start - 8) : start]):
            return None

    if g["pct"] is not None:
        value = _number(g["pct"])
        if value is None:
            return None
        return _quantity(text, start, end, value, None, "%", pre, post)

    unit_text = g["unit"]
    if g.get("unit3") is not None:
        if g["num2"] is not None or g["unit3"] != unit_text:
            return None  # "3个至5名" is two figures, not one range
        second, scale2, over2 = g["num3"], g["scale3"], None
    else:
        second, scale2, over2 = g.get("num2"), g.get("scale2"), g.get("over2")

    first = g["num"]
    value = _number(first)
    value_max = _number(second) if second else None
    if value is None and not second:
        value, value_max = _chinese_estimate(first)  # 两三千, 七八十: between two figures
    if value is None or (second and value_max is None):
        return None
    scale, big = g["scale"], g["big"]
    if scale2 and not scale:
        scale = scale2  # "5-6万元", "1—2亿": the scale after the second number applies to both
    try:
        value *= _SCALE_VALUE.get(scale or "", 1) * _SCALE_VALUE.get(big or "", 1)
        if value_max is not None:
            value_max *= _SCALE_VALUE.get(scale2 or scale or "", 1) * _SCALE_VALUE.get(big or "", 1)
    except ArithmeticError:  # a digit string too long for any Decimal context: not a figure
        return None
    if value_max is not None and value_max <= value:
        return None  # a change ("由2000元到1500元") or a code, not a range

    chinese = first[0] in _CHINESE_START
    over = g["over"] or over2
    if chinese and not lenient:
        if value < 10 and not (
            first in "两三四五六七八九" and unit_text in _CONCRETE_COUNTS and not _PLACE_AFTER.match(text, end)
        ):
            # 一批, 两个, 二期, 七个全覆盖: words, ordinals and slogans far more often than reports; but 两所学校
            # and 三名干部 count (两, not 二, is the counting form).
            return None
        if len(first) == 1 and first in "百千万亿" and not (pre or over):
            return None  # 百所学校、千名教师、万名学生: a figure of speech unless 近/余 makes it a count
        if _SLOGAN_AFTER.match(text, end):
            return None  # 十个全覆盖, 十户联保, 十个一工程: a numbered slogan, not a count

    if unit_text is None:
        number_end = match.start("post") if post else end
        if _NOT_AMOUNT_AFTER.match(text, number_end):
            return None
        unit = _unit_from_context(text, number_start, number_end, first, big or scale, bool(pre), lenient)
        if unit is None:
            return None
    else:
        unit = _canonical_unit(unit_text)
        if unit == "块" and not _CJK.match(text, match.end("unit")) and _clause_cue(text, number_start) == "money":
            unit = "元"  # "一年能多挣两三千块": spoken yuan
        if not lenient:
            before = text[max(0, number_start - 4) : number_start]
            if unit == "人" and _RANK_BEFORE.search(before):
                return None
            if unit in _ADDRESS_UNITS and _ADDRESS_BEFORE.search(before):
                return None
    return _quantity(text, start, end, value, value_max, unit, pre, post or over)


def _canonical_unit(printed: str) -> str:
    compact = printed.replace(" ", "")
    if compact.startswith("元/"):
        divisor = compact[2:]
        return "元/" + _RATE_DIVISORS.get(divisor, divisor)
    return _CANONICAL.get(compact, compact)


def _unit_from_context(
    text: str, number_start: int, number_end: int, first: str, scale: str | None, qualified: bool, lenient: bool
) -> str | None:
    """The unit of a figure printed without a measure word, from the noun it counts; None if none."""
    noun = _NOUN_AFTER.match(text, number_end)
    if noun is not None:  # "吸纳2.1万贫困人口", "带动1500贫困户"
        return "人" if noun.group("people") else "户"
    magnitude = (scale or "")[-1:] or (first[-1] if first[-1] in "万亿" else "")
    if magnitude not in ("万", "亿"):
        return None  # a bare number: no measure word, no amount
    if first[0] in "百千万亿" and not qualified:
        return None  # 千万, 亿万, 万众: adverbs and figures of speech, not sums (but 近万 is a figure)
    cue = _clause_cue(text, number_start)
    if cue is not None:
        return {"money": "元", "people": "人", "household": "户"}[cue]
    if magnitude == "亿" or lenient:
        return "元"  # "年产值将达12亿" without its noun in reach: 亿 in this genre is money
    return None


def _clause_cue(text: str, number_start: int) -> str | None:
    """money, people or household: the nearest cue noun before the figure within its clause."""
    window = text[max(0, number_start - _CLAUSE_BACK) : number_start]
    ends = [m.end() for m in _CLAUSE_END.finditer(window)]
    cues = [m.lastgroup for m in _CUES.finditer(window, ends[-1] if ends else 0)]
    return cues[-1] if cues else None


def _chinese_estimate(token: str) -> tuple[Decimal | None, Decimal | None]:
    """两三千 → (2000, 3000), 七八十 → (70, 80), 三五 → (3, 5): two neighbouring digits make a range."""
    if len(token) < 2 or token[0] not in _DIGIT_VALUE or token[1] not in _DIGIT_VALUE:
        return None, None
    low, high = _DIGIT_VALUE[token[0]], _DIGIT_VALUE[token[1]]
    if not (high == low + 1 or (low, high) == (3, 5)) or low == 0:
        return None, None
    return chinese_number(token[0] + token[2:]), chinese_number(token[1] + token[2:])


def _quantity(text: str, start: int, end: int, value: Decimal, value_max: Decimal | None, unit: str,
              pre: str | None, post: str | None) -> Quantity:
    if value_max is not None:
        qualifier = "range"
    elif pre:
        qualifier = _PRE_QUALIFIER[pre]
    elif post:
        qualifier = _POST_QUALIFIER[post]
    else:
        qualifier = "exact"
    return Quantity(text[start:end], start, end, _tidy(value), None if value_max is None else _tidy(value_max),
                    unit, qualifier)


def _tidy(value: Decimal) -> Decimal:
    """13100.00 → 13100, 10.4860 → 10.486: the same number, printed plainly."""
    integral = value.to_integral_value()
    return integral if integral == value else value.normalize()


def _number(token: str) -> Decimal | None:
    """One printed number, without its scale: Arabic, "1亿2000万", or a Chinese numeral."""
    plain = token.translate(_FULL_WIDTH).replace(",", "").replace("，", "")
    try:
        if "亿" in plain and plain[0].isdigit():
            high, low = plain.split("亿")
            return Decimal(high) * 10**8 + Decimal(low.rstrip("万")) * 10**4
        if "万" in plain and plain[0].isdigit():
            high, low = plain.split("万")
            return Decimal(high) * 10**4 + Decimal(low)
        if plain[:1].isdigit():
            return Decimal(plain)
    except (InvalidOperation, ValueError):
        return None
    return chinese_number(token)


def chinese_number(token: str) -> Decimal | None:
    """三千 → 3000, 一百零五 → 105, 一亿二千万 → 120000000, 一万五 → 15000, 零点八 → 0.8; None if malformed."""
    whole, point, fraction = token.partition("点")
    if point and not fraction:
        return None  # 一点: "a little", not a number
    if fraction:
        if any(ch not in _DIGIT_VALUE or ch == "两" for ch in fraction):
            return None
        decimals = "".join(str(_DIGIT_VALUE[ch]) for ch in fraction)
    integer = _chinese_integer(whole)
    if integer is None:
        return None
    return Decimal(f"{integer}.{decimals}") if fraction else Decimal(integer)


def _chinese_integer(token: str) -> int | None:
    if not token:
        return None
    total = wan = section = 0  # completed 亿 groups, the 万 group, the part below 万
    digit: int | None = None  # a digit waiting for its unit
    last_small = 10**4  # units inside a section must descend: 千 > 百 > 十
    seen_wan = after_zero = False
    previous_unit = 0  # the unit just before a trailing digit: 一万五 = 15000, 三千五 = 3500
    for index, ch in enumerate(token):
        if ch in _DIGIT_VALUE:
            value = _DIGIT_VALUE[ch]
            if digit is not None and not after_zero:
                return None  # 二三, 十三五: two digits in a row are an estimate or a name
            if value == 0:
                if after_zero or (index == 0 and len(token) > 1):
                    return None
                after_zero = True
                digit = 0
                previous_unit = 0
                continue
            digit = value
            if after_zero:
                previous_unit = 0
            after_zero = False
        elif ch in _SMALL_UNIT:
            unit = _SMALL_UNIT[ch]
            if unit >= last_small or (digit == 0 and after_zero):
                return None
            if digit is None:
                if section or (index and ch != "十"):
                    return None  # 三千百: a unit without its digit
                digit = 1
            section += digit * unit
            last_small, digit, previous_unit, after_zero = unit, None, unit, False
        else:
            unit = _LARGE_UNIT[ch]
            group = section + (digit or 0)
            if group == 0 and (index or (len(token) > 1 and token[1] in _LARGE_UNIT)):
                return None  # 亿万, 万万: no figure
            group = group or 1  # a lone 万 or 亿 is one of it (近万名)
            if unit == 10**4:
                if seen_wan:
                    return None
                wan, seen_wan = group * unit, True
            else:
                if total or seen_wan:
                    return None
                total = group * unit
            section, digit, last_small, previous_unit, after_zero = 0, None, 10**4, unit, False
    if digit is not None and previous_unit >= 100 and not after_zero:
        digit *= previous_unit // 10  # 一万五: the trailing digit counts the next unit down
    return total + wan + section + (digit or 0)
