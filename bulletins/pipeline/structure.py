"""Structure: the bulletin's own metadata (title, issue label, date, issuer) and its articles and blocks.

The date and issuer are read by byline.py; this module finds the headline and the issue label, then
splits the text into articles and their numbered measure blocks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .byline import find_dates, half_width, only_date, opens_with_dateline, read_byline, today_line
from .clean import is_boilerplate

__all__ = ["ISSUE_LABEL", "BulletinHeader", "Section", "extract_header", "find_dates", "split_sections"]

_CN_NUM = "一二三四五六七八九十百千零〇两"

ISSUE_LABEL = re.compile(
    rf"(?:(?:19|20)\d{{2}}\s*年\s*)?第\s*[\d{_CN_NUM}]+\s*期(?:\s*[（(]\s*总第\s*[\d{_CN_NUM}]+\s*期\s*[）)])?"
)
_HEADER_LINES = 16
_HEADLINE_MAX = 80
# Page chrome that is never a headline: 您当前的位置：首页 > 新闻 > 正文, a menu of short words,
# the site's own name (某某日报, 某县人民政府网, 某某在线).
_LOCATION = re.compile(r"^(?:您?(?:当前|现在)?的?(?:所在)?位置|当前页面|所在栏目)\s*[:：]|(?:>>|»|>|＞|→)\s*正文\s*$")
_SITE_NAME = re.compile(
    r"^[\u4e00-\u9fff]{2,14}(?:新闻网|政府网|门户网站?|信息网|网站|在线|日报|晚报|早报|商报|时报|都市报|电视台|"
    r"广播电视台|融媒体中心|人民政府|客户端)$"
)
# A site's name closing a page title after a dash or bar, spaces or not.
_SITE_SUFFIX = re.compile(r"\s*[-|–—｜]+\s*([^-|–—｜]{2,20})$")
_SHORT_SITE = re.compile(r"[\u4e00-\u9fff]{1,3}网")  # 人民网, 华龙网: a site's brand (织密保障网 is a phrase)
_HANDLING = re.compile(r"内部资料|内部刊物|内部参阅|注意保存|妥善保[存管]|仅供参考|秘密|机密|绝密|密级|[★☆:：、，\s]")
_MENU_WORD = re.compile(r"[\u4e00-\u9fff]{1,6}")
# A subtitle under the headline (——记某村第一书记) or the author's line.
_SUBTITLE = re.compile(r"^(?:——|—|－－|--)|^(?:本报|本台|本网)?(?:记者|通讯员|作者)")
# Patterns of the headline rules, compiled once: a page title's separators, a contents heading (目录),
# an issue label's total number (总第120期) and what may stand around an issue label, a menu's bars.
_TITLE_SEPARATOR = re.compile(r"\s+[-_|–—]\s+|_")
_CONTENTS = re.compile(r"目\s*录")
_TOTAL_ISSUE = re.compile(rf"总第\s*[\d{_CN_NUM}]+\s*期")
_ISSUE_FILLER = re.compile(r"[\s（）()【】\[\]、，,]")
_MENU_BAR = re.compile(r"\s*[|｜]\s*")
# An info line under a web headline: the headline is the last candidate line above it.
_INFO_LINE = re.compile(r"(?:来源|稿源|发布时间|发布日期|作者|编辑)\s*[:：]")


@dataclass(frozen=True, slots=True)
class BulletinHeader:
    title: str | None
    issue: str | None
    published_on: dt.date | None
    issuer: str | None


@dataclass(frozen=True, slots=True)
class Section:
    """An article (level 1) or a numbered measure block inside one (level 2, 3): a span of the cleaned text."""

    title: str
    start: int
    end: int
    level: int


def extract_header(decoded: str, cleaned: str, hints: dict[str, str] | None = None) -> BulletinHeader:
    hints = hints or {}
    # Web pages pad with no-break and ideographic spaces; collapse every run to one plain space.
    raw_lines = [" ".join(line.split()).strip("•· ") for line in decoded.replace("\r", "\n").split("\n")]
    raw_lines = [line for line in raw_lines if line]
    title = _title(raw_lines[:_HEADER_LINES], hints)
    issue = _issue(title, raw_lines[:_HEADER_LINES])
    byline = read_byline(raw_lines, cleaned, title, hints)
    return BulletinHeader(title=title, issue=issue, published_on=byline.published_on, issuer=byline.issuer)


def _title(header: list[str], hints: dict[str, str]) -> str | None:
    hinted = _TITLE_SEPARATOR.split(hints.get("title", ""))[0].strip()
    suffix = _SITE_SUFFIX.search(hinted)
    site = suffix.group(1) if suffix else ""
    if site and (_SITE_NAME.match(site) or _SHORT_SITE.fullmatch(site) or site == hints.get("sitename")):
        hinted = hinted[: suffix.start()]  # 某县召开扶贫工作会-某县人民政府: the page title's site name
    if hinted and not _chrome(hinted, hints):
        return hinted
    candidates: list[str] = []
    for line in header:
        if _INFO_LINE.search(half_width(line)) and candidates:
            return candidates[-1]  # the headline sits right above a web page's info line
        if _headline_like(line, hints):
            candidates.append(line)
        elif len(line) > _HEADLINE_MAX or line.endswith(("。", "；")):
            break  # the body has begun: a later info line belongs to an article inside it
    return candidates[0] if candidates else None


def _headline_like(line: str, hints: dict[str, str]) -> bool:
    if len(line) < 4 or len(line) > _HEADLINE_MAX or is_boilerplate(line) or _chrome(line, hints):
        return False
    if only_date(line) or _only_issue(line) or _CONTENTS.fullmatch(line) or _SUBTITLE.match(line):
        return False
    # A paragraph (it ends a sentence, or opens with 本报讯, 新华社…电) is no headline.
    return not (line.endswith(("。", "；")) or opens_with_dateline(line))


def _only_issue(line: str) -> bool:
    """（第5期）, 2019年第3期 总第120期: an issue label with nothing else, the masthead's, not a headline."""
    rest = ISSUE_LABEL.sub("", _TOTAL_ISSUE.sub("", line))
    return not _ISSUE_FILLER.sub("", rest)


