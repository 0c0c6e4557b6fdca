"""Programmes: the category of an article or measure block, and the sentences that name one."""

from dataclasses import dataclass

import pytest

from measures.extraction.programs import CATEGORIES, categorise, classify_sections, named_programmes


@dataclass(frozen=True)
class Section:
    title: str
    start: int
    end: int
    level: int


def section(text: str, title: str, level: int = 1, end: int | None = None) -> Section:
    return Section(title, text.index(title), len(text) if end is None else end, level)


@pytest.mark.parametrize(
    ("title", "body", "category"),
    [
        ("岷县发展中药材种植助农增收", "建成当归种植基地6个，组建药材合作社30家。", "industry"),
        ("做好就业扶贫", "举办招聘会8场，转移就业贫困劳动力1200名，开发公益性岗位400个。", "employment"),
        ("稳步实施易地扶贫搬迁", "全年搬迁贫困群众3800人，建成集中安置点21个。", "relocation"),
        ("在教育资助方面", "新建乡村寄宿制学校12所，资助贫困学生9000人。", "education"),
        ("某县卫健局织密医疗保障网", "贫困人口大病救治率达100%，新建标准化卫生室60所。", "health"),
        ("筑牢兜底保障底线", "将2600名贫困人口纳入农村低保，特困人员全部集中供养。", "social_security"),
        ("补齐农村基础设施短板", "新修通村公路85公里，新建蓄水池40口，解决饮水难题。", "infrastructure"),
        ("创新推广扶贫小额信贷", "发放扶贫小额信贷1.2亿元，设立风险补偿金1500万元。", "finance"),
        ("选聘生态护林员带动脱贫", "选聘生态护林员860人，人均年收入8000元。", "ecology"),
        ("天津和平区与岷县深化东西部扶贫协作", "协作资金3000万元，互派挂职干部16名。", "paired_assistance"),
        ("汇聚社会扶贫合力", "组织民营企业120家参与万企帮万村行动，捐款捐物500万元。", "social"),
        ("层层传导攻坚责任", "县委与各乡镇签订责任书，开展督查考核，选派驻村工作队。", "governance"),
        ("某县开展“扶志”主题宣讲", "激发内生动力，评选脱贫光荣户，推进移风易俗。", "motivation"),
    ],
)
def test_each_kind_of_programme_gets_its_category(title, body, category):
    assert category in CATEGORIES
    assert categorise(title, body) == category


def test_a_block_without_a_clear_signal_gets_no_category():
    assert categorise("下一步工作打算", "我们将继续努力，确保各项任务圆满完成。") is None


def test_the_title_outweighs_the_body():
    assert categorise("推进健康扶贫", "为贫困户发放种植补贴，实施养殖项目，建设产业基地。") == "health"


def test_the_first_clause_of_a_heading_counts_double():
    assert categorise("养殖技术到户，增强内生动力", "开展培训10期。") == "industry"


def test_a_tie_in_the_heading_goes_to_the_term_that_names_a_programme():
    assert categorise("做好医疗救助", "对低保户、特困户住院费用给予救助。") == "health"


def test_a_tie_in_the_heading_goes_to_what_the_measure_serves():
    assert categorise("小作坊带动大就业", "全县建成加工作坊50家，发展特色产业。") == "employment"


def test_without_a_heading_signal_the_first_sentence_decides():
    body = "号召社会各界共同出力。组织结对帮扶，开展对口帮扶，深化扶贫协作。"
    assert categorise("凝心聚力", body) == "social"


def test_a_word_repeated_in_the_first_sentence_is_no_more_evidence():
    body = "新建住房、改造住房，修建村道和水渠，接通饮水管网。"
    assert categorise("夯实根基", body) != "relocation"


def test_a_numbered_measure_without_a_signal_of_its_own_serves_its_article():
    body = "认真谋划。统筹产业发展、金融服务、教育资助和医疗服务等项目，产业、金融各有侧重。"
    assert categorise("抓好谋划", body, inherited="social") == "social"


