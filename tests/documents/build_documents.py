#!/usr/bin/env python
"""Build the upload files in tests/documents/files from the UTF-8 sources in tests/documents/src.

Each source is the bulletin as a reader sees it; this script gives it the form an editor uploads:

- plain text in UTF-8, in GB18030 (CRLF, as saved on Windows) or in UTF-16 with a BOM (CRLF);
- an HTML page wrapped in its website's chrome (navigation, breadcrumbs, 字体/打印/关闭 tools,
  related links, copyright footer with ICP and phone numbers); one page declares
  `<meta charset="gb2312">` but is encoded in GB18030 (it uses characters outside GB2312), one
  repeats its article in a print-version block; lines starting with "|" become a <table>;
- a .docx written with python-docx (lines starting with "|" become a Word table);
- a text PDF written with reportlab in the built-in CID font STSong-Light, A4, with page numbers
  "— N —"; lines are wrapped by width but never inside a gold figure or region name. One PDF is
  set tight (pdfminer joins its lines into paragraphs), one loose (every line comes out alone).

The gold records in tests/documents/gold count what the source says once (the repeated article of
the print block, the site chrome and the page numbers are not part of the bulletin).

The output is deterministic: fixed document metadata and dates, fixed zip timestamps, reportlab's
invariant mode. Run from the repository root:

    .venv/bin/python tests/documents/build_documents.py
"""

from __future__ import annotations

import html
import io
import json
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "files"
GOLD = HERE / "gold"
FIXED_TIME = datetime(2020, 1, 1, 8, 0, 0)
ZIP_TIME = (2020, 1, 1, 8, 0, 0)


@dataclass
class Site:
    """The chrome of the website an HTML page comes from (no figures, no divisions beyond the article's)."""

    name: str
    nav: list[str]
    crumbs: list[str]
    related: list[str]
    footer: list[str]
    tools: str = "【字体：大 中 小】　【打印】　【关闭】"
    charset: str = "utf-8"  # what the page declares
    encoding: str = "utf-8"  # what its bytes are
    print_copy: bool = False  # the article repeated in a print-version block


@dataclass
class Document:
    name: str
    kind: str  # txt | html | docx | pdf
    encoding: str = "utf-8"
    newline: str = "\n"
    site: Site | None = None
    meta: dict = field(default_factory=dict)


