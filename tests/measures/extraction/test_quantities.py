"""The quantity grammar: what counts as an amount, its value, unit and qualifier."""

from decimal import Decimal

import pytest

from measures.extraction.quantities import chinese_number, find_quantities, parse_quantity

D = Decimal

# (printed quantity, value, value_max, unit, qualifier)
QUANTITIES = [
    # Arabic digits: plain, separators, decimals, full width
    ("4825户", D(4825), None, "户", "exact"),
    ("13716名", D(13716), None, "人", "exact"),
    ("37位", D(37), None, "人", "exact"),
    ("1,350人", D(1350), None, "人", "exact"),
    ("1，350人", D(1350), None, "人", "exact"),
    ("7,000,000元", D(7000000), None, "元", "exact"),
    ("23,456.5万元", D("234565000"), None, "元", "exact"),
    ("４５６个", D(456), None, "个", "exact"),
    ("６．５万亩", D(65000), None, "亩", "exact"),
    ("２３，４５６户", D(23456), None, "户", "exact"),
    ("12.375公里", D("12.375"), None, "公里", "exact"),
    ("2.48千米", D("2.48"), None, "公里", "exact"),
    ("150平方千米", D(150), None, "平方公里", "exact"),
    ("6500米", D(6500), None, "米", "exact"),
    ("2800平方米", D(2800), None, "平方米", "exact"),
    ("118.4兆瓦", D("118.4"), None, "兆瓦", "exact"),
    ("65吨", D(65), None, "吨", "exact"),
    ("420公顷", D(420), None, "公顷", "exact"),
    ("96件次", D(96), None, "件次", "exact"),
    ("250克", D(250), None, "克", "exact"),
    ("8000字", D(8000), None, "字", "exact"),
    # scales 千/万/亿 after Arabic digits, and mixed figures
    ("2.46万人次", D(24600), None, "人次", "exact"),
    ("38.75万户", D(387500), None, "户", "exact"),
    ("164.32万人", D(1643200), None, "人", "exact"),
    ("3.5万名", D(35000), None, "人", "exact"),
    ("4830万元", D(48300000), None, "元", "exact"),
    ("17.6亿元", D(1760000000), None, "元", "exact"),
    ("2亿元", D(200000000), None, "元", "exact"),
    ("6千元", D(6000), None, "元", "exact"),
    ("8千万元", D(80000000), None, "元", "exact"),
    ("3万亩", D(30000), None, "亩", "exact"),
    ("2.4万千瓦", D(24000), None, "千瓦", "exact"),
    ("2亿3000万元", D(230000000), None, "元", "exact"),
    ("4万6000人", D(46000), None, "人", "exact"),
    ("5个亿", D(500000000), None, "元", "exact"),
    ("800万人民币", D(8000000), None, "元", "exact"),
    ("300万美元", D(3000000), None, "美元", "exact"),
    # digits between Chinese units
    ("18万3千元", D(183000), None, "元", "exact"),
    ("6万2千5百元", D(62500), None, "元", "exact"),
    ("2万800元", D(20800), None, "元", "exact"),
    ("300万五千元", D(3005000), None, "元", "exact"),
    # a bare 亿/万 read on its own is money
    ("近80亿", D(8000000000), None, "元", "approx"),
    ("2000万", D(20000000), None, "元", "exact"),
    # Chinese numerals
    ("四千余人", D(4000), None, "人", "over"),
    ("三十六个", D(36), None, "个", "exact"),
    ("一百零八户", D(108), None, "户", "exact"),
    ("十五所", D(15), None, "所", "exact"),
    ("三千四百户", D(3400), None, "户", "exact"),
    ("一亿元", D(100000000), None, "元", "exact"),
    ("一亿五千万元", D(150000000), None, "元", "exact"),
    ("六千元", D(6000), None, "元", "exact"),
    ("两万元", D(20000), None, "元", "exact"),
    ("四点五万亩", D(45000), None, "亩", "exact"),
    ("十余个", D(10), None, "个", "over"),
    ("千余名", D(1000), None, "人", "over"),
    ("近万名", D(10000), None, "人", "approx"),
    ("三个", D(3), None, "个", "exact"),
    ("一千零十元", D(1010), None, "元", "exact"),
    ("一百十二户", D(112), None, "户", "exact"),
    ("三万亿元", D(3 * 10**12), None, "元", "exact"),
    ("二十万零十元", D(200010), None, "元", "exact"),
    ("零点五元", D("0.5"), None, "元", "exact"),
    ("二百一十二点五克", D("212.5"), None, "克", "exact"),
    # a decimal before a bare 万/亿, and 余/多 before it
    ("一点五亿", D(150000000), None, "元", "exact"),
    ("二十点四万", D(204000), None, "元", "exact"),
    ("十二点三六亿", D(1236000000), None, "元", "exact"),
    ("三百四十余万", D(3400000), None, "元", "over"),
    ("十多万", D(100000), None, "元", "over"),
    # Chinese numerals before 千克, 千米, 千瓦: the 千 belongs to the measure word
    ("三十千克", D(30), None, "千克", "exact"),
    ("十二千米", D(12), None, "公里", "exact"),
    ("两百千瓦", D(200), None, "千瓦", "exact"),
    # percentages
    ("百分之九十五", D(95), None, "%", "exact"),
    ("百分之百", D(100), None, "%", "exact"),
    ("百分之零点八", D("0.8"), None, "%", "exact"),
    ("百分百", D(100), None, "%", "exact"),
    ("百分之二十到三十五", D(20), D(35), "%", "range"),
    ("百分之六十到百分之八十", D(60), D(80), "%", "range"),
    # qualifiers before and after
    ("近80亿元", D(8000000000), None, "元", "approx"),
    ("约3.5万人", D(35000), None, "人", "approx"),
    ("300人左右", D(300), None, "人", "approx"),
    ("约260余万元", D(2600000), None, "元", "approx"),
    ("5300余万元", D(53000000), None, "元", "over"),
    ("34万余元", D(340000), None, "元", "over"),
    ("2万余人次", D(20000), None, "人次", "over"),
    ("260余万元", D(2600000), None, "元", "over"),
    ("7万多册", D(70000), None, "册", "over"),
    ("30余个", D(30), None, "个", "over"),
    ("1500多人次", D(1500), None, "人次", "over"),
    ("超过8000元", D(8000), None, "元", "over"),
    ("超过了8000元", D(8000), None, "元", "over"),
    ("逾300户", D(300), None, "户", "over"),
    ("突破2亿元", D(200000000), None, "元", "over"),
    ("600名以上", D(600), None, "人", "at_least"),
    ("5个以上", D(5), None, "个", "at_least"),
    ("40名及以上", D(40), None, "人", "at_least"),
    ("不少于30人", D(30), None, "人", "at_least"),
    ("不低于5000元", D(5000), None, "元", "at_least"),
    ("至少有12个", D(12), None, "个", "at_least"),
    ("1500头以上", D(1500), None, "头", "at_least"),
    ("20万元（含）以上", D(200000), None, "元", "at_least"),
    ("百分之八十以上", D(80), None, "%", "at_least"),
    ("3万元以下", D(30000), None, "元", "at_most"),
    ("不超过5万元", D(50000), None, "元", "at_most"),
    ("小于30万", D(300000), None, "元", "at_most"),
    ("15人以内", D(15), None, "人", "at_most"),
    ("不足800元", D(800), None, "元", "at_most"),
    # ranges: the scale after the second number applies to both when the first is the smaller
    ("2-3名", D(2), D(3), "人", "range"),
    ("2—3亿", D(200000000), D(300000000), "元", "range"),
    ("2–4个", D(2), D(4), "个", "range"),
    ("2~3次", D(2), D(3), "次", "range"),
    ("4至6个", D(4), D(6), "个", "range"),
    ("150到250亩", D(150), D(250), "亩", "range"),
    ("10 - 60个", D(10), D(60), "个", "range"),
    ("8%-12%", D(8), D(12), "%", "range"),
    ("8-12%", D(8), D(12), "%", "range"),
    ("3-5万元", D(30000), D(50000), "元", "range"),
    ("3-4千元", D(3000), D(4000), "元", "range"),
    ("30万—80万元", D(300000), D(800000), "元", "range"),
    ("2.5万~3万元", D(25000), D(30000), "元", "range"),
    ("2万(含)-8万元", D(20000), D(80000), "元", "range"),
    ("6500到2万元", D(6500), D(20000), "元", "range"),
    ("两到四万元", D(20000), D(40000), "元", "range"),
    ("一百六十到一百九十万元", D(1600000), D(1900000), "元", "range"),
    ("三千到五千万元", D(30000000), D(50000000), "元", "range"),
    ("三十一到一千零五元", D(31), D(1005), "元", "range"),
    # rates and shares
    ("1200元/月", D(1200), None, "元/月", "exact"),
    ("1800元/年", D(1800), None, "元/年", "exact"),
    ("6000元/名", D(6000), None, "元/人", "exact"),
    ("600元/人", D(600), None, "元/人", "exact"),
    ("300元/户", D(300), None, "元/户", "exact"),
    ("800元/亩", D(800), None, "元/亩", "exact"),
    ("1.5万元/户", D(15000), None, "元/户", "exact"),
    ("45%", D(45), None, "%", "exact"),
    ("63.8%", D("63.8"), None, "%", "exact"),
    ("９８％", D(98), None, "%", "exact"),
    # other measure words stay as printed
    ("1236所", D(1236), None, "所", "exact"),
    ("946支", D(946), None, "支", "exact"),
    ("420家", D(420), None, "家", "exact"),
    ("28期", D(28), None, "期", "exact"),
    ("12余项", D(12), None, "项", "over"),
    ("9台次", D(9), None, "台次", "exact"),
    ("7场次", D(7), None, "场次", "exact"),
    ("6场", D(6), None, "场", "exact"),
    ("3批次", D(3), None, "批次", "exact"),
    ("18批", D(18), None, "批", "exact"),
    ("22口", D(22), None, "口", "exact"),
    ("58对", D(58), None, "对", "exact"),
    ("73座", D(73), None, "座", "exact"),
    ("12000份", D(12000), None, "份", "exact"),
    ("6万株", D(60000), None, "株", "exact"),
    ("31起", D(31), None, "起", "exact"),
    ("1.6万笔", D(16000), None, "笔", "exact"),
    ("17种", D(17), None, "种", "exact"),
    ("3000本", D(3000), None, "本", "exact"),
    ("3.6个百分点", D("3.6"), None, "个百分点", "exact"),
    ("零点六个百分点", D("0.6"), None, "个百分点", "exact"),
    # people counted by mouths
    ("6口人", D(6), None, "人", "exact"),
    # currencies printed before the figure
    ("港币三千二百元", D(3200), None, "港元", "exact"),
    ("3——5万港币", D(30000), D(50000), "港元", "range"),
    ("人民币数十亿元", D(10**9), D(10**10), "元", "range"),
    ("￥25.5", D("25.5"), None, "元", "exact"),
    # 角 (毛) and 分 after 元 or 块
    ("246元3角5分", D("246.35"), None, "元", "exact"),
    ("四百二十元六角八分", D("420.68"), None, "元", "exact"),
    ("三十元五毛", D("30.5"), None, "元", "exact"),
    ("十五块四毛", D("15.4"), None, "元", "exact"),
    ("二百一十块三角六分钱", D("210.36"), None, "元", "exact"),
    ("十八块五", D("18.5"), None, "元", "exact"),
    # and a half of a physical measure
    ("四斤半", D("4.5"), None, "斤", "exact"),
    ("两米半", D("2.5"), None, "米", "exact"),
    ("十二吨半", D("12.5"), None, "吨", "exact"),
    # spoken forms: neighbouring digits are an estimate, 块钱 is yuan, 几/数 a vague range
    ("三千多块钱", D(3000), None, "元", "over"),
    ("六七十名", D(60), D(70), "人", "range"),
    ("十五六万元", D(150000), D(160000), "元", "range"),
    ("八百三四十元", D(830), D(840), "元", "range"),
    ("两万三四元", D(23000), D(24000), "元", "range"),
    ("五六公斤", D(5), D(6), "公斤", "range"),
    ("十六七千瓦时", D(16), D(17), "千瓦时", "range"),
    ("几十万元", D(100000), D(1000000), "元", "range"),
    ("数百名", D(100), D(1000), "人", "range"),
    ("十几块钱", D(10), D(20), "元", "range"),
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
    ("2~4年", "a span of years"),
    ("2017年", "a year"),
    ("8个月", "a duration"),
    ("一些", "an ordinary word"),
    ("第一", "an ordinal"),
    ("67890", "a bare number"),
    ("资金", "no number at all"),
    ("", "empty"),
]


