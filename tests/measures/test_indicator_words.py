"""The explorer's indicator-word filter: a substring match, served on PostgreSQL by the names in use."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures.indicator_words import indicator_names_containing, indicators_containing, word_grams
from measures.models import Metric
from tests.factories import BulletinFactory, MetricFactory, published


def test_a_word_is_narrowed_by_its_character_pairs():
    assert word_grams("贫困户") == ["困户", "贫困"]


def test_a_single_character_is_its_own_gram():
    assert word_grams("户") == ["户"]


def test_grams_ignore_case():
    assert word_grams("GDP") == ["dp", "gd"]


@pytest.fixture
def indicators():
    bulletin = published(BulletinFactory(status="parsed"))
    names = ["建档立卡贫困户", "贫困人口", "户用光伏", "GDP增速", "100%_覆盖率", "户贫困"]
    for name in names:
        MetricFactory(bulletin=bulletin, indicator=name)
    return names


def matching(*words: str) -> set[str]:
    return set(indicators_containing(Metric.objects.all(), list(words)).values_list("indicator", flat=True))


@pytest.mark.django_db
def test_a_two_character_word_matches_anywhere_in_the_indicator(indicators):
    assert matching("贫困") == {"建档立卡贫困户", "贫困人口", "户贫困"}


@pytest.mark.django_db
def test_a_longer_word_must_appear_in_order_not_just_its_pairs(indicators):
    # 户贫困 contains the pairs 贫困 but not 困户; 困户 alone must not make 贫困户 match out of order
    assert matching("贫困户") == {"建档立卡贫困户"}


@pytest.mark.django_db
def test_a_single_character_matches(indicators):
    assert matching("户") == {"建档立卡贫困户", "户用光伏", "户贫困"}


@pytest.mark.django_db
def test_latin_words_match_whatever_their_case(indicators):
    assert matching("gdp") == {"GDP增速"}


@pytest.mark.django_db
def test_like_wildcards_in_a_word_are_literal(indicators):
    assert matching("%_") == {"100%_覆盖率"}
    assert matching("_") == {"100%_覆盖率"}


@pytest.mark.django_db
def test_every_word_must_appear(indicators):
    assert matching("贫困", "建档") == {"建档立卡贫困户"}


@pytest.mark.django_db
def test_a_word_no_indicator_contains_matches_nothing(indicators):
    assert matching("易地搬迁") == set()


@pytest.mark.django_db
def test_an_indicator_changed_in_place_is_found_by_its_new_name(indicators):
    # A bulk update skips save() and signals; the names table is kept by the database itself.
    Metric.objects.filter(indicator="贫困人口").update(indicator="搬迁人口")
    assert matching("搬迁") == {"搬迁人口"}


@pytest.mark.django_db
def test_on_postgresql_the_names_are_found_through_their_gram_index(indicators):
    # Thousands of other names and fresh statistics, as in a real archive: on a handful of rows the
    # planner rightly walks the primary key, and stale statistics made the test depend on test order.
    bulletin = Metric.objects.first().bulletin
    Metric.objects.bulk_create(
        Metric(bulletin=bulletin, indicator=f"其他指标{n}", value=n, unit="个", source_text=f"{n}个")
        for n in range(3000)
    )
    with connection.cursor() as cursor, CaptureQueriesContext(connection) as queries:
        cursor.execute("ANALYZE measures_indicator_name")
        indicator_names_containing(["贫困"])
        cursor.execute(f"EXPLAIN {queries.captured_queries[-1]['sql']}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "measures_indicator_name_grams" in plan
