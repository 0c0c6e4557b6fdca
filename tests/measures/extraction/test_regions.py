"""The region matcher: which divisions a text names, with their current codes and where."""


import pytest

from measures.extraction.regions import Division, Gazetteer, RegionMention, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def codes(gazetteer, text):
    return [m.code for m in gazetteer.find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("四川省扶贫开发局召开会议", "510000"),
        ("綦江区委书记", "500110"),
        ("梁平区蔬菜基地", "500155"),
        ("酉阳土家族苗族自治县", "500242"),
        ("广西壮族自治区", "450000"),
        ("内蒙古自治区", "150000"),
        ("仙桃市精准扶贫", "429004"),
        ("神农架林区", "429021"),
        ("甘孜藏族自治州", "513300"),
    ],
)
def test_official_names_are_found(gazetteer, text, code):
    assert codes(gazetteer, text) == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("甘孜州扶贫开发局", "513300"),
        ("恩施州易地搬迁", "422800"),
        ("黔东南州产业扶贫", "522600"),
        ("秀山县发展茶叶", "500241"),
        ("石柱县结对帮扶", "500240"),
        ("酉阳县乡村旅游", "500242"),
        ("龙胜县梯田", "450328"),
    ],
)
def test_short_forms_with_a_suffix_name_the_full_division(gazetteer, text, code):
    assert codes(gazetteer, text) == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("重庆脱贫攻坚工作会议", "500000"),
        ("四川脱贫攻坚", "510000"),
        ("新疆南疆四地州", "650000"),
        ("内蒙古赤峰", "150000"),
        ("保定召开扶贫工作会", "130600"),
        ("绵阳引进东部企业12家", "510700"),
        ("黔东南产业扶贫", "522600"),
        ("石家庄召开会议", "130100"),
    ],
)
def test_bare_short_forms_name_the_full_division(gazetteer, text, code):
    assert codes(gazetteer, text)[0] == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("重庆市开县扶贫办", "500154"),
        ("梁平县发展柚子产业", "500155"),
        ("武隆县旅游扶贫", "500156"),
        ("綦江县脱贫摘帽", "500110"),
        ("成都市郫县乡村振兴", "510117"),
        ("双流县就业扶贫", "510116"),
        ("富阳市结对帮扶", "330111"),
        ("襄樊市对口支援", "420600"),
        ("思茅市茶叶产业", "530800"),
        ("陕西户县农民画", "610118"),
        ("毕节地区扶贫开发", "520500"),
        ("密云县山区", "110118"),
    ],
)
def test_former_names_map_to_the_current_division(gazetteer, text, code):
    assert code in codes(gazetteer, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("北京朝阳对口帮扶", "110105"),
        ("辽宁朝阳发展设施农业", "211300"),
        ("长春市朝阳区", "220104"),
        ("福州市鼓楼区", "350102"),
        ("江苏省南京市召开推进会，鼓楼区介绍经验", "320106"),
        ("兰州市城关区", "620102"),
        ("天津市和平区", "120101"),
        ("西安市长安区", "610116"),
        ("甘孜州九龙", "513324"),
        ("青海省海南州", "632500"),
    ],
)
def test_a_shared_name_goes_to_the_division_the_text_supports(gazetteer, text, code):
    assert code in codes(gazetteer, text)


@pytest.mark.parametrize(
    "text",
    [
        "鼓楼区开展消费扶贫",
        "朝阳区开展消费扶贫",
        "城关区召开会议",
        "新城区召开会议",
        "和平区召开会议",
        "中山召开会议",  # 中山市 or 中山区 of Dalian, and a common name besides
    ],
)
def test_a_shared_name_the_text_does_not_resolve_is_left_out(gazetteer, text):
    assert codes(gazetteer, text) == []


