"""Tables: every figure cell, with its column's indicator and unit and its row's division.

Decoding turns each table row into one line of cells joined by " | " (trafilatura adds border pipes and a
"|---|" rule under the first row; DOCX rows have neither). The tables here are made up in the genre: a
prefecture's county table of 投入资金（万元）| 受益贫困户（户）| 脱贫人口（人）.
"""

from decimal import Decimal as D

from bulletins.pipeline.structure import split_sections
from measures.extraction.measures import extract_measures
from measures.extraction.regions import load_gazetteer
from measures.extraction.tables import read_tables

LONGNAN, WUDU, WENXIAN, KANGXIAN, LIXIAN = "621200", "621202", "621222", "621224", "621226"
BIJIE, DAFANG, NAYONG = "520500", "520521", "520525"
PANZHIHUA, DONGQU, XIQU, MIYI = "510400", "510402", "510403", "510421"

COUNTY_TABLE = """陇南市2019年产业扶贫资金投入情况如下。
| 县（区） | 投入资金（万元） | 受益贫困户（户） | 脱贫人口（人） |
|---|---|---|---|
| 武都区 | 5600 | 2300 | 8150 |
| 文县 | 3200 | 1480 | 5020 |
| 合计 | 8800 | 3780 | 13170 |
"""


def read(text: str, scope: str | None = None) -> list[tuple]:
    """(text, value, unit, indicator, region) of every table figure, regions from the gazetteer's mentions."""
    mentions = load_gazetteer().find_mentions(text)
    reading = read_tables(text, mentions, (lambda _position: scope) if scope else None)
    return [(f.quantity.text, f.quantity.value, f.quantity.unit, f.indicator, f.region) for f in reading.figures]


def metrics(text: str) -> list[tuple]:
    """(text, value, unit, indicator, region) of every metric the whole measures pass finds."""
    found = extract_measures(text, split_sections(text), None).metrics
    return [(m.text, m.value, m.unit, m.indicator, m.region) for m in found]


# -- units ---------------------------------------------------------------------------------------


def test_a_bare_number_takes_the_unit_of_its_column_header_and_its_scale():
    assert read(COUNTY_TABLE)[:3] == [
        ("5600", D(56000000), "元", "投入资金", WUDU),
        ("2300", D(2300), "户", "受益贫困户", WUDU),
        ("8150", D(8150), "人", "脱贫人口", WUDU),
    ]


def test_a_figure_keeps_its_offsets_into_the_text():
    reading = read_tables(COUNTY_TABLE)
    assert reading.figures
    for figure in reading.figures:
        assert COUNTY_TABLE[figure.quantity.start : figure.quantity.end] == figure.quantity.text


def test_headers_give_the_unit_in_half_width_brackets_and_after_a_slash():
    text = "| 县 | 资金(万元) | 面积/亩 | 人数（人） |\n| 礼县 | 12 | 300 | 45 |"
    assert read(text) == [
        ("12", D(120000), "元", "资金", LIXIAN),
        ("300", D(300), "亩", "面积", LIXIAN),
        ("45", D(45), "人", "人数", LIXIAN),
    ]


def test_a_unit_line_above_the_table_gives_every_column_its_unit():
    text = "表1 各县区东西部协作资金\n单位：万元\n| 县区 | 财政援助资金 | 社会帮扶资金 |\n| 康县 | 1500 | 320 |"
    assert read(text) == [
        ("1500", D(15000000), "元", "财政援助资金", KANGXIAN),
        ("320", D(3200000), "元", "社会帮扶资金", KANGXIAN),
    ]


