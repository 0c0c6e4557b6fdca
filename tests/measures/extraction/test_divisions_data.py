"""The division table: every current province-, prefecture- and county-level division, once."""

import json
from collections import Counter

from measures.extraction.regions import DIVISIONS_FILE

ROWS = json.loads(DIVISIONS_FILE.read_text(encoding="utf-8"))
BY_CODE = {row["code"]: row for row in ROWS}


def test_codes_are_six_digits_and_unique():
    assert all(len(r["code"]) == 6 and r["code"].isdigit() for r in ROWS)
    assert len(BY_CODE) == len(ROWS)


def test_every_level_is_there_in_plausible_numbers():
    levels = Counter(r["level"] for r in ROWS)
    assert levels["province"] == 34
    assert 330 <= levels["prefecture"] <= 345
    assert 2840 <= sum(1 for r in ROWS if r["level"] == "county" and r["code"][:2] not in ("71", "81", "82")) <= 2860


def test_every_parent_exists_and_is_one_level_up_or_the_province():
    for row in ROWS:
        if row["level"] == "province":
            assert row["parent"] is None
        else:
            assert row["parent"] in BY_CODE, row


def test_chongqing_districts_the_source_table_lacks_are_supplied():
    assert BY_CODE["500112"]["name"] == "渝北区"
    assert BY_CODE["500105"]["name"] == "江北区"


def test_development_zones_are_not_divisions():
    names = {r["name"] for r in ROWS}
    assert "两江新区" not in names
    assert "下花园区" in names  # a real district whose name merely contains 园区


def test_renamed_divisions_keep_their_former_names_as_aliases():
    assert "开县" in BY_CODE["500154"]["aliases"]
    assert "梁平县" in BY_CODE["500155"]["aliases"]
    assert "郫县" in BY_CODE["510117"]["aliases"]
