"""Quantities: every figure in running Chinese text that reports an amount.

A grammar, compiled once into one regular expression:

    [pre-qualifier] NUMBER [scale] [余|多] [– NUMBER [scale]] [余|多] [万|亿] [UNIT] [post-qualifier]

NUMBER is Arabic (half- or full-width, separators, decimals) or Chinese (三千, 二十五, 两, 万)
or 百分之…. Then general rules drop what is not an amount: dates, durations, ordinals, issue
numbers, slogans in quotation marks, phone numbers, bare numbers without a measure word.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％－～", "0123456789.,%-~")
_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8, "十万": 10**5, "百万": 10**6,
          "千万": 10**7, "万亿": 10**12}

_ARABIC = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_CHINESE = r"[零〇○一二两三四五六七八九十百千万亿]+"
_NUMBER = rf"(?:{_ARABIC}|{_CHINESE})"
_SCALE_RE = r"(?:十万|百万|千万|万亿|[十百万亿]|千(?![米克瓦伏]))"

# Measure words, canonical unit → printed forms. Longest forms are tried first.
_UNIT_FORMS: dict[str, tuple[str, ...]] = {
    "元": ("元",),
    "人": ("人", "名", "位"),
    "人次": ("人次",),
    "户": ("户",),
    "户次": ("户次",),
    "公里": ("公里", "千米"),
    "%": ("%", "％"),
}
_MEASURE_WORDS = """
    个 所 家 支 项 期 亩 头 次 批次 批 场次 场 台次 台 口 册 份 米 平方米 立方米 吨 兆瓦 千瓦 条 座 间
    套 辆 只 株 棵 公顷 处 类 对 篇 张 件 部 本 千克 公斤 斤 栋 幢 羽 尾 箱 袋 盏 眼 块 片 根 组 队 所次 班
    届次 门 平米 千伏 万千瓦 轮