def _chrome(line: str, hints: dict[str, str]) -> bool:
    """Page furniture that is never a headline: a location trail, a menu, the site's name or today line,
    or a bulletin's handling mark (内部资料 注意保存)."""
    if _LOCATION.search(line) or today_line(line) or _SITE_NAME.match(line) or not _HANDLING.sub("", line):
        return True
    if hints.get("sitename") and "".join(line.split()) == "".join(hints["sitename"].split()):
        return True
    # A menu: items between bars, or five or more short words between spaces (a headline may set two
    # or three parallel phrases apart with spaces: 抓产业 促就业 强保障).
    items = _MENU_BAR.split(line)
    if len(items) >= 3 and all(_MENU_WORD.fullmatch(item) for item in items):
        return True
    words = line.split()
    return len(words) >= 5 and all(_MENU_WORD.fullmatch(word) and len(word) <= 4 for word in words)


def _issue(title: str | None, header: list[str]) -> str | None:
    for line in [title or "", *header]:
        match = ISSUE_LABEL.search(line)
        if match:
            return re.sub(r"\s+", "", match.group(0))
    return None


# --- Articles and blocks --------------------------------------------------------------------------

_TOC_MARK = re.compile(r"^[▲◆■●★☆◎]\s*")
_COLUMN = re.compile(r"^[【\[［][^】\]］]{1,20}[】\]］]\s*$")
_COLUMN_OPENERS = re.compile(r"[【\[［]")  # a line without one is no column label
_BLOCK_MARKERS = [
    # (level, pattern at a line start or after sentence end)
    (2, re.compile(r"(?:^|(?<=[。；！？\n]))\s*([一二三四五六七八九十]{1,3})、")),
    (2, re.compile(r"(?:^|(?<=[。；！？\n]))\s*[（(]([一二三四五六七八九十]{1,3})[）)]")),
    # 一是…二是…, also right after a heading separated by two spaces
    (3, re.compile(
        r"(?:^|(?<=[。；！？\n])|(?<=\s\s))\s*([一二三四五六七八九十]{1,3})(?:是|要|抓|在)(?=\s*[\u4e00-\u9fff“])"
    )),
]
_BLOCK_MARKERS.append(
    # 在产业扶贫方面，…: a topic block of a news report
    (3, re.compile(r"(?:^|(?<=[。；！？\n]))\s*(在)(?=[^，。,；\n]{2,16}方面)"))
)
# Where each marker can begin (besides the text's start): right after a sentence end, or two spaces,
# ahead of what the marker opens with. A marker pattern starts with lookbehinds, which the regex
# engine tries at every character; these cues begin with a character class it skips to quickly.
_NUMERAL = "[一二三四五六七八九十]"
_BLOCK_CUES = [
    re.compile(rf"[。；！？\n](?=\s*{_NUMERAL})"),
    re.compile(rf"[。；！？\n](?=\s*[（(]{_NUMERAL})"),
    # [。；！？\n](?=\s*N)|\s\s(?=\s*N), led by one character class (which a search skips to) and the same
    # alternatives after it: the first when that character ends a sentence, else a second white space.
    re.compile(rf"[。；！？\n\s](?:(?<=[。；！？\n])(?=\s*{_NUMERAL})|(?<=\s)\s(?=\s*{_NUMERAL}))"),
    re.compile(r"[。；！？\n](?=\s*在)"),
]
_HEADING_MAX = 42


