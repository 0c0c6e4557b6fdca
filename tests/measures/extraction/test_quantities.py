"""The quantity grammar: what counts as an amount, its value, unit and qualifier."""

from decimal import Decimal

import pytest

from measures.extraction.quantities import chinese_number, find_quantities, parse_quantity

D = Decimal

# (printed quantity, value, value_max, unit, qualifier)
QUANTITIES = [
    # Arabic digits: plain, separators, decimals, full width
    ("6950户", D(6950), None, "户", "exact"),
    ("22904名", D(22904), None, "人", "exact"),
    ("41位", D(41), None, "人", "exact"),
    ("1,200人", D(1200), None, "人", "exact"),
    ("1，200人", D(1200), None, "人", "exact"),
    ("5,000,000元", D(5000000), None, "元", "exact"),
    ("12,345.5万元", D("123455000"), None, "元", "exact"),
    ("１２３个", D(123), None, "个", "exact"),
    ("５．５万亩", D(55000), None, "亩", "exact"),
    ("１２，３４５户", D(12345), None, "户", "exact"),
    ("10.486公里", D("10.486"), None, "公里", "exact"),
    ("1.635千米", D("1.635"), None, "公里", "exact"),
    ("200平方千米", D(200), None, "平方公里", "exact"),
    ("8000米", D(8000), None, "米", "exact"),
    ("3500平方米", D(3500), None, "平方米", "exact"),
    ("321.7兆瓦", D("321.7"), None, "兆瓦", "exact"),
    ("40吨", D(40), None, "吨", "exact"),
    ("300公顷", D(300), None, "公顷", "exact"),
    ("120件次", D(120), None, "件次", "exact"),
    # scales 千/万/亿 after Arabic digits, and mixed figures
    ("1.31万人次", D(13100), None, "人次", "exact"),
    ("95.92万户", D(959200), None, "户", "exact"),
    ("276.86万人", D(2768600), None, "人", "exact"),
    ("2.5万名", D(25000), None, "人", "exact"),
    ("2576万元", D(25760000), None, "元", "exact"),
    ("26.9亿元", D(2690000000), None, "元", "exact"),
    ("1亿元", D(100000000), None, "元", "exact"),
    ("3千元", D(3000), None, "元", "exact"),
    ("5千万元", D(50000000), None, "元", "exact"),
    ("1万亩", D(10000), None, "亩", "exact"),
    ("1.2万千瓦", D(12000), None, "千瓦", "exact"),
    ("1亿2000万元", D(120000000), None, "元", "exact"),
    ("3万5000人", D(35000), None, "人", "exact"),
    ("3个亿", D(300000000), None, "元", "exact"),
    ("500万人民币", D(5000000), None, "元", "exact"),
    ("500万美元", D(5000000), None, "美元", "exact"),
    # a bare 亿/万 read on its own is money
    ("近60亿", D(6000000000), None, "元", "approx"),
    ("1000万", D(10000000), None, "元", "exact"),
    # Chinese numerals
    ("三千余人", D(3000), None, "人", "over"),
    ("二十五个", D(25), None, "个", "exact"),
    ("一百零五户", D(105), None, "户", "exact"),
    ("十二所", D(12), None, "所", "exact"),
    ("二千三百户", D(2300), None, "户", "exact"),
    ("一亿元", D(100000000), None, "元", "exact"),
    ("一亿二千万元", D(120000000), None, "元", "exact"),
    ("五千元", D(5000), None, "元", "exact"),
    ("两万元", D(20000), None, "元", "exact"),
    ("三点五万亩", D(35000), None, "亩", "exact"),
    ("十余个", D(10), None, "个", "over"),
    ("千余名", D(1000), None, "人", "over"),
    ("近万名", D(10000), None, "人", "approx"),
    ("三个", D(3), None, "个", "exact"),
    ("百分之九十五", D(95), None, "%", "exact"),
    ("百分之百", D(100), None, "%", "exact"),
    ("百分之零点八", D("0.8"), None, "%", "exact"),
    # qualifiers before and after
    ("近60亿元", D(6000000000), None, "元", "approx"),
    ("约2.5万人", D(25000), None, "人", "approx"),
    ("500人左右", D(500), None, "人", "approx"),
    ("约170余万元", D(1700000), None, "元", "approx"),
    ("7400余万元", D(74000000), None, "元", "over"),
    ("21万余元", D(210000), None, "元", "over"),
    ("1万余人次", D(10000), None, "人次", "over"),
    ("170余万元", D(1700000), None, "元", "over"),
    ("9万多册", D(90000), None, "册", "over"),
    ("20余个", D(20), None, "个", "over"),
    ("2000多人次", D(2000), None, "人次", "over"),
    ("超过6000元", D(6000), None, "元", "over"),
    ("逾200户", D(200), None, "户", "over"),
    ("突破1亿元", D(100000000), None, "元", "over"),
    ("800名以上", D(800), None, "人", "at_least"),
    ("3个以上", D(3), None, "个", "at_least"),
    ("60名及以上", D(60), None, "人", "at_least"),
    ("不少于50人", D(50), None, "人", "at_least"),
    ("不低于3000元", D(3000), None, "元", "at_least"),
    ("2000头以上", D(2000), None, "头", "at_least"),
    ("百分之九十五以上", D(95), None, "%", "at_least"),
    ("5万元以下", D(50000), None, "元", "at_most"),
    ("不超过3万元", D(30000), None, "元", "at_most"),
    ("10人以内", D(10), None, "人", "at_most"),
    ("不足1000元", D(1000), None, "元", "at_most"),
    # ranges: the scale after the second number applies to both
    ("1-2名", D(1), D(2), "人", "range"),
    ("1—2亿", D(100000000), D(200000000), "元", "range"),
    ("1–2个", D(1), D(2), "个", "range"),
    ("1~2次", D(1), D(2), "次", "range"),
    ("3至5个", D(3), D(5), "个", "range"),
    ("200到300亩", D(200), D(300), "亩", "range"),
    ("5%-10%", D(5), D(10), "%", "range"),
    ("5-10%", D(5), D(10), "%", "range"),
    ("5-6万元", D(50000), D(60000), "元", "range"),
    ("5-6千元", D(5000), D(6000), "元", "range"),
    ("20万—50万元", D(200000), D(500000), "元", "range"),
    ("1.5万~2万元", D(15000), D(20000), "元", "range"),
    # rates and shares
    ("1000元/月", D(1000), None, "元/月", "exact"),
    ("1500元/年", D(1500), None, "元/年", "exact"),
    ("5000元/名", D(5000), None, "元/人", "exact"),
    ("500元/人", D(500), None, "元/人", "exact"),
    ("200元/户", D(200), None, "元/户", "exact"),
    ("500元/亩", D(500), None, "元/亩", "exact"),
    ("1.2万元/户", D(12000), None, "元/户", "exact"),
    ("60%", D(60), None, "%", "exact"),
    ("57.3%", D("57.3"), None, "%", "exact"),
    ("９５％", D(95), None, "%", "exact"),
    ("６０％", D(60), None, "%", "exact"),
    # other measure words stay as printed
    ("1149所", D(1149), None, "所", "exact"),
    ("1082支", D(1082), None, "支", "exact"),
    ("350家", D(350), None, "家", "exact"),
    ("35期", D(35), None, "期", "exact"),
    ("10余项", D(10), None, "项", "over"),
    ("8台次", D(8), None, "台次", "exact"),
    ("6场次", D(6), None, "场次", "exact"),
    ("5场", D(5), None, "场", "exact"),
    ("2批次", D(2), None, "批次", "exact"),
    ("15批", D(15), None, "批", "exact"),
    ("15口", D(15), None, "口", "exact"),
    ("49对", D(49), None, "对", "exact"),
    ("64座", D(64), None, "座", "exact"),
    ("10000份", D(10000), None, "份", "exact"),
    ("5万株", D(50000), None, "株", "exact"),
    ("23起", D(23), None, "起", "exact"),
    ("1.2万笔", D(12000), None, "笔", "exact"),
    ("21种", D(21), None, "种", "exact"),
    ("4.2个百分点", D("4.2"), None, "个百分点", "exact"),
    # spoken forms: neighbouring digits are an estimate, 块钱 is yuan
    ("两千多块钱", D(2000), None, "元", "over"),
    ("七八十名", D(70), D(80), "人", "range"),
]


