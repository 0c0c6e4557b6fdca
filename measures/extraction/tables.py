"""Tables: every figure cell of a table, with its column's indicator and unit and its row's division.

Decoding turns every table row into one line of cells separated by " | " (HTML and DOCX alike;
trafilatura adds border pipes and a "|---|" rule under the first row). A run of such lines is a table.
Its first rows, up to the first row holding a figure, are its header; a row with one filled cell before
them is a caption row (a merged "单位：万元" cell, the table's title).

A column's unit, strongest first:
1. its header cell: 帮扶资金（万元）, 资金(万元), 面积/亩, or a unit row under the header (| | 万元 | 户 |);
2. a count noun ending its header: 户数 → 户, 人数 → 人, 人次, 个数 → 个;
3. the table's caption: "单位：万元" or "（单位：户、人）" in a caption row or in one of the two lines just
   above the table; of several units a column takes the one its header names (贫困户 → 户, 资金 → 万元);
4. a weaker noun ending its header: 贫困户 → 户, 脱贫人口 → 人, 贫困发生率 → %.

A cell that is a bare number takes its column's unit, whose scale scales it (5600 under 万元 is 56,000,000
元; 120万 there is 120万元, not scaled twice); a cell that prints its own measure word (120万元, 30%) keeps
it. The prose pass reads nothing in the cells read here (see TableReading.cells). Columns headed 序号,
年份, 日期, 代码 … hold no metrics. The label column (the first column that is neither such a column nor
one with a unit: 县（区）, 地区, 指标) names what a row is about: the division it names is the region of
every figure in the row (a short form the gazetteer leaves open, 东区 in a table of 攀枝花's counties, is
looked up among the divisions the table is about); a 合计/全市 row, or one naming none, leaves the
figure to the prose attribution. A table turned on its side (| 指标 | 甲县 | 乙县 |, rows 投入资金（万元）)
gives unit and indicator by row and region by column.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from .pairing import MentionLike, encloses
from .quantities import Quantity, parse_quantity
from .regions import COMMON_WORD_FORMS, load_gazetteer

_SEPARATOR = " | "  # how decoding joins cells; a text without it has no table
_RULE = re.compile(r"^\s*\|?[\s|:\-]*-[\s|:\-]*$")
_NUMBER = re.compile(r"[0-9０-９][0-9０-９,，.．]*")
_DIGIT = re.compile(r"[0-9０-９]")
_SCALE_END = re.compile(r"[千万亿][余多]?$")
_BRACKETED = re.compile(r"(?P<name>.*?)[（(](?P<unit>[^（()）]{1,8})[)）]")
_SLASHED = re.compile(r"(?P<name>[^/／]+?)[/／](?P<unit>[^/／]{1,3})")
_CAPTION = re.compile(r"(?:计量)?单位[:：](?P<units>[^（()）:：]{1,20}?)[)）]?$")
_UNIT_LIST = re.compile(r"[、,，/和及]")
# A cell ending like this is a number still waiting for its measure word (5600, 1.2万, 约300).
_OPEN_END = re.compile(r"(?:[0-9０-９]|[万亿千余多])$")
# Columns of ordinals, years, dates and codes: their numbers count nothing.
_NOT_A_MEASURE = re.compile(
    r"序号|编号|序|No\.?|年份|年度|年|时间|日期|排名|名次|排序|批次|.{0,8}(?:代码|编码|邮编|电话|号码|日期|时间)"
)
# Rows that sum up the table: their figures are the scope's, which the prose attribution finds.
_TOTAL = re.compile(r"^(?:合计|总计|小计|共计|累计|汇总|总体|全[省市州县区盟旗])")
_LABEL_NOISE = re.compile(
    r"^(?:其中[:：]?|[#*※]|[0-9０-９]{1,2}[.．、]|[（(][0-9０-９一二三四五六七八九十]{1,2}[)）])+"
)
_NOTE = re.compile(r"[（(][^（()）]*[)）]$")
# Sub-headers that say how, not what: the header above them names the column (投入资金 / 合计).
_GENERIC_NAMES = frozenset("合计 小计 总计 计 数量 数 总数 金额 规模 户数 人数 人次 个数".split())
# Count nouns ending a header: strong ones name the unit outright, weak ones only when nothing else does.
_STRONG_NOUNS = (("户数", "户"), ("人数", "人"), ("人次", "人次"), ("个数", "个"))
_WEAK_NOUNS = (("户", "户"), ("人口", "人"), ("率", "%"), ("占比", "%"), ("比例", "%"), ("比重", "%"))
_MONEY_WORDS = re.compile(r"资金|金额|收入|产值|投入|投资|补助|补贴|贷款|资产|收益|分红|费|款|额|元|钱")


@dataclass(frozen=True, slots=True)
class TableFigure:
    quantity: Quantity
    indicator: str | None  # the column's (or, on its side, the row's) name; None when the header has none
    region: str | None  # the division the row (or column) names; None leaves it to the prose attribution


@dataclass(frozen=True, slots=True)
class TableReading:
    figures: tuple[TableFigure, ...]
    cells: tuple[tuple[int, int], ...]  # spans of the cells read here: the prose pass counts nothing in them


@dataclass(frozen=True, slots=True)
class _Column:
    name: str
    unit: str | None
    skip: bool  # ordinals, years, codes
    region: str | None  # a division its header names (a table on its side)


_Cell = tuple[str, int]  # stripped text, offset of that text


def table_figures(text: str) -> list[tuple[Quantity, str]]:
    """(quantity, indicator) of every table cell that is a figure (no regions: see read_tables)."""
    return [(f.quantity, f.indicator or "") for f in read_tables(text).figures]


def read_tables(
    text: str, mentions: Sequence[MentionLike] = (), scope: Callable[[int], str | None] | None = None
) -> TableReading:
    """Figures of every table in the text; ``scope(position)`` is the division the prose there is about."""
    if _SEPARATOR not in text:
        return TableReading((), ())  # no table: the pass costs one substring search
    reader = _Reader(sorted(mentions, key=lambda m: m.start), scope)
    lines: list[tuple[str, int]] = []
    position = 0
    for line in text.split("\n"):
        lines.append((line, position))
        position += len(line) + 1
    index = 0
    while index < len(lines):
        if not _is_row(lines[index][0]):
            index += 1
            continue
        end = index
        while end < len(lines) and (_is_row(lines[end][0]) or _RULE.match(lines[end][0])):
            end += 1
        rows = [line for line in lines[index:end] if not _RULE.match(line[0])]
        # A caption stands in one of the two lines just above (blank lines aside): 表1 …（单位：万元）, 单位：户.
        above = [line for line, _start in lines[max(0, index - 4) : index] if line.strip()][-2:]
        reader.read(rows, above)
        index = end
    return TableReading(tuple(reader.figures), tuple(reader.cells))


def _is_row(line: str) -> bool:
    stripped = line.strip()
    return _SEPARATOR in line or (len(stripped) > 2 and stripped[0] == "|" and stripped[-1] == "|")


class _Reader:
    def __init__(self, mentions: list[MentionLike], scope: Callable[[int], str | None] | None) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.scope = scope
        self.figures: list[TableFigure] = []
        self.cells: list[tuple[int, int]] = []

    def read(self, lines: list[tuple[str, int]], above: list[str]) -> None:
        first = lines[0][0].strip()
        rows = [_cells(line, start, first.startswith("|") and first.endswith("|")) for line, start in lines]
        caption: list[str] = []
        for line in reversed(above):  # the nearer line first: 单位：万元 under the table's title
            caption = caption or _caption_units(line.strip())
        while len(rows) > 1 and sum(1 for text, _ in rows[0] if text) <= 1:
            # A merged cell across the table: its title, or its unit.
            caption = caption or _caption_units("".join(text for text, _ in rows[0]))
            rows = rows[1:]
        if len(rows) < 2:
            return
        header_end = 1
        while header_end < min(len(rows), 4) and not any(_is_figure(t) for t, _ in rows[header_end][1:]):
            header_end += 1
        columns, label = self._columns(rows[:header_end], caption)
        body = rows[header_end:]
        codes = [self._row_region(row, label) for row in body]
        if label is not None and None in codes:
            context = self._context(codes, lines[0][1])
            codes = [code or self._short_form(row, label, context) for row, code in zip(body, codes, strict=True)]
        for row, code in zip(body, codes, strict=True):
            self._read_row(row, columns, label, code)

    def _read_row(self, row: list[_Cell], columns: list[_Column], label: int | None, region: str | None) -> None:
        row_name, row_unit = _header_cell(row[label][0]) if label is not None and label < len(row) else ("", None)
        for index, (cell, start) in enumerate(row):
            if index == label or not _DIGIT.search(cell):
                continue
            column = columns[index] if index < len(columns) else _Column("", None, False, None)
            if column.skip:
                self.cells.append((start, start + len(cell)))
                continue
            name, unit = column.name, column.unit
            if (unit is None and row_unit is not None) or (column.region and row_name):
                name, unit = row_name, unit or row_unit  # a table on its side: the row label says what is counted
            quantity = _cell_quantity(cell, unit)
            if quantity is None:
                if _NUMBER.fullmatch(cell):
                    self.cells.append((start, start + len(cell)))  # a number without a unit counts nothing
                continue
            self.cells.append((start, start + len(cell)))
            quantity = replace(quantity, text=cell, start=start, end=start + len(cell))
            self.figures.append(TableFigure(quantity, name or row_name or None, region or column.region))

    def _columns(self, header: list[list[_Cell]], caption: list[str]) -> tuple[list[_Column], int | None]:
        """The columns under a header of one or more rows, and the index of the label column."""
        width = max(len(row) for row in header)
        parsed: list[list[tuple[str, str | None]]] = []
        for number, row in enumerate(header):
            texts = [row[i][0] if i < len(row) else "" for i in range(width)]
            if number < len(header) - 1:  # a merged cell over several columns: the padding takes its text
                for i in range(1, width):
                    texts[i] = texts[i] or texts[i - 1]
            units = [_caption_units(t) for t in texts]
            caption = caption or next((u for u in units if u), [])
            parsed.append([("", None) if u else _header_cell(t) for t, u in zip(texts, units, strict=True)])
        columns: list[_Column] = []
        label = None
        for i in range(width):
            names = [n for n in (_clean_name(row[i][0]) for row in parsed) if n]
            units = [unit for _name, unit in (row[i] for row in parsed) if unit]
            specific = [n for n in names if n not in _GENERIC_NAMES]
            name = specific[-1] if specific else (names[-1] if names else "")
            skip = any(_NOT_A_MEASURE.fullmatch(n) for n in names)
            unit = units[-1] if units else _noun_unit(names, [], strong=True)
            if label is None and not skip and unit is None:
                label = i  # 县（区）, 地区, 指标: what each row is about
            elif not skip:
                unit = _scaled(unit, name) if unit else _noun_unit(names, caption)
            spans = [row[i] for row in header if i < len(row) and row[i][0]]
            region = self._named(spans[-1][1], spans[-1][1] + len(spans[-1][0])) if spans else None
            columns.append(_Column(name, None if skip else unit, skip, region))
        if sum(1 for column in columns if column.region) < 2:  # one division in a header is no side table
            columns = [replace(column, region=None) for column in columns]
        return columns, label

    # -- regions ----------------------------------------------------------------------------------

    def _row_region(self, row: list[_Cell], label: int | None) -> str | None:
        if label is None or label >= len(row) or _TOTAL.match(row[label][0]):
            return None  # a 合计/全市 row is the scope's: the prose attribution finds it
        text, start = row[label]
        return self._named(start, start + len(text))

    def _named(self, start: int, end: int) -> str | None:
        """The division a cell names: the one mention in it, or the last link of a chain (定西市安定区)."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        codes = list(dict.fromkeys(m.code for m in self.mentions[first:last] if m.end <= end))
        if not codes or any(not encloses(a, b) for a, b in pairwise(codes)):
            return None
        return codes[-1]

    def _context(self, codes: list[str | None], start: int) -> set[str]:
        """The divisions a table is about: the prose scope where it stands, and the parents of its rows."""
        context = {parent for code in codes if code and (parent := _parent(code))}
        scope = self.scope(start) if self.scope else None
        return context | {scope} if scope else context

    def _short_form(self, row: list[_Cell], label: int, context: set[str]) -> str | None:
        """东区 in a table of 攀枝花's counties: a form the gazetteer cannot settle alone, settled by the table."""
        if label >= len(row) or _TOTAL.match(row[label][0]):
            return None
        name = _NOTE.sub("", _LABEL_NOISE.sub("", row[label][0].replace(" ", "")))
        candidates = _forms().get(name, ())
        if len(candidates) > 1 or context or name in COMMON_WORD_FORMS:
            gazetteer = load_gazetteer()
            candidates = tuple(c for c in candidates if context & {c, *gazetteer.ancestors(c)})
        return candidates[0] if len(candidates) == 1 else None


