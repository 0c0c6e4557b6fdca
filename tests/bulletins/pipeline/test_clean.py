"""clean_text: the article without the page around it, counted once."""

from bulletins.pipeline.clean import clean_text

PAGE = """安康新闻>>县区动态
首页 > 新闻中心 > 县区传真

某县扶贫车间带动群众就近就业
2019-03-05 10:12:08 来源:某某网
进入移动版 阅读更便捷
【字体:大 中 小】  打印本页  关闭窗口

全县新建社区扶贫车间28个，吸纳贫困劳动力1460人、人均月增收1800元。

责任编辑:李某
扫一扫 分享到朋友圈
版权所有：某县人民政府  ICP备05001234号
"""


def test_navigation_source_editor_and_copyright_lines_are_dropped():
    cleaned = clean_text(PAGE)
    for chrome in ("安康新闻>>县区动态", "新闻中心", "进入移动版", "字体", "责任编辑", "扫一扫", "版权所有"):
        assert chrome not in cleaned


def test_the_article_and_its_date_line_stay():
    cleaned = clean_text(PAGE)
    assert cleaned.startswith("某县扶贫车间带动群众就近就业")
    assert "全县新建社区扶贫车间28个，吸纳贫困劳动力1460人、人均月增收1800元。" in cleaned
    assert "2019-03-05 10:12:08" in cleaned


def test_an_article_the_page_prints_twice_is_kept_once():
    paragraph = "全县新建社区扶贫车间28个，吸纳贫困劳动力1460人、人均月增收1800元。"
    cleaned = clean_text(f"标题\n{paragraph}\n打印版\n{paragraph}\n")
    assert cleaned.count(paragraph) == 1


def test_short_lines_that_repeat_legitimately_are_kept():
    cleaned = clean_text("一、\n内容甲\n一、\n内容乙")
    assert cleaned.count("一、") == 2


def test_windows_line_ends_bullets_and_control_characters_are_normalised():
    cleaned = clean_text("  • 第一行\r\n第二\x07行\u200b\r\n")
    assert cleaned == "第一行\n第二行"


def test_bidirectional_overrides_and_invisible_characters_are_removed():
    cleaned = clean_text("石柱县\u202egnp.exe\u202c新建\u200b\u2066扶贫车间\u2069\x1b6个。")
    assert cleaned == "石柱县gnp.exe新建扶贫车间6个。"
