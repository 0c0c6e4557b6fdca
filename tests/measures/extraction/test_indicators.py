"""indicator_for: the noun phrase a figure counts."""

import pytest

from measures.extraction.indicators import indicator_for

# (sentence, figure, unit, a phrase the indicator must contain or be contained in)
CASES = [
    ("组织党员干部与6950户贫困户开展结对帮扶", "6950户", "户", "贫困户"),
    ("确保全面完成25个贫困村销号任务", "25个", "个", "贫困村"),
    ("筹集落实扶贫专项资金，三年内每年提供1亿元扶贫专项资金", "1亿元", "元", "扶贫专项资金"),
    ("成功引进省外企业9家，协议总投资近60亿", "近60亿", "元", "协议总投资"),
    ("一期投产后，年产值将达12亿", "12亿", "元", "年产值"),
    ("组织协调770个单位的1082支驻村精准扶贫工作队", "1082支", "支", "工作队"),
    ("建成蔬菜交易市场10个", "10个", "个", "蔬菜交易市场"),
    ("月均工资3500元以上", "3500元以上", "元", "月均工资"),
    ("新建山区寄宿制学校68所", "68所", "所", "寄宿制学校"),
    ("选聘建档立卡贫困人口生态护林员1979人", "1979人", "人", "生态护林员"),
    ("全省农村低保标准提高到每人每年3840元", "3840元", "元", "低保标准"),
]


@pytest.mark.parametrize(("sentence", "figure", "unit", "expected"), CASES, ids=[c[1] for c in CASES])
def test_the_indicator_is_the_counted_noun_phrase(sentence, figure, unit, expected):
    start = sentence.index(figure)
    indicator = indicator_for(sentence, start, start + len(figure), unit)
    assert indicator and (expected in indicator or indicator in expected), indicator


def test_a_place_is_never_the_indicator():
    sentence = "三年内每年为酉阳县提供1亿元"
    start = sentence.index("1亿元")
    assert indicator_for(sentence, start, start + 4, "元") != "酉阳县"


def test_a_figure_with_nothing_around_it_has_no_indicator():
    assert indicator_for("1200元", 0, 5, "元") is None