@functools.cache
def _forms() -> dict[str, tuple[str, ...]]:
    """Every official name and short form of the gazetteer, with the divisions it can name."""
    index: dict[str, list[str]] = {}
    for division in load_gazetteer().divisions.values():
        for form in dict.fromkeys((division.name, *division.aliases)):
            index.setdefault(form, []).append(division.code)
    return {form: tuple(codes) for form, codes in index.items()}


def _parent(code: str) -> str | None:
    division = load_gazetteer().get(code)
    return division.parent if division else None


# -- cells ----------------------------------------------------------------------------------------


def _cells(line: str, line_start: int, bordered: bool) -> list[_Cell]:
    # "| a | b |" (trafilatura, with borders) and "a | b" (DOCX) are the same row.
    pieces: list[_Cell] = []
    offset = line_start
    for piece in line.split("|"):
        stripped = piece.strip()
        pieces.append((stripped, offset + (piece.index(stripped) if stripped else 0)))
        offset += len(piece) + 1
    if bordered and line.lstrip().startswith("|"):
        pieces = pieces[1:]
    if bordered and line.rstrip().endswith("|"):
        pieces = pieces[:-1]
    return pieces


def _is_figure(cell: str) -> bool:
    return bool(_NUMBER.fullmatch(cell)) or (bool(_DIGIT.search(cell)) and parse_quantity(cell) is not None)


