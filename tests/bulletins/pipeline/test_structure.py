"""extract_header and split_sections: the bulletin's own metadata, its articles and measure blocks."""

import datetime as dt

import pytest

from bulletins.pipeline.clean import clean_text
from bulletins.pipeline.structure import ISSUE_LABEL, extract_header, find_dates, split_sections


def header_of(raw: str, hints=None):
    return extract_header(raw, clean_text(raw), hints)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("17.11.2015  12:51", dt.date(2015, 11, 17)),
        ("2019年1月15日", dt.date(2019, 1, 15)),
        ("2018-11-09 16:30:37", dt.date(2018, 11, 9)),
        ("2020/07/26", dt.date(2020, 7, 26)),
        ("二〇一九年三月十二日", dt.date(2019, 3, 12)),
        ("二〇二〇年十二月三十一日", dt.date(2020, 12, 31)),
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
        ("重庆扶贫专报第三十三期", "第三十三期"),
        ("脱贫攻坚简报2019年第2期", "2019年第2期"),
        ("扶贫工作简报第12期（总第156期）", "第12期（总第156期）"),
        ("扶贫信息 第 5 期", "第5期"),
    ],
)
def test_issue_labels_are_found_as_printed(text, label):
    assert ISSUE_LABEL.search(text).group(0).replace(" ", "") == label


def test_a_date_beside_the_issuing_body_beats_the_web_page_dates():
    raw = """2020-07-26

脱贫攻坚简报2019年第2期

  • 2019年02月28日 14时50分
  • 来源: 省扶贫开发局
  • 四川省脱贫攻坚领导小组办公室   2019年1月15日

    某县东西部扶贫协作取得实效
"""
    header = header_of(raw)
    assert header.title == "脱贫攻坚简报2019年第2期"
    assert header.issue == "2019年第2期"
    assert header.published_on == dt.date(2019, 1, 15)
    assert header.issuer == "四川省脱贫攻坚领导小组办公室"


def test_a_news_page_takes_its_headline_date_and_source_outlet():
    raw = """某某新闻>>要闻

某市精准扶贫工作发布会召开

2018-11-09 16:30:37 来源:某某日报
11月8日下午，某市召开扶贫开发工作新闻发布会，通报全市工作情况。
"""
    header = header_of(raw)
    assert header.title == "某市精准扶贫工作发布会召开"
    assert header.published_on == dt.date(2018, 11, 9)
    assert header.issuer == "某某日报"
    assert header.issue is None


def test_a_signature_line_at_the_end_names_the_issuer():
    raw = "重庆扶贫专报第三十三期\n\n17.11.2015  12:51\n\n正文内容很长很长的一段话。\n\n                政策法规处\n"
    header = header_of(raw)
    assert header.published_on == dt.date(2015, 11, 17)
    assert header.issuer == "政策法规处"


def test_a_date_inside_a_sentence_is_an_event_not_the_bulletin_date():
    raw = "某县扶贫简报\n2019年3月5日，县委召开常委会，研究部署脱贫攻坚工作，会议要求各乡镇抓好落实。\n"
    assert header_of(raw).published_on is None


def test_html_title_hint_wins_and_loses_its_site_suffix():
    header = header_of("正文第一行很长很长很长\n", {"title": "某县召开扶贫工作会 - 某县人民政府网"})
    assert header.title == "某县召开扶贫工作会"


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
