"""The parser on our own bulletins (tests/corpus): every format, many provinces, scored like score.py.

The floors sit a little under what the parser reaches today, so a change that makes extraction
worse fails the build; raise them as the parser improves.
"""

import json
from pathlib import Path

import pytest

from bulletins.pipeline import parse_document
from tests.scoring import Score

CORPUS = Path(__file__).resolve().parent / "corpus"
FILES = sorted(p for p in (CORPUS / "files").iterdir() if p.is_file())

FLOORS = {"metrics": 0.95, "regions": 0.95, "programs": 0.80, "indicator": 0.75, "fields": 0.95}


@pytest.fixture(scope="module")
def score() -> Score:
    total = Score()
    for path in FILES:
        record = parse_document(path.read_bytes(), path.name).to_json()
        gold = json.loads((CORPUS / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        total.add(record, gold, path.stem)
    return total


def test_the_corpus_covers_every_upload_format():
    assert {p.suffix for p in FILES} == {".txt", ".html", ".docx", ".pdf"}
    assert len(FILES) >= 10


def test_metric_f1_stays_above_its_floor(score):
    assert score.metrics.f1 >= FLOORS["metrics"], score.misses


def test_region_f1_stays_above_its_floor(score):
    assert score.regions.f1 >= FLOORS["regions"]


def test_programme_category_f1_stays_above_its_floor(score):
    assert score.programs.f1 >= FLOORS["programs"]


def test_indicator_agreement_stays_above_its_floor(score):
    assert score.share(score.indicator) >= FLOORS["indicator"]


@pytest.mark.parametrize("field", ["title", "issue", "published_on", "issuer"])
def test_bulletin_fields_stay_above_their_floor(score, field):
    assert score.share(score.fields[field]) >= FLOORS["fields"], field
