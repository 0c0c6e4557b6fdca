#!/usr/bin/env python
"""Check the hand-made gold records in tests/documents/gold against their sources and SCHEMA.md.

For every document it checks that:
- the record has exactly the SCHEMA.md shape (bulletin, regions, programs, metrics and their keys);
- every region code is a current division in measures/data/divisions.json, with its official name,
  and its `mention` is printed in the source; regions are listed once each;
- programme categories are SCHEMA.md codes and programme/metric regions are among the document's regions;
- the `text` of every metric is printed in the source at least as often as gold lists it;
- value, value_max, unit and qualifier agree with an independent reading of `text`
  (Arabic and Chinese numerals, 万/亿 scales, ranges, qualifiers, rates); a bare number
  (a table cell) must carry its unit and scale from the column header instead, so it is only
  checked against the header of its column in the source table.
- the built upload file exists.

Run: .venv/bin/python tests/documents/check_gold.py   (exits 1 and lists the problems, if any)
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CATEGORIES = {
    "industry",
    "employment",
    "relocation",
    "education",
    "health",
    "social_security",
    "infrastructure",
    "finance",
    "ecology",
    "paired_assistance",
    "social",
    "governance",
    "motivation",
}
QUALIFIERS = {"exact", "approx", "over", "at_least", "at_most", "range"}
METRIC_KEYS = ["text", "value", "value_max", "unit", "qualifier", "indicator", "region"]

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
PREFIX_QUALIFIERS = [
    ("不低于", "at_least"),
    ("不少于", "at_least"),
    ("不超过", "at_most"),
    ("不足", "at_most"),
    ("不到", "at_most"),
    ("至少", "at_least"),
    ("超过", "over"),
    ("近", "approx"),
    ("约", "approx"),
]
SUFFIX_QUALIFIERS = [
    ("及以上", "at_least"),
    ("以上", "at_least"),
    ("以下", "at_most"),
    ("以内", "at_most"),
    ("左右", "approx"),
]
UNIT_CANON = {
    "名": "人",
    "位": "人",
    "块": "元",
    "块钱": "元",
    "千米": "公里",
    "大": "个",
}  # 三大(措施) counts 个, as in eval gold


def chinese_number(text: str) -> Decimal:
    """一千二百 → 1200, 二十 → 20, 十五 → 15, 九十点五 → 90.5, 两 → 2."""
    whole, _, frac = text.partition("点")
    total, current = 0, 0
    for ch in whole:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (current or 1) * SMALL_UNITS[ch]
            current = 0
        else:
            raise ValueError(text)
    value = Decimal(total + current)
    if frac:
        value += Decimal("0." + "".join(str(DIGITS[c]) for c in frac))
    return value


NUM = r"(?:\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百千点]+)"
SCALE = r"[万亿]?"


def to_number(text: str) -> Decimal:
    return Decimal(text) if re.fullmatch(r"\d+(?:\.\d+)?", text) else chinese_number(text)


def read(text: str):
    """Independent reading of a printed figure: (value, value_max, unit, qualifier) or None for a bare number."""
    rest, qualifier = text, "exact"
    if rest.startswith("百分之"):
        return chinese_number(rest[3:]), None, "%", "exact"
    for word, q in PREFIX_QUALIFIERS:
        if rest.startswith(word):
            rest, qualifier = rest[len(word) :], q
            break
    for word, q in SUFFIX_QUALIFIERS:
        if rest.endswith(word):
            rest, qualifier = rest[: -len(word)], ("approx" if qualifier == "approx" else q)
            break
    if re.fullmatch(r"\d+(?:\.\d+)?", rest):
        return None
    # 两三千块: two adjacent Chinese digits before a small unit make a range
    m = re.fullmatch(r"([一二两三四五六七八九])([一二三四五六七八九])([十百千])(.*)", rest)
    if m:
        low = DIGITS[m.group(1)] * SMALL_UNITS[m.group(3)]
        high = DIGITS[m.group(2)] * SMALL_UNITS[m.group(3)]
        return Decimal(low), Decimal(high), canon(m.group(4)), "range"
    m = re.fullmatch(rf"({NUM})({SCALE})([^\d至\-—～~]*?)(至|-|—|～|~)({NUM})({SCALE})(.*)", rest)
    if m:
        lo_num, lo_scale, lo_unit, _, hi_num, hi_scale, unit = m.groups()
        lo_scale = lo_scale or hi_scale
        unit_text = unit or lo_unit
        return (
            scale(to_number(lo_num), lo_scale, unit_text),
            scale(to_number(hi_num), hi_scale, unit_text),
            canon(unit_text),
            "range",
        )
    m = re.fullmatch(rf"({NUM})(余|多)?({SCALE})(余|多)?(.*)", rest)
    if not m:
        raise ValueError(f"cannot read {text!r}")
    number, over1, scl, over2, unit = m.groups()
    if over1 or over2:
        qualifier = "approx" if qualifier == "approx" else "over"
    if unit == "成":  # 九成 = 90 %
        return to_number(number) * 10, None, "%", qualifier
    return scale(to_number(number), scl, unit), None, canon(unit), qualifier


def scale(value: Decimal, scl: str, unit: str) -> Decimal:
    factor = {"万": 10_000, "亿": 100_000_000}.get(scl or "", 1)
    if unit.startswith("万") and not scl:
        factor = 10_000
    if unit.startswith("亿") and not scl:
        factor = 100_000_000
    return value * factor


def canon(unit: str) -> str:
    unit = unit.lstrip("万亿")
    if "/" in unit:
        left, right = unit.split("/", 1)
        return f"{canon(left)}/{canon(right)}"
    if unit in ("", "元钱"):
        return unit
    return UNIT_CANON.get(unit, unit)


def table_headers(source: str) -> dict[str, list[str]]:
    """Map every numeric cell text of a pipe table in the source to the headers of the columns it appears in."""
    cells: dict[str, list[str]] = {}
    header: list[str] | None = None
    for line in source.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        row = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = row
            continue
        for title, cell in zip(header, row, strict=False):
            cells.setdefault(cell, []).append(title)
    return cells


def header_scale_unit(title: str) -> tuple[int, str]:
    m = re.search(r"[（(]([^）)]+)[）)]", title)
    if not m:
        raise ValueError(f"no unit in column header {title!r}")
    unit = m.group(1)
    factor = 1
    if unit.startswith("万"):
        factor, unit = 10_000, unit[1:]
    elif unit.startswith("亿"):
        factor, unit = 100_000_000, unit[1:]
    return factor, canon(unit)


def same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return Decimal(str(a)) == Decimal(str(b))


def check(name: str, divisions: dict[str, dict], problems: list[str]) -> dict:
    source = (HERE / "src" / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((HERE / "gold" / f"{name}.json").read_text(encoding="utf-8"))

    def problem(message: str) -> None:
        problems.append(f"{name}: {message}")

    if list(gold) != ["bulletin", "regions", "programs", "metrics"]:
        problem(f"top-level keys {list(gold)}")
    if list(gold["bulletin"]) != ["title", "issue", "published_on", "issuer"]:
        problem(f"bulletin keys {list(gold['bulletin'])}")
    for key in ("title", "issue", "issuer"):
        value = gold["bulletin"][key]
        if value is not None and "".join(value.split()) not in "".join(source.split()):
            problem(f"bulletin {key} {value!r} is not printed in the source")
    if gold["bulletin"]["published_on"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["bulletin"]["published_on"]):
        problem("published_on is not an ISO date")

    codes = [r["code"] for r in gold["regions"]]
    if len(codes) != len(set(codes)):
        problem("a region is listed twice")
    for region in gold["regions"]:
        if list(region) != ["code", "name", "mention"]:
            problem(f"region keys {list(region)}")
        division = divisions.get(region["code"])
        if division is None:
            problem(f"region code {region['code']} is not a current division")
        elif division["name"] != region["name"]:
            problem(f"region {region['code']} is named {division['name']}, not {region['name']}")
        if region["mention"] not in source:
            problem(f"region mention {region['mention']!r} is not in the source")

    for program in gold["programs"]:
        if list(program) != ["title", "category", "regions"]:
            problem(f"program keys {list(program)}")
        if program["category"] not in CATEGORIES:
            problem(f"program category {program['category']}")
        for code in program["regions"]:
            if code not in codes:
                problem(f"program {program['title']!r} names region {code} that the document does not")

    cells = table_headers(source)
    counts: dict[str, int] = {}
    for metric in gold["metrics"]:
        keys = list(metric)
        if keys not in (METRIC_KEYS, [*METRIC_KEYS, "optional"]):
            problem(f"metric keys {keys}")
        text = metric["text"]
        counts[text] = counts.get(text, 0) + 1
        if metric["qualifier"] not in QUALIFIERS:
            problem(f"{text}: qualifier {metric['qualifier']}")
        if metric["region"] is not None and metric["region"] not in codes:
            problem(f"{text}: region {metric['region']} is not among the document's regions")
        if not metric["indicator"]:
            problem(f"{text}: no indicator")
        if metric.get("optional") not in (None, True):
            problem(f"{text}: optional must be true or absent")
        try:
            reading = read(text)
        except (ValueError, KeyError, ArithmeticError) as error:
            problem(f"{text}: {error}")
            continue
        if reading is None:  # a bare number: a table cell, unit and scale from its column header
            titles = cells.get(text)
            if not titles:
                problem(f"{text}: a bare number outside a table")
                continue
            if not any(
                same(Decimal(text) * header_scale_unit(t)[0], metric["value"])
                and header_scale_unit(t)[1] == metric["unit"]
                for t in titles
            ):
                problem(f"{text}: value {metric['value']} {metric['unit']} does not follow the column headers {titles}")
            continue
        value, value_max, unit, qualifier = reading
        if not same(value, metric["value"]) or not same(value_max, metric["value_max"]):
            problem(f"{text}: gold value {metric['value']}–{metric['value_max']}, read {value}–{value_max}")
        if unit and unit != metric["unit"]:  # no measure word printed (2.1万贫困人口, 近60亿): unit from context
            problem(f"{text}: gold unit {metric['unit']!r}, read {unit!r}")
        if qualifier != metric["qualifier"]:
            problem(f"{text}: gold qualifier {metric['qualifier']}, read {qualifier}")
    for text, n in counts.items():
        printed = source.count(text)
        if printed < n:
            problem(f"{text!r} is listed {n} times but printed {printed} times")
    built = list((HERE / "files").glob(f"{name}.*"))
    if len(built) != 1:
        problem(f"expected one built file, found {[p.name for p in built]}")
    return gold


def main() -> int:
    divisions = {d["code"]: d for d in json.loads((ROOT / "measures" / "data" / "divisions.json").read_text("utf-8"))}
    problems: list[str] = []
    totals = {"documents": 0, "metrics": 0, "optional": 0, "regions": 0, "programs": 0}
    categories: set[str] = set()
    for path in sorted((HERE / "src").glob("*.txt")):
        gold = check(path.stem, divisions, problems)
        totals["documents"] += 1
        totals["metrics"] += len(gold["metrics"])
        totals["optional"] += sum(1 for m in gold["metrics"] if m.get("optional"))
        totals["regions"] += len(gold["regions"])
        totals["programs"] += len(gold["programs"])
        categories |= {p["category"] for p in gold["programs"]}
    if categories != CATEGORIES:
        problems.append(f"categories never used: {sorted(CATEGORIES - categories)}")
    for line in problems:
        print(line)
    print(", ".join(f"{v} {k}" for k, v in totals.items()) + f"; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
