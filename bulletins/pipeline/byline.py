"""Byline: the date a bulletin or article was published and the body or outlet that issued it.

Only what the document prints counts. Where Chinese bulletins and news pages print it:

- a bulletin's date line beside its issuing office (``某县扶贫开发领导小组办公室编  2019年3月5日``);
- a web page's info line (``发布时间：2019-04-16 10:22  来源：某某日报``), in the text or, for an HTML
  page whose info line trafilatura leaves out of the body, in the ``byline`` hint (``page_hints``);
- a news agency's dateline (``新华社昆明5月6日电``, ``某某报讯``): the agency, and the day with the
  year the page prints elsewhere (a dateline never prints its year);
- a newspaper citation at the foot (``《某某日报》（2019年05月06日 04版）``), a ``转自``/``原载`` note, a
  signature or ``（…供稿）`` line at the end.

The site's "today" line (``2019年5月6日 星期一``) is when the page was viewed, not published, and a
year alone (``2016年以来``) is no date: neither becomes a publication date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
# Full-width digits and date separators (２０１９－０６－０８) to half-width, one character for one, so
# offsets stay valid. (The patterns take full-width colons and brackets as they are.)
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．／－", "0123456789./-")
_FULL_WIDTH = re.compile("[０-９．／－]")

# Every written form of a date, in one pattern so that a line is scanned once.
_DATE = re.compile(
    # 2019年3月5日 / 2019年03月05日
    r"(?P<ymd>(?:19|20)\d{2})\s*年\s*(?P<ymd_m>\d{1,2})\s*月\s*(?P<ymd_d>\d{1,2})\s*[日号]"
    # 二〇一九年三月五日
    r"|(?P<cn>[〇○零O一二三四五六七八九]{4})\s*年\s*(?P<cn_m>[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<cn_d>[一二三四五六七八九十]{1,3})\s*日"
    # 2019-03-05, 2019/03/05, 2019.03.05 (optionally followed by a time)
    r"|(?<![\d.])(?P<iso>(?:19|20)\d{2})[-/.](?P<iso_m>\d{1,2})[-/.](?P<iso_d>\d{1,2})(?![\d.])"
    # 05.03.2019 (day first, as in European-style print headers)
    r"|(?<![\d.])(?P<dmy_d>\d{1,2})\.(?P<dmy_m>\d{1,2})\.(?P<dmy>(?:19|20)\d{2})(?![\d.])"
)
_DATE_CHAR = re.compile(r"[0-9０-９年]")
_TIME = re.compile(r"\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*\d{1,2}\s*秒?)?分?")
_WEEKDAY = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天]")

ORG = re.compile(
    r"[\u4e00-\u9fff（）()]{2,40}?(?:领导小组办公室|办公室|领导小组|办公厅|扶贫办|扶贫开发局|乡村振兴局|委员会|政府|"
    r"局|厅|委|处|中心|协会|联合会|报社|日报|晚报|网|电视台|广播电视台|新闻中心|工作站|工作队|科|股|室|部|所|院|社)"
)
# What an issuing office adds after its name on a bulletin's masthead: 某县扶贫办编, 某局编印.
_COMPILED_BY = re.compile(r"(?:编印|编发|印发|主办|编)$")
# 来源：某某日报 anywhere on an info line (not 资金来源, 收入来源: a sentence's own words).
_SOURCE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:文章来源|新闻来源|信息来源|来源|稿源|供稿单位|供稿|发布机构|发布单位|发文机关)\s*[:：]\s*"
    r"(\S[^|/，,;；]{1,40})"
)
# 转自某某网, 原载《某某》: a reprint note, at the start of a line.
_REPRINT = re.compile(r"^[（(]?\s*(?:本文)?(?:转自|转载自|原载|摘自|选自)\s*[:：]?\s*(\S[^|/，,;；]{1,40})")
# 发布时间：, 日期：, 发布于: a web page's info line.
_INFO_KEY = re.compile(r"(?:(?:发布|发表|更新|上传|录入)?(?:时间|日期)|来源|稿源)\s*[:：]|发布于")
_MASTHEAD_KEY = r"(?:主办单位|主办|编印单位|编印|编发|主编单位)\s*[:：]\s*"
_MASTHEAD = re.compile(_MASTHEAD_KEY + r"(\S[^|/，,;；]{1,40})")
# A value of a 来源 line that names no issuer.
_NO_ISSUER = frozenset({"本站", "本网", "本站原创", "原创", "网络", "互联网", "综合", "网友投稿", "未知", "其他",
                        "其它"})
_SOURCE_END = re.compile(r"\s|(?:作者|编辑|责任编辑|记者|发布时间|时间|日期|浏览|点击|阅读)[:：]?")
# 新华社北京6月8日电, 中新网兰州3月2日电, 某某报讯, 央视网消息: the agency opens the first paragraph.
_DATELINE = re.compile(
    r"^[（(【\[]?\s*据?(?P<org>[\u4e00-\u9fff]{1,10}?(?:通讯社|社|网|报|台|在线|新闻|客户端|中心))"
    r"(?:记者)?\s*(?P<place>(?![社网报台讯电])[\u4e00-\u9fff]{2,10}?)?\s*"
    r"(?:(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日)?\s*(?P<kind>电|讯|消息)"
)
_OWN_OUTLET = frozenset({"本报", "本台", "本网", "本刊", "本站", "本社"})
# 《某某日报》（2019年05月06日 04版）, 原载《某某》2019年第3期: a newspaper's citation at the foot.
_CITATION = re.compile(
    r"^[（(]?\s*(?:原载|来源|转自|摘自|刊于|载于|选自)?\s*[:：]?\s*《\s*(?P<org>[^《》]{2,20}?)\s*》\s*(?P<rest>.{0,30})$"
)
_OUTLET_NAME = re.compile(r"(?:报|刊|杂志|网|在线|电视台|社|新闻|客户端|公众号)$")
_SIGNED = re.compile(r"^[（(]?\s*(?:供稿\s*[:：]\s*)?(?P<org>[^（）()]{2,30}?)\s*(?:供稿|提供|报送)?\s*[）)]?$")
_HEADER_LINES = 16
_TAIL_LINES = 6
_CACHED_LINE = 200
_DATE_LINE_MAX = 100  # longer than any masthead or info line
_ORG_LINE_MAX = 30


@dataclass(frozen=True, slots=True)
class Byline:
    published_on: dt.date | None
    issuer: str | None


def half_width(text: str) -> str:
    return text.translate(_HALF_WIDTH) if _FULL_WIDTH.search(text) else text


def find_dates(line: str) -> list[tuple[int, dt.date]]:
    """Every calendar date written in ``line``, with its position."""
    # Several rules ask about the same header lines: a short line is read once (a long text is not
    # kept in the cache).
    return list(_line_dates(line) if len(line) <= _CACHED_LINE else _dates(line))


@functools.lru_cache(maxsize=256)
def _line_dates(line: str) -> tuple[tuple[int, dt.date], ...]:
    return _dates(line)


def _dates(line: str) -> tuple[tuple[int, dt.date], ...]:
    if not _DATE_CHAR.search(line):
        return ()  # most lines hold no digit and no 年: no date, at the cost of one quick scan
    line = half_width(line)
    found = []
    for match in _DATE.finditer(line):
        date = _to_date(match)
        if date:
            found.append((match.start(), date))
    return tuple(found)


_DATE_LINE_FILLER = re.compile(r"[\s:：,，()（）]")


def only_date(line: str) -> bool:
    """The line holds a date and time and nothing else (punctuation aside)."""
    if len(line) > _DATE_LINE_MAX or not _DATE_CHAR.search(line):
        return False
    rest = _without_dates(half_width(line))
    return not _DATE_LINE_FILLER.sub("", rest)


def today_line(line: str) -> bool:
    """A site's "today" line: a date with its weekday (2019年5月6日 星期一), the day the page was viewed."""
    line = half_width(line)
    if not _WEEKDAY.search(line) or _INFO_KEY.search(line) or not find_dates(line):
        return False
    return len("".join(_without_dates(line).split())) <= 20


