"""The words around a core phrase that make an indicator specific (indicator_context).

Each test states one rule with sentences of the genre written for these tests; the expected
indicator is exact.
"""

import pytest

from measures.extraction.indicator_context import unwrap
from measures.extraction.indicators import indicator_for


def _indicator(sentence: str, figure: str, unit: str) -> str | None:
    start = sentence.index(figure)
    return indicator_for(sentence, start, start + len(figure), unit)


def _check(cases):
    for sentence, figure, unit, expected in cases:
        assert _indicator(sentence, figure, unit) == expected, sentence


# --- a class of people, households or places is told apart by its relation ------------------


def test_a_relation_verb_before_a_counted_class_stays_with_it():
    _check(
        [
            ("县里组织企业结对帮扶15个贫困村", "15个", "个", "结对帮扶贫困村"),
            ("春节前走访慰问320户困难群众", "320户", "户", "走访慰问困难群众"),
        ]
    )


def test_a_short_modifier_between_the_verb_and_the_figure_stays_with_the_class():
    assert _indicator("今年成功引进省外6家企业", "6家", "家") == "引进省外企业"


def test_sending_mobilising_and_light_verbs_tell_no_class_apart():
    _check(
        [
            ("从县直单位选派12名干部。", "12名", "人", "干部"),
            ("动员县内80家企业。", "80家", "家", "企业"),
            ("组织60名党员。", "60名", "人", "党员"),
        ]
    )


def test_a_verb_before_de_modifies_and_relates_nothing():
    assert _indicator("按照规划的20所学校。", "20所", "所") == "学校"


def test_a_specific_noun_needs_no_relation():
    assert _indicator("建成36个农产品交易市场", "36个", "个") == "农产品交易市场"


def test_a_relation_verb_before_a_class_named_before_the_figure_stays_with_it():
    _check(
        [
            ("安排专人帮扶困难群众800人", "800人", "人", "帮扶困难群众"),
            ("光伏电站覆盖贫困人口2.6万人", "2.6万人", "人", "覆盖贫困人口"),
        ]
    )


def test_a_place_between_the_relation_and_the_class_is_left_out():
    assert _indicator("党员干部结对帮扶城关镇贫困户45户", "45户", "户") == "结对帮扶贫困户"


def test_what_the_members_of_a_counted_class_do_defines_it():
    _check(
        [
            ("全镇260户贫困户加入合作社", "260户", "户", "加入合作社的贫困户"),
            ("分别与45个县直部门和12个乡镇签订目标责任书", "12个", "个", "签订目标责任书的乡镇"),
        ]
    )


def test_a_light_verb_before_an_activity_is_dropped_from_the_predicate():
    assert _indicator("已有430名学生实现稳定就业", "430名", "人") == "稳定就业学生"


def test_a_count_coordinated_with_the_class_shares_its_predicate():
    assert _indicator("分别与45个县直部门和12个乡镇签订目标责任书", "45个", "个") == "签订目标责任书的县直部门"


def test_listed_counts_share_the_predicate_after_the_list():
    assert _indicator("选派2名处级干部、3名科级干部到青川县挂职", "2名", "人") == "到青川县挂职的处级干部"


def test_the_predicate_ends_before_a_second_verb():
    assert _indicator("选派2名处级干部到青川县挂职学习规划管理经验", "2名", "人") == "到青川县挂职的处级干部"


def test_a_class_governed_by_a_preposition_takes_no_predicate():
    _check(
        [
            ("在15个贫困村开展人居环境整治", "15个", "个", "贫困村"),
            ("将12个贫困村纳入示范创建", "12个", "个", "贫困村"),
        ]
    )


def test_a_predicate_relating_two_counted_classes_names_neither():
    assert _indicator("40家企业结对帮扶60个贫困村", "40家", "家") == "企业"


def test_a_predicate_with_a_specific_counted_object_still_defines_the_class():
    assert _indicator("5个乡镇获得8个省级示范项目", "5个", "个") == "获得省级示范项目的乡镇"