def split_sections(text: str) -> list[Section]:
    """Articles from a table of contents or heading lines, then numbered measure blocks inside each."""
    lines = _lines_with_offsets(text)
    articles = _toc_articles(text, lines) or _heading_articles(text, lines)
    if not articles:
        articles = [Section(title=_first_line(text), start=0, end=len(text), level=1)]
    sections = list(articles)
    for article in articles:
        sections.extend(_blocks(text, article))
    return sorted(sections, key=lambda s: (s.start, s.level))


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0][:_HEADING_MAX] if text.strip() else ""


def _toc_articles(text: str, lines: list[tuple[int, str]]) -> list[Section]:
    toc = [(pos, _TOC_MARK.sub("", line).strip()) for pos, line in lines if _TOC_MARK.match(line)]
    if len(toc) < 2:
        return []
    body_from = toc[-1][0] + 1
    starts: list[tuple[int, str]] = []
    for _pos, title in toc:
        hit = _find_heading(lines, title, body_from)
        if hit is not None:
            starts.append((hit, title))
    return _spans(text, sorted(set(starts)), lines)


def _find_heading(lines: list[tuple[int, str]], title: str, body_from: int) -> int | None:
    need = max(6, min(len(title) - 2, 12))
    for pos, line in lines:
        if pos < body_from:
            continue
        line = line.strip()
        common = 0
        for a, b in zip(line, title, strict=False):
            if a != b:
                break
            common += 1
        if common >= need:
            return pos
    return None


def _heading_articles(text: str, lines: list[tuple[int, str]]) -> list[Section]:
    starts: list[tuple[int, str]] = []
    first_line = next((pos for pos, line in lines if line.strip()), 0)
    for index, (pos, line) in enumerate(lines):
        line = line.strip()
        if pos == first_line:
            continue  # the bulletin's own title, not an article's
        if not (6 <= len(line) <= _HEADING_MAX) or line.endswith(("。", "；", "，", "：", ":", ",")):
            continue
        after = index + 1  # the next line with text (walked to, not sliced: a long text has many lines)
        while after < len(lines) and not lines[after][1].strip():
            after += 1
        following = lines[after][1] if after < len(lines) else ""
        if len(following) < 40:
            continue  # the cheapest test, and the one most lines fail: tried before the patterns
        if only_date(line) or _COLUMN.match(line) or is_boilerplate(line):
            continue
        if "期" in line and ISSUE_LABEL.search(line):  # no issue label without its 期
            continue
        if any(pattern.match(line) for _level, pattern in _BLOCK_MARKERS):
            continue
        starts.append((pos, line))
    return _spans(text, starts, lines)


def _spans(text: str, starts: list[tuple[int, str]], lines: list[tuple[int, str]]) -> list[Section]:
    columns = [pos for pos, line in lines if _COLUMN_OPENERS.search(line) and _COLUMN.match(line.strip())]
    sections = []
    for index, (start, title) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        # A 【column】 header between two articles belongs to neither.
        end = min([end, *[c for c in columns if start < c < end]])
        sections.append(Section(title=title, start=start, end=max(start, end - 1), level=1))
    return sections


def _blocks(text: str, article: Section) -> list[Section]:
    body = text[article.start : article.end]
    blocks: list[Section] = []
    for (level, pattern), cue in zip(_BLOCK_MARKERS, _BLOCK_CUES, strict=True):
        hits = _marker_matches(pattern, cue, body)
        if len(hits) < 2:
            continue
        for index, match in enumerate(hits):
            start = article.start + match.start(1)
            end = article.start + (hits[index + 1].start() if index + 1 < len(hits) else len(body))
            head = text[article.start + match.end() : end]
            title = re.split(r"[。；！？\n：:]", head.strip(), maxsplit=1)[0][:_HEADING_MAX]
            blocks.append(Section(title=title.strip(), start=start, end=end, level=level))
    return blocks


def _marker_matches(pattern: re.Pattern[str], cue: re.Pattern[str], body: str) -> list[re.Match[str]]:
    """What ``pattern.finditer(body)`` finds, trying the pattern only where its cue says it may begin."""
    found: list[re.Match[str]] = []
    end = 0
    for pos in sorted({0, *(match.end() for match in cue.finditer(body))}):
        if pos < end:
            continue  # inside the previous marker, as finditer would skip it
        match = pattern.match(body, pos)
        if match:
            found.append(match)
            end = match.end()
    return found