def _without_dates(line: str) -> str:
    return _TIME.sub(" ", _DATE.sub(" ", line))


def _to_date(match: re.Match[str]) -> dt.date | None:
    try:
        if match.group("cn"):
            year = int("".join(str(_CN_DIGIT[ch]) for ch in match.group("cn")))
            month, day = _cn_small(match.group("cn_m")), _cn_small(match.group("cn_d"))
        else:
            kind = next(k for k in ("ymd", "iso", "dmy") if match.group(k))
            year, month, day = (int(match.group(f"{kind}{part}")) for part in ("", "_m", "_d"))
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


# --- the byline of one document ------------------------------------------------------------------


def read_byline(lines: list[str], cleaned: str, title: str | None, hints: dict[str, str]) -> Byline:
    """The publication date and issuer of a document, from its decoded lines and its cleaned text."""
    header = [half_width(line) for line in lines[:_HEADER_LINES]]
    tail = [half_width(line) for line in lines[-_TAIL_LINES:]]
    at = _title_index(header, title)
    if hints.get("byline"):  # an HTML page's info line, which sits right under the headline
        header = [*header[: at + 1], half_width(" ".join(hints["byline"].split())), *header[at + 1 :]]
    dateline = _dateline(header)
    citation = _citation(tail)

    dated, date_org = _dated_line(header, tail, at)
    published = dated[1] if dated else None
    if citation and citation[1] and (dated is None or dated[0] < 3):
        published = citation[1]  # a newspaper's own citation beats a page's print or crawl date
    if published is None:
        hinted = _hint_date(hints.get("date"), "\n".join([*lines, hints.get("byline", "")]))
        if dateline and dateline[1]:
            reference = hinted or _reference_date(header)
            published = _with_year(dateline[1], reference) if reference else None
        else:
            published = hinted

    issuer = (
        date_org
        or _first(_source(line) for line in header)
        or _first(_masthead(line) for line in header)
        or (dateline[0] if dateline else None)
        or (citation[0] if citation else None)
        or _first(_source(line) for line in reversed(tail))
        or _signature(cleaned)
        or hints.get("sitename")
    )
    return Byline(published_on=published, issuer=issuer)


