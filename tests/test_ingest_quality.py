"""Extractor quality floor on the hand-annotated corpus (the full report: python -m benchmarks.ingest_quality)."""

from __future__ import annotations

from benchmarks.ingest_quality import load_corpus, run_corpus, score
from mapview.ingest.gazetteer import load_gazetteer
from tests.conftest import DATA


def test_corpus_covers_every_language_with_negatives() -> None:
    cases = load_corpus()
    assert {c.lang for c in cases} == {"en", "tr", "sq", "id", "ar"}
    for lang in ("en", "tr", "sq", "id", "ar"):
        mine = [c for c in cases if c.lang == lang]
        assert len(mine) >= 10 and any(not c.expected for c in mine), lang


# Sentences the corpus annotates as one nation's troops/police deployed to a sector (role "troops"/"police"),
# which tests/realworld/README.md counts as a lead ("one nation's troops (or police contingent) placed in a
# sector"). The extractor follows the README (issue #20); the corpus lines are left as written and listed here.
README_CONFLICTS = {
    "ar.jsonl:13": ("Egypt", "rafah"), "en.jsonl:12": ("Indonesia", "khan-yunis"),
    "en.jsonl:17": ("Morocco", "khan-yunis"),
    "en.jsonl:28": ("European Union", "rafah"), "en.jsonl:30": ("Azerbaijan", "deir-al-balah"),
    "holdout.jsonl:2": ("Pakistan", "gaza-city"), "holdout.jsonl:17": ("Azerbaijan", "rafah"),
}


def test_no_false_lead_and_a_quality_floor() -> None:
    cases = run_corpus(load_corpus(), load_gazetteer(DATA / "geodata" / "sectors.geojson"))
    leads = score(cases, lambda label: label[2] == "lead" and label[3] != "denied")
    # a false lead: a (nation, sector) lead the sentence does not support at all (a wrong status is counted
    # in precision, not here); the README conflicts are leads of a (nation, sector) the corpus gives troops
    false_leads = [(c.file, x) for c in cases for x in c.found
                   if x[2] == "lead" and x[:3] not in {e[:3] for e in c.expected}]
    assert sorted(false_leads) == sorted((f, x) for f, x in false_leads if README_CONFLICTS.get(f) == x[:2])
    assert {f for f, _ in false_leads} == set(README_CONFLICTS)
    for file, (nation, sector) in README_CONFLICTS.items():
        case = next(c for c in cases if c.file == file)
        assert any(e[:2] == (nation, sector) and e[2] in ("troops", "police") for e in case.expected), file
    assert leads.recall >= 0.85
    overall = score(cases)
    assert overall.precision >= 0.9 and overall.recall >= 0.75
