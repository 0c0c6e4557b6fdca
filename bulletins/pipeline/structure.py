"""Structure: the bulletin's own metadata (title, issue label, date, issuer) and its articles and blocks."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .clean import is_boilerplate

_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "一二三四五六七八九十百千零〇两"

ISSUE_LABEL = re.compile(
    rf"(?:(?:19|20)\d{{2}}\s*年\s*)?第\s*[\d{_CN_NUM}]+\s*期(?:\s*[（(]\s*总第\s*[\d{_CN_NUM}]+\s*期\s*[）)])?"
)
_DATES = [
    # 2019年1月15日 / 2019年02月28日
    ("ymd", re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")),
    # 二〇一九年一月十五日
    ("cn", re.compile(
        r"([〇○零O一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
    )),
    # 2018-11-09, 2018/11/09, 2018.11.09 (optionally followed by a time)
    ("ymd", re.compile(r"(?<![\d.])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])")),
    # 17.11.2015 (day first, as in European-style print headers)
    ("dmy", re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])")),
]
_ORG = re.compile(
    r"[\u4e00-\u9fff（）()]{2,40}?(?:领导小组办公室|办公室|领导小组|办公厅|扶贫办|扶贫开发局|乡村振兴局|委员会|政府|"
    r"局|厅|委|处|中心|协会|联合会|报社|日报|晚报|网|电视台|广播电视台|新闻中心|科|室|部|所|院|社)"
)
_SOURCE = re.compile(r"(?:来源|稿源|信息来源|供稿|供稿单位|发布机构|发文机关)\s*[:：]\s*([^\s|/，,]{2,40})")
_TIME = re.compile(r"\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*\d{1,2}\s*秒?)?分?")
_HEADER_LINES = 16


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
    header = raw_lines[:_HEADER_LINES]
    title = _title(cleaned, hints)
    issue = _issue(title, header)
    date, date_line_org = _published_on(header, raw_lines[-6:], title)
    if date is None and hints.get("date"):
        date = _iso_date(hints["date"])
    issuer = date_line_org or _source(header) or _signature(cleaned) or hints.get("sitename")
    return BulletinHeader(title=title, issue=issue, published_on=date, issuer=issuer)


def _title(cleaned: str, hints: dict[str, str]) -> str | None:
    if hints.get("title"):
        return re.split(r"\s+[-_|–—]\s+|_", hints["title"])[0].strip() or None
    for line in cleaned.split("\n")[:_HEADER_LINES]:
        line = line.strip()
        if len(line) < 4 or len(line) > 80 or is_boilerplate(line):
            continue
        if _only_date(line) or re.fullmatch(r"目\s*录", line):
            continue
        return line
    return None


def _only_date(line: str) -> bool:
    rest = line
    for _kind, pattern in _DATES:
        rest = pattern.sub("", rest)
    rest = _TIME.sub("", rest)
    return not re.sub(r"[\s:：,，()（）]", "", rest)


def _issue(title: str | None, header: list[str]) -> str | None:
    for line in [title or "", *header]:
        match = ISSUE_LABEL.search(line)
        if match:
            return re.sub(r"\s+", "", match.group(0))
    return None


def find_dates(line: str) -> list[tuple[int, dt.date]]:
    """Every calendar date written in ``line``, with its position."""
    found = []
    for kind, pattern in _DATES:
        for match in pattern.finditer(line):
            date = _to_date(kind, match.groups())
            if date:
                found.append((match.start(), date))
    return sorted(found)


def _to_date(kind: str, parts: tuple[str, ...]) -> dt.date | None:
    try:
        if kind == "cn":
            year = int("".join(str(_CN_DIGIT[ch]) for ch in parts[0]))
            month, day = _cn_small(parts[1]), _cn_small(parts[2])
        elif kind == "dmy":
            day, month, year = (int(p) for p in parts)
        else:
            year, month, day = (int(p) for p in parts)
        if not 1990 <= year <= 2100:
            return None
        return dt.date(year, month, day)
    except (ValueError, KeyError):
        return None


def _cn_small(text: str) -> int:
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)
    return _CN_DIGIT[text]


def _published_on(header: list[str], tail: list[str], title: str | None) -> tuple[dt.date | None, str | None]:
    """The bulletin's own date: a date beside the issuing body beats a web page's print or crawl date."""
    best: tuple[float, int, dt.date, str | None] | None = None
    seen_title = title is None
    for index, line in enumerate(header + tail):
        if title and title in line:
            seen_title = True
        dates = find_dates(line)
        if not dates:
            continue
        org = _org_beside_date(line)
        if org:
            rank = 3.0
        elif index >= len(header):
            if not _only_date(line):
                continue
            rank = 0.5
        elif _only_date(line) or _SOURCE.search(line) or "时间" in line or "发布" in line:
            rank = 2.0 if seen_title else 1.0
        else:
            continue  # a date inside a sentence is an event, not the bulletin's date
        candidate = (rank, -index, dates[0][1], org)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None:
        return None, None
    return best[2], best[3]


def _org_beside_date(line: str) -> str | None:
    rest = line
    for _kind, pattern in _DATES:
        rest = pattern.sub(" ", rest)
    rest = " ".join(_TIME.sub(" ", rest).split()).strip(" :：,，")
    if rest and _ORG.fullmatch(rest):
        return rest
    return None


def _iso_date(text: str) -> dt.date | None:
    dates = find_dates(text)
    return dates[0][1] if dates else None


def _source(header: list[str]) -> str | None:
    for line in header:
        match = _SOURCE.search(line)
        if match:
            return match.group(1)
    return None


def _signature(cleaned: str) -> str | None:
    lines = [line.strip() for line in cleaned.split("\n") if line.strip()]
    if not lines:
        return None
    last = lines[-1].strip("（）() ")
    if len(last) <= 24 and _ORG.fullmatch(last):
        return last
    return None


# --- Articles and blocks --------------------------------------------------------------------------

_TOC_MARK = re.compile(r"^[▲◆■●★☆◎]\s*")
_COLUMN = re.compile(r"^[【\[［][^】\]］]{1,20}[】\]］]\s*$")
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
        if _only_date(line) or _COLUMN.match(line) or is_boilerplate(line) or ISSUE_LABEL.search(line):
            continue
        if any(pattern.match(line) for _level, pattern in _BLOCK_MARKERS):
            continue
        following = next((rest for _p, rest in lines[index + 1 :] if rest.strip()), "")
        if len(following) >= 40:
            starts.append((pos, line))
    return _spans(text, starts, lines)


def _spans(text: str, starts: list[tuple[int, str]], lines: list[tuple[int, str]]) -> list[Section]:
    columns = [pos for pos, line in lines if _COLUMN.match(line.strip())]
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
    for level, pattern in _BLOCK_MARKERS:
        hits = list(pattern.finditer(body))
        if len(hits) < 2:
            continue
        for index, match in enumerate(hits):
            start = article.start + match.start(1)
            end = article.start + (hits[index + 1].start() if index + 1 < len(hits) else len(body))
            head = text[article.start + match.end() : end]
            title = re.split(r"[。；！？\n：:]", head.strip(), maxsplit=1)[0][:_HEADING_MAX]
            blocks.append(Section(title=title.strip(), start=start, end=end, level=level))
    return blocks
