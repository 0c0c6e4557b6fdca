"""The publication date and issuer a bulletin or news page prints, and nothing it does not print."""

import datetime as dt

import pytest

from bulletins.pipeline.byline import opens_with_dateline, page_hints, today_line
from bulletins.pipeline.clean import clean_text
from bulletins.pipeline.structure import extract_header

BODY = "全县今年投入扶贫资金1.2亿元，实施产业项目56个，带动贫困户2300户增收。"


def header_of(raw: str, hints=None):
    return extract_header(raw, clean_text(raw), hints)


# --- a bulletin's masthead ----------------------------------------------------------------------


def test_an_office_that_compiled_the_bulletin_dates_it():
    raw = f"某省扶贫信息\n第十二期\n某省扶贫开发局办公室编　　　　12.09.2018　　09:15\n{BODY}\n"
    header = header_of(raw)
    assert header.published_on == dt.date(2018, 9, 12)
    assert header.issuer == "某省扶贫开发局办公室"


def test_a_masthead_with_a_sponsor_key_names_the_issuing_office():
    raw = f"某县扶贫工作简报\n第5期\n主办：某县乡村振兴局        2019年4月2日\n{BODY}\n"
    header = header_of(raw)
    assert header.published_on == dt.date(2019, 4, 2)
    assert header.issuer == "某县乡村振兴局"


def test_a_date_line_the_print_layout_ran_into_the_first_heading_still_dates_the_bulletin():
    raw = f"某市扶贫工作动态\n第3期\n某市扶贫开发办公室　　2019年10月17日【产业扶贫】甲县发展庭院经济\n{BODY}\n"
    header = header_of(raw)
    assert header.published_on == dt.date(2019, 10, 17)
    assert header.issuer == "某市扶贫开发办公室"


def test_a_date_alone_at_the_foot_dates_the_bulletin():
    raw = f"某县扶贫简报\n{BODY}\n某县扶贫开发办公室\n2018年11月20日\n"
    assert header_of(raw).published_on == dt.date(2018, 11, 20)


def test_a_signature_over_its_date_at_the_foot_names_the_issuer_and_dates_the_bulletin():
    raw = f"某县扶贫简报\n{BODY}\n某县脱贫攻坚指挥部办公室\n2018年11月20日\n"
    header = header_of(raw)
    assert header.published_on == dt.date(2018, 11, 20)
    assert header.issuer == "某县脱贫攻坚指挥部办公室"


def test_a_contributors_note_at_the_end_names_the_issuer():
    raw = f"某县扶贫简报\n{BODY}\n（某县扶贫开发局综合股供稿）\n"
    assert header_of(raw).issuer == "某县扶贫开发局综合股"


# --- a web page's info line -----------------------------------------------------------------------


def test_the_info_line_under_the_headline_beats_a_date_printed_above_it():
    raw = f"2021-03-02 08:00\n某县光伏扶贫电站并网发电\n发布时间：2018-06-28 来源：某某日报\n{BODY}\n"
    header = header_of(raw)
    assert header.published_on == dt.date(2018, 6, 28)
    assert header.issuer == "某某日报"


def test_an_info_line_may_print_the_weekday():
    raw = f"某县光伏扶贫电站并网发电\n发布时间：2019年5月6日 星期一 来源：某某晚报\n{BODY}\n"
    assert header_of(raw).published_on == dt.date(2019, 5, 6)


def test_a_source_at_the_foot_names_the_outlet():
    raw = f"某县光伏扶贫电站并网发电\n{BODY}\n来源：某某农民报\n"
    assert header_of(raw).issuer == "某某农民报"


def test_a_reprint_note_names_the_outlet():
    raw = f"某镇多措并举助力脱贫\n转自：某某发布\n{BODY}\n"
    assert header_of(raw).issuer == "某某发布"


def test_a_source_that_names_no_one_falls_back_to_the_site_name():
    raw = f"某镇多措并举助力脱贫\n来源：本站\n{BODY}\n"
    assert header_of(raw, {"sitename": "某县政府网"}).issuer == "某县政府网"


def test_a_source_word_inside_a_sentence_names_no_issuer():
    raw = "某县扶贫资金管理办法出台\n资金来源：中央和省级财政专项扶贫资金、县级配套资金。\n"
    assert header_of(raw).issuer is None


def test_an_html_info_line_passed_as_a_hint_dates_the_page_and_names_its_source():
    raw = f"{BODY}\n"
    hints = {"title": "某县光伏扶贫电站并网发电", "byline": "2018-10-17 09:42:15 来源：某某日报 作者：某某"}
    header = header_of(raw, hints)
    assert header.published_on == dt.date(2018, 10, 17)
    assert header.issuer == "某某日报"


# --- news agencies and newspapers -----------------------------------------------------------------