@pytest.mark.parametrize(("printed", "why"), NOT_QUANTITIES, ids=[n[1] for n in NOT_QUANTITIES])
def test_a_string_that_is_no_quantity_parses_to_none(printed, why):
    assert parse_quantity(printed) is None, why


def test_parse_quantity_keeps_offsets_into_the_string_it_was_given():
    quantity = parse_quantity("  48个 ")
    assert quantity is not None
    assert (quantity.text, quantity.start, quantity.end) == ("48个", 2, 5)


# (sentence, the figures it reports as printed, with their units)
SENTENCES = [
    ("签约项目总投资近45亿，年产值将达3亿，年上缴税收2—3亿。", [("近45亿", "元"), ("3亿", "元"), ("2—3亿", "元")]),
    ("统筹涉农资金800万，新建扶贫车间6个。", [("800万", "元"), ("6个", "个")]),
    ("全年转移农村劳动力1.6万人，安置1.8万农村人口。", [("1.6万人", "人"), ("1.8万", "人")]),
    ("全区贫困人口减少0.9万。", [("0.9万", "人")]),
    ("全乡贫困户0.8万，其中低保户2000户。", [("0.8万", "户"), ("2000户", "户")]),
    ("当年有1300贫困户实现增收。", [("1300", "户")]),
    ("务工收入占农户家庭收入的55%。", [("55%", "%")]),
    ("开展实用技术培训1800人次，引进新品种12余项。", [("1800人次", "人次"), ("12余项", "项")]),
    ("发动近万名机关干部与5120户贫困户结成帮扶对子。", [("近万名", "人"), ("5120户", "户")]),
    ("慰问困难户45户、困难群众150人，发放物资价值约90余万元。", [("45户", "户"), ("150人", "人"), ("约90余万元", "元")]),
    ("开办电商培训班3期1240名。", [("3期", "期"), ("1240名", "人")]),
    ("开展厨艺培训3批次64名学员（其中建档立卡户子女41名）。", [("3批次", "批次"), ("64名", "人"), ("41名", "人")]),
    ("全县贫困发生率由9.8%降至0.6%。", [("9.8%", "%"), ("0.6%", "%")]),
    ("人均可支配收入由2014年的2600元提高到2019年的9400元。", [("2600元", "元"), ("9400元", "元")]),
    ("由3000元降到2500元。", [("3000元", "元"), ("2500元", "元")]),
    ("抽调4个至6名干部。", [("4个", "个"), ("6名", "人")]),
    ("全年减贫四千余人，建成三十六个扶贫车间。", [("四千余人", "人"), ("三十六个", "个")]),
    ("2020年3月，全县召开调度会4次。", [("4次", "次")]),
    ("五年内每年安排2亿元产业发展资金。", [("2亿元", "元")]),
    ("第一书记128名全部到岗，驻村队员2400余名。", [("128名", "人"), ("2400余名", "人")]),
    ("深入推进“百企帮百村”，共有860家民营企业参与。", [("860家", "家")]),
    ("印发《关于支持易地搬迁后续发展的12条意见》，下达资金420万元。", [("420万元", "元")]),
    ('组织"消费扶贫月"活动，销售农产品80万元，设立"扶贫专柜"25个。', [("80万元", "元"), ("25个", "个")]),
    ("签约2600户贫困户，附近5公里范围内。", [("2600户", "户"), ("5公里", "公里")]),
    ("走访二十余个乡镇，组织千余名干部。", [("二十余个", "个"), ("千余名", "人")]),
    ("年销售收入达到5个亿。", [("5个亿", "元")]),
    ("聘用护林员 2130人，志愿教师150 名。", [("2130人", "人"), ("150 名", "人")]),
    ("5个多月来，入户走访3000多人次。", [("3000多人次", "人次")]),
    ("新华村4组有脱贫户16户。", [("16户", "户")]),
    ("比上年下降2.7个百分点，同比增长15%。", [("2.7个百分点", "个百分点"), ("15%", "%")]),
    ("巩固提升31万农村人口饮水安全。", [("31万", "人")]),
    ("受益群众近万，累计投入5千余万。", [("近万", "人"), ("5千余万", "元")]),
    ("改建村小学两所，新修便民桥两座，购置救护车两辆。", [("两所", "所"), ("两座", "座"), ("两辆", "辆")]),
    ("分两批下派60名科技特派员，选派三名干部驻村。", [("两批", "批"), ("60名", "人"), ("三名", "人")]),
    ("一亩地一年能多挣两三千块。", [("两三千块", "元")]),
    ("“在车间缝箱包，一个月能挣三千多块钱，还能照顾老人。”", [("三千多块钱", "元")]),
    ("全县95%以上的自然村通了硬化路，贫困发生率降至百分之零点六。", [("95%以上", "%"), ("百分之零点六", "%")]),
    ("其中一家5口人住进了新房。", [("5口人", "人")]),
]


