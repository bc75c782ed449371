"""benchmarks/fallback_quality.py measures the dev split only: it refuses any other split and drops test and
sealed lines as it reads them (the test split's misses must never reach a tuner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import fallback_quality


def test_only_the_dev_split_is_measured() -> None:
    with pytest.raises(SystemExit) as refused:
        fallback_quality.main(["--split", "test"])
    assert refused.value.code == 2


def test_test_and_sealed_lines_are_dropped_as_read(tmp_path: Path) -> None:
    lead = [{"nation": "Indonesia", "sector": "rafah", "role": "lead", "status": "reported"}]
    lines = [{"id": "d", "split": "dev", "lang": "en", "text": "dev text", "expected": lead},
             {"id": "t", "split": "test", "lang": "en", "text": "test text", "expected": lead},
             {"id": "s", "split": "dev", "sealed": True, "lang": "en", "text": "sealed text", "expected": []}]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert [(a.id, a.expected) for a in fallback_quality.load_dev(path)] == [("d", {("Indonesia", "rafah")})]
