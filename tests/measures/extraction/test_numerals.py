"""Numerals: the value of one printed number token (conversion only, no context)."""

from decimal import Decimal

import pytest

from measures.extraction.numerals import chinese_estimate, chinese_number, mixed_number, number

D = Decimal

CHINESE_NUMERALS = [
    ("三千", D(3000)),
    ("二十五", D(25)),
    ("十二", D(12)),
    ("一百零五", D(105)),
    ("一千零五十", D(1050)),
    ("两万三千", D(23000)),
    ("一亿二千万", D(120000000)),
    # 零 before 十 with its 一 left out, and 十 without its 一 inside a number
    ("一千零十", D(1010)),
    ("两千零十二", D(2012)),
    ("一百十六", D(116)),
    ("一千一百十", D(1110)),
    ("十万零十", D(100010)),
    ("一万零百一十一", D(10111)),
    # 万亿 and the old 万万
    ("四万亿", D(4 * 10**12)),
    ("三百五十一万亿", D(351 * 10**12)),
    ("一万五千亿", D(15 * 10**11)),
    ("四万万", D(400000000)),
    # a 零 left out after 万 or 亿
    ("三亿六千万十五", D(360000015)),
    ("一亿四千二百", D(100004200)),
    # spoken forms: the trailing digit counts the next unit down
    ("一万五", D(15000)),
    ("三千五", D(3500)),
    ("六百三", D(630)),
    ("两百二", D(220)),
    # decimals, read exactly
    ("零点八", D("0.8")),
    ("一点零五", D("1.05")),
    ("三点一四一五九二六", D("3.1415926")),
    ("二十点一", D("20.1")),
    # lone units are one of them
    ("零", D(0)),
    ("两", D(2)),
    ("万", D(10000)),
    ("百万", D(1000000)),
]


@pytest.mark.parametrize(("numeral", "value"), CHINESE_NUMERALS, ids=[c[0] for c in CHINESE_NUMERALS])
def test_chinese_numerals_convert_exactly(numeral, value):
    assert chinese_number(numeral) == value


NOT_NUMBERS = [
    ("十三五", "a five-year plan's name"),
    ("二〇一九", "a year read digit by digit"),
    ("一二三", "a code read digit by digit"),
    ("亿万", "a figure of speech"),
    ("万万", "an adverb"),
    ("三五", "two digits in a row"),
    ("一点", "a little"),
    ("三千百", "a unit without its digit"),
    ("三点两", "两 is no decimal digit"),
]


@pytest.mark.parametrize(("token", "why"), NOT_NUMBERS, ids=[n[1] for n in NOT_NUMBERS])
def test_tokens_that_are_no_numbers_convert_to_none(token, why):
    assert chinese_number(token) is None, why


def test_decimals_are_exact_not_floating_point():
    value = chinese_number("一点一二三四五六七八九")
    assert value == D("1.123456789")
    assert str(value) == "1.123456789"


MIXED = [
    ("1亿2000万", D(120000000)),
    ("3万5000", D(35000)),
    ("25万6千", D(256000)),
    ("5万4千6百", D(54600)),
    ("1万600", D(10600)),
    ("100万三千", D(1003000)),
]


@pytest.mark.parametrize(("token", "value"), MIXED, ids=[m[0] for m in MIXED])
def test_digits_between_chinese_units_add_up(token, value):
    assert mixed_number(token) == value


def test_number_reads_arabic_full_width_and_separated_digits():
    assert number("１２，３４５") == D(12345)
    assert number("1,200.5") == D("1200.5")
    assert number("３．５") == D("3.5")


def test_a_malformed_mixed_token_is_no_number():
    assert number("1万12345") is None


ESTIMATES = [
    ("十五六", (D(15), D(16))),
    ("四十五六万", (D(450000), D(460000))),
    ("七百三四十", (D(730), D(740))),
    ("十七八万", (D(170000), D(180000))),
    ("一万六七", (D(16000), D(17000))),
    ("两三千", (D(2000), D(3000))),
    ("七八十", (D(70), D(80))),
    ("三五百", (D(300), D(500))),
    ("七八", (D(7), D(8))),
]


@pytest.mark.parametrize(("token", "bounds"), ESTIMATES, ids=[e[0] for e in ESTIMATES])
def test_two_neighbouring_digits_are_an_estimate_between_two_figures(token, bounds):
    assert chinese_estimate(token) == bounds


VAGUE = [
    ("几十", (D(10), D(100))),
    ("几十万", (D(100000), D(1000000))),
    ("数百", (D(100), D(1000))),
    ("数十亿", (D(10**9), D(10**10))),
    ("十几", (D(10), D(20))),
    ("二十几万", (D(200000), D(300000))),
]


@pytest.mark.parametrize(("token", "bounds"), VAGUE, ids=[v[0] for v in VAGUE])
def test_ji_and_shu_stand_for_one_to_nine_of_their_unit(token, bounds):
    assert chinese_estimate(token) == bounds


NOT_ESTIMATES = [
    ("十三五", "3 and 5 pair only at the start: this is a plan's name"),
    ("一二三", "more than one pair of digits"),
    ("二〇一九", "a year"),
    ("几", "几 without a unit"),
    ("百几", "几 after a unit other than 十"),
    ("四十五", "no neighbouring digits"),
]


@pytest.mark.parametrize(("token", "why"), NOT_ESTIMATES, ids=[n[1] for n in NOT_ESTIMATES])
def test_tokens_that_are_no_estimates(token, why):
    assert chinese_estimate(token) is None, why