DOCUMENTS = [
    Document("01_guizhou_qiandongnan", "txt"),
    Document("02_gansu_gannan", "txt"),
    Document("03_henan_jinrong", "txt", encoding="gb18030", newline="\r\n"),
    Document("04_qinghai_yushu", "txt", encoding="utf-16", newline="\r\n"),
    Document("05_hubei_yunxian", "txt"),
    Document("06_dongxi_xiezuo", "txt"),
    Document("15_jiangxi_ganzhou", "txt"),
    Document(
        "07_yunnan_puer",
        "html",
        site=Site(
            name="普洱市人民政府",
            nav=["首页", "政务公开", "新闻中心", "政务服务", "互动交流", "走进普洱", "专题专栏"],
            crumbs=["首页", "新闻中心", "脱贫攻坚"],
            related=[
                "普洱市召开茶产业发展推进会",
                "澜沧县景迈山古茶林保护工作稳步推进",
                "景谷县组织茶农开展春茶采摘技术培训",
                "墨江县茶叶合作社带动贫困户增收",
            ],
            footer=[
                "主办：普洱市人民政府办公室　承办：普洱市信息中心",
                "网站标识码：5308000001　滇ICP备05001234号　滇公网安备 53080202000123号",
                "版权所有 © 2019 普洱市人民政府　联系电话：0879-2123456",
                "建议使用1280×768分辨率浏览本网站",
            ],
        ),
    ),
    Document(
        "08_guangxi_hechi",
        "html",
        site=Site(
            name="河池市人民政府门户网站",
            nav=["网站首页", "政务动态", "信息公开", "网上办事", "政民互动", "魅力河池"],
            crumbs=["您现在的位置：首页", "政务动态", "河池要闻"],
            related=[
                "河池市召开易地扶贫搬迁工作推进会",
                "都安瑶族自治县加快推进县城集中安置区建设",
                "巴马瑶族自治县旅游扶贫成效明显",
            ],
            footer=[
                "主办单位：河池市人民政府办公室　技术支持：河池市电子政务中心",
                "桂ICP备05006789号　桂公网安备 45120202000456号　网站标识码：4512000002",
                "Copyright © 2016 河池市人民政府 All Rights Reserved　联系电话：0778-2281234",
            ],
            tools="【打印本页】　【关闭窗口】",
            charset="gb2312",
            encoding="gb18030",
        ),
    ),
    Document(
        "09_hunan_huaihua",
        "html",
        site=Site(
            name="怀化新闻网",
            nav=["首页", "时政", "县域", "民生", "扶贫", "专题", "视频", "数字报"],
            crumbs=["怀化新闻网", "扶贫", "正文"],
            related=["沅陵县推进健康扶贫工作", "会同县开展农村低保专项治理", "通道侗族自治县医疗服务车进村入户"],
            footer=[
                "怀化日报社主办　版权所有　未经授权禁止转载",
                "湘ICP备10007890号　互联网新闻信息服务许可证编号：43120170012",
                "新闻热线：0745-2712345　违法和不良信息举报电话：0745-2712000",
            ],
            tools="【字号 大 中 小】　【打印】　【关闭】",
            print_copy=True,
        ),
    ),
    Document(
        "10_shaanxi_ankang",
        "html",
        site=Site(
            name="安康新闻网",
            nav=["首页", "安康新闻", "县区动态", "脱贫攻坚", "社会民生", "图片新闻", "专题"],
            crumbs=["当前位置：首页", "脱贫攻坚", "正文"],
            related=[
                "汉滨区毛绒玩具产业带动搬迁群众就业",
                "紫阳修脚师成为知名劳务品牌",
                "平利县新社区工厂吸引能人返乡创业",
            ],
            footer=[
                "主办：安康日报社　版权所有 © 安康新闻网",
                "陕ICP备12003456号-1　陕公网安备 61090202000789号",
                "新闻热线：0915-3212345　投稿邮箱：news@example.cn",
            ],
        ),
    ),
    Document("11_shanxi_lvliang", "docx", meta={"title": "吕梁市脱贫攻坚简报（第十七期）", "author": "吕梁市扶贫办"}),
    Document(
        "12_sichuan_chengdu", "docx", meta={"title": "成都市对口帮扶工作简报2015年第4期", "author": "成都市对口帮扶办"}
    ),
    Document(
        "13_xinjiang_hotan",
        "pdf",
        meta={"title": "和田地区脱贫攻坚简报第三十期", "author": "和田地区脱贫攻坚指挥部办公室", "leading": 17},
    ),
    Document(
        "14_heilongjiang_qiqihar", "pdf", meta={"title": "齐齐哈尔市扶贫工作动态第8期", "author": "齐齐哈尔市扶贫办"}
    ),
]


def source_lines(doc: Document) -> list[str]:
    return (SRC / f"{doc.name}.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")