def _cell_quantity(cell: str, unit: str | None) -> Quantity | None:
    """A bare number takes the column's unit (and its scale); a cell with a measure word keeps its own."""
    if unit and _OPEN_END.search(cell):
        if _SCALE_END.search(cell):
            unit = unit[1:] if unit[0] in "万亿" and len(unit) > 1 else unit  # 120万 under 资金（万元）: 120万元
        quantity = parse_quantity(cell + unit)
        if quantity is not None:
            return quantity
    if _NUMBER.fullmatch(cell):
        return None
    return parse_quantity(cell)


@functools.lru_cache(maxsize=512)
def _unit(text: str) -> str | None:
    """The text when it is a measure word a figure can take (万元, 户, 元/人, %), else None."""
    text = text.strip()
    if not text or _DIGIT.search(text):
        return None
    quantity = parse_quantity("1" + text)
    return text if quantity is not None and quantity.text == "1" + text else None


def _header_cell(cell: str) -> tuple[str, str | None]:
    """(name, unit) of a header cell: 帮扶资金（万元）, 资金(万元), 面积/亩, （万元）, 万元, or a name alone."""
    text = re.sub(r"\s+", "", cell)
    for pattern in (_BRACKETED, _SLASHED):
        match = pattern.fullmatch(text)
        # 户/人 is two measures, not a name and its unit.
        if match and (unit := _unit(match.group("unit"))) and not _unit(match.group("name")):
            return match.group("name"), unit
    return ("", text) if _unit(text) else (text, None)