def test_kowloon_is_not_the_sichuan_county(gazetteer):
    assert codes(gazetteer, "香港九龙") == ["810000"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("北京、天津、河北协同发展", "130000"),  # not 河北区 of Tianjin
        ("吉林脱贫攻坚", "220000"),  # not 吉林市
        ("海南脱贫攻坚", "460000"),  # not 海南州 of Qinghai
    ],
)
def test_a_bare_province_name_stays_the_province_unless_something_closer_supports_the_other(gazetteer, text, code):
    assert code in codes(gazetteer, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("西安召开会议", "610100"),  # not 西安区 of Liaoyuan or Mudanjiang
        ("和田扶贫", "653200"),  # the prefecture, over its own 和田市 and 和田县
    ],
)
def test_a_prefecture_wins_a_tie_against_districts_elsewhere_and_its_own_counties(gazetteer, text, code):
    assert codes(gazetteer, text) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "某某养殖农民合作社带动农户",  # 合作社 is not 合作市
        "市中山医院派出专家义诊",  # 市中山医院 is neither 中山市 nor 市中区
        "召开县委常委会研究扶贫工作",  # 召开县委 is not 开县
        "确保定期开展帮扶活动",  # 确保定期 is not 保定
        "东方红村发展茶叶",  # 东方红 is not 东方市
        "坚持社会主义县域经济发展方向",  # 主义县域 is not 义县
        "建设美丽新乡村",  # 新乡村 is not 新乡
        "发展大城市周边产业",  # 大城市 is not 大城县
        "中华人民共和国",  # 共和国 is not 共和县
    ],
)
def test_a_name_inside_another_word_is_not_a_mention(gazetteer, text):
    assert codes(gazetteer, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "全州累计投入教育扶贫资金",  # the whole prefecture, not 全州县
        "会同有关部门研究",  # together with, not 会同县
        "实现共同富裕",
        "推进乡村振兴",
        "新建学校3所",
        "城区学校",
        "东区派出所",
    ],
)
def test_a_place_name_that_is_a_common_word_is_left_out(gazetteer, text):
    assert codes(gazetteer, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("攀枝花市东区", "510402"),
        ("攀枝花东区", "510402"),
        ("晋城市城区", "140502"),
        ("临汾永和", "141032"),
        ("怀化市会同", "431225"),
    ],
)
def test_a_common_word_place_name_counts_right_after_its_parent(gazetteer, text, code):
    assert codes(gazetteer, text)[-1] == code


def test_a_two_character_name_on_a_one_character_stem_needs_its_province_or_prefecture(gazetteer):
    assert codes(gazetteer, "开县扶贫办") == []
    assert codes(gazetteer, "泾县茶叶") == []
    assert codes(gazetteer, "重庆市开县扶贫办") == ["500000", "500154"]
    assert codes(gazetteer, "安徽泾县茶叶") == ["340000", "341823"]


def test_a_bare_county_form_counts_when_its_province_or_prefecture_is_named(gazetteer):
    assert codes(gazetteer, "重庆市市级部门结对帮扶酉阳") == ["500000", "500242"]
    assert codes(gazetteer, "保定市组织帮扶阜平、涞源等县") == ["130600", "130624", "130630"]


def test_a_unique_bare_county_form_that_is_no_common_word_counts_alone(gazetteer):
    assert codes(gazetteer, "市级部门结对帮扶酉阳") == ["500242"]


@pytest.mark.parametrize("text", ["张建平同志主持会议", "李平武书记讲话"])
def test_a_bare_county_form_that_looks_like_a_given_name_is_left_out(gazetteer, text):
    assert codes(gazetteer, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "地处嫩江右岸",  # the river
        "吕梁山片区脱贫攻坚",  # the mountains
        "大兴安岭南麓山区",
        "弘扬延安精神",
        "酉阳镇卫生院",  # a town of that name
    ],
)
def test_a_bare_form_naming_a_river_mountain_town_or_legacy_is_left_out(gazetteer, text):
    assert codes(gazetteer, text) == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("甘孜藏族自治州", "甘孜藏族自治州"),
        ("九龙坡区", "九龙坡区"),
        ("重庆市", "重庆市"),
    ],
)
def test_the_longest_name_wins_where_names_overlap(gazetteer, text, mention):
    assert [m.mention for m in gazetteer.find_mentions(text)] == [mention]


@pytest.mark.parametrize(
    "text",
    [
        "福建省福州市鼓楼区对口帮扶甘肃省定西市安定区",
        "😀四川省𠀀绵阳市平武县",  # characters beyond the BMP before the names
        "阿坝州理县、崇州市某某镇",
    ],
)
def test_mention_offsets_point_at_the_text_as_printed(gazetteer, text):
    mentions = gazetteer.find_mentions(text)
    assert mentions
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.mention