@pytest.mark.parametrize(("printed", "value", "value_max", "unit", "qualifier"), QUANTITIES, ids=[q[0] for q in QUANTITIES])
def test_a_printed_quantity_parses_to_its_value_unit_and_qualifier(printed, value, value_max, unit, qualifier):
    quantity = parse_quantity(printed)
    assert quantity is not None
    assert (quantity.value, quantity.value_max, quantity.unit, quantity.qualifier) == (value, value_max, unit, qualifier)
    assert (quantity.text, quantity.start, quantity.end) == (printed, 0, len(printed))
    assert isinstance(quantity.value, Decimal)


# Strings that are no quantity even when read on their own.
NOT_QUANTITIES = [
    ("3~5年", "a span of years"),
    ("2019年", "a year"),
    ("6个月", "a duration"),
    ("一些", "an ordinary word"),
    ("第一", "an ordinal"),
    ("12345", "a bare number"),
    ("资金", "no number at all"),
    ("", "empty"),
]


@pytest.mark.parametrize(("printed", "why"), NOT_QUANTITIES, ids=[n[1] for n in NOT_QUANTITIES])
def test_a_string_that_is_no_quantity_parses_to_none(printed, why):
    assert parse_quantity(printed) is None, why


def test_parse_quantity_keeps_offsets_into_the_string_it_was_given():
    quantity = parse_quantity("  35个 ")
    assert quantity is not None
    assert (quantity.text, quantity.start, quantity.end) == ("35个", 2, 5)


