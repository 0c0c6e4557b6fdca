"""The region matcher: which divisions a text names, with current codes and offsets."""

import time

import pytest

from measures.extraction.regions import load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def codes(gazetteer, text):
    return [m.code for m in gazetteer.find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("四川省脱贫攻坚领导小组办公室", "510000"),
        ("綦江区委书记潘毅琴", "500110"),
        ("梁平区蔬菜基地", "500155"),
        ("甘孜藏族自治州九龙县", "513300"),
        ("酉阳土家族苗族自治县", "500242"),
        ("广西壮族自治区", "450000"),
        ("仙桃市精准扶贫", "429004"),
    ],
)
def test_full_official_names_are_found(gazetteer, text, code):
    assert codes(gazetteer, text)[0] == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("重庆扶贫专报第三十三期", "500000"),
        ("甘孜州扶贫开发局", "513300"),
        ("秀山县创新思路", "500241"),
        ("黔东南州产业扶贫", "522600"),
        ("恩施州易地搬迁", "422800"),
        ("保定市召开发布会", "130600"),
        ("新疆南疆四地州", "650000"),
    ],
)
def test_short_forms_with_and_without_suffix_map_to_the_full_division(gazetteer, text, code):
    assert code in codes(gazetteer, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("开县扶贫办", "500154"),
        ("梁平县依托蔬菜产业", "500155"),
        ("武隆县旅游扶贫", "500156"),
        ("郫县乡村振兴", "510117"),
        ("双流县就业扶贫", "510116"),
        ("富阳市结对帮扶", "330111"),
        ("襄樊市对口支援", "420600"),
        ("思茅市茶叶产业", "530800"),
        ("户县农民画", "610118"),
    ],
)
def test_former_names_map_to_the_current_code(gazetteer, text, code):
    assert codes(gazetteer, text)[0] == code


def test_a_bare_county_short_form_counts_when_its_province_is_named(gazetteer):
    text = "重庆市国资系统全力助推酉阳扶贫攻坚"
    assert codes(gazetteer, text) == ["500000", "500242"]


def test_a_bare_county_short_form_without_its_province_is_left_out(gazetteer):
    assert "500242" not in codes(gazetteer, "全力助推酉阳扶贫攻坚")


def test_an_ambiguous_name_is_resolved_by_the_province_in_context(gazetteer):
    assert "211300" in codes(gazetteer, "辽宁省朝阳市发展设施农业")
    assert "110105" in codes(gazetteer, "北京市朝阳区对口帮扶")


def test_an_ambiguous_name_without_context_is_left_out(gazetteer):
    assert codes(gazetteer, "鼓楼区开展消费扶贫") == []


@pytest.mark.parametrize(
    "text",
    [
        "三清蔬菜农民合作社等新型经营主体",  # 合作社 is not 合作市
        "市中山医院派出专家义诊",  # 市中山医院 is not 中山市
        "召开县委常委会研究扶贫工作",  # 召开县委 is not 开县
        "确保定期开展帮扶活动",  # 确保定期 is not 保定
        "东方红村发展茶叶",  # 东方红 is not 东方市
        "坚持社会主义县域经济发展方向",  # 主义县域 is not 义县
    ],
)
def test_a_name_inside_another_word_is_not_a_mention(gazetteer, text):
    assert codes(gazetteer, text) == []


def test_mention_offsets_point_at_the_text_as_printed(gazetteer):
    text = "浙江省衢州市衢江区东西部扶贫协作帮扶绵阳市平武县"
    for mention in gazetteer.find_mentions(text):
        assert text[mention.start : mention.end] == mention.mention


def test_the_longest_name_wins_where_names_overlap(gazetteer):
    (mention,) = gazetteer.find_mentions("甘孜藏族自治州")
    assert mention.mention == "甘孜藏族自治州"


def test_matching_a_long_bulletin_is_fast(gazetteer):
    text = "浙江省衢州市衢江区东西部扶贫协作帮扶绵阳市平武县，组织劳务招聘会5场。" * 300
    gazetteer.find_mentions(text[:100])
    started = time.perf_counter()
    gazetteer.find_mentions(text)
    assert time.perf_counter() - started < 2.0  # a generous bound; the benchmark reports the real figure