def test_every_mention_is_reported_in_text_order_with_the_current_name(gazetteer):
    text = "平武县出台政策。衢江选派专家赴平武开展帮扶。"
    assert gazetteer.find_mentions(text) == [
        RegionMention("510727", "平武县", "平武县", 0, 3),
        RegionMention("330803", "衢江区", "衢江", 8, 10),
        RegionMention("510727", "平武县", "平武", 15, 17),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "来源：浙江在线",
        "浙江在线讯 近日，",
        "据四川日报报道，某县新建茶园1万亩",
        "某地华龙网讯（记者 某某）",
        "来源：河北新闻网",
        "广西电视台记者走进村寨",
    ],
)
def test_a_place_inside_an_outlets_name_is_no_mention(gazetteer, text):
    assert codes(gazetteer, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("兴和县在线教育覆盖全部学校", "150924"),  # 在线 goes on as a word: online teaching
        ("四川网络扶贫行动", "510000"),
        ("大化网箱养鱼", "451229"),
    ],
)
def test_a_place_before_a_word_that_starts_like_an_outlet_still_counts(gazetteer, text, code):
    assert code in codes(gazetteer, text)


@pytest.mark.parametrize(
    "text",
    [
        "新华社北京3月21日电 记者某某报道：",
        "新华社成都９月２７日电 ",
        "本报南宁8月24日电 近日",
        "中新网兰州3月2日电",
        "新华社北京电 近日",
    ],
)
def test_the_place_a_dispatch_was_filed_from_is_no_mention(gazetteer, text):
    assert codes(gazetteer, text) == []


def test_a_place_with_a_date_but_no_agency_before_it_counts(gazetteer):
    assert codes(gazetteer, "北京3月21日召开对口帮扶座谈会") == ["110000"]


@pytest.mark.parametrize(
    "text",
    [
        "屯字镇原店子村发展养殖",  # 屯字镇 + 原店子村, not 镇原县
        "新集乡宁强村建起扶贫车间",  # 新集乡 + 宁强村, not 乡宁县
    ],
)
def test_a_form_read_across_a_town_name_and_the_next_word_is_no_mention(gazetteer, text):
    assert codes(gazetteer, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("赴镇原调研扶贫工作", "621027"),
        ("庆阳镇原两地协作", "621027"),
        ("在镇江考察", "321100"),
        ("与乡宁对接劳务协作", "141029"),
    ],
)
def test_a_form_starting_with_a_town_character_after_a_word_still_counts(gazetteer, text, code):
    assert code in codes(gazetteer, text)


@pytest.mark.parametrize("text", ["地处全省西南部县城周边", "东南部县乡公路全部硬化"])
def test_a_full_name_whose_first_characters_end_another_word_is_no_mention(gazetteer, text):
    assert codes(gazetteer, text) == []  # 西南部 + 县城, not 南部县


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("四川省南部县易地搬迁", "511321"),
        ("南部县城新建安置小区", "511321"),  # a full name may run on into a word: 县城
        ("赴平武县调研", "510727"),
    ],
)
def test_a_full_name_standing_on_its_own_left_edge_counts(gazetteer, text, code):
    assert code in codes(gazetteer, text)


def test_the_gazetteer_walks_the_hierarchy(gazetteer):
    assert gazetteer.get("513324").name == "九龙县"
    assert gazetteer.get("999999") is None
    assert gazetteer.ancestors("513324") == ["513300", "510000"]
    assert gazetteer.ancestors("510000") == []
    assert gazetteer.province_of("500154") == "500000"
    assert gazetteer.province_of("429004") == "420000"
    assert gazetteer.province_of("510000") == "510000"


def test_a_gazetteer_can_be_built_from_any_divisions():
    gazetteer = Gazetteer(
        [
            Division("510000", "四川省", "province", None, ("四川",)),
            Division("510700", "绵阳市", "prefecture", "510000", ("绵阳",)),
            Division("510727", "平武县", "county", "510700", ("平武",)),
        ]
    )
    assert [m.code for m in gazetteer.find_mentions("四川绵阳平武")] == ["510000", "510700", "510727"]


def test_the_gazetteer_is_loaded_once(gazetteer):
    assert load_gazetteer() is gazetteer