def _first(values: Iterable[str | None]) -> str | None:
    return next((value for value in values if value), None)


def _title_index(header: list[str], title: str | None) -> int:
    key = "".join((title or "").split())
    if not key:
        return -1
    for index, line in enumerate(header):
        if key in "".join(line.split()):
            return index
    return -1


def _dated_line(header: list[str], tail: list[str], title_at: int) -> tuple[tuple[float, dt.date] | None, str | None]:
    """The best dated line: one beside the issuing body beats a web page's print or crawl date."""
    best: tuple[float, int, dt.date, str | None] | None = None
    lines = header + tail
    for index, line in enumerate(lines):
        if len(line) > _DATE_LINE_MAX and not _INFO_KEY.search(line):
            continue  # a paragraph: any date in it is an event
        dates = find_dates(line)
        if not dates or today_line(line):
            continue
        org = _org_beside_date(line)
        if not org and index not in (0, len(header)) and only_date(line):
            org = _org_line(lines[index - 1])  # 某县扶贫办 over 2019年3月5日: a signature on two lines
        if org:
            rank = 3.0
        elif index >= len(header):
            if not only_date(line):
                continue
            rank = 0.5  # a date alone at the foot
        elif only_date(line) or _INFO_KEY.search(line):
            rank = 2.0 if index > title_at else 1.0
        else:
            continue  # a date inside a sentence is an event, not the bulletin's date
        candidate = (rank, -index, dates[0][1], org)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None:
        return None, None
    return (best[0], best[2]), best[3]


def _date_spans(line: str) -> list[tuple[int, int]]:
    return [match.span() for match in _DATE.finditer(line) if _to_date(match)]


def _org_beside_date(line: str) -> str | None:
    """The issuing body of a masthead date line: 某局办公室 2019年3月5日, 某办编 05.03.2019."""
    line = half_width(line)
    rest = re.sub("^" + _MASTHEAD_KEY, "", " ".join(_without_dates(line).split()).strip(" :：,，"))
    if rest:
        name = _COMPILED_BY.sub("", rest).strip()
        if ORG.fullmatch(name):
            return name
    # A print layout may run the first heading onto the date line (某办 2019年3月5日【产业扶贫】…):
    # the body opens the line, the date follows it, and a 【column】 mark follows the date.
    spans = _date_spans(line)
    if spans:
        start, end = spans[0]
        after = _TIME.sub("", line[end:], count=1).lstrip()
        name = _COMPILED_BY.sub("", line[:start].strip())
        if after.startswith("【") and ORG.fullmatch(name):
            return name
    return None


def _org_line(line: str) -> str | None:
    name = _COMPILED_BY.sub("", re.sub("^" + _MASTHEAD_KEY, "", line.strip("（）() ")))
    return name if len(name) <= _ORG_LINE_MAX and ORG.fullmatch(name) else None


def _source(line: str) -> str | None:
    line = half_width(line)
    match = _SOURCE.search(line) or _REPRINT.match(line)
    return _outlet(match.group(1)) if match else None


def _masthead(line: str) -> str | None:
    match = _MASTHEAD.search(half_width(line))
    return _outlet(match.group(1)) if match else None


def _outlet(value: str) -> str | None:
    value = value.strip()
    quoted = re.match(r"《\s*([^《》]{2,30}?)\s*》", value)
    if quoted:
        return quoted.group(1)
    value = _SOURCE_END.split(value, maxsplit=1)[0]
    spans = _date_spans(value)
    if spans:
        value = value[: spans[0][0]]
    value = value.strip("“”\"'「」()（）[]【】 :：")
    if len(value) < 2 or value in _NO_ISSUER or value.isdigit():
        return None
    return value


