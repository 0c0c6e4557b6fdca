"""A county table uploaded as a web page or a Word file: every cell becomes a metric of its row's county.

The bulletin is made up in the genre: a prefecture's county table of 投入资金（万元）| 受益贫困户（户）|
脱贫人口（人）, with a 合计 row, between paragraphs of prose.
"""

from decimal import Decimal as D

import pytest

from bulletins.pipeline import parse_document
from tests.builders import docx_bytes

BIJIE, QIXINGGUAN, DAFANG, NAYONG = "520500", "520502", "520521", "520525"

TITLE = "毕节市2019年产业扶贫工作进展"
LEAD = (
    "今年以来，毕节市坚持把产业扶贫作为稳定脱贫的根本之策，聚焦食用菌、茶叶、蔬菜等特色产业，"
    "完善利益联结机制，带动贫困群众持续增收。各县区产业扶贫投入和带动情况如下。"
)
CLOSING = "下一步，毕节市将继续加大产业扶贫投入力度，推动产业提质增效，确保贫困群众稳定增收、持续脱贫。"
ROWS = [
    ["县（区）", "投入资金（万元）", "受益贫困户（户）", "脱贫人口（人）"],
    ["七星关区", "6200", "2850", "9600"],
    ["大方县", "4350", "1960", "7120"],
    ["纳雍县", "3980", "1730", "6050"],
    ["合计", "14530", "6540", "22770"],
]
# Every cell of the table as a metric: (text, value, unit, indicator, region).
EXPECTED = [
    ("6200", D(62000000), "元", "投入资金", QIXINGGUAN),
    ("2850", D(2850), "户", "受益贫困户", QIXINGGUAN),
    ("9600", D(9600), "人", "脱贫人口", QIXINGGUAN),
    ("4350", D(43500000), "元", "投入资金", DAFANG),
    ("1960", D(1960), "户", "受益贫困户", DAFANG),
    ("7120", D(7120), "人", "脱贫人口", DAFANG),
    ("3980", D(39800000), "元", "投入资金", NAYONG),
    ("1730", D(1730), "户", "受益贫困户", NAYONG),
    ("6050", D(6050), "人", "脱贫人口", NAYONG),
    ("14530", D(145300000), "元", "投入资金", BIJIE),  # the 合计 row is the prefecture's
    ("6540", D(6540), "户", "受益贫困户", BIJIE),
    ("22770", D(22770), "人", "脱贫人口", BIJIE),
]
CELLS = {text for text, *_rest in EXPECTED}


def html_page() -> bytes:
    head, *body = ROWS
    header = "".join(f"<th>{cell}</th>" for cell in head)
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in body)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE} - 毕节市扶贫开发网</title></head>'
        f'<body><div class="nav">首页 &gt; 工作动态</div><div class="article"><h1>{TITLE}</h1>'
        "<p>发布时间：2019-11-20 来源：毕节市扶贫开发办公室</p>"
        f'<p>{LEAD}</p><table border="1"><tr>{header}</tr>{rows}</table><p>{CLOSING}</p>'
        "</div></body></html>"
    ).encode()


def word_file() -> bytes:
    return docx_bytes([TITLE, LEAD, CLOSING], table=ROWS)


def table_metrics(data: bytes, filename: str) -> list[tuple]:
    record = parse_document(data, filename).to_json()
    return [
        (m["text"], D(str(m["value"])), m["unit"], m["indicator"], m["region"])
        for m in record["metrics"]
        if m["text"] in CELLS
    ]


@pytest.mark.parametrize(("data", "filename"), [(html_page(), "bijie.html"), (word_file(), "bijie.docx")])
def test_every_cell_of_a_county_table_is_a_metric_of_its_row_with_the_headers_scaled_unit(data, filename):
    assert table_metrics(data, filename) == EXPECTED


def test_a_unit_caption_above_a_word_table_scales_every_cell():
    rows = [["县（区）", "财政资金", "社会资金"], ["大方县", "1200", "350"], ["纳雍县", "980", "410"]]
    data = docx_bytes([TITLE, LEAD, "（单位：万元）"], table=rows)
    record = parse_document(data, "caption.docx").to_json()
    figures = [(m["text"], m["value"], m["unit"], m["indicator"], m["region"]) for m in record["metrics"]]
    assert figures[-4:] == [
        ("1200", 12000000, "元", "财政资金", DAFANG),
        ("350", 3500000, "元", "社会资金", DAFANG),
        ("980", 9800000, "元", "财政资金", NAYONG),
        ("410", 4100000, "元", "社会资金", NAYONG),
    ]