def test_a_caption_with_several_units_gives_each_column_the_one_its_header_names():
    text = (
        "2019年各县易地扶贫搬迁情况（单位：万元、户、人）\n"
        "| 县 | 搬迁资金 | 搬迁贫困户 | 搬迁人口 | 人均住房面积 |\n"
        "| 纳雍县 | 2600 | 410 | 1750 | 25 |"
    )
    assert read(text) == [
        ("2600", D(26000000), "元", "搬迁资金", NAYONG),
        ("410", D(410), "户", "搬迁贫困户", NAYONG),
        ("1750", D(1750), "人", "搬迁人口", NAYONG),
    ]  # 人均住房面积 fits none of the three: its 25 counts nothing


def test_a_merged_caption_row_at_the_top_of_the_table_gives_the_unit():
    text = "| 单位：万元 |  |  |\n| 县 | 中央资金 | 省级资金 |\n| 大方县 | 1800 | 600 |"
    assert [(t, v, u) for t, v, u, _name, _region in read(text)] == [
        ("1800", D(18000000), "元"),
        ("600", D(6000000), "元"),
    ]


def test_a_unit_row_under_the_header_gives_each_column_its_unit():
    text = "县 | 帮扶资金 | 受益户数 | 培训\n | 万元 |  | 人次\n大方县 | 950 | 210 | 1300"
    assert read(text) == [
        ("950", D(9500000), "元", "帮扶资金", DAFANG),
        ("210", D(210), "户", "受益户数", DAFANG),
        ("1300", D(1300), "人次", "培训", DAFANG),
    ]


def test_a_count_noun_ending_a_header_gives_its_unit_even_under_a_money_caption():
    text = "单位：万元\n| 县 | 到户资金 | 受益户数 | 务工人数 |\n| 文县 | 430 | 260 | 95 |"
    assert [(t, v, u) for t, v, u, _name, _region in read(text)] == [
        ("430", D(4300000), "元"),
        ("260", D(260), "户"),
        ("95", D(95), "人"),
    ]


def test_a_header_of_two_rows_names_a_column_by_its_lower_cell_and_takes_the_unit_of_either():
    text = (
        "| 县（区） | 投入资金 |  | 脱贫人口 （人） |\n|---|---|---|---|\n"
        "|  | 财政资金(万元) | 社会资金/万元 |  |\n| 武都区 | 5600 | 2300 | 8000 |"
    )
    assert read(text) == [
        ("5600", D(56000000), "元", "财政资金", WUDU),
        ("2300", D(23000000), "元", "社会资金", WUDU),
        ("8000", D(8000), "人", "脱贫人口", WUDU),
    ]


def test_a_cell_that_prints_its_own_measure_word_keeps_it():
    text = "| 县 | 投入资金 | 贫困发生率（%） |\n| 礼县 | 120万元 | 2.3 |"
    assert read(text) == [
        ("120万元", D(1200000), "元", "投入资金", LIXIAN),
        ("2.3", D("2.3"), "%", "贫困发生率", LIXIAN),
    ]


def test_a_cell_with_its_own_scale_is_not_scaled_again_by_the_header():
    text = "| 县 | 投入资金（万元） | 脱贫人口（人） |\n| 礼县 | 120万 | 1.2万 |"
    assert [(t, v, u) for t, v, u, _name, _region in read(text)] == [
        ("120万", D(1200000), "元"),
        ("1.2万", D(12000), "人"),
    ]


# -- what is no metric ---------------------------------------------------------------------------


def test_columns_of_ordinals_years_and_codes_hold_no_metrics():
    text = "| 序号 | 县区 | 年份 | 区划代码 | 资金（万元） |\n| 1 | 武都区 | 2019 | 621202 | 300 |"
    assert read(text) == [("300", D(3000000), "元", "资金", WUDU)]


def test_a_number_under_a_header_without_a_unit_is_no_metric():
    assert read("| 县 | 项目 | 资金（万元） |\n| 康县 | 12 | 300 |") == [("300", D(3000000), "元", "资金", KANGXIAN)]


def test_a_single_line_of_cells_is_no_table():
    assert read("来源：陇南市扶贫办 | 发布时间：2019年5月6日 | 浏览：1234次") == []


