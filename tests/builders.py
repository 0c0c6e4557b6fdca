"""Build upload files of every format in memory, for tests."""

import io

GB_HTML = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title} - 某省扶贫开发网</title></head>
<body>
<div class="nav">首页 &gt; 工作动态 &gt; 扶贫简报</div>
<div class="article">
<h1>{title}</h1>
<p class="info">发布时间：2019-03-05 09:30  来源：贵州省扶贫开发办公室</p>
{paragraphs}
</div>
<div class="footer">版权所有：某省扶贫开发网  ICP备12345678号</div>
<script>alert("x")</script>
</body></html>
"""


def html_gb18030(title: str, paragraphs: list[str]) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return GB_HTML.format(title=title, paragraphs=body).encode("gb18030")


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(lines: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.setFont("STSong-Light", 11)
    y = 780
    for line in lines:
        page.drawString(60, y, line)
        y -= 18
    page.save()
    return buffer.getvalue()
