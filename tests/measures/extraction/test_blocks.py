"""Blocks: sections repaired into the spans that can report a programme."""

from dataclasses import dataclass

import pytest

from measures.extraction.blocks import clip_sections, is_heading, programme_blocks


@dataclass(frozen=True)
class Section:
    title: str
    start: int
    end: int
    level: int


@pytest.mark.parametrize(
    "title",
    [
        "本报记者 张三 李四",
        "2019-05-06 10:20 来源：某县融媒体中心",
        "某县扶贫开发办公室  二〇一九年五月六日",
        "“今年又多收了两万块。”老李笑着说",
        "━━━━━━━━━━━━━━",
        "合计 | 120 | 3600",
        "各县情况见下表。",
        "去年以来，某县坚持把产业扶贫作为脱贫攻坚的根本之策，在全县推广药材种植，带动贫困户增收",
    ],
)
def test_bylines_dates_quotations_rules_table_rows_and_lead_sentences_are_no_headings(title):
    assert not is_heading(title)


def test_a_numbered_measure_may_be_titled_by_its_whole_opening_sentence():
    long_title = "在教育方面，新建寄宿制学校12所，招聘特岗教师300名，实现适龄儿童应入尽入、学有所教"
    assert is_heading(long_title, measure=True)
    assert not is_heading(long_title)


def test_a_section_ends_where_the_next_of_its_level_begins():
    sections = [Section("一是", 10, 100, 3), Section("二、", 50, 200, 2), Section("二是", 60, 90, 3)]
    clipped = {s.title: (s.start, s.end) for s in clip_sections(sections)}
    assert clipped["一是"] == (10, 50)


def test_the_first_article_without_a_heading_takes_the_headline():
    text = "本报记者 张三\n村里建起了加工厂。"
    blocks = programme_blocks(text, [Section("本报记者 张三", 0, len(text), 1)], "药材产业富了山里人")
    assert [b.title for b in blocks] == ["药材产业富了山里人"]


def test_a_masthead_stands_for_the_text_only_when_the_text_is_one_article():
    text = "某县扶贫办  2019年5月6日\n全县新建基地5个。\n某乡发展药材\n该乡种植当归。"
    one = [Section("某县扶贫办  2019年5月6日", 0, len(text), 1)]
    two = [Section("某县扶贫办  2019年5月6日", 0, 30, 1), Section("某乡发展药材", 30, len(text), 1)]
    assert [b.title for b in programme_blocks(text, one, "某县扶贫工作简报第5期")] == ["某县扶贫工作简报第5期"]
    assert [b.title for b in programme_blocks(text, two, "某县扶贫工作简报第5期")] == ["某乡发展药材"]


def test_a_heading_cut_at_its_colon_gets_the_rest_of_its_line_back():
    text = "一、甲县：教育医疗组团帮扶乙县\n甲县对口帮扶乙县以来……"
    blocks = programme_blocks(text, [Section("甲县", 0, len(text), 2)], None)
    assert blocks[0].title == "甲县：教育医疗组团帮扶乙县"


def test_a_standalone_line_shaped_like_two_subheads_is_a_third():
    para = "这是一段足够长的正文，讲述村里这几年发生的变化，以及群众生活的改善情况。"
    text = f"果园有人管，销路有人找\n{para}\n道路通到家，出行不再难\n{para}\n新房建起来，日子好起来\n{para}"
    sections = [
        Section("果园有人管，销路有人找", 0, text.index("新房"), 1),
        Section("新房建起来，日子好起来", text.index("新房"), len(text), 1),
    ]
    blocks = programme_blocks(text, sections, None)
    assert [b.title for b in blocks] == ["果园有人管，销路有人找", "道路通到家，出行不再难", "新房建起来，日子好起来"]
    assert blocks[0].end == text.index("道路")
