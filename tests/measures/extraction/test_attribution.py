"""RegionAttributor: the division a figure belongs to, from the nearest governing mention."""

from dataclasses import dataclass

from measures.extraction.attribution import RegionAttributor
from measures.extraction.pairing import PairingVotes, Place, linked_towns


@dataclass(frozen=True)
class Mention:
    code: str
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    title: str
    start: int
    end: int
    level: int


GANSU, DINGXI, MINXIAN, WEIYUAN, LINTAO = "620000", "621100", "621126", "621123", "621124"
LANZHOU, TIANJIN, HEPING, NANKAI, SHANDONG = "620100", "120000", "120101", "120104", "370000"
NAMES = {
    "甘肃省": GANSU, "甘肃": GANSU, "定西市": DINGXI, "定西": DINGXI, "岷县": MINXIAN, "渭源县": WEIYUAN,
    "临洮县": LINTAO, "兰州": LANZHOU, "天津市": TIANJIN, "天津": TIANJIN, "和平区": HEPING, "南开区": NANKAI,
    "山东": SHANDONG,
}


def mentions_in(text: str) -> list[Mention]:
    """Every name of NAMES in the text, longest first where two overlap (like the gazetteer)."""
    taken = [False] * len(text)
    found = []
    for name in sorted(NAMES, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            if not any(taken[start : start + len(name)]):
                taken[start : start + len(name)] = [True] * len(name)
                found.append(Mention(NAMES[name], start, start + len(name)))
            start = text.find(name, start + 1)
    return sorted(found, key=lambda m: m.start)


def region(text: str, figure: str, title: str | None = None, sections: list[Section] | None = None) -> str | None:
    attributor = RegionAttributor(text, mentions_in(text), sections or [], title)
    return attributor.region_for(text.index(figure))


# -- the figure's own sentence ---------------------------------------------------------------------


def test_a_division_named_earlier_in_the_same_sentence_wins():
    text = "甘肃扶贫专报\n岷县新建药材基地3个。渭源县完成搬迁420户。"
    assert region(text, "3个", "甘肃扶贫专报") == MINXIAN
    assert region(text, "420户", "甘肃扶贫专报") == WEIYUAN


def test_a_division_that_is_one_item_of_a_list_does_not_govern():
    text = "甘肃扶贫专报\n在岷县、渭源县和临洮县设立救助基金，全年救助6000人次。"
    assert region(text, "6000人次", "甘肃扶贫专报") == GANSU


def test_a_division_given_as_an_example_does_not_govern():
    text = "定西扶贫专报\n组织市直医院与岷县等贫困县结对，派驻医生40名。"
    assert region(text, "40名", "定西扶贫专报") == DINGXI


def test_two_items_of_an_enumeration_each_opened_by_a_division_govern_neither():
    text = "定西扶贫专报\n将岷县干部培训、渭源县技能培训纳入全市计划，举办培训班5期。"
    assert region(text, "5期", "定西扶贫专报") == DINGXI


def test_the_division_a_figure_is_written_against_wins_over_a_nearer_subject():
    text = "定西扶贫专报\n天津3个区与定西市5个贫困县结成帮扶对子。"
    assert region(text, "3个", "定西扶贫专报") == TIANJIN
    assert region(text, "5个", "定西扶贫专报") == DINGXI


def test_a_province_named_after_its_own_prefecture_in_the_sentence_is_context():
    text = "扶贫专报\n定西市积极争取甘肃省专项指标300个，全部用于贫困户。"
    assert region(text, "300个") == DINGXI


def test_a_whole_province_marker_gives_the_figure_to_the_province():
    text = "甘肃扶贫专报\n岷县新建厂房6座，全省累计建成扶贫车间800个。"
    assert region(text, "800个", "甘肃扶贫专报") == GANSU


def test_a_place_inside_a_company_name_never_governs():
    text = "岷县扶贫简报\n岷县去年引进山东企业8家，带动就业500人。"
    assert region(text, "8家", "岷县扶贫简报") == MINXIAN


def test_a_dateline_city_never_governs():
    text = "甘肃加快推进扶贫车间建设\n新华社兰州3月1日电 今年以来已建成扶贫车间900个。"
    assert region(text, "900个", "甘肃加快推进扶贫车间建设") == GANSU


def test_a_school_named_in_an_earlier_clause_does_not_govern_the_next_one():
    text = "定西扶贫专报\n依托岷县职教中心开设培训班，累计培训贫困劳动力800人。"
    assert region(text, "800人", "定西扶贫专报") == DINGXI


def test_a_hospital_that_opens_its_sentence_governs_all_of_it():
    text = "定西扶贫专报\n定西市岷县人民医院，是一所县级综合医院，现有床位300张。"
    assert region(text, "300张", "定西扶贫专报") == MINXIAN


def test_the_place_migrant_workers_went_to_is_not_theirs():
    text = "临洮县扶贫简报\n今年组织贫困劳动力到天津就业300人。"
    assert region(text, "300人", "临洮县扶贫简报") == LINTAO


def test_the_division_a_figure_goes_to_owns_it_when_none_comes_before():
    text = "定西扶贫专报\n市财政拨付80万元支持渭源县建设冷库。"
    assert region(text, "80万元", "定西扶贫专报") == WEIYUAN


def test_the_goal_of_a_later_part_is_not_the_whole_figure_s():
    text = "临洮县扶贫简报\n输转贫困劳动力1万人次，其中到天津就业300人。"
    assert region(text, "1万人次", "临洮县扶贫简报") == LINTAO


# -- pairing texts -----------------------------------------------------------------------------------


PAIRING = "和平区帮扶岷县纪实\n天津市和平区对口帮扶岷县以来，和平区投入资金3000万元，建成蔬菜大棚200座。"


def test_in_a_pairing_text_the_recipient_owns_what_the_helper_gives():
    assert region(PAIRING, "3000万元", "和平区帮扶岷县纪实") == MINXIAN
    assert region(PAIRING, "200座", "和平区帮扶岷县纪实") == MINXIAN


def test_people_the_helper_sends_with_no_destination_are_the_helper_s():
    text = PAIRING + "\n和平区派出挂职干部12名。"
    assert region(text, "12名", "和平区帮扶岷县纪实") == HEPING


def test_people_the_helper_sends_to_the_recipient_are_the_recipient_s():
    text = PAIRING + "\n和平区选派骨干教师15名到岷县支教。"
    assert region(text, "15名", "和平区帮扶岷县纪实") == MINXIAN


def test_the_helper_named_after_de_gives_and_the_village_before_receives():
    text = "好日子\n甘肃定西岷县梅川镇，村民800多人。对口帮扶梅川镇的天津市南开区出资90万元，修建水窖60口。"
    assert region(text, "90万元", "好日子") == MINXIAN


def test_a_helper_without_a_named_recipient_keeps_its_figures():
    text = "天津扶贫动态\n南开区组织企业20家结对帮扶贫困村，捐赠资金150万元。"
    assert region(text, "150万元", "天津扶贫动态") == NANKAI


def test_a_pairing_term_used_as_a_noun_makes_no_one_a_helper():
    text = "定西市东西部扶贫协作工作简报\n定西市新建扶贫车间40个。"
    places = [Place(m.code, m.start, m.end) for m in mentions_in(text)]
    assert PairingVotes(text, places).sides().donors == frozenset()


def test_a_division_before_a_pairing_verb_gives_and_the_one_after_receives():
    text = "天津市和平区对口帮扶定西市岷县以来，成效明显。"
    places = [Place(m.code, m.start, m.end) for m in mentions_in(text)]
    sides = PairingVotes(text, places).sides()
    assert (sides.donors, sides.recipients) == (frozenset({HEPING}), frozenset({MINXIAN}))


def test_two_parties_joined_by_yu_have_no_direction():
    text = "岷县与和平区签订对口帮扶协议，约定共建产业园。"
    places = [Place(m.code, m.start, m.end) for m in mentions_in(text)]
    assert PairingVotes(text, places).sides().donors == frozenset()


def test_a_heading_naming_only_the_helper_of_several_recipients_keeps_the_helper():
    text = "和平区精准帮扶\n天津市和平区对口帮扶岷县、渭源县。\n一是保障资金投入。区级财政安排1500万元。"
    sections = [
        Section("和平区精准帮扶", 0, len(text), 1),
        Section("保障资金投入", text.index("一是"), len(text), 2),
    ]
    assert region(text, "1500万元", sections=sections) == HEPING


# -- scopes ------------------------------------------------------------------------------------------


def test_without_a_mention_in_its_sentence_a_figure_takes_its_article_division():
    text = "甘肃扶贫专报\n岷县发展药材产业\n岷县坚持产业为先。全县新建基地4个。"
    article = Section("岷县发展药材产业", text.index("岷县发展"), len(text), 1)
    assert region(text, "4个", "甘肃扶贫专报", [article]) == MINXIAN


def test_a_section_without_a_division_in_its_heading_takes_the_one_its_first_sentence_names():
    text = "定西扶贫专报\n搬得出稳得住\n渭源县今年实施易地搬迁。全年建成安置点9个。"
    article = Section("搬得出稳得住", text.index("搬得出"), len(text), 1)
    assert region(text, "9个", "定西扶贫专报", [article]) == WEIYUAN


def test_a_paragraph_takes_the_division_it_opens_with():
    text = "定西扶贫专报\n渭源县地处渭河源头。该县今年新建中药材基地12个。\n临洮县新建冷库3座。"
    assert region(text, "12个", "定西扶贫专报") == WEIYUAN


def test_a_paragraph_opening_with_the_province_stays_with_the_narrower_text_scope():
    text = "定西扶贫专报\n近年来，甘肃加大投入。全市新建产业园11个。"
    assert region(text, "11个", "定西扶贫专报") == DINGXI


def test_a_lead_naming_a_chain_makes_its_most_specific_link_the_scope():
    text = "日子越过越红火\n甘肃定西岷县，是药材之乡。\n\n村里今年种植当归3000亩。"
    assert region(text, "3000亩", "日子越过越红火") == MINXIAN


def test_a_village_introduced_under_its_county_still_names_the_county():
    text = "新闻\n岷县梅川镇药材产业红火。\n\n甘肃持续加大投入。梅川镇今年种植当归5000亩。"
    assert region(text, "5000亩", "新闻") == MINXIAN


def test_the_only_county_a_text_names_is_its_scope():
    lead = "清晨的山村里，药材加工车间已经忙碌起来，工人们分拣着刚收上来的当归。\n" * 3
    text = f"增收门路宽\n{lead}去年全村增收300万元，村里成立了合作社。\n村主任是甘肃岷县人。"
    assert region(text, "300万元", "增收门路宽") == MINXIAN


def test_the_bulletin_title_division_is_the_last_resort():
    text = "甘肃扶贫专报\n全省累计减贫120万人。"
    assert region(text, "120万人", "甘肃扶贫专报") == GANSU


def test_a_headline_may_drop_the_suffix():
    text = "岷县一处扶贫车间里，几十名工人正在赶制订单。\n已建成扶贫车间260个。定西市还将新建。"
    assert region(text, "260个", "定西：扶贫车间遍地开花") == DINGXI


def test_no_mention_anywhere_means_no_region():
    text = "扶贫专报\n累计减贫120万人。"
    assert RegionAttributor(text, [], [], "扶贫专报").region_for(text.index("120")) is None


def test_a_generic_word_after_a_county_is_no_town():
    text = "岷县推进乡村振兴，岷县全村通电。"
    assert linked_towns(text, mentions_in(text)) == []


def test_a_whole_city_marker_means_the_prefecture_of_the_scope():
    text = "定西扶贫专报\n岷县新建厂房6座，全市累计建成扶贫车间260个。"
    assert region(text, "260个", "定西扶贫专报") == DINGXI


def test_a_heading_naming_only_the_helper_of_one_recipient_hands_the_scope_to_the_recipient():
    text = "北京医疗队情系岷县\n天津市对口帮扶岷县以来，成效明显。\n天津医生扎根基层\n今年共接诊患者3000人次。"
    sections = [
        Section("北京医疗队情系岷县", 0, text.index("天津医生"), 1),
        Section("天津医生扎根基层", text.index("天津医生"), len(text), 1),
    ]
    assert region(text, "3000人次", "北京医疗队情系岷县", sections) == MINXIAN