def table_row(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def blocks(lines: list[str]):
    """Group source lines: ("table", rows) for consecutive "|" lines, ("line", text) otherwise."""
    rows: list[list[str]] = []
    for line in lines:
        if line.startswith("|"):
            rows.append(table_row(line))
            continue
        if rows:
            yield "table", rows
            rows = []
        yield "line", line
    if rows:
        yield "table", rows


def is_heading(text: str) -> bool:
    t = text.strip()
    return bool(t) and len(t) <= 40 and not re.search(r"[。；：]$|。", t) and not t.startswith(("报：", "送：", "发："))


# --------------------------------------------------------------------------- text


def build_txt(doc: Document) -> bytes:
    text = (SRC / f"{doc.name}.txt").read_text(encoding="utf-8")
    text = text.replace("\n", doc.newline)
    if doc.encoding == "utf-16":
        import codecs

        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode(doc.encoding)


# --------------------------------------------------------------------------- html


def article_html(lines: list[str]) -> tuple[str, str, str]:
    """Return (title, info line, body html) of an article source."""
    title, rest = lines[0], lines[1:]
    while rest and not rest[0].strip():
        rest = rest[1:]
    info, rest = rest[0], rest[1:]
    parts: list[str] = []
    for kind, item in blocks(rest):
        if kind == "table":
            head, *body = item
            parts.append('<table class="data" border="1" cellspacing="0" cellpadding="4">')
            parts.append("<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in head) + "</tr></thead>")
            parts.append("<tbody>")
            for row in body:
                parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
            parts.append("</tbody></table>")
            continue
        line = item
        if not line.strip():
            continue
        if line.startswith("责任编辑"):
            parts.append(f'<div class="editor">{html.escape(line)}</div>')
        elif is_heading(line):
            parts.append(f'<p class="subtitle"><strong>{html.escape(line.strip())}</strong></p>')
        else:
            parts.append(f"<p>{html.escape(line)}</p>")
    return title, info, "\n".join(parts)


def build_html(doc: Document) -> bytes:
    site = doc.site
    title, info, body = article_html(source_lines(doc))
    nav = "".join(f'<li><a href="/{i}/">{html.escape(n)}</a></li>' for i, n in enumerate(site.nav))
    crumbs = " &gt; ".join(f'<a href="/">{html.escape(c)}</a>' for c in site.crumbs)
    related = "".join(f'<li><a href="/news/{i + 1}.html">{html.escape(r)}</a></li>' for i, r in enumerate(site.related))
    footer = "".join(f"<p>{html.escape(f)}</p>" for f in site.footer)
    print_block = ""
    if site.print_copy:
        print_block = f"""
<!-- 打印版 -->
<div id="printArea" class="print-version">
  <div class="print-head">{html.escape(site.name)}　打印版</div>
  <h2>{html.escape(title)}</h2>
  <div class="print-info">{html.escape(info)}</div>
  <div class="print-body">
{body}
  </div>
  <div class="print-foot">本文来自{html.escape(site.name)}</div>
</div>"""
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{site.charset}">
<meta http-equiv="Content-Type" content="text/html; charset={site.charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}_{html.escape(site.name)}</title>
<link rel="stylesheet" href="/css/style.css">
<script src="/js/jquery.min.js"></script>
</head>
<body>
<div class="top-bar"><span>欢迎访问{html.escape(site.name)}</span> <a href="/search/">站内搜索</a> <a href="/m/">手机版</a> <a href="/wza/">无障碍浏览</a></div>
<div class="header"><div class="logo"><a href="/"><img src="/images/logo.png" alt="{html.escape(site.name)}"></a></div>
<ul class="nav">{nav}</ul></div>
<div class="main">
<div class="crumbs">{crumbs}</div>
<div class="article">
<h1 class="article-title">{html.escape(title)}</h1>
<div class="article-info">{html.escape(info)}</div>
<div class="article-tools">{html.escape(site.tools)}</div>
<div class="article-content" id="zoom">
{body}
</div>
<div class="article-share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
</div>
<div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>
</div>{print_block}
<div class="footer">{footer}</div>
<script>function doPrint(){{window.print();}}</script>
</body>
</html>
"""
    return page.encode(site.encoding)


# --------------------------------------------------------------------------- docx


def build_docx(doc: Document) -> bytes:
    from docx import Document as Docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    lines = source_lines(doc)
    d = Docx()
    normal = d.styles["Normal"]
    normal.font.name = "SimSun"
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")

    def paragraph(text: str, *, bold=False, size=None, center=False, red=False):
        p = d.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if red:
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        return p

    # 红头: the bulletin's name, its issue label and the issuer/date line
    paragraph(lines[0], bold=True, size=26, center=True, red=True)
    head = 1
    while head < len(lines) and not lines[head].strip():
        head += 1
    paragraph(lines[head], size=14, center=True)
    head += 1
    while head < len(lines) and not lines[head].strip():
        head += 1
    paragraph(lines[head], size=12)
    head += 1
    paragraph("━" * 24, center=True, red=True)

    for kind, item in blocks(lines[head:]):
        if kind == "table":
            header, *rows = item
            table = d.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate([header, *rows]):
                for c, value in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = ""
                    run = cell.paragraphs[0].add_run(value)
                    run.bold = r == 0
                    run.font.size = Pt(10.5)
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        line = item
        if not line.strip():
            continue
        if line.strip().startswith("【") and line.strip().endswith("】"):
            paragraph(line.strip(), bold=True, size=14)
        elif is_heading(line):  # a headline, or (indented) a table caption
            indented = line.startswith("　　")
            paragraph(line.strip(), bold=True, size=12 if indented else 14, center=True)
        else:
            paragraph(line)

    props = d.core_properties
    props.title = doc.meta.get("title", "")
    props.author = doc.meta.get("author", "")
    props.last_modified_by = doc.meta.get("author", "")
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1
    props.comments = ""
    props.keywords = "扶贫 简报"

    raw = io.BytesIO()
    d.save(raw)
    return normalise_zip(raw.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Repack a zip with fixed timestamps and attributes so the same content gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- pdf


def protected_words(doc: Document) -> list[str]:
    """Figures and division names a line break must not split (so the gold text stays contiguous)."""
    gold = json.loads((GOLD / f"{doc.name}.json").read_text(encoding="utf-8"))
    words = {m["text"] for m in gold["metrics"]}
    for region in gold["regions"]:
        words |= {region["mention"], region["name"]}
    return sorted(words, key=len, reverse=True)


def wrap(text: str, width: float, measure, protected: list[str]) -> list[str]:
    """Break `text` into lines no wider than `width`, never inside a protected word."""
    spans = [False] * (len(text) + 1)  # spans[i]: a break before text[i] is forbidden
    for word in protected:
        start = text.find(word)
        while start >= 0:
            for i in range(start + 1, start + len(word)):
                spans[i] = True
            start = text.find(word, start + 1)
    # do not start a line with closing punctuation
    for i, ch in enumerate(text):
        if ch in "，。、；：？！”）》】%":
            spans[i] = True
    lines, start = [], 0
    while start < len(text):
        end = start + 1
        while end < len(text) and measure(text[start : end + 1]) <= width:
            end += 1
        if end < len(text):
            cut = end
            while cut > start + 1 and spans[cut]:
                cut -= 1
            end = cut if cut > start + 1 else end
        lines.append(text[start:end])
        start = end
    return lines


def build_pdf(doc: Document) -> bytes:
    from reportlab import rl_config
    from reportlab.lib.colors import HexColor, black
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    rl_config.invariant = 1
    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    protected = protected_words(doc)
    lines = source_lines(doc)

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1, pageCompression=0)
    c.setTitle(doc.meta.get("title", ""))
    c.setAuthor(doc.meta.get("author", ""))
    c.setCreator("fupin portal tests/documents/build_documents.py")
    c.setProducer("ReportLab PDF Library")
    c.setSubject("扶贫简报")
    page_w, page_h = A4
    left, right, top, bottom = 72, 72, 72, 80
    width = page_w - left - right
    size, leading = 12, doc.meta.get("leading", 20)
    page = 1
    y = page_h - top

    def finish_page():
        nonlocal page, y
        c.setFont(font, 10.5)
        c.setFillColor(black)
        c.drawCentredString(page_w / 2, 40, f"— {page} —")
        c.showPage()
        page += 1
        y = page_h - top

    def draw(text: str, *, fsize=size, center=False, color=black, lead=leading):
        nonlocal y
        if y - lead < bottom:
            finish_page()
        c.setFont(font, fsize)
        c.setFillColor(color)
        if center:
            c.drawCentredString(page_w / 2, y - fsize, text)
        else:
            c.drawString(left, y - fsize, text)
        y -= lead

    # 红头
    red = HexColor("#C00000")
    draw(lines[0], fsize=24, center=True, color=red, lead=40)
    i = 1
    while not lines[i].strip():
        i += 1
    draw(lines[i].strip(), fsize=14, center=True, lead=28)
    i += 1
    while not lines[i].strip():
        i += 1
    draw(lines[i], fsize=12, lead=16)
    i += 1
    c.setStrokeColor(red)
    c.setLineWidth(1.5)
    c.line(left, y - 4, page_w - right, y - 4)
    y -= 20

    measure = lambda s: pdfmetrics.stringWidth(s, font, size)  # noqa: E731
    for line in lines[i:]:
        if not line.strip():
            y -= leading / 2
            continue
        if is_heading(line) and not line.startswith("　　"):
            for part in wrap(line.strip(), width, lambda s: pdfmetrics.stringWidth(s, font, 14), protected):
                draw(part, fsize=14, center=True, lead=26)
            continue
        for part in wrap(line, width, measure, protected):
            draw(part)
    finish_page()
    c.save()
    return buffer.getvalue()


BUILDERS = {
    "txt": (build_txt, ".txt"),
    "html": (build_html, ".html"),
    "docx": (build_docx, ".docx"),
    "pdf": (build_pdf, ".pdf"),
}


def main() -> int:
    OUT.mkdir(exist_ok=True)
    names = {p.stem for p in SRC.glob("*.txt")}
    listed = {d.name for d in DOCUMENTS}
    if names != listed:
        print(
            f"sources without a build entry: {sorted(names - listed)}; entries without a source: {sorted(listed - names)}"
        )
        return 1
    for stale in OUT.iterdir():
        stale.unlink()
    for doc in DOCUMENTS:
        build, ext = BUILDERS[doc.kind]
        data = build(doc)
        (OUT / f"{doc.name}{ext}").write_bytes(data)
        print(f"{doc.name}{ext}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