def test_an_agency_dateline_names_the_agency_and_its_day_takes_the_pages_year():
    raw = f"2017年4月13日 星期四\n某省启动健康扶贫专项行动\n新华社南宁4月12日电 记者某某报道：{BODY}\n"
    header = header_of(raw)
    assert header.issuer == "新华社"
    assert header.published_on == dt.date(2017, 4, 12)


def test_a_dateline_in_full_width_digits_is_read():
    raw = f"某省启动健康扶贫专项行动\n中新社昆明９月２７日电 {BODY}\n"
    assert header_of(raw).issuer == "中新社"


def test_a_dateline_filed_before_new_year_takes_the_year_before():
    raw = f"2019年1月2日 星期三\n某省启动健康扶贫专项行动\n新华社兰州12月31日电 {BODY}\n"
    assert header_of(raw).published_on == dt.date(2018, 12, 31)


def test_a_dateline_without_a_year_anywhere_gives_no_date():
    raw = f"某省启动健康扶贫专项行动\n新华社西宁3月21日电 {BODY}\n"
    assert header_of(raw).published_on is None


def test_a_papers_own_news_line_names_the_paper():
    raw = f"某地特色产业带富乡亲\n某某商报讯（记者 某某）{BODY}\n"
    assert header_of(raw).issuer == "某某商报"


def test_this_papers_news_line_names_no_one():
    raw = f"某地特色产业带富乡亲\n本报讯 {BODY}\n"
    assert header_of(raw).issuer is None


@pytest.mark.parametrize(
    "line",
    ["新华社南宁4月12日电 近日", "本报讯 近日", "某某网消息：近日", "据新华社电，近日", "某某日报讯近日"],
)
def test_datelines_open_a_report(line):
    assert opens_with_dateline(line)


@pytest.mark.parametrize("line", ["合作社消息灵通，销路不愁", "服务中心电话：0000-1234567", "县电视台停电检修"])
def test_sentences_that_only_look_like_datelines_do_not(line):
    assert not opens_with_dateline(line)


def test_a_newspaper_citation_at_the_foot_dates_the_article_and_names_the_paper():
    raw = f"山乡巨变看今朝\n本报记者 某某\n{BODY}\n《 某某日报 》（ 2019年10月09日 03 版）\n"
    header = header_of(raw)
    assert header.published_on == dt.date(2019, 10, 9)
    assert header.issuer == "某某日报"


def test_a_first_printed_in_note_dates_the_article_and_names_the_paper():
    raw = f"山乡巨变看今朝\n{BODY}\n（原载《某某日报》2019年10月9日 第3版）\n"
    header = header_of(raw)
    assert header.published_on == dt.date(2019, 10, 9)
    assert header.issuer == "某某日报"


# --- nothing made up ------------------------------------------------------------------------------


def test_a_text_that_prints_neither_date_nor_issuer_has_neither():
    raw = f"某村的新变化\n从2003年至今，村里的路修了三回。\n2011年起，{BODY}\n"
    header = header_of(raw)
    assert header.published_on is None
    assert header.issuer is None


def test_a_hint_date_padded_from_a_year_alone_is_dropped():
    raw = f"某村的新变化\n2011年起，{BODY}\n"
    assert header_of(raw, {"date": "2011-01-01"}).published_on is None


def test_a_hint_date_on_the_first_of_a_month_counts_when_the_page_prints_it():
    raw = f"某村的新变化\n2019年7月1日，{BODY}\n"
    assert header_of(raw, {"date": "2019-07-01"}).published_on == dt.date(2019, 7, 1)


def test_a_full_hint_date_counts():
    assert header_of(f"某村的新变化\n{BODY}\n", {"date": "2019-07-16"}).published_on == dt.date(2019, 7, 16)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2019年5月6日 星期一", True),
        ("今天是：2019年5月6日 周一", True),
        ("发布时间：2019年5月6日 星期一", False),
        ("2019年5月6日", False),
    ],
)
def test_a_today_line_is_a_date_with_its_weekday_and_no_info_key(line, expected):
    assert today_line(line) is expected


# --- HTML pages: the info line trafilatura leaves out ---------------------------------------------


def test_the_info_line_under_the_headline_becomes_the_byline_hint():
    html = """<html>
    <div id="nav">首页 | 来源：导航</div>
    <h1>某县光伏扶贫电站并网发电</h1>
    <div id="info"><span>发布时间：2018-06-28</span>　<span>来源：某某日报</span></div>
    <p>全县建成村级光伏电站56座。
    </html>"""
    assert page_hints(html) == {"byline": "发布时间：2018-06-28 来源：某某日报"}


def test_a_page_without_an_info_line_gives_no_byline_hint():
    html = "<html> <h1>某县光伏扶贫电站并网发电</h1> <p>全县建成村级光伏电站56座。</p> </html>"
    assert page_hints(html) == {}


def test_an_unreadable_page_gives_no_byline_hint():
    assert page_hints("") == {}