def _caption_units(line: str) -> list[str]:
    """The units of a caption: 单位：万元 → [万元]; （单位：户、人） → [户, 人]."""
    if "单位" not in line:
        return []
    match = _CAPTION.search(re.sub(r"\s+", "", line).rstrip("|"))
    if not match:
        return []
    units = [_unit(part) for part in _UNIT_LIST.split(match.group("units"))]
    return [u for u in units if u] if all(units) else []


def _clean_name(name: str) -> str:
    return re.sub(r"^其中[:：]?|[:：]$", "", name).strip()


def _noun_unit(names: list[str], caption: list[str], *, strong: bool = False) -> str | None:
    """The unit a header without one gets from its count noun or from the table's caption."""
    last = names[-1] if names else ""
    for noun, unit in _STRONG_NOUNS:
        if last.endswith(noun):
            return unit
    if strong:
        return None
    if len(caption) == 1:
        return caption[0]
    if caption:
        named = "".join(names)
        matching = [u for u in caption if (_MONEY_WORDS.search(named) if "元" in u else _counts(last, u))]
        if len(matching) == 1:
            return matching[0]
        if matching:
            return None  # several fit: the caption does not say which
    for noun, unit in _WEAK_NOUNS:
        if last.endswith(noun):
            return unit
    return None


def _counts(name: str, unit: str) -> bool:
    """贫困户 counts 户, 脱贫人口 and 务工人员 count 人."""
    return name.endswith((unit, unit + "数")) or (unit == "人" and name.endswith(("人口", "人员")))


def _scaled(unit: str, name: str) -> str:
    """人口（万）: a bare scale takes the measure word the header's noun implies (万人); money keeps 万 → 元."""
    if unit not in ("万", "亿", "千") or _MONEY_WORDS.search(name):
        return unit
    noun = _noun_unit([name], [])
    return unit + noun if noun and noun != "%" else unit
