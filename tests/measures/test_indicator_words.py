"""The explorer's indicator-word filter: a substring match, served by the gram index on PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures.indicator_words import indicators_containing, word_grams
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


def matching(word: str) -> set[str]:
    return set(indicators_containing(Metric.objects.all(), word).values_list("indicator", flat=True))


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
def test_on_postgresql_the_gram_index_answers_the_query(indicators):
    with connection.cursor() as cursor, CaptureQueriesContext(connection):
        cursor.execute("SET enable_seqscan = off")
        sql, params = indicators_containing(Metric.objects.filter(public=True), "贫困").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert "measures_metric_indicator_grams" in plan
