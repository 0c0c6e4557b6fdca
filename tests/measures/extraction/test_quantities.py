"""The quantity grammar: what counts as an amount, its value, unit and qualifier."""

from decimal import Decimal

import pytest

from measures.extraction.quantities import find_quantities, parse_quantity

D = Decimal

# (printed quantity, value, value_max, unit, qualifier)
QUANTITIES = [
    # Arabic digits, separators, decimals, full width
    ("6950户", D(6950), None, "户", "exact"),
    ("22904名", D(22904), None, "人", "exact"),
    ("1,200人", D(1200), None, "人", "exact"),
    ("12,345.5万元", D("123455000"), None, "元", "exact"),
    ("１２３个", D(123), None, "个", "exact"),
    ("５．５万亩", D(55000), None, "亩", "exact"),
    ("10.486公里", D("10.486"), None, "公里", "exact"),
    ("1.635千米", D("1.635"), None, "公里", "exact"),
    ("8000米", D(8000), None, "米", "exact"),
    ("3500平方米", D(3500), None, "平方米", "exact"),
    ("321.7兆瓦", D("321.7"), None, "兆瓦", "exact"),
    ("40吨", D(40), None, "吨", "exact"),
    # scales
    ("1.31万人次", D(13100), None, "人次", "exact"),
    ("95.92万户", D(959200), None, "户", "exact"),
    ("276.86万人", D(2768600), None, "人", "exact"),
    ("2576万元", D(25760000), None, "元", "exact"),
    ("26.9亿元", D(2690000000), None, "元", "exact"),
    ("1亿元", D(100000000), None, "元", "exact"),
    ("3千元", D(3000), None, "元", "exact"),
    ("5千万元", D(50000000), None, "元", "exact"),
    ("1万亩", D(10000), None, "亩", "exact"),
    ("2.3万户", D(23000), None, "户", "exact"),
    # Chinese numerals
    ("三千余人", D(3000), None, "人", "over"),
    ("二十五个", D(25), None, "个", "exact"),
    ("一百零五户", D(105), None, "户", "exact"),
    ("十二所", D(12), None, "所", "exact"),
    ("百分之九十五", D(95), None, "%", "exact"),
    ("百分之百", D(100), None, "%", "exact"),
    ("近万名", D(10000), None, "人", "approx"),
    ("三万元", D(30000), None, "元", "exact"),
    # qualifiers
    ("近60亿元", D(6000000000), None, "元", "approx"),
    ("约170余万元", D(1700000), None, "元", "approx"),
    ("7400余万元", D(74000000), None, "元", "over"),
    ("21万余元", D(210000), None, "元", "over"),
    ("1万余人次", D(10000), None, "人次", "over"),
    ("9万多册", D(90000), None, "册", "over"),
    ("20余个", D(20), None, "个", "over"),
    ("超过6000元", D(6000), None, "元", "over"),
    ("逾200户", D(200), None, "户", "over"),
    ("800名以上", D(800), None, "人", "at_least"),
    ("3个以上", D(3), None, "个", "at_least"),
    ("不少于50人", D(50), None, "人", "at_least"),
    ("不低于3000元", D(3000), None, "元", "at_least"),
    ("5万元以下", D(50000), None, "元", "at_most"),
    ("不超过3万元", D(30000), None, "元", "at_most"),
    ("10人以内", D(10), None, "人", "at_most"),
    ("500人左右", D(500), None, "人", "approx"),
    ("约2.5万人", D(25000), None, "人", "approx"),
    ("2000头以上", D(2000), None, "头", "at_least"),
    # ranges
    ("1-2名", D(1), D(2), "人", "range"),
    ("1—2亿", D(100000000), D(200000000), "元", "range"),
    ("3至5个", D(3), D(5), "个", "range"),
    ("5%-10%", D(5), D(10), "%", "range"),
    ("5-6万元", D(50000), D(60000), "元", "range"),
    ("3~5年", None, None, None, None),
    # rates and shares
    ("1000元/月", D(1000), None, "元/月", "exact"),
    ("5000元/名", D(5000), None, "元/人", "exact"),
    ("200元/户", D(200), None, "元/户", "exact"),
    ("500元/亩", D(500), None, "元/亩", "exact"),
    ("60%", D(60), None, "%", "exact"),
    ("57.3%", D("57.3"), None, "%", "exact"),
    ("９５％", D(95), None, "%", "exact"),
    # other measure words stay as printed
    ("1149所", D(1149), None, "所", "exact"),
    ("1082支", D(1082), None, "支", "exact"),
    ("35期", D(35), None, "期", "exact"),
    ("10余项", D(10), None, "项", "over"),
    ("8台次", D(8), None, "台次", "exact"),
    ("6场次", D(6), None, "场次", "exact"),
    ("2批次", D(2), None, "批次", "exact"),
    ("15口", D(15), None, "口", "exact"),
    ("49对", D(49), None, "对", "exact"),
]


