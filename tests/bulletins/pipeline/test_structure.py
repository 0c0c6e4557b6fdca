"""extract_header and split_sections: the bulletin's own metadata, its articles and measure blocks.

Dates and issuers in detail: test_byline.py.
"""

import datetime as dt

import pytest

from bulletins.pipeline.clean import clean_text
from bulletins.pipeline.structure import (
    _BLOCK_CUES,
    _BLOCK_MARKERS,
    ISSUE_LABEL,
    _marker_matches,
    extract_header,
    find_dates,
    split_sections,
)


def header_of(raw: str, hints=None):
    return extract_header(raw, clean_text(raw), hints)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("06.03.2017  08:40", dt.date(2017, 3, 6)),
        ("2018年4月9日", dt.date(2018, 4, 9)),
        ("2017-12-05 09:12:44", dt.date(2017, 12, 5)),
        ("2016/05/23", dt.date(2016, 5, 23)),
        ("二〇一七年四月十八日", dt.date(2017, 4, 18)),
        ("二〇二〇年十二月三十一日", dt.date(2020, 12, 31)),
        ("２０１８年６月２日", dt.date(2018, 6, 2)),
    ],
)
def test_dates_in_every_common_form_are_read(line, expected):
    assert find_dates(line)[0][1] == expected


@pytest.mark.parametrize("line", ["2019年13月40日", "32.13.2015", "全年投入1.2亿元"])
def test_impossible_dates_and_decimals_are_not_dates(line):
    assert find_dates(line) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("某省扶贫专报第十二期", "第十二期"),
        ("脱贫攻坚工作简报2018年第7期", "2018年第7期"),
        ("扶贫工作简报第12期（总第156期）", "第12期（总第156期）"),
        ("扶贫信息 第 5 期", "第5期"),
    ],
)
def test_issue_labels_are_found_as_printed(text, label):
    assert ISSUE_LABEL.search(text).group(0).replace(" ", "") == label


def test_a_date_beside_the_issuing_body_beats_the_web_page_dates():
    raw = """2021-03-02

扶贫信息2018年第7期

  • 2018年06月11日 10时05分
  • 来源: 市扶贫办
  • 某市乡村振兴局   2018年6月8日

    甲县消费扶贫带动农户增收
"""
    header = header_of(raw)
    assert header.title == "扶贫信息2018年第7期"
    assert header.issue == "2018年第7期"
    assert header.published_on == dt.date(2018, 6, 8)
    assert header.issuer == "某市乡村振兴局"


def test_a_news_page_takes_its_headline_date_and_source_outlet():
    raw = """某某新闻>>县区

某县产业扶贫现场会召开

2017-12-05 09:12:44 来源:某某日报
12月4日上午，某县召开产业扶贫现场会，观摩了三个乡镇的产业基地。
"""
    header = header_of(raw)
    assert header.title == "某县产业扶贫现场会召开"
    assert header.published_on == dt.date(2017, 12, 5)
    assert header.issuer == "某某日报"
    assert header.issue is None


def test_a_signature_line_at_the_end_names_the_issuer():
    raw = "某省扶贫专报第十二期\n\n06.03.2017  08:40\n\n正文内容很长很长的一段话。\n\n                综合协调处\n"
    header = header_of(raw)
    assert header.published_on == dt.date(2017, 3, 6)
    assert header.issuer == "综合协调处"


def test_a_date_inside_a_sentence_is_an_event_not_the_bulletin_date():
    raw = "某县扶贫简报\n2019年3月5日，县委召开常委会，研究部署脱贫攻坚工作，会议要求各乡镇抓好落实。\n"
    assert header_of(raw).published_on is None


def test_html_title_hint_wins_and_loses_its_site_suffix():
    header = header_of("正文第一行很长很长很长\n", {"title": "某县召开扶贫工作会 - 某县人民政府网"})
    assert header.title == "某县召开扶贫工作会"


@pytest.mark.parametrize("title", ["某县召开扶贫工作会-某县人民政府", "某县召开扶贫工作会|某某新闻网", "某县召开扶贫工作会—某某日报"])
def test_a_site_name_closing_the_html_title_hint_is_dropped_without_spaces_too(title):
    assert header_of("正文第一行很长很长很长\n", {"title": title}).title == "某县召开扶贫工作会"


@pytest.mark.parametrize("title", ["从“输血”到“造血”—某县产业扶贫见闻", "脱贫攻坚—织密兜底保障网", "产业扶贫—再传捷报"])
def test_a_dash_inside_a_headline_is_kept(title):
    assert header_of("正文第一行很长很长很长\n", {"title": title}).title == title


def test_an_html_title_hint_that_is_only_the_site_name_gives_way_to_the_text():
    header = header_of("某乡光伏电站并网发电\n全乡12个村集体经济收入全部超过5万元。\n", {"title": "某县人民政府门户网站"})
    assert header.title == "某乡光伏电站并网发电"


# --- the headline, never the page chrome around it ------------------------------------------------


def test_a_location_trail_is_not_the_headline():
    raw = "您当前的位置：首页 > 新闻中心 > 乡镇动态 > 正文\n某镇开展扶贫政策宣讲\n近日，某镇组织干部进村入户宣讲政策。\n"
    assert header_of(raw).title == "某镇开展扶贫政策宣讲"