def test_a_numbered_measure_whose_body_is_clearly_about_one_thing_leaves_its_article():
    body = "新修村道12公里、便道5公里，新建蓄水池8口，整治水渠3公里，接通饮水管道。"
    assert categorise("抓好落实", body, inherited="paired_assistance") == "infrastructure"


def test_an_article_silent_in_heading_and_lead_reports_what_most_of_its_measures_report():
    text = (
        "某县多措并举破解难题\n该县今年以来成效明显。\n"
        "一是开展大病保险。大病患者报销比例提高。\n二是做好医疗救助。住院费用全部救助。\n"
        "三是强化基层卫生。新建卫生室20所。"
    )
    sections = [section(text, "某县多措并举破解难题")]
    sections += [section(text, t, level=2) for t in ("开展大病保险", "做好医疗救助", "强化基层卫生")]
    found = {block.title: category for block, category in classify_sections(text, sections)}
    assert found["某县多措并举破解难题"] == "health"


def test_an_article_whose_measures_disagree_gets_no_category_of_its_own():
    text = (
        "某市扶贫工作简报\n今年以来各项工作有序推进。\n"
        "一是发展药材产业。种植基地12个。\n二是做好就业扶贫。转移就业3000人。\n三是兜底保障。纳入低保500人。"
    )
    sections = [section(text, "某市扶贫工作简报")]
    sections += [section(text, t, level=2) for t in ("发展药材产业", "做好就业扶贫", "兜底保障")]
    titles = [block.title for block, _category in classify_sections(text, sections)]
    assert "某市扶贫工作简报" not in titles


def test_a_column_label_decides_the_category_of_the_article_under_it():
    text = "【生态扶贫】\n造林合作社一举多得\n合作社吸纳社员1200人，发展苗木产业，承揽造林任务2万亩。"
    sections = [section(text, "造林合作社一举多得")]
    assert [c for _b, c in classify_sections(text, sections)] == ["ecology"]


def test_a_byline_heading_gives_way_to_the_headline():
    text = "本报记者 张三 李四\n村里建起药材加工厂，发展特色产业，带动种植户增收。"
    sections = [Section("本报记者 张三 李四", 0, len(text), 1)]
    found = classify_sections(text, sections, "药材产业富了山里人")
    assert [(b.title, c) for b, c in found] == [("药材产业富了山里人", "industry")]


# -- sentences that name a programme ----------------------------------------------------------------


def titles(text: str) -> list[tuple[str, str]]:
    return [(title, category) for title, category, _start, _end in named_programmes(text)]


def test_a_short_opening_clause_that_names_a_programme_is_one():
    assert titles("做好就业扶贫，全年转移就业1200人。") == [("做好就业扶贫", "employment")]


def test_a_whole_sentence_without_an_opening_clause_is_not_one():
    assert titles("为贫困户开设技能培训班。") == []


def test_a_quotation_or_what_a_speaker_said_is_not_one():
    assert titles("“产业扶贫让我们有了奔头，”村民说。") == []
    assert titles("”驻村第一书记老王说，村里都通了路。") == []


def test_an_opening_clause_naming_the_means_is_not_one():
    assert titles("借助东西部扶贫协作，村里建成了冷库。") == []


def test_of_several_terms_the_last_names_the_purpose():
    assert titles("动员社会力量助力健康扶贫，筹集资金80万元。") == [("动员社会力量助力健康扶贫", "health")]


def test_an_aspect_heading_in_its_own_words_is_categorised_by_its_words():
    assert titles("在医疗帮扶方面，派驻医生12名。") == [("在医疗帮扶方面", "health")]


def test_a_column_label_naming_a_programme_is_one():
    assert titles("【就业扶贫】\n某县护工品牌叫响全国。") == [("【就业扶贫】", "employment")]


def test_a_table_of_contents_line_is_not_one():
    assert titles("▲某县扎实推进产业扶贫，成效明显") == []
