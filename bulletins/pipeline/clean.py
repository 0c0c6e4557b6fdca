"""Clean: decoded text → the text every offset points into.

Drops what a web page or a print layout adds around a bulletin (navigation, 来源/责任编辑
lines, copyright, app promotions) and a second copy of the article some pages carry.
"""

from __future__ import annotations

import re
import unicodedata

# Boilerplate lines: a label (来源：), page chrome anywhere in the line (打印本页, 版权所有), or a bare button.
_LABEL = (r"(?:来源|稿源|信息来源|作者|责任编辑|编辑|审核|校对|核稿|撰稿|记者|通讯员|摄影|摄像|发布者|浏览次数|阅读次数"
          r"|点击数?)\s*[:：]")
# Every alternative opens with a plain character, so that a search skips to where one can start.
_CHROME = r"""(?:【\s*字[体号]|字号\s*[:：]?\s*[大中小]|打印本?[页此]|关闭(?:窗口|本页)|分享到|扫一扫
          |手机(?:打开|浏览|扫码)|版权所有|Copyright|copyright|©|ICP备|ICP证|公网安备|主办单位|承办单位|运行维护单位
          |技术支持[:：]|网站地图|网站首页|回到顶部|返回顶部|上一篇|下一篇|进入移动版|我要评论|分享文章|更多精彩内容
          |当前位置|您的位置|相关(?:新闻|链接|阅读)\s*$
          |下载\S{0,6}(?:客户端|APP)|打开\S{0,6}(?:客户端|APP)|关注\S{0,10}(?:微信|公众号))"""
_BUTTON = r"(?:微信|微博|客户端|头条号|抖音|电子报|官方微信|APP|打印|关闭|收藏|返回|\[?\s*[大中小]\s*\]?)\s*$"
_BOILERPLATE = re.compile(rf"^(?:{_LABEL}|.*{_CHROME}|{_BUTTON})", re.VERBOSE)
# The same test in parts: the chrome is searched for (one scan) rather than tried after every prefix
# by ".*" backtracking; for a line without a line break the answer is the same.
_LABEL_OR_BUTTON = re.compile(rf"{_LABEL}|{_BUTTON}", re.VERBOSE)
_CHROME_ANYWHERE = re.compile(_CHROME, re.VERBOSE)
# "保定新闻>>要闻", "首页 > 新闻中心 > 工作动态": navigation, never content.
_BREADCRUMB = re.compile(r"^\S{1,12}(?:\s*(?:>>|»|>|＞|→)\s*\S{1,12}){1,6}$")
_TRAIL_MARK = re.compile(r"[>»＞→]")  # no trail without one of its separators: a quick scan first
_BULLET = re.compile(r"^[\s•·◦▪]+")
# Control and invisible formatting characters, bidirectional overrides and isolates among them:
# they carry nothing in a Chinese bulletin and could make shown text read differently from stored text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]")
_MIN_REPEAT_CHARS = 8


def clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text.replace("\t", " ").replace("\xa0", " ").replace("\u3000", "  "))
    seen: set[str] = set()
    lines: list[str] = []
    for raw in text.split("\n"):
        stripped = _BULLET.sub("", raw).strip()
        if not stripped:
            if lines and lines[-1]:
                lines.append("")
            continue
        if is_boilerplate(stripped):
            continue
        key = "".join(stripped.split())
        if len(key) >= _MIN_REPEAT_CHARS:
            # A page that prints its article twice (screen and print versions) counts it once.
            if key in seen:
                continue
            seen.add(key)
        lines.append(stripped)
    return "\n".join(lines).strip()


def is_boilerplate(line: str) -> bool:
    if "\n" in line:
        return bool(_BOILERPLATE.match(line) or _BREADCRUMB.match(line))
    return bool(
        _LABEL_OR_BUTTON.match(line)
        or _CHROME_ANYWHERE.search(line)
        or (_TRAIL_MARK.search(line) and _BREADCRUMB.match(line))
    )
