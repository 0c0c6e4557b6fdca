"""Quantities: every figure in running Chinese text that reports an amount.

A grammar compiled once into one regular expression:

    [pre-qualifier] [currency] NUMBER [scale] [余|多] [（含）] [–|至 NUMBER [scale] [余|多]] [万|亿]
        [MEASURE WORD [角 分 | 半]] [（含）] [post-qualifier]
    [pre-qualifier] 百分之NUMBER [–|至 [百分之]NUMBER] [post-qualifier]

NUMBER is Arabic (half- or full-width, thousands separators, decimals), mixed ("1亿2000万", "25万6千")
or a Chinese numeral (三千, 一千零十, 零点八, 十五六, 几十); numerals.py gives its value. A match is then
judged by general rules of the genre (quantity_context.py): what stands before it (第, 每, a phone
label, a letter or another digit), what follows it (年, 月, 岁, 倍 …), whether it sits inside a title
《…》 or a short quotation (slogans), whether a small Chinese numeral counts at all (三个 as a slogan,
三次 as events), and — for a bare 万/亿 without a measure word — which noun the clause is about
(资金 → 元, 人口 → 人, 贫困户 → 户).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from . import quantity_context as ctx
from .numerals import CN_DIGITS, DIGIT_VALUE, chinese_estimate, chinese_number, number

__all__ = ["QUALIFIERS", "Quantity", "chinese_number", "find_quantities", "parse_quantity"]

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
# Numbers

_D = "[0-9０-９]"
# Thousands groups only after 1–3 leading digits ("1,200", "12，345"), never "12345,678".
_ARABIC = rf"(?:{_D}{{1,3}}(?:[,，]{_D}{{3}}(?!{_D}))+|{_D}+)(?:[.．]{_D}+)?"
# Digits between Chinese units: "1亿2000万", "3万5000", "25万6千", "1万600", "100万三千".
_MIXED = rf"{_D}+(?:亿|万|千)(?=[0-9０-９{CN_DIGITS}])[0-9０-９{CN_DIGITS}十百千万亿]++"
# Possessive: a run of numeral characters is one token, never re-split by backtracking (which also keeps
# long runs from costing quadratic time). 千 before 米/克/瓦/伏 is the measure word's (二十五千克).
# 数 and 几 stand for a digit in vague amounts (数十, 几百, 十几), 数 only where it is no noun's tail (人数).
_WORD_BEFORE_SHU = "人户次总个件岁基指系倍分半多少无参函变级位名票读点字台笔场头张套项"
_CHINESE = (rf"(?:(?<![{_WORD_BEFORE_SHU}])数(?=[十百千万亿]))?(?:[{CN_DIGITS}十百万亿几]|千(?![米克瓦伏]))++"
            rf"(?:点[{CN_DIGITS}]++)?")
_CHINESE_START = frozenset(CN_DIGITS + "十百千万亿几数")
_SCALE = r"(?:十万|百万|千万|万亿|亿|万|千(?![米克瓦伏])|百(?!分))"
_SCALE_VALUE = {"十万": 10**5, "百万": 10**6, "千万": 10**7, "万亿": 10**12, "亿": 10**8, "万": 10**4,
                "千": 10**3, "百": 10**2, "个亿": 10**8}  # "3个亿": spoken, but printed too
_DASH = r"(?:[-－—–~～]{1,2}|至|到)"
_SP = r"[ \u3000]?"  # PDF text sometimes separates a figure from its measure word
_INCLUSIVE = r"(?:[（(]含[）)])?"  # 50万元（含）以上, 1万(含)-5万元: the bound itself is included
_CN_ONE = "[0-9０-９一二两三四五六七八九]"
_UNIT = ctx.unit_pattern()
# After 元 or 块: 角 (毛) and 分, 一百三十五块六角七分; after 块 alone, a spoken 角 digit, 十二块五.
_CENTS = (rf"(?:(?<=[元块])(?:{_CN_ONE}[角毛](?:{_CN_ONE}分(?![钟之]))?|{_CN_ONE}分(?![钟之]))钱?"
          rf"|(?<=块)[一二三四五六七八九](?!{_SP}{_UNIT}|[0-9０-９{CN_DIGITS}十百千]))")
_HALF = r"(?<=[斤吨米里克亩顷])半"  # 三斤半, 两米半: and a half of a physical measure

# A Chinese numeral is only read as a figure when a measure word follows, when 万/亿 ends or follows it
# (二十点一万, 十多万), or when a range goes on from it (一百二十到一百五十万元).
_CHINESE_GUARDED = (rf"{_CHINESE}(?:(?={_SCALE}?[余多]?[万亿]?{_SP}{_UNIT})|(?<=[万亿])|(?=[余多]?个?[万亿])"
                    rf"|(?={_SP}{_DASH}{_SP}[{CN_DIGITS}十百千几]))")
_NUMBER = rf"(?:{_MIXED}|{_ARABIC}|{_CHINESE})"


# The characters a figure can start with: a qualifier, a currency, a numeral, 百 of 百分之.
_FIRST = re.escape("".join(sorted(ctx.LEAD_STARTS))) + f"0-9０-９{CN_DIGITS}十百千万亿几数"


def _grammar(ranges: bool) -> re.Pattern[str]:
    second = (rf"(?:{_SP}(?P<dash>{_DASH}){_SP}(?P<num2>{_NUMBER})(?:{_SP}(?P<scale2>{_SCALE}))?(?P<over2>[余多])?)?"
              if ranges else "")
    third = (rf"(?:(?P<dash3>{_DASH})(?P<num3>{_NUMBER})(?P<scale3>{_SCALE})?{_SP}(?P<unit3>{_UNIT}))?"
             if ranges else "")
    pct2 = rf"(?:(?P<pdash>{_DASH})(?:百分之)?(?P<pct2>{_ARABIC}|{_CHINESE}))?" if ranges else ""
    return re.compile(
        rf"""
        (?=[{_FIRST}])  # a figure starts only with one of these: the search skips all other characters fast
        (?:(?P<pre>{ctx.PRE})(?:了|有)?)?
        (?P<cur>人民币|港币|美金|[￥¥$＄])?
        (?:
            (?P<pmark>百分之?)(?P<pct>{_ARABIC}|{_CHINESE}){pct2}
          | (?P<num>{_MIXED}|{_ARABIC}|{_CHINESE_GUARDED})(?:{_SP}(?P<scale>{_SCALE}))?(?P<over>[余多])?{_INCLUSIVE}
            {second}
            (?P<big>个?亿|万)?
            (?:{_SP}(?P<unit>{_UNIT})(?:(?P<cents>{_CENTS})|(?P<half>{_HALF}))?)?
            {third}
        )
        {_INCLUSIVE}(?P<post>{ctx.POST})?
        """,
        re.VERBOSE,
    )


_QUANTITY = _grammar(ranges=True)
_SINGLE = _grammar(ranges=False)  # retried where a range reading fails ("由12.5%到2.1%" is two figures)
_ANCHOR = re.compile(rf"[0-9０-９{CN_DIGITS}十百千万亿几数]")  # every figure holds one of these
_LEAD = re.compile(f"[{re.escape(''.join(sorted(ctx.LEAD_STARTS)))}]")
_NUMERAL_CHAR = re.compile(rf"[0-9０-９{CN_DIGITS}十百千万]")


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
    blocked = ctx.blocked_mask(text)
    found: list[Quantity] = []
    position = 0
    next_anchor, lead_before, figure_at, reach = _ANCHOR.search, _LEAD.search, _QUANTITY.search, ctx.LONGEST_LEAD
    while (anchor := next_anchor(text, position)) is not None:
        # Jump to the next numeral first (a C-speed scan), then run the grammar from where a figure holding
        # it can start: a qualifier or currency just before it, or the numeral itself.
        at = anchor.start()
        lead = lead_before(text, max(position, at - reach), at)
        match = figure_at(text, lead.start() if lead else at)
        if match is None:
            break
        number_end = match.end(_NUM)
        if number_end == match.end() and _uncounted(text, match, number_end):
            position = max(number_end, match.start() + 1)  # as below, for what _judge would reject
            continue
        quantity = _judge(text, match, lenient=False, blocked=blocked)
        if quantity is None and (match.group("dash") or match.group("dash3") or match.group("pdash")):
            single = _SINGLE.match(text, match.start())
            quantity = _judge(text, single, lenient=False, blocked=blocked) if single else None
        if quantity is None:
            # Resume after the first number, so that a figure the failed reading swallowed is found.
            number_group = "pct" if match.group("pct") is not None else "num"
            position = max(match.end(number_group), match.start() + 1)
            continue
        found.append(quantity)
        position = quantity.end
    return found


_NUM, _CUR = _QUANTITY.groupindex["num"], _QUANTITY.groupindex["cur"]


def _uncounted(text: str, match: re.Match[str], number_end: int) -> bool:
    """A bare number (nothing after it in the match) that _judge would reject, told without its groups.

    Such a number counts only as a sum in a currency, by the noun after it (1500贫困户) or with 万/亿
    ending it; dates, codes, list numbers and counts of no noun, the commonest matches, have none.
    """
    return (
        match.group(_CUR) is None
        and match.group(_NUM)[-1] not in "万亿"
        and ctx.NOUN_AFTER.match(text, number_end) is None
    )


# Every group _judge reads, in one order, read by number in one call: several times cheaper than groupdict().
_FIELDS = ("pre", "cur", "post", "pct", "pct2", "num", "scale", "over", "num2", "scale2", "over2", "big", "unit",
           "cents", "half", "num3", "scale3", "unit3")
_FIELD_NUMBERS = tuple(_QUANTITY.groupindex[name] for name in _FIELDS)


def _fields(match: re.Match[str]) -> tuple[str | None, ...]:
    named = match.groupdict()  # _SINGLE has no range groups: they read as None
    return tuple(map(named.get, _FIELDS))


def _judge(
    text: str, match: re.Match[str], *, lenient: bool, blocked: bytearray | None = None
) -> Quantity | None:
    """The quantity a grammar match denotes, or None when it is not an amount (``blocked``: blocked_mask)."""
    (pre, cur, post, pct, pct2, first, scale, over, second, scale2, over2, big, unit_text, cents, half,
     num3, scale3, unit3) = match.group(*_FIELD_NUMBERS) if match.re is _QUANTITY else _fields(match)
    start, end = match.span()
    number_start = match.start("pmark") if pct is not None else match.start("num")
    if not lenient:
        if blocked is not None and blocked[number_start]:
            return None
        if pre is None and cur is None:
            # Most figures follow a character no rejected context ends with: decided without a call.
            if number_start and text[number_start - 1] in ctx.REJECT_LAST_OR_SPACE and ctx.rejected_before(
                text, number_start, strip=True
            ):
                return None
        elif ctx.rejected_before(text, start):
            return None

    if pct is not None:
        if number_start and _NUMERAL_CHAR.match(text, number_start - 1):
            return None  # 五百分之二: a fraction, not a percentage
        value = number(pct)
        value_max = number(pct2) if pct2 else None
        if value is None or (pct2 and (value_max is None or value_max <= value)):
            return None
        return _quantity(text, start, end, value, value_max, "%", pre, post)

    if unit3 is not None:
        if second is not None or unit3 != unit_text:
            return None  # "3个至5名" is two figures, not one range
        second, scale2, over2 = num3, scale3, None
    if second and not scale2 and second[0] in _CHINESE_START and second[-1] in "万亿" and len(second) > 1:
        # 一百五十万 closing a range is 一百五十 and its scale, which may apply to the first number too.
        stem = second.rstrip("万亿")
        if stem:
            second, scale2 = stem, second[len(stem) :]

    # Most bare numbers (dates, codes, counts with no noun) fail on their context: judged before
    # any value is read. A range's magnitude depends on its values, so it waits for them.
    unit: str | None = None
    if unit_text is None:
        unit = ctx.CURRENCY_BEFORE.get(cur or "")
        number_end = match.start("post") if post else end
        if unit is None:
            if ctx.NOT_AMOUNT_AFTER.match(text, number_end):
                return None
            if not second:
                unit = ctx.unit_from_context(text, number_start, number_end, first, big or scale, bool(pre), lenient)
                if unit is None:
                    return None

    value = number(first)
    value_max = number(second) if second else None
    estimate = value is None and not second
    if estimate:
        value, value_max = chinese_estimate(first) or (None, None)
    if value is None or (second and value_max is None):
        return None
    # The scale after the second number applies to both when the first, unscaled, is the smaller:
    # 5-6万元, 一千到两千万元; but 从8500到3万 keeps 8500 as printed.
    scale1 = scale or (scale2 if second and scale2 and value < value_max else None)
    try:
        factor = _SCALE_VALUE.get(big or "", 1)
        value *= _SCALE_VALUE.get(scale1 or "", 1) * factor
        if value_max is not None:
            value_max *= _SCALE_VALUE.get((scale2 or scale or "") if second else (scale or ""), 1) * factor
    except ArithmeticError:  # a digit string too long for any Decimal context: not a figure
        return None
    if value_max is not None and value_max <= value:
        return None  # a change ("由2000元到1500元") or a code, not a range

    if unit_text is None:
        if unit is None:
            unit = ctx.unit_from_context(text, number_start, number_end, first, big or scale1 or scale2, bool(pre),
                                         lenient)
            if unit is None:
                return None
    else:
        unit = _unit(text, match, unit_text, cur, number_start)
        if unit is None:
            return None
        if cents:
            value += _cents(cents)
        if half:
            value += Decimal("0.5")

    over = over or over2
    if first[0] in _CHINESE_START and not lenient:
        if value < 10 and "点" not in first and not ctx.small_numeral_counts(
            text, first, unit_text, unit, end, bool(second), bool(pre or half or cents)
        ):
            return None
        if len(first) == 1 and first in "百千万亿" and not (pre or over):
            return None  # 百家企业、千名干部、万名群众: a figure of speech unless 近/余 makes it a count
        if ctx.SLOGAN_AFTER.match(text, end):
            return None  # 十个全覆盖, 十户联保, 十个一工程: a numbered slogan, not a count
    if not lenient and unit_text is not None and (unit == "人" or unit in ctx.ADDRESS_UNITS):
        before = text[max(0, number_start - 4) : number_start]
        if unit == "人" and ctx.RANK_BEFORE.search(before):
            return None
        if unit in ctx.ADDRESS_UNITS and ctx.ADDRESS_BEFORE.search(before):
            return None
    return _quantity(text, start, end, value, value_max, unit, pre, post or over)


def _unit(text: str, match: re.Match[str], unit_text: str, cur: str | None, number_start: int) -> str | None:
    unit = ctx.canonical_unit(unit_text)
    if unit == "元" and cur:
        return ctx.CURRENCY_BEFORE[cur]  # 港币2000元 is Hong Kong dollars
    if unit == "块":
        if match.group("cents") or (ctx.KUAI_YUAN_AFTER.match(text, match.end())
                            and ctx.clause_cue(text, number_start) == "money"):
            return "元"  # "一年能多挣两三千块", "十二块五": spoken yuan
    return unit


def _cents(printed: str) -> Decimal:
    """角 (毛) and 分 after 元 or 块: 六角七分 is 0.67 元; a bare digit after 块 is 角 (块五: 0.5 元)."""
    jiao = printed if len(printed) == 1 else "0"
    fen = "0"
    for digit, mark in pairwise(printed):
        if mark in "角毛":
            jiao = digit
        elif mark == "分":
            fen = digit
    return _digit(jiao) * Decimal("0.1") + _digit(fen) * Decimal("0.01")


def _digit(ch: str) -> Decimal:
    return Decimal(DIGIT_VALUE[ch]) if ch in DIGIT_VALUE else Decimal(int(ch))


def _quantity(text: str, start: int, end: int, value: Decimal, value_max: Decimal | None, unit: str,
              pre: str | None, post: str | None) -> Quantity:
    if value_max is not None:
        qualifier = "range"
    elif pre:
        qualifier = ctx.PRE_QUALIFIER[pre]
    elif post:
        qualifier = ctx.POST_QUALIFIER[post]
    else:
        qualifier = "exact"
    return Quantity(text[start:end], start, end, _tidy(value), None if value_max is None else _tidy(value_max),
                    unit, qualifier)


def _tidy(value: Decimal) -> Decimal:
    """13100.00 → 13100, 10.4860 → 10.486: the same number, printed plainly."""
    integral = value.to_integral_value()
    return integral if integral == value else value.normalize()