# (sentence, the figures it reports as printed, with their units)
SENTENCES = [
    ("协议总投资近60亿，年产值将达12亿，税收1—2亿。", [("近60亿", "元"), ("12亿", "元"), ("1—2亿", "元")]),
    ("整合资金1000万，建成示范基地4个。", [("1000万", "元"), ("4个", "个")]),
    ("吸纳2.1万贫困人口就业。", [("2.1万", "人")]),
    ("全县贫困人口减少1.2万。", [("1.2万", "人")]),
    ("全县贫困户1.2万，其中五保户3000户。", [("1.2万", "户"), ("3000户", "户")]),
    ("其中1500贫困户已脱贫。", [("1500", "户")]),
    ("占贫困家庭收入的60%。", [("60%", "%")]),
    ("培训贫困户2300人次，推广新技术10余项。", [("2300人次", "人次"), ("10余项", "项")]),
    ("组织近万名党员干部与6950户贫困户开展结对帮扶。", [("近万名", "人"), ("6950户", "户")]),
    ("帮扶贫困户60户、贫困人口200人，捐款捐物价值约170余万元。", [("60户", "户"), ("200人", "人"), ("约170余万元", "元")]),
    ("举办就业培训4期1860名。", [("4期", "期"), ("1860名", "人")]),
    ("组织培训2批次79名群众（其中建档立卡贫困人口60名）。", [("2批次", "批次"), ("79名", "人"), ("60名", "人")]),
    ("贫困发生率由12.5%下降到2.1%。", [("12.5%", "%"), ("2.1%", "%")]),
    ("年人均纯收入由2013年的2000元增加到2018年的8000元。", [("2000元", "元"), ("8000元", "元")]),
    ("由2000元到1500元。", [("2000元", "元"), ("1500元", "元")]),
    ("安排3个至5名干部。", [("3个", "个"), ("5名", "人")]),
    ("全年减贫三千余人，建成二十五个扶贫车间。", [("三千余人", "人"), ("二十五个", "个")]),
    ("2019年1月，全县召开推进会3次。", [("3次", "次")]),
    ("三年内每年提供1亿元扶贫专项资金。", [("1亿元", "元")]),
    ("第一书记156名全部到岗，驻村工作队员3600余名。", [("156名", "人"), ("3600余名", "人")]),
    ("深入开展“万企帮万村”行动，共有1200家企业参与。", [("1200家", "家")]),
    ("制定出台《推进扶贫协作19条措施》，落实资金534万元。", [("534万元", "元")]),
    ('开展"扶贫日"活动，募集资金120万元，建成"爱心超市"30个。', [("120万元", "元"), ("30个", "个")]),
    ("签约3000户贫困户，附近3公里范围内。", [("3000户", "户"), ("3公里", "公里")]),
    ("走访十余个乡镇，组织千余名干部。", [("十余个", "个"), ("千余名", "人")]),
    ("年产值达到3个亿。", [("3个亿", "元")]),
    ("生态护林员 1979人，支教教师200 名。", [("1979人", "人"), ("200 名", "人")]),
    ("3个多月来，走访群众2000多人次。", [("2000多人次", "人次")]),
    ("红星村3组有贫困户12户。", [("12户", "户")]),
    ("比上年提高4.2个百分点，同比增长12%。", [("4.2个百分点", "个百分点"), ("12%", "%")]),
    ("解决23万农村人口饮水安全问题。", [("23万", "人")]),
    ("受益群众近万，整合资金3千余万。", [("近万", "人"), ("3千余万", "元")]),
    ("新建寄宿制学校两所，便民桥两座，配备流动体检车两辆。", [("两所", "所"), ("两座", "座"), ("两辆", "辆")]),
    ("分两批选派80名乡村干部，选派三名干部驻村。", [("两批", "批"), ("80名", "人"), ("三名", "人")]),
    ("一个院子一年能多挣两三千块。", [("两三千块", "元")]),
    ("“在这里做毛绒玩具，一个月能挣两千多块钱，下午还能接孩子。”", [("两千多块钱", "元")]),
    ("全县90%以上的贫困村通了硬化路，贫困发生率降至百分之零点八。", [("90%以上", "%"), ("百分之零点八", "%")]),
]