@pytest.mark.parametrize(("printed", "value", "value_max", "unit", "qualifier"), QUANTITIES, ids=[q[0] for q in QUANTITIES])
def test_a_printed_quantity_parses_to_its_value_unit_and_qualifier(printed, value, value_max, unit, qualifier):
    quantity = parse_quantity(printed)
    if value is None:
        assert quantity is None
        return
    assert quantity is not None
    assert (quantity.value, quantity.value_max, quantity.unit, quantity.qualifier) == (value, value_max, unit, qualifier)
    assert quantity.text == printed


# (sentence, the figures it reports as printed)
SENTENCES = [
    ("协议总投资近60亿，年产值将达12亿，税收1—2亿。", ["近60亿", "12亿", "1—2亿"]),
    ("整合资金1000万，建成示范基地4个。", ["1000万", "4个"]),
    ("吸纳2.1万贫困人口就业。", ["2.1万"]),
    ("全县贫困人口减少1.2万。", ["1.2万"]),
    ("占贫困家庭收入的60%。", ["60%"]),
    ("培训贫困户2300人次，推广新技术10余项。", ["2300人次", "10余项"]),
]


@pytest.mark.parametrize(("sentence", "figures"), SENTENCES, ids=[s[0][:12] for s in SENTENCES])
def test_figures_in_running_text_are_found_in_order(sentence, figures):
    assert [q.text for q in find_quantities(sentence)] == figures


def test_money_without_yuan_after_wan_or_yi_is_money():
    assert {q.unit for q in find_quantities("协议总投资近60亿，整合资金1000万")} == {"元"}


def test_a_people_noun_after_a_bare_wan_makes_it_people():
    (quantity,) = find_quantities("吸纳2.1万贫困人口就业")
    assert (quantity.value, quantity.unit) == (D(21000), "人")


# Text that holds numerals but reports no amount.
NOT_METRICS = [
    ("2019年1月15日", "date"),
    ("17.11.2015  12:51", "day-first date and time"),
    ("2018-11-09 16:30:37", "ISO timestamp"),
    ("2019年02月28日 14时50分", "date and Chinese time"),
    ("11月8日下午", "month and day"),
    ("2018—2020年", "year range"),
    ("三年内每年", "deadline"),
    ("用6个月时间", "duration in months"),
    ("3天内完成", "duration in days"),
    ("一是围绕点上精准到户", "list ordinal 一是"),
    ("二要从健全机制入手", "list ordinal 二要"),
    ("第一书记", "ordinal 第一"),
    ("重庆扶贫专报第三十三期", "issue number"),
    ("脱贫攻坚简报2019年第2期", "issue number with year"),
    ("第12期（总第156期）", "issue number with total"),
    ("两不愁三保障", "slogan"),
    ("七个全覆盖", "slogan with measure word"),
    ("十三五规划", "five-year plan"),
    ("实行一票否决", "policy name"),
    ("一把手工程", "policy name"),
    ("五包一、三包一", "slogan"),
    ("明确“3年一亿”的协作帮扶规模", "figure inside a quoted slogan"),
    ("咨询电话：0851-86812345", "phone number"),
    ("热线12345", "hotline"),
    ("一批项目", "article-like numeral"),
    ("两个深度贫困县", "small Chinese numeral"),
    ("党的十九大精神", "party congress"),
    ("60岁以上老人", "age"),
    ("增长2倍", "ratio"),
    ("提高5个百分点", "percentage points"),
    ("G318国道", "road number"),
    ("〔2018〕12号文件", "document number"),
    ("进一步统一思想", "numeral inside words"),
    ("2019", "bare year"),
    ("共35", "bare number without measure word"),
]


@pytest.mark.parametrize(("text", "why"), NOT_METRICS, ids=[n[1] for n in NOT_METRICS])
def test_numerals_that_report_no_amount_are_not_metrics(text, why):
    assert find_quantities(text) == [], why


def test_offsets_point_at_the_printed_figure():
    text = "綦江区组织近万名党员干部与6950户贫困户开展结对帮扶。"
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text


def test_values_are_exact_decimals():
    (quantity,) = find_quantities("签约服务人口276.86万人")
    assert isinstance(quantity.value, Decimal)
    assert quantity.value == D("2768600")


def test_table_cells_take_unit_and_indicator_from_their_column_header():
    from measures.extraction.tables import table_figures

    text = "各县情况如下：\n| 县 | 帮扶资金（万元） | 项目（个） |\n| 田东县 | 6200 | 35 |\n| 凌云县 | 1,200 | 29 |"
    figures = [(q.text, q.value, q.unit, name) for q, name in table_figures(text)]
    assert figures == [
        ("6200", D(62000000), "元", "帮扶资金"),
        ("35", D(35), "个", "项目"),
        ("1,200", D(12000000), "元", "帮扶资金"),
        ("29", D(29), "个", "项目"),
    ]
    for quantity, _name in table_figures(text):
        assert text[quantity.start : quantity.end] == quantity.text