@pytest.mark.parametrize(("sentence", "figures"), SENTENCES, ids=[s[0][:16] for s in SENTENCES])
def test_figures_in_running_text_are_found_in_order(sentence, figures):
    assert [(q.text, q.unit) for q in find_quantities(sentence)] == figures


# Text that holds numerals but reports no amount.
NOT_METRICS = [
    ("2020年6月18日", "date"),
    ("03.05.2016  09:40", "day-first date and time"),
    ("2017-06-21 08:15:42", "ISO timestamp"),
    ("2020年03月16日 09时20分", "date and Chinese time"),
    ("2020.04.10印发，2020/4/10执行", "dotted and slashed dates"),
    ("9月23日上午", "month and day"),
    ("3月5日—12日开展排查", "day range"),
    ("2016—2020年", "year range"),
    ("五年攻坚计划（2016-2020年）", "year range in brackets"),
    ("上午8时30分集合，17:30前上报", "clock times"),
    ("两年内每年", "deadline"),
    ("用8个月时间", "duration in months"),
    ("4个多月来", "duration with 多"),
    ("5天内完成", "duration in days"),
    ("三年内完成改造", "duration in Chinese"),
    ("贷款期限1至2年", "range of years"),
    ("一是聚焦重点人群", "list ordinal 一是"),
    ("三要从压实责任入手", "list ordinal 三要"),
    ("（一）易地搬迁；（二）生态扶贫", "bracketed list ordinals"),
    ("一、压实责任；十二、强化督导", "list ordinals with 、"),
    ("1.强化责任落实。2.完善帮扶机制", "Arabic list ordinals"),
    ("第一书记", "ordinal 第一"),
    ("第5期培训班", "ordinal 第5期"),
    ("某县扶贫工作简报第二十七期", "issue number"),
    ("扶贫动态2020年第5期", "issue number with year"),
    ("第9期（总第201期）", "issue number with total"),
    ("两不愁三保障", "slogan"),
    ("六个全覆盖", "slogan with a small numeral"),
    ("实施十个全覆盖", "slogan with a measure word"),
    ("推行十户联保", "policy name with a measure word"),
    ("落实“五个一批”，做到“六个精准”", "quoted slogans"),
    ("十三五规划", "five-year plan"),
    ("实行一票否决", "policy name"),
    ("一把手工程", "policy name"),
    ("四包一、二包一", "slogan"),
    ("推行“三联动”工作方法", "quoted slogan"),
    ("开展“访八户、办八事”活动", "quoted slogan with numerals"),
    ("提出“5年两亿”的帮扶目标", "figure inside a quoted slogan"),
    ("推出“帮扶15条”", "Arabic figure inside a quoted name"),
    ("做到“三必访三必问”，办好“十件实事”", "quoted slogans with measure words"),
    ("发动百家企业、千名干部、万名群众", "a hundred, a thousand, ten thousand as figures of speech"),
    ("联系电话：0931-8812345", "phone number"),
    ("手机13912345678", "mobile number"),
    ("热线12317", "hotline"),
    ("邮编730030", "postal code"),
    ("〔2019〕8号文件", "document number"),
    ("文件编号：2020-7号", "document label"),
    ("一批项目", "article-like numeral"),
    ("两个转变", "small Chinese numeral before an abstract noun"),
    ("党的十八大和十八届三中全会精神", "party congress"),
    ("65岁以上老人", "age"),
    ("增长3倍", "ratio"),
    ("G210国道、S311线", "road numbers"),
    ("PM2.5浓度下降", "pollutant name"),
    ("进一步统一认识，一体化推进", "numerals inside words"),
    ("一些村，一起研究，一线，一对一帮扶", "numerals inside more words"),
    ("坚持一村一策、一户一法", "one-per-household slogans"),
    ("关注“三农”问题，配强村“两委”班子", "quoted institutional names"),
    ("排名前15名", "a rank"),
    ("每20户设立网格员", "a rate's divisor"),
    ("扶贫款千万不能截留", "千万 as an adverb"),
    ("2020", "bare year"),
    ("共48", "bare number without measure word"),
    ("两委换届", "two committees"),
    ("推动两个转变，落实三项制度，实行四级联动", "small numerals with slogan-prone measure words"),
    ("二期工程已开工，二级公路改造", "二 before a measure word is an ordinal"),
    ("打好脱贫攻坚和污染防治两场硬仗", "battles as a figure of speech"),
    ("推进一二三次产业融合", "primary, secondary and tertiary industry"),
    ("实现了“一个平台统筹产业发展和就业帮扶两场战役”", "a long quoted slogan without clauses"),
    ("免得群众两头跑", "两头 as an idiom"),
    ("五家渠市、三台县、九台区", "place names that start like counts"),
    ("坚持两只手都要硬，小两口外出务工", "measure words also used figuratively"),
    ("两位数增长", "two-digit growth"),
    ("三五个村联合", "a vague small estimate"),
]


@pytest.mark.parametrize(("text", "why"), NOT_METRICS, ids=[n[1] for n in NOT_METRICS])
def test_numerals_that_report_no_amount_are_not_metrics(text, why):
    assert find_quantities(text) == [], why


def test_chinese_number_is_still_importable_from_quantities():
    assert chinese_number("一千零十") == D(1010)


def test_offsets_point_at_the_printed_figure():
    text = "某区组织近万名机关干部与5120户贫困户结对，投入资金1.6亿元。"
    quantities = find_quantities(text)
    assert [q.text for q in quantities] == ["近万名", "5120户", "1.6亿元"]
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text


def test_values_are_exact_decimals_in_plain_form():
    (quantity,) = find_quantities("家庭医生签约服务164.32万人")
    assert isinstance(quantity.value, Decimal)
    assert str(quantity.value) == "1643200"


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