@pytest.mark.parametrize(("sentence", "figures"), SENTENCES, ids=[s[0][:16] for s in SENTENCES])
def test_figures_in_running_text_are_found_in_order(sentence, figures):
    assert [(q.text, q.unit) for q in find_quantities(sentence)] == figures


# Text that holds numerals but reports no amount.
NOT_METRICS = [
    ("2019年1月15日", "date"),
    ("17.11.2015  12:51", "day-first date and time"),
    ("2018-11-09 16:30:37", "ISO timestamp"),
    ("2019年02月28日 14时50分", "date and Chinese time"),
    ("2019.01.15印发，2019/1/15执行", "dotted and slashed dates"),
    ("11月8日下午", "month and day"),
    ("1月15日—20日开展督查", "day range"),
    ("2018—2020年", "year range"),
    ("三年行动计划（2018-2020年）", "year range in brackets"),
    ("上午9时30分召开会议，18:00前报送", "clock times"),
    ("三年内每年", "deadline"),
    ("用6个月时间", "duration in months"),
    ("3个多月来", "duration with 多"),
    ("3天内完成", "duration in days"),
    ("两年内完成搬迁", "duration in Chinese"),
    ("贷款期限1至3年", "range of years"),
    ("一是围绕点上精准到户", "list ordinal 一是"),
    ("二要从健全机制入手", "list ordinal 二要"),
    ("（一）产业扶贫；（二）就业扶贫", "bracketed list ordinals"),
    ("一、提高站位；十一、强化保障", "list ordinals with 、"),
    ("1.加强组织领导。2.完善政策体系", "Arabic list ordinals"),
    ("第一书记", "ordinal 第一"),
    ("第3期培训班", "ordinal 第3期"),
    ("重庆扶贫专报第三十三期", "issue number"),
    ("脱贫攻坚简报2019年第2期", "issue number with year"),
    ("第12期（总第156期）", "issue number with total"),
    ("两不愁三保障", "slogan"),
    ("七个全覆盖", "slogan with a small numeral"),
    ("实施十个全覆盖", "slogan with a measure word"),
    ("推行十户联保", "policy name with a measure word"),
    ("坚持“五个一批”，落实“六个精准”", "quoted slogans"),
    ("十三五规划", "five-year plan"),
    ("实行一票否决", "policy name"),
    ("一把手工程", "policy name"),
    ("五包一、三包一", "slogan"),
    ("建立“六联动”工作机制", "quoted slogan"),
    ("围绕“解八难、建八有”", "quoted slogan with numerals"),
    ("明确“3年一亿”的协作帮扶规模", "figure inside a quoted slogan"),
    ("出台“扶贫20条”措施", "Arabic figure inside a quoted name"),
    ("提出“五必知五必到”，做好“八件事”", "quoted slogans with measure words"),
    ("组织市内百所学校、千名教师、万名学生", "a hundred, a thousand, ten thousand as figures of speech"),
    ("咨询电话：0851-86812345", "phone number"),
    ("手机13812345678", "mobile number"),
    ("热线12345", "hotline"),
    ("邮编400015", "postal code"),
    ("〔2018〕12号文件", "document number"),
    ("文件编号：2019-12号", "document label"),
    ("一批项目", "article-like numeral"),
    ("两个深度贫困县", "small Chinese numeral"),
    ("党的十九大和十九届四中全会精神", "party congress"),
    ("60岁以上老人", "age"),
    ("增长2倍", "ratio"),
    ("G318国道、S205线", "road numbers"),
    ("PM2.5浓度下降", "pollutant name"),
    ("进一步统一思想，一体化推进", "numerals inside words"),
    ("一些地方，一起研究，一线，一对一帮扶", "numerals inside more words"),
    ("坚持一户一策、一人一档", "one-per-household slogans"),
    ("解决“三农”问题，完善村“两委”班子", "quoted institutional names"),
    ("排名前10名", "a rank"),
    ("每10户设立联络员", "a rate's divisor"),
    ("扶贫资金千万不能挪用", "千万 as an adverb"),
    ("2019", "bare year"),
    ("共35", "bare number without measure word"),
    ("两委换届", "two committees"),
    ("推动两个转变，落实三项制度，实行四级联动", "small numerals with slogan-prone measure words"),
    ("二期工程已开工，二级公路改造", "二 before a measure word is an ordinal"),
    ("打赢脱贫攻坚和乡村振兴两场硬仗", "battles as a figure of speech"),
    ("推进一二三次产业融合", "primary, secondary and tertiary industry"),
    ("实现了“一个战场打赢生态治理和脱贫攻坚两场战役”", "a long quoted slogan without clauses"),
    ("防止群众两头跑", "两头 as an idiom"),
    ("五家渠市、三台县、九台区", "place names that start like counts"),
    ("坚持两只手都要硬，小两口外出务工", "measure words also used figuratively"),
    ("两位数增长", "two-digit growth"),
    ("三五个村联合", "a vague small estimate"),
]