def test_text_without_table_rows_has_no_table_figures():
    reading = read_tables("陇南市投入资金1.2亿元，带动贫困户3000户。", [], None)
    assert reading.figures == () and reading.cells == ()


# -- regions -------------------------------------------------------------------------------------


def test_every_figure_of_a_row_belongs_to_the_division_its_first_cell_names():
    regions = [region for *_figure, region in read(COUNTY_TABLE)]
    assert regions[:6] == [WUDU] * 3 + [WENXIAN] * 3


def test_a_total_row_is_left_to_the_prose_attribution():
    assert [region for *_figure, region in read(COUNTY_TABLE)][6:] == [None, None, None]
    assert {region for text, *_m, region in metrics(COUNTY_TABLE) if text in ("8800", "3780", "13170")} == {LONGNAN}


def test_the_label_column_may_follow_an_ordinal_column():
    text = "| 序号 | 县（区） | 资金（万元） |\n| 1 | 纳雍县 | 900 |\n| 2 | 大方县 | 700 |"
    assert [region for *_figure, region in read(text)] == [NAYONG, DAFANG]


def test_the_row_region_overrides_the_prose_attribution():
    text = "陇南市结对帮扶情况如下。\n| 受援县 | 结对单位 | 帮扶资金（万元） |\n| 康县 | 武都区农业农村局 | 150 |"
    assert [(t, r) for t, _v, _u, _i, r in metrics(text) if t == "150"] == [("150", KANGXIAN)]


def test_a_short_form_the_gazetteer_leaves_open_is_settled_by_the_table_it_stands_in():
    text = "攀枝花市各县区情况如下。\n| 县（区） | 资金（万元） |\n| 东区 | 120 |\n| 西区 | 90 |\n| 米易县 | 300 |"
    assert [region for *_figure, region in read(text, scope=PANZHIHUA)] == [DONGQU, XIQU, MIYI]


def test_a_short_form_several_divisions_share_stays_open_without_context():
    assert [region for *_figure, region in read("| 区 | 资金（万元） |\n| 鼓楼 | 120 |")] == [None]


def test_a_table_on_its_side_takes_unit_and_indicator_from_the_row_and_region_from_the_column():
    text = "| 指标 | 武都区 | 文县 |\n| 投入资金（万元） | 500 | 300 |\n| 新建学校 | 2所 | 1所 |"
    assert read(text) == [
        ("500", D(5000000), "元", "投入资金", WUDU),
        ("300", D(3000000), "元", "投入资金", WENXIAN),
        ("2所", D(2), "所", "新建学校", WUDU),
        ("1所", D(1), "所", "新建学校", WENXIAN),
    ]


# -- with the prose pass -------------------------------------------------------------------------


def test_a_table_cell_is_counted_once_with_its_column_not_again_by_the_prose_pass():
    text = "陇南市投入情况如下。\n| 县 | 投入资金 | 受益贫困户（户） |\n| 礼县 | 120万元 | 300 |"
    cells = [m for m in metrics(text) if m[0] in ("120万元", "300")]
    assert cells == [("120万元", D(1200000), "元", "投入资金", LIXIAN), ("300", D(300), "户", "受益贫困户", LIXIAN)]


def test_a_year_in_a_year_column_is_no_metric_of_either_pass():
    text = "毕节市历年脱贫情况。\n| 年份 | 脱贫人口（人） |\n| 2018年 | 12000 |\n| 2019 | 9000 |"
    assert [m[0] for m in metrics(text)] == ["12000", "9000"]


def test_prose_inside_a_table_cell_is_still_read_by_the_prose_pass():
    text = "| 县 | 资金（万元） | 备注 |\n| 康县 | 300 | 含社会帮扶资金50万元 |"
    assert [(m[0], m[1]) for m in metrics(text)] == [("300", D(3000000)), ("50万元", D(500000))]
