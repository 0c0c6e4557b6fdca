"""RegionAttributor: the division a figure belongs to, from the nearest governing mention."""

from dataclasses import dataclass

from measures.extraction.attribution import RegionAttributor


@dataclass(frozen=True)
class Mention:
    code: str
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    title: str
    start: int
    end: int
    level: int


def mentions_in(text: str, names: dict[str, str]) -> list[Mention]:
    found = []
    for name, code in names.items():
        start = text.find(name)
        while start >= 0:
            found.append(Mention(code, start, start + len(name)))
            start = text.find(name, start + 1)
    return sorted(found, key=lambda m: m.start)


NAMES = {"甲县": "100001", "乙县": "100002", "丙县": "100003", "某省": "100000"}


def test_a_division_named_earlier_in_the_same_sentence_wins():
    text = "某省扶贫专报\n甲县新建茶园1万亩。乙县完成搬迁3200户。"
    attributor = RegionAttributor(text, mentions_in(text, NAMES), [], "某省扶贫专报")
    assert attributor.region_for(text.index("1万亩")) == "100001"
    assert attributor.region_for(text.index("3200户")) == "100002"


def test_a_division_that_is_one_item_of_a_list_does_not_govern():
    text = "某省扶贫专报\n在甲县、乙县、丙县建立救助基金，全省救助2.5万人次。"
    attributor = RegionAttributor(text, mentions_in(text, NAMES), [], "某省扶贫专报")
    assert attributor.region_for(text.index("2.5万人次")) == "100000"


def test_without_a_mention_in_its_sentence_a_figure_takes_its_article_division():
    text = "某省扶贫专报\n甲县发展产业\n甲县坚持产业为先。全县新建基地4个。"
    article = Section("甲县发展产业", text.index("甲县发展产业"), len(text), 1)
    attributor = RegionAttributor(text, mentions_in(text, NAMES), [article], "某省扶贫专报")
    assert attributor.region_for(text.index("4个")) == "100001"


def test_the_bulletin_title_division_is_the_last_resort():
    text = "某省扶贫专报\n全省累计减贫120万人。"
    attributor = RegionAttributor(text, mentions_in(text, NAMES), [], "某省扶贫专报")
    assert attributor.region_for(text.index("120万人")) == "100000"


def test_no_mention_anywhere_means_no_region():
    text = "扶贫专报\n累计减贫120万人。"
    assert RegionAttributor(text, [], [], "扶贫专报").region_for(text.index("120")) is None