@pytest.mark.parametrize(("text", "why"), NOT_METRICS, ids=[n[1] for n in NOT_METRICS])
def test_numerals_that_report_no_amount_are_not_metrics(text, why):
    assert find_quantities(text) == [], why


CHINESE_NUMERALS = [
    ("三千", D(3000)),
    ("二十五", D(25)),
    ("十二", D(12)),
    ("一百零五", D(105)),
    ("一千零五十", D(1050)),
    ("两万三千", D(23000)),
    ("一亿二千万", D(120000000)),
    ("一万五", D(15000)),
    ("三千五", D(3500)),
    ("零点八", D("0.8")),
    ("零", D(0)),
    ("两", D(2)),
    ("万", D(10000)),
    ("十三五", None),
    ("二〇一九", None),
    ("亿万", None),
    ("三五", None),
    ("一点", None),
]


@pytest.mark.parametrize(("numeral", "value"), CHINESE_NUMERALS, ids=[c[0] for c in CHINESE_NUMERALS])
def test_chinese_numerals_convert_exactly(numeral, value):
    assert chinese_number(numeral) == value


def test_offsets_point_at_the_printed_figure():
    text = "綦江区组织近万名党员干部与6950户贫困户开展结对帮扶，投入资金1.2亿元。"
    quantities = find_quantities(text)
    assert [q.text for q in quantities] == ["近万名", "6950户", "1.2亿元"]
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text


def test_values_are_exact_decimals_in_plain_form():
    (quantity,) = find_quantities("签约服务人口276.86万人")
    assert isinstance(quantity.value, Decimal)
    assert str(quantity.value) == "2768600"


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


def test_a_markdown_rule_under_the_header_row_keeps_the_header():
    from measures.extraction.tables import table_figures

    text = "| 县 | 资金（万元） |\n|---|---|\n| 田东县 | 6200 |"
    assert [(q.text, q.unit) for q, _name in table_figures(text)] == [("6200", "元")]