""".split()
_RATE_DIVISORS = {"人": "人", "名": "人", "位": "人", "户": "户", "亩": "亩", "月": "月", "年": "年", "天": "天",
                  "日": "日", "吨": "吨", "斤": "斤", "公斤": "公斤", "平方米": "平方米", "个": "个", "次": "次",
                  "人次": "人次", "头": "头", "只": "只", "株": "株", "小时": "小时", "人·年": "人·年", "人年": "人年"}

_PRINTED_UNITS = sorted(
    {form for forms in _UNIT_FORMS.values() for form in forms} | set(_MEASURE_WORDS), key=len, reverse=True
)
_CANONICAL = {form: unit for unit, forms in _UNIT_FORMS.items() for form in forms}
_RATE = r"元\s*/\s*(?:" + "|".join(sorted(map(re.escape, _RATE_DIVISORS), key=len, reverse=True)) + ")"
_UNIT = rf"(?:{_RATE}|" + "|".join(map(re.escape, _PRINTED_UNITS)) + ")"

_PRE = r"(?:将近|接近|大约|近|约|超过|逾|超|不少于|不低于|至少|不超过|不高于|最多)"
_POST = r"(?:以上|以下|以内|左右|之多|多|余)"
_DASH = r"(?:[-－—–~～]{1,2}|至|到)"

_QUANTITY = re.compile(
    rf"""
    (?P<pre>{_PRE})?
    (?:
        百分之(?P<pct>{_NUMBER})
      | (?P<num>{_ARABIC}|{_CHINESE}(?=[余多]?[万亿]?{_UNIT}))(?P<scale>{_SCALE_RE})?(?P<over>[余多])?
        (?:(?P<dash>{_DASH})(?P<num2>{_NUMBER})(?P<scale2>{_SCALE_RE})?)?
        (?P<over2>[余多])?
        (?P<scale3>[万亿])?
        (?P<unit>{_UNIT})?
        (?:(?P<dash3>{_DASH})(?P<num3>{_NUMBER})(?P<scale4>{_SCALE_RE})?(?P<unit3>{_UNIT}))?
    )
    (?P<post>{_POST})?
    """,
    re.VERBOSE,
)

_PRE_QUALIFIER = {"将近": "approx", "接近": "approx", "大约": "approx", "近": "approx", "约": "approx",
                  "超过": "over", "逾": "over", "超": "over", "不少于": "at_least", "不低于": "at_least",
                  "至少": "at_least", "不超过": "at_most", "不高于": "at_most", "最多": "at_most"}
_POST_QUALIFIER = {"以上": "at_least", "以下": "at_most", "以内": "at_most", "左右": "approx", "之多": "over",
                   "多": "over", "余": "over"}

# What follows a number that makes it a date, a time, a duration, an age or an ordinal.
_NOT_AMOUNT_AFTER = re.compile(
    r"^(?:年|月|日|号|时|点|分|秒|天|周|岁|届|期|倍|度|季|旬|个月|个工作日|个小时|小时|个百分点|个星期|世纪|代|版|楼|层|等奖|星)"
)
_NOT_AMOUNT_UNIT_AFTER = re.compile(r"^(?:月|年|小时|工作日|星期|百分点)")
_NOT_AMOUNT_BEFORE = re.compile(r"(?:第|[A-Za-z]|[0-9][.．]|[:：/]|No\.?|编号|电话|热线|传真|邮编|总第)$")
_PHONE = re.compile(r"(?<!\d)(?:\d{3,4}[-－—]\d{7,8}|1[3-9]\d{9}|\d{7,8})(?!\d)")
_QUOTED = re.compile(r"[“\"「『]([^”\"」』\n]{1,14})[”\"」』]")
# Money words that make a bare 万/亿 a sum of money ("总投资近60亿", "整合资金1000万").
_MONEY_CONTEXT = re.compile(
    r"(?:资金|投资|投入|产值|收入|税收|金额|资产|捐赠|捐款|经费|款|补助|补贴|贷款|销售额|营业额|利润|收益|工资|价值|"
    r"成交|融资|拨付|筹集|预算|奖励|资助|增收|营收|GDP|总额|规模)"
)
# A people noun just before a bare 万 ("贫困人口减少1.2万"), a verb or two in between.
_PEOPLE_CONTEXT = re.compile(r"(?:人口|劳动力|人员|群众|农民|学生|职工|就业|务工|搬迁|脱贫)[\u4e00-\u9fff]{0,4}$")
_PEOPLE_AFTER = re.compile(r"^(?:建档立卡)?(?:贫困)?(?:人口|群众|劳动力|农民|人员|学生|职工)")
_HOUSEHOLD_CONTEXT = re.compile(r"(?:户数|农户|贫困户|家庭)[\u4e00-\u9fff]{0,4}$")


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: str
    qualifier: str  # exact | approx | over | at_least | at_most | range


def parse_quantity(text: str) -> Quantity | None:
    """The quantity that is the whole of ``text`` ("1.31万人次", "近60亿"), or None."""
    for quantity in find_quantities(text):
        if quantity.start == 0 and quantity.end == len(text.rstrip()):
            return quantity
    return None


def find_quantities(text: str) -> list[Quantity]:
    """Every amount in running text, in order, with code-point offsets: text[q.start:q.end] == q.text."""
    blocked = _blocked_spans(text)
    blocked_starts = [start for start, _end in blocked]
    found: list[Quantity] = []
    position = 0
    while True:
        match = _QUANTITY.search(text, position)
        if match is None:
            break
        position = max(match.end(), match.start() + 1)
        if match.end() == match.start() or (match.group("num") is None and match.group("pct") is None):
            continue
        quantity = _quantity(text, match)
        if quantity is None:
            continue
        index = bisect.bisect_right(blocked_starts, quantity.start) - 1
        if index >= 0 and quantity.start < blocked[index][1]:
            continue
        found.append(quantity)
    return found


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _PHONE.finditer(text)]
    for match in _QUOTED.finditer(text):
        # A figure inside a short quotation is a slogan or a name (“3年一亿”, “五包一”), not a report.
        spans.append(match.span())
    return sorted(spans)


def _quantity(text: str, match: re.Match[str]) -> Quantity | None:
    start, end = match.start(), match.end()
    groups = match.groupdict()
    pre, post = groups["pre"], groups["post"]
    before = text[max(0, start - 4) : start]
    if _NOT_AMOUNT_BEFORE.search(before):
        return None
    after = text[end : end + 6]

    if groups["pct"] is not None:
        value = _number(groups["pct"])
        if value is None:
            return None
        return _build(text, start, end, value, None, "%", pre, post, ranged=False)

    unit_text = groups["unit"]
    number_end = max(
        match.end(g) for g in ("num", "scale", "over", "num2", "scale2", "over2", "scale3", "unit", "unit3")
        if match.group(g)
    )
    # A dangling post-qualifier without a unit ("60多岁"): look at what the number is followed by.
    follow = text[number_end : number_end + 6]
    if not unit_text and _NOT_AMOUNT_AFTER.match(follow):
        return None
    if unit_text == "个" and _NOT_AMOUNT_UNIT_AFTER.match(follow):
        return None  # 6个月, 3个小时: durations

    if post in ("多", "余") and _NOT_AMOUNT_AFTER.match(after):
        return None

    value = _number(groups["num"])
    if value is None:
        return None
    scale = groups["scale"] or ""
    second = groups["num2"]
    if groups["num3"] is not None:
        if second or groups["unit3"] != unit_text:
            return None  # "3个至5名": not one range
        second, groups["scale2"], groups["dash"] = groups["num3"], groups["scale4"], groups["dash3"]
    value_max = _number(second) if second else None
    if second and value_max is None:
        return None
    scale2 = groups["scale2"] or ""
    big = groups["scale3"] or ""
    if second and not scale and scale2:
        scale = scale2  # "5-6万元": the scale after the second number applies to both
    value *= _SCALE.get(scale, 1) * _SCALE.get(big, 1)
    if value_max is not None:
        value_max *= _SCALE.get(scale2 or scale, 1) * _SCALE.get(big, 1)

    chinese = bool(re.fullmatch(_CHINESE, groups["num"]))
    if chinese and value < 10:
        return None  # 一批, 两个, 三大, 七个全覆盖: words and slogans far more often than reports
    if chinese and len(groups["num"]) == 1 and not pre:
        return None  # a lone 万/千/百 is a unit word ("（万元）", "万名") unless 近/约 makes it a figure

    unit, factor = _canonical_unit(unit_text, text, start, number_end, scale + big)
    if unit is None:
        return None
    value *= factor
    if value_max is not None:
        value_max *= factor
        if value_max < value:
            return None
    if groups["dash"] and _NOT_AMOUNT_AFTER.match(follow):
        return None
    return _build(text, start, end, value, value_max, unit, pre, post or groups["over"] or groups["over2"],
                  ranged=value_max is not None)


def _canonical_unit(
    unit_text: str | None, text: str, start: int, number_end: int, scale: str
) -> tuple[str | None, int]:
    if unit_text:
        compact = re.sub(r"\s+", "", unit_text)
        if compact.startswith("元/"):
            divisor = compact[2:]
            return "元/" + _RATE_DIVISORS.get(divisor, divisor), 1
        return _CANONICAL.get(compact, compact), 1
    if not scale or scale[-1] not in "万亿":
        return None, 1  # a bare number: no measure word, no amount
    context = text[max(0, start - 14) : start]
    if scale.endswith("亿") or _MONEY_CONTEXT.search(context):
        return "元", 1
    if _PEOPLE_AFTER.match(text[number_end : number_end + 12]):
        return "人", 1
    if _PEOPLE_CONTEXT.search(context):
        return "人", 1
    if _HOUSEHOLD_CONTEXT.search(context):
        return "户", 1
    return None, 1


def _build(text: str, start: int, end: int, value: Decimal, value_max: Decimal | None, unit: str,
           pre: str | None, post: str | None, *, ranged: bool) -> Quantity:
    if ranged:
        qualifier = "range"
    elif pre:
        qualifier = _PRE_QUALIFIER[pre]
    elif post:
        qualifier = _POST_QUALIFIER.get(post, "over")
    else:
        qualifier = "exact"
    return Quantity(text[start:end], start, end, value, value_max, unit, qualifier)


def _number(token: str) -> Decimal | None:
    token = token.translate(_FULL_WIDTH).replace(",", "").replace("，", "")
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", token):
        try:
            return Decimal(token)
        except InvalidOperation:
            return None
    return _chinese_number(token)


def _chinese_number(token: str) -> Decimal | None:
    """三千 → 3000, 二十五 → 25, 一百零五 → 105, 万 → 10000, 两 → 2; None for what is not a numeral."""
    if not token or any(ch not in _CN_DIGITS and ch not in _CN_UNITS and ch not in _CN_BIG for ch in token):
        return None
    total, section, digit = 0, 0, None
    for ch in token:
        if ch in _CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # 三五: two digits in a row is an estimate phrase, not a numeral
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total = (total + (section or 1)) * _CN_BIG[ch]
            section, digit = 0, None
    return Decimal(total + section + (digit or 0))
