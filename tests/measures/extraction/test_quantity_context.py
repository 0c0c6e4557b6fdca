"""Context rules of the quantity grammar: when a numeral in running text reports an amount."""

from decimal import Decimal

import pytest

from measures.extraction.quantities import find_quantities

D = Decimal


def figures(text):
    return [(q.text, q.value, q.value_max, q.unit, q.qualifier) for q in find_quantities(text)]


# Small Chinese numerals (below ten) that do report an amount: (sentence, printed figure, value, unit)
SMALL_COUNTS = [
    ("市卫健委先后三次组织专家下乡义诊。", "三次", D(3), "次"),
    ("全镇确定四个帮扶村，每村派驻工作队。", "四个", D(4), "个"),
    ("县委书记分包两个深度贫困乡镇。", "两个", D(2), "个"),
    ("经过评估，符合条件的村有两个。", "两个", D(2), "个"),
    ("今年新修三条产业路。", "三条", D(3), "条"),
    ("每户补贴五元。", "五元", D(5), "元"),
    ("捐赠一美元。", "一美元", D(1), "美元"),
    ("当年收获近一吨花椒。", "近一吨", D(1), "吨"),
    ("合作社当天收购两吨土豆。", "两吨", D(2), "吨"),
    ("每亩增产一点五吨。", "一点五吨", D("1.5"), "吨"),
    ("贫困发生率下降零点六个百分点。", "零点六个百分点", D("0.6"), "个百分点"),
    ("改建卫生室两所。", "两所", D(2), "所"),
]


@pytest.mark.parametrize(("sentence", "printed", "value", "unit"), SMALL_COUNTS, ids=[s[1] + "/" + s[0][:6] for s in SMALL_COUNTS])
def test_a_small_chinese_numeral_counts_with_money_measures_events_and_concrete_nouns(sentence, printed, value, unit):
    found = [(q.text, q.value, q.unit) for q in find_quantities(sentence)]
    assert (printed, value, unit) in found


def test_a_range_printed_with_a_dash_counts_even_with_small_numerals():
    assert figures("每村选派一到两名技术员。") == [("一到两名", D(1), D(2), "人", "range")]


# Small Chinese numerals in words, slogans and stories: no metric.
SMALL_WORDS = [
    ("推动两个转变", "个 before an abstract noun"),
    ("把握三个重要环节", "个 before a modified abstract noun"),
    ("守住两条底线", "条 before an abstract noun"),
    ("统筹两个市场", "市 as the start of 市场"),
    ("涉及三个乡", "a bare one-character place: a set phrase's parties"),
    ("推进三次产业融合", "三次产业 is a term"),
    ("探索三次分配", "三次分配 is a term"),
    ("发放一次性补助", "一次性 is a word"),
    ("一位名叫小李的队员", "一位: a singular in a story"),
    ("五角大楼", "角 without 元 or 块 is no money"),
    ("家里有一亩地", "一 before a physical measure tells a story"),
    ("他扛起一块石头", "一块 before a noun counts pieces"),
    ("三五个村联合", "三五: a handful"),
    ("关键在“落实”二字", "a count of characters in a word"),
    ("坚持八字方针", "a slogan of so many characters"),
]


@pytest.mark.parametrize(("text", "why"), SMALL_WORDS, ids=[s[1] for s in SMALL_WORDS])
def test_a_small_chinese_numeral_in_a_word_slogan_or_story_is_no_metric(text, why):
    assert find_quantities(text) == [], why


def test_a_short_quotation_that_is_speech_keeps_its_figures():
    assert figures("“这是三千元，你收好。”他说。") == [("三千元", D(3000), None, "元", "exact")]


def test_a_short_quotation_without_a_sentence_end_is_a_slogan():
    assert find_quantities("提出“三年两千万”的目标") == []


def test_a_count_followed_by_another_figure_starting_with_yi_is_no_slogan():
    assert [q.text for q in find_quantities("两期学员分别为八十人一百二十人。")] == ["八十人", "一百二十人"]


def test_kuai_is_yuan_in_a_clause_about_money():
    assert figures("全村共投入300块用于修路。") == [("300块", D(300), None, "元", "exact")]
    assert figures("一斤能卖5块一份。") == [("5块", D(5), None, "元", "exact")]


def test_kuai_before_a_noun_counts_pieces():
    assert figures("新立宣传牌12块标牌。")[0][3] == "块"


def test_kuai_with_a_spoken_jiao_digit_is_yuan_without_any_money_word():
    assert figures("一斤十二块五。") == [("十二块五", D("12.5"), None, "元", "exact")]


def test_fen_of_minutes_is_not_cents():
    assert [q.text for q in find_quantities("车费3元5分钟就到。")] == ["3元"]


def test_ben_as_this_is_no_measure_word():
    assert figures("3.1本工程投资2860万元。") == [("2860万元", D(28600000), None, "元", "exact")]


def test_ben_counting_books_is_a_measure_word():
    assert figures("捐赠图书3000本，发放2000本宣传册。") == [
        ("3000本", D(3000), None, "本", "exact"),
        ("2000本", D(2000), None, "本", "exact"),
    ]


def test_a_fraction_is_no_percentage():
    assert find_quantities("占五百分之二") == []


def test_shu_as_the_tail_of_a_noun_is_no_vague_numeral():
    assert figures("参训人数十分踊跃，参训人数120人。") == [("120人", D(120), None, "人", "exact")]


def test_ji_in_words_and_durations_is_no_figure():
    assert find_quantities("几乎每户都有人务工，十几年来坚持不懈。") == []


def test_vague_amounts_are_ranges():
    assert figures("带动几十万群众增收，投入数十亿元。") == [
        ("几十万", D(100000), D(1000000), "人", "range"),
        ("数十亿元", D(10**9), D(10**10), "元", "range"),
    ]


def test_qualifier_verbs_may_take_le_or_you():
    assert figures("贫困户收入超过了8000元，至少有12个村通了网。") == [
        ("超过了8000元", D(8000), None, "元", "over"),
        ("至少有12个", D(12), None, "个", "at_least"),
    ]


def test_you_alone_is_no_qualifier():
    assert [q.text for q in find_quantities("共有1200家企业参与。")] == ["1200家"]


def test_a_currency_before_the_figure_sets_the_unit():
    assert figures("捐款港币3000元，另有￥25.5。") == [
        ("港币3000元", D(3000), None, "港元", "exact"),
        ("￥25.5", D("25.5"), None, "元", "exact"),
    ]


def test_an_inclusive_mark_between_the_bounds_of_a_range():
    assert figures("补助标准在2 万(含)-6 万元之间。") == [("2 万(含)-6 万元", D(20000), D(60000), "元", "range")]


def test_a_five_year_plan_stays_out_of_vague_amounts():
    found = [q.text for q in find_quantities("十三五期间各村投资十几万和二十几万。")]
    assert found == ["十几万", "二十几万"]