def test_a_relation_from_the_first_list_item_governs_the_next():
    assert _indicator("帮扶贫困户80户、贫困人口260人", "260人", "人") == "帮扶贫困人口"


# --- shares -----------------------------------------------------------------------------------


def test_a_percentage_of_a_group_is_that_groups_share_with_what_it_does():
    assert _indicator("全县有约15%的贫困户因残致贫", "约15%", "%") == "因残致贫贫困户占比"


def test_the_group_of_a_percentage_ends_at_its_class_noun():
    assert _indicator("全县有近15%的农户种植茶叶", "近15%", "%") == "种植茶叶农户占比"


def test_a_percentage_of_a_group_without_a_predicate_is_the_groups_share():
    assert _indicator("全县有约15%的贫困户。", "约15%", "%") == "贫困户占比"


# --- money ------------------------------------------------------------------------------------


def test_a_fund_named_after_the_sum_is_what_it_counts():
    _check(
        [
            ("县农商行为合作社提供50万元贴息贷款", "50万元", "元", "贴息贷款"),
            ("县财政下拨80万元扶持资金", "80万元", "元", "扶持资金"),
            ("村小学获得80万元建设资金", "80万元", "元", "建设资金"),
        ]
    )


def test_a_value_is_named_by_the_thing_it_is_the_value_of():
    _check(
        [
            ("为受灾群众送去价值3万元的农资", "3万元", "元", "农资价值"),
            ("签订总投资2亿元的产业园项目", "2亿元", "元", "产业园项目总投资"),
        ]
    )


def test_a_bare_allocation_is_named_by_its_purpose():
    _check(
        [
            ("投入180万元建设村级文化广场", "180万元", "元", "村级文化广场投入"),
            ("安排600万元用于产业扶持", "600万元", "元", "产业扶持资金"),
            ("安排800万元用于结对帮扶某县", "800万元", "元", "结对帮扶资金"),
        ]
    )


def test_a_bare_allocation_without_a_purpose_names_the_fund():
    assert _indicator("安排600万元。", "600万元", "元") == "安排资金"


def test_a_verb_before_a_bare_investment_stays():
    assert _indicator("新落地沿海企业4家，完成投资2.1亿元", "2.1亿元", "元") == "完成投资"


def test_a_verb_before_a_bare_fund_names_it():
    _check(
        [
            ("县里整合资金2800万元", "2800万元", "元", "整合资金"),
            ("累计投入资金3000万元", "3000万元", "元", "投入资金"),
        ]
    )


def test_the_verb_before_a_named_fund_is_its_predicate():
    assert _indicator("投入学科建设专项经费150万元", "150万元", "元") == "学科建设专项经费"


def test_a_sum_given_to_a_village_is_named_by_the_giving():
    assert _indicator("对口城市累计支援石门村300万元", "300万元", "元") == "支援资金"


def test_earnings_and_loans_are_named_as_such():
    _check(
        [
            ("种上核桃后每亩能挣1500元", "1500元", "元", "收入"),
            ("他当年向信用社借了3万元", "3万元", "元", "借款"),
        ]
    )


def test_the_noun_after_an_earlier_figure_belongs_to_that_figure():
    assert _indicator("30户人家户均增收8000元", "8000元", "元") == "户均增收"


def test_a_date_owns_no_noun():
    assert _indicator("2019年村道改建6.2公里", "6.2公里", "公里") == "村道改建"


# --- lists, asides and compounds --------------------------------------------------------------


def test_modifiers_joined_by_a_list_mark_share_the_head_after_the_figure():
    assert _indicator("针对900名因灾致贫、因学致贫群众开展救助", "900名", "人") == "因灾致贫、因学致贫群众"


def test_modifiers_joined_by_a_list_mark_share_the_head_before_the_figure():
    assert _indicator("全省因灾致贫、因学致贫农户有3200户", "3200户", "户") == "因灾致贫、因学致贫农户"


