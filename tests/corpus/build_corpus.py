#!/usr/bin/env python
"""Build our own test bulletins (tests/corpus/files) and their gold records (tests/corpus/gold).

Each source in tests/corpus/src is a bulletin we wrote in the genre, annotated by hand:

    # format: txt-utf8 | txt-gb18030 | txt-utf16 | html-utf8 | html-gb18030 | html-twice | docx | pdf
    # title / issue / published_on / issuer: the gold bulletin fields ("-" for null)
    # regions: code code ...           every division the text names
    # program: category | title | code code ...   (one line per programme)
    @region 520000                     the region of the figures that follow (until the next @region)
    {4870户|4870|户|exact|贫困户}       a figure: printed text | value | unit | qualifier | indicator [| region]
    {1-2名|1-2|人|range|区领导|?}       value "a-b" for a range; "?" marks an optional (borderline) figure
    | a | b |                          a table row (HTML <table> / DOCX table); the header row comes first

The printed text of every figure goes into the document; value, unit, qualifier and indicator go
into the gold record only, so the parser is scored against what a person wrote down.
Run: .venv/bin/python tests/corpus/build_corpus.py
"""

from __future__ import annotations

import datetime
import io
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIGURE = re.compile(r"\{([^{}|]+)\|([^{}|]+)\|([^{}|]+)\|([^{}|]+)\|([^{}|]*)(?:\|([^{}|]*))?\}")
EXTENSIONS = {"txt-utf8": ".txt", "txt-gb18030": ".txt", "txt-utf16": ".txt", "html-utf8": ".html",
              "html-gb18030": ".html", "html-twice": ".html", "docx": ".docx", "pdf": ".pdf"}


def number(text: str) -> int | float:
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(value)


def parse_source(path: Path) -> tuple[dict, list[str], list[dict]]:
    meta: dict = {"programs": []}
    body: list[str] = []
    metrics: list[dict] = []
    region = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("# "):
            key, _, value = raw[2:].partition(":")
            value = value.strip()
            if key == "program":
                category, title, codes = (part.strip() for part in value.split("|"))
                meta["programs"].append({"title": title, "category": category, "regions": codes.split()})
            else:
                meta[key] = None if value == "-" else value
            continue
        if raw.startswith("@region"):
            region = raw.split()[1] if len(raw.split()) > 1 and raw.split()[1] != "-" else None
            continue

        def figure(match: re.Match[str], region: str | None = region) -> str:
            printed, value, unit, qualifier, indicator, flags = match.groups()
            low, _, high = value.partition("~")
            entry = {"text": printed, "value": number(low), "value_max": number(high) if high else None,
                     "unit": unit, "qualifier": qualifier, "indicator": indicator or None, "region": region}
            for flag in (flags or "").split():
                if flag == "?":
                    entry["optional"] = True
                else:
                    entry["region"] = None if flag == "-" else flag
            metrics.append(entry)
            return printed

        body.append(FIGURE.sub(figure, raw))
    return meta, body, metrics


def gold_record(meta: dict, metrics: list[dict], names: dict[str, str]) -> dict:
    regions = [{"code": code, "name": names[code], "mention": None} for code in meta["regions"].split()]
    return {
        "bulletin": {key: meta.get(key) for key in ("title", "issue", "published_on", "issuer")},
        "regions": regions,
        "programs": meta["programs"],
        "metrics": metrics,
    }


def html_page(meta: dict, body: list[str], *, twice: bool, charset: str) -> str:
    parts, table = [], []
    for line in [*body, ""]:
        if line.startswith("|"):
            table.append([cell.strip() for cell in line.strip("|").split("|")])
            continue
        if table:
            rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in table)
            parts.append(f"<table border='1'>{rows}</table>")
            table = []
        if line.strip():
            parts.append(f"<p>{line.strip()}</p>")
    article = "\n".join(parts)
    head = f"""<div class="info">发布时间：{meta.get('page_date', '')}  来源：{meta.get('issuer') or ''}</div>"""
    printed = f"<div class='print'><h2>{meta['title']}</h2>{article}</div>" if twice else ""
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{meta['title']}_扶贫开发网</title></head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/news/">工作动态</a> &gt; 正文</div>
<div class="article"><h1>{meta['title']}</h1>
{head}
{article}
</div>
{printed}
<div class="footer">版权所有：扶贫开发网 ICP备05012345号 <script>document.write('统计')</script></div>
</body></html>
"""


def docx_bytes(body: list[str]) -> bytes:
    import docx

    document = docx.Document()
    # Fixed metadata, so rebuilding gives the same document.
    document.core_properties.created = document.core_properties.modified = datetime.datetime(2020, 1, 1)
    table: list[list[str]] = []
    for line in [*body, ""]:
        if line.startswith("|"):
            table.append([cell.strip() for cell in line.strip("|").split("|")])
            continue
        if table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
            table = []
        if line.strip():
            document.add_paragraph(line.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(body: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.setFont("STSong-Light", 10.5)
    y, per_line = 790, 42
    for paragraph in body:
        chunks = [paragraph[i : i + per_line] for i in range(0, len(paragraph), per_line)] or [""]
        for chunk in chunks:
            if y < 60:
                page.showPage()
                page.setFont("STSong-Light", 10.5)
                y = 790
            page.drawString(50, y, chunk)
            y -= 16
        y -= 6
    page.save()
    return buffer.getvalue()


def render(meta: dict, body: list[str]) -> bytes:
    fmt = meta["format"]
    text = "\n".join(body).strip() + "\n"
    if fmt == "txt-utf8":
        return text.encode("utf-8")
    if fmt == "txt-gb18030":
        return text.encode("gb18030")
    if fmt == "txt-utf16":
        return text.encode("utf-16")
    if fmt == "html-utf8":
        return html_page(meta, body, twice=False, charset="utf-8").encode("utf-8")
    if fmt == "html-twice":
        return html_page(meta, body, twice=True, charset="utf-8").encode("utf-8")
    if fmt == "html-gb18030":
        return html_page(meta, body, twice=False, charset="gb2312").encode("gb18030")
    if fmt == "docx":
        return docx_bytes(body)
    if fmt == "pdf":
        return pdf_bytes(body)
    raise SystemExit(f"unknown format {fmt}")


def main() -> None:
    sys.path.insert(0, str(HERE.parent.parent))
    from measures.extraction.regions import DIVISIONS_FILE

    names = {row["code"]: row["name"] for row in json.loads(DIVISIONS_FILE.read_text(encoding="utf-8"))}
    (HERE / "files").mkdir(exist_ok=True)
    (HERE / "gold").mkdir(exist_ok=True)
    total = 0
    for source in sorted((HERE / "src").glob("*.txt")):
        meta, body, metrics = parse_source(source)
        for metric in metrics:
            assert metric["region"] is None or metric["region"] in names, (source.name, metric)
        for code in meta["regions"].split():
            assert code in names, (source.name, code)
        name = source.stem
        (HERE / "files" / (name + EXTENSIONS[meta["format"]])).write_bytes(render(meta, body))
        record = gold_record(meta, metrics, names)
        (HERE / "gold" / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        total += len(metrics)
        print(f"{name}: {meta['format']}, {len(metrics)} figures")
    print(f"{total} gold figures")


if __name__ == "__main__":
    main()
