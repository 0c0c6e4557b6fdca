"""Numerals: the value of one printed number token, Arabic, Chinese or mixed.

The structure of Chinese numerals (一千零十, 一百十一, 十万亿, 一万五, 两百二) is cn2an's: it is a
maintained converter with its own test suite, so this module only decides which tokens are numbers
at all (a run of bare digits such as 二〇一九 is a code or a year, 十三五 a plan's name) and reads
what cn2an does not: exact decimal fractions, neighbouring-digit estimates (十五六, 两三千) and vague
amounts (几十万, 数百, 十几).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import cn2an

CN_DIGITS = "零〇一二两三四五六七八九"
DIGIT_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9}
_UNITS = "十百千万亿"
_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
# cn2an signals a malformed numeral with ValueError, but a few shapes reach a dictionary lookup first.
_CN2AN_ERRORS = (ValueError, KeyError, IndexError, TypeError)
# 万 or 亿 before 十 (…万十七), or 亿 before a section below 万 that is more than the spoken "一亿五千".
_MISSING_ZERO = re.compile(rf"(?<=[万亿])(?=十)|(?<=亿)(?=[{CN_DIGITS}]千[^万亿]+$)")


def number(token: str) -> Decimal | None:
    """One printed number without its scale: Arabic, mixed ("25万6千", "1万600") or Chinese."""
    if token.isdigit() and token.isascii():
        return Decimal(token)  # the common case, 1200
    # Full-width forms and the full-width comma are not ASCII: a plain ASCII token needs no translation.
    plain = token if token.isascii() and "," not in token else (
        token.translate(_FULL_WIDTH).replace(",", "").replace("，", ""))
    if not plain:
        return None
    if _PLAIN.fullmatch(plain):
        return Decimal(plain)
    if plain[0].isdigit():
        return mixed_number(plain)
    return chinese_number(token)


@lru_cache(maxsize=4096)
def mixed_number(token: str) -> Decimal | None:
    """Arabic digits between Chinese units: 25万6千 → 256000, 1亿2000万 → 120000000, 100万三千 → 1003000."""
    try:
        value = cn2an.cn2an(token, "smart")
    except _CN2AN_ERRORS:
        return None
    return Decimal(value) if isinstance(value, int) else None


@lru_cache(maxsize=4096)
def chinese_number(token: str) -> Decimal | None:
    """三千 → 3000, 一千零十 → 1010, 四万亿 → 4e12, 一万五 → 15000, 零点八 → 0.8; None if not a number.

    A lone unit is one of it (万 → 10000, as in 近万名); a run of bare digits (二〇一九, 一二三) is a
    code or a year, and two digits in a row inside a numeral (十三五) an estimate or a name.
    """
    whole, point, fraction = token.partition("点")
    if point and (not fraction or not whole or any(ch not in DIGIT_VALUE or ch == "两" for ch in fraction)):
        return None  # 一点: "a little"; 两 never reads a decimal digit
    if not whole or any(ch not in DIGIT_VALUE and ch not in _UNITS for ch in whole):
        return None
    if len(whole) > 1 and not any(ch in _UNITS for ch in whole):
        return None
    if whole[0] in _UNITS:
        if len(whole) > 1 and whole[1] in "万亿" and whole[0] in "万亿":
            return None  # 亿万, 万万: a figure of speech, not a figure
        whole = ("" if whole[0] == "十" else "一") + whole  # 百万 → 一百万; 十五 is already whole
    whole = whole[:1] + whole[1:].replace("万万", "亿")  # 四万万: the old word for 亿
    # A 零 left out after 万 or 亿 (五亿七千万十七, 一亿两千三百): cn2an asks for it before a lower section.
    whole = _MISSING_ZERO.sub("零", whole)
    try:
        integer = cn2an.cn2an(whole, "normal")
    except _CN2AN_ERRORS:
        return None
    if not isinstance(integer, int):
        return None
    # The fraction is read digit by digit here, exactly: cn2an sums it as a float.
    return Decimal(f"{integer}.{''.join(str(DIGIT_VALUE[ch]) for ch in fraction)}") if fraction else Decimal(integer)


def chinese_estimate(token: str) -> tuple[Decimal, Decimal] | None:
    """The two bounds of a Chinese estimate, or None when the token is no estimate.

    Two neighbouring digits: 十五六 → 15–16, 七百三四十 → 730–740, 两三千 → 2000–3000, 一万六七 →
    16000–17000, and the set phrase 三五 at the start (三五百 → 300–500). Vague amounts with 几 or 数:
    几十 → 10–100, 数百万 → 1e6–1e7, 十几 → 10–20, 二十几万 → 200000–300000.
    """
    if "几" in token or token.startswith("数"):
        return _vague(token)
    pairs = [
        i for i in range(len(token) - 1)
        if token[i] in DIGIT_VALUE and token[i + 1] in DIGIT_VALUE
    ]
    if len(pairs) != 1 or "点" in token:
        return None
    i = pairs[0]
    low, high = DIGIT_VALUE[token[i]], DIGIT_VALUE[token[i + 1]]
    if low == 0 or not (high == low + 1 or (i == 0 and (low, high) == (3, 5))):
        return None  # 十三五: 3 and 5 only pair at the start of a numeral
    bounds = chinese_number(token[: i + 1] + token[i + 2 :]), chinese_number(token[:i] + token[i + 1 :])
    if bounds[0] is None or bounds[1] is None or bounds[1] <= bounds[0]:
        return None
    return bounds[0], bounds[1]


def _vague(token: str) -> tuple[Decimal, Decimal] | None:
    body = token.removeprefix("数")
    if token.startswith("数"):
        if "几" in body or not body or body[0] not in _UNITS or (body[0] == "十" and body[1:2] == "几"):
            return None
        body = "几" + body
    if body.count("几") != 1:
        return None
    head, _, tail = body.partition("几")
    if not head:  # 几十万: one to ten of the unit that follows
        if not tail or tail[0] not in _UNITS:
            return None
        low = chinese_number("一" + tail)
        return (low, low * 10) if low is not None else None
    if not head.endswith("十") or (tail and tail[0] not in "万亿"):
        return None  # 十几, 二十几万; but not 百几
    low, step = chinese_number(head + tail), chinese_number("十" + tail)
    return (low, low + step) if low is not None and step is not None else None