def test_an_aside_listing_kinds_of_county_belongs_to_the_name():
    _check(
        [
            ("从5个非贫困县(区)选派驻村干部", "5个", "个", "非贫困县(区)"),
            ("政策覆盖14个县(区)", "14个", "个", "覆盖县(区)"),
        ]
    )


def test_a_lone_noun_takes_the_head_after_its_de_and_the_place_before_the_figure():
    assert _indicator("北京市6个区的民政局与该州签订协议", "6个", "个") == "北京市区民政局"


def test_a_lone_character_before_the_figure_is_the_tail_of_a_compound():
    assert _indicator("修建生产便道3.2公里", "3.2公里", "公里") == "生产便道"


def test_a_category_label_reaches_back_over_verbs_and_conjunctions():
    _check(
        [
            ("其中改善群众住房和饮水条件类项目12个", "12个", "个", "改善群众住房和饮水条件类项目"),
            ("其中生态保护和环境整治类项目2个", "2个", "个", "生态保护和环境整治类项目"),
            ("实施产业扶持类项目8个", "8个", "个", "产业扶持类项目"),
        ]
    )


def test_nouns_joined_by_ji_before_one_head_are_one_name():
    assert _indicator("建设800平方米仓储及检测中心", "800平方米", "平方米") == "仓储及检测中心"


def test_nouns_joined_by_he_that_are_classes_are_two_items():
    assert _indicator("其中14个区县和市属医院。", "14个", "个") == "区县"


def test_xin_inside_a_phrase_is_a_modifier():
    assert _indicator("推广种植新技术12项", "12项", "项") == "种植新技术"


def test_a_total_is_named_by_its_scope():
    assert _indicator("全乡人口1.2万人", "1.2万人", "人") == "全乡人口"


def test_a_leading_village_name_is_the_region_not_the_indicator():
    assert _indicator("石门村贫困发生率已降为0.5%", "0.5%", "%") == "贫困发生率"


def test_after_you_a_verb_before_a_noun_modifies_it():
    assert _indicator("合作社有3个烘干车间", "3个", "个") == "烘干车间"


def test_yi_and_a_verb_before_a_noun_modify_it():
    assert _indicator("重点扶持9个已出列贫困村", "9个", "个") == "扶持已出列贫困村"


def test_a_verb_of_settling_ends_the_phrase():
    assert _indicator("已有28个帮扶项目落户该县", "28个", "个") == "帮扶项目"


# --- activities -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "expected"),
    [
        ("组织培训3批次", "3批次", "批次", "培训批次"),
        ("开展专题培训后，再培训12期", "12期", "期", "培训期数"),
        ("年内完成搬迁2.1万人", "2.1万人", "人", "搬迁人口"),
    ],
    ids=["batches", "sessions", "population-verb"],
)
def test_a_bare_activity_is_named_with_the_noun_of_its_count(sentence, figure, unit, expected):
    assert _indicator(sentence, figure, unit) == expected


def test_people_served_by_an_activity_are_named_by_the_activity():
    assert _indicator("资助贫困患者就医2.4万人次", "2.4万人次", "人次") == "就医人次"


def test_a_place_serving_people_stays_with_the_activity():
    assert _indicator("红色教育基地接待1.2万人次", "1.2万人次", "人次") == "红色教育基地接待人次"


def test_a_sending_verb_is_not_the_activity_counted_in_person_times():
    assert _indicator("先后选派援疆干部180人次", "180人次", "人次") == "援疆干部"


# --- the clause itself ------------------------------------------------------------------------


def test_a_line_wrap_space_inside_a_phrase_is_removed():
    assert _indicator("投入专项 经费80万元", "80万元", "元") == "专项经费"


def test_unwrap_keeps_the_gap_after_an_ordinal_heading():
    assert unwrap("二是 加强培训") == "二是 加强培训"
    assert unwrap("专项 经费") == "专项经费"
