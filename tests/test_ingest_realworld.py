"""The extractor on real reporting (tests/realworld/): the targets of issue #10, per split.

The expected leads were judged by a reader from the excerpts (see tests/realworld/README.md), never taken from
the extractor's output.
"""

from __future__ import annotations

import pytest

from benchmarks.ingest_quality import (
    foreign_nations,
    hedged_confirmed,
    lead_score,
    load_realworld,
    run_realworld,
)
from mapview.ingest.gazetteer import load_gazetteer
from tests.conftest import DATA


@pytest.fixture(scope="module")
def articles():
    return run_realworld(load_realworld(), load_gazetteer(DATA / "geodata" / "sectors.geojson"))


def test_the_set_is_real_varied_and_sourced(articles) -> None:
    assert len(articles) >= 25
    assert len({a.lang for a in articles}) >= 4
    assert sum(bool(a.expected_leads) for a in articles) >= 10
    assert sum(not a.expected for a in articles) >= 8
    assert all(a.url.startswith("http") and a.outlet for a in articles)
    assert {a.split for a in articles} == {"dev", "test"}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_lead_recall_and_precision_on_real_articles(articles, split) -> None:
    score = lead_score([a for a in articles if a.split == split])
    assert score.recall >= 0.85, score.line(split)
    assert score.precision >= 0.95, score.line(split)


def test_no_confirmed_from_hedged_text_and_no_outlet_as_nation(articles) -> None:
    assert hedged_confirmed(articles) == []
    assert foreign_nations(articles) == []
    assert not any(f[0] == "Israel" for a in articles for f in a.found)


def test_traps_give_no_lead(articles) -> None:
    assert [(a.id, a.found_leads) for a in articles if not a.expected and a.found_leads] == []