def opens_with_dateline(line: str) -> bool:
    """The line opens a news report with its dateline: 本报讯, 新华社北京6月8日电, 某某网消息."""
    return _dateline([line]) is not None


def _dateline(header: list[str]) -> tuple[str | None, tuple[int, int] | None] | None:
    """(agency, (month, day)) of a dateline opening a paragraph; the agency is None for 本报."""
    for line in header:
        line = half_width(line)
        match = _DATELINE.match(line)
        if not match:
            continue
        org, after = match.group("org"), line[match.end() :]
        fixed = match.group("kind") == "讯" and org.endswith(("报", "社"))  # 某某报讯 needs no separator
        if not (fixed or not after or after[0] in "（(：:，, " or after.startswith("记者")):
            continue
        day = (int(match.group("month")), int(match.group("day"))) if match.group("month") else None
        return (None if org in _OWN_OUTLET else org), day
    return None


def _citation(tail: list[str]) -> tuple[str, dt.date | None] | None:
    """(outlet, date) of a newspaper's citation at the foot: 《某某日报》（2019年05月06日 04版）."""
    for line in reversed(tail):
        match = _CITATION.match(half_width(line))
        if not match:
            continue
        org, rest = match.group("org").strip(), match.group("rest")
        dates = find_dates(rest)
        if dates or "版" in rest or _OUTLET_NAME.search(org):
            return org, (dates[0][1] if dates else None)
    return None


def _signature(cleaned: str) -> str | None:
    """A signature closing the text: 某县扶贫开发办公室, （某局综合处供稿）."""
    last = cleaned.rstrip().rsplit("\n", 1)[-1].strip()
    match = _SIGNED.match(half_width(last))
    if not match:
        return None
    org = match.group("org").strip()
    if len(org) <= 24 and ORG.fullmatch(org):
        return org
    return None


def _hint_date(value: str | None, text: str) -> dt.date | None:
    """htmldate's date for a web page, unless it is a year or month it padded with 1s.

    htmldate reads a year alone (2016年以来) as 1 January and a month alone as its first day: a
    first of the month counts only when the page prints that very day.
    """
    dates = find_dates(value or "")
    if not dates:
        return None
    date = dates[0][1]
    if date.day == 1 and date not in {found for _at, found in find_dates(text)}:
        return None
    return date


def _reference_date(header: list[str]) -> dt.date | None:
    """A date the page prints that is not the article's own (its today line): it gives the year."""
    for line in header:
        if today_line(line):
            return find_dates(line)[0][1]
    return None


def _with_year(month_day: tuple[int, int], reference: dt.date) -> dt.date | None:
    """A dateline's day in the year of the page's date, or the year before when it would fall after it."""
    month, day = month_day
    for year in (reference.year, reference.year - 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date <= reference + dt.timedelta(days=1):
            return date
    return None


# --- HTML pages ------------------------------------------------------------------------------------

_INFO_BLOCKS = frozenset(
    {"div", "p", "td", "li", "dd", "dt", "section", "header", "center", "h2", "h3", "h4", "h5", "h6"}
)
_INFO_MAX_CHARS = 160
_INFO_MAX_BLOCKS = 200


def page_hints(html: str) -> dict[str, str]:
    """``{"byline": …}``: a web page's info line (发布时间、来源) that trafilatura leaves out of the body.

    The first short block of the page, after its headline where it has one, that carries an info
    key; decode passes it on with trafilatura's other metadata.
    """
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return {}
    headline = next(iter(tree.iter("h1")), None)
    after_headline = headline is None
    looked_at = 0
    for element in tree.iter():
        if element is headline:
            after_headline = True
        if not after_headline or not isinstance(element.tag, str) or element.tag not in _INFO_BLOCKS:
            continue
        looked_at += 1
        if looked_at > _INFO_MAX_BLOCKS:
            break  # the info line sits near the top; a huge page is not read to its end
        if not _INFO_KEY.search(half_width(_own_text(element))):
            continue
        line = " ".join(element.text_content().split())
        if len(line) <= _INFO_MAX_CHARS:
            return {"byline": line}
    return {}


def _own_text(element: HtmlElement) -> str:
    """The start of the text of an element and its inline children (span, em, a), not of the blocks
    inside it; an info key sits at the start, and tag soup may wrap a whole page in one span."""
    parts = [element.text or ""]
    size = len(parts[0])
    for child in element:
        if size > _INFO_MAX_CHARS:
            break
        if isinstance(child.tag, str) and child.tag not in _INFO_BLOCKS:
            for piece in child.itertext():
                parts.append(piece)
                size += len(piece)
                if size > _INFO_MAX_CHARS:
                    break
        parts.append(child.tail or "")
        size += len(parts[-1])
    return " ".join(parts)