def test_a_menu_of_navigation_words_is_not_the_headline():
    raw = "首页 政务公开 新闻中心 办事服务 互动交流\n某镇开展扶贫政策宣讲\n近日，某镇组织干部进村入户宣讲政策。\n"
    assert header_of(raw).title == "某镇开展扶贫政策宣讲"


def test_the_sites_today_line_is_neither_headline_nor_publication_date():
    raw = "2019年5月6日 星期一\n某镇开展扶贫政策宣讲\n近日，某镇组织干部进村入户宣讲政策。\n"
    header = header_of(raw)
    assert header.title == "某镇开展扶贫政策宣讲"
    assert header.published_on is None


def test_the_sites_own_name_is_not_the_headline():
    raw = "某某日报\n某镇开展扶贫政策宣讲\n近日，某镇组织干部进村入户宣讲政策。\n"
    assert header_of(raw).title == "某镇开展扶贫政策宣讲"


def test_the_headline_is_the_line_right_above_the_info_line():
    raw = "乡镇动态\n坚决打赢脱贫攻坚战\n某镇：小木耳撑起致富伞\n来源：某某日报 作者：张某\n近日，记者走进某镇。\n"
    assert header_of(raw).title == "某镇：小木耳撑起致富伞"


def test_a_subtitle_and_the_reporters_line_are_not_the_headline():
    raw = "——某县驻村工作队工作纪实\n本报记者 王某 李某\n扎根山乡的“领头雁”\n来源：某某日报\n"
    assert header_of(raw).title == "扎根山乡的“领头雁”"


@pytest.mark.parametrize("label", ["2018年第7期", "（第7期）", "第7期 总第120期"])
def test_an_issue_label_alone_is_not_the_headline(label):
    raw = f"{label}\n某县脱贫攻坚工作简报\n全县上下齐心协力推进脱贫攻坚。\n"
    assert header_of(raw).title == "某县脱贫攻坚工作简报"


def test_a_headline_that_sets_parallel_phrases_apart_with_spaces_is_no_menu():
    raw = "抓产业 促就业 强保障\n近日，某县召开脱贫攻坚推进会。\n"
    assert header_of(raw).title == "抓产业 促就业 强保障"


def test_a_bulletins_handling_mark_is_not_the_headline():
    raw = "内部资料  注意保存\n某县脱贫攻坚工作简报\n第3期\n全县上下齐心协力推进脱贫攻坚。\n"
    assert header_of(raw).title == "某县脱贫攻坚工作简报"


def test_a_text_without_a_headline_has_no_title():
    raw = "本报讯 近日，某县扶贫办组织召开产业扶贫现场观摩会。\n观摩会上，各乡镇交流了经验。\n"
    assert header_of(raw).title is None


TOC_BULLETIN = """某省扶贫专报第八期

目  录

▲甲县强化组织领导推进脱贫攻坚

▲乙县发展茶叶产业带动贫困户增收

【县区动态】

甲县强化组织领导推进脱贫攻坚  一是压实责任。县委与20个乡镇签订责任书。二是强化督查。每月通报一次。

【产业扶贫】

乙县发展茶叶产业带动贫困户增收  一是建基地。新建茶园1万亩。二是强主体。培育合作社30家。
"""


def test_articles_come_from_the_table_of_contents():
    text = clean_text(TOC_BULLETIN)
    articles = [s for s in split_sections(text) if s.level == 1]
    assert [a.title for a in articles] == ["甲县强化组织领导推进脱贫攻坚", "乙县发展茶叶产业带动贫困户增收"]
    assert text[articles[0].start :].startswith("甲县强化组织领导推进脱贫攻坚  一是")
    assert "【产业扶贫】" not in text[articles[0].start : articles[0].end]


def test_numbered_measure_blocks_are_split_inside_each_article():
    text = clean_text(TOC_BULLETIN)
    blocks = [s.title for s in split_sections(text) if s.level > 1]
    assert blocks == ["压实责任", "强化督查", "建基地", "强主体"]


def test_heading_lines_followed_by_paragraphs_make_articles_without_a_table_of_contents():
    paragraph = (
        "全县围绕脱贫攻坚目标，统筹推进产业发展、就业帮扶和基础设施建设，"
        "各项工作取得明显成效，群众满意度不断提高。"
    )
    text = clean_text(f"某县扶贫简报\n\n甲镇发展特色产业\n\n{paragraph}\n\n乙镇推进易地搬迁\n\n{paragraph}乙\n")
    articles = [s.title for s in split_sections(text) if s.level == 1]
    assert articles == ["甲镇发展特色产业", "乙镇推进易地搬迁"]


@pytest.mark.parametrize(
    "body",
    [
        "一、建基地。二、强主体。",
        "标题  一是压实责任。二是强化督查。",
        "标题   一是压实责任。\n\n二要强化督查；三抓落实！",
        "（一）产业扶贫\n（二）就业扶贫。(三)教育扶贫",
        "在产业扶贫方面，新建基地。在就业扶贫方面，培训劳动力。",
        "十一二、三、。一、",
        "",
    ],
)
def test_measure_markers_are_found_exactly_where_a_full_scan_finds_them(body):
    for (_level, pattern), cue in zip(_BLOCK_MARKERS, _BLOCK_CUES, strict=True):
        expected = [(m.start(), m.end()) for m in pattern.finditer(body)]
        assert [(m.start(), m.end()) for m in _marker_matches(pattern, cue, body)] == expected
