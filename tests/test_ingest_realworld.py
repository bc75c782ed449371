"""The extractor on real reporting (tests/realworld/): the set's structure, its split, and the figures per split.

The expected leads were judged by a reader from the excerpts (see tests/realworld/README.md), never taken from
the extractor's output. Assertions about the test split name counts, never articles, so a failing run does not
show anyone which held-out article was missed.
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from benchmarks.ingest_quality import (
    FIRST_SET,
    PARTIES,
    REALWORLD,
    foreign_nations,
    hedged_confirmed,
    lead_score,
    load_realworld,
    main,
    outlet_or_party_contributors,
    party_findings,
    run_realworld,
)
from mapview.ingest.gazetteer import load_gazetteer
from tests.conftest import DATA, ROOT, SHARED_SEEDS

SECTORS = {"north-gaza", "gaza-city", "deir-al-balah", "khan-yunis", "rafah"}
STATUSES = {"speculative", "reported", "confirmed"}
FIELDS = {"id", "split", "lang", "url", "outlet", "date", "text", "expected", "why"}
# optional: the day a later batch was added (benchmarks.ingest_quality reports each such batch on its own), and
# "sealed": true for a batch held out of both splits (scored only in its own row, its misses never printed)
OPTIONAL_FIELDS = {"added", "sealed"}
# How the excerpts write each sector and nation the reader expects (a reader's list, typed from the excerpts,
# not the gazetteer's): an expected lead must be written in its own excerpt.
SECTOR_SPELLINGS = {
    "rafah": ("rafah", "refah", "rafá", "rafa", "рафах", "رفح", "רפיח", "ラファ", "라파", "拉帕", "拉法", "রাফাহ"),
    "khan-yunis": ("khan yunis", "khan younis", "khan younès", "han yunus", "хан-юнис", "خان يونس", "خان یونس",
                   "خانيونس", "חאן יונס", "ハンユニス", "chan junis", "칸유니스", "칸 유니스", "坎尤尼斯", "hán júnisz",
                   "খান ইউনিস"),
    "north-gaza": ("kuzey gazze", "northern gaza", "north gaza"),
    "deir-al-balah": ("deyr el-belah", "deir al-balah", "deir el-balah"),
    "gaza-city": ("gaza city",),
}
NATION_SPELLINGS = {
    "Indonesia": ("indones", "indonési", "endonez", "indonez", "indonéz", "إندونيس", "انڈونیش", "インドネシア",
                  "אינדונז", "индонез", "اندونز", "인도네시아", "印尼", "印度尼西亞", "ইন্দোনেশ"),
    "Kosovo": ("kosov",),
    "Albania": ("albani", "arnavut", "shqipër"),
    "Morocco": ("morocc", "maroc", "marok", "marru", "المغرب"),
}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def url_split(url: str) -> str:
    """The fixed split rule for every article added after issue #10: even sha256 of the URL is dev, odd is test."""
    return "dev" if int(hashlib.sha256(url.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in REALWORLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def articles():
    return run_realworld(load_realworld(), load_gazetteer(DATA / "geodata" / "sectors.geojson"))


def test_every_record_has_the_fields_and_valid_values(records) -> None:
    for r in records:
        assert FIELDS <= set(r) <= FIELDS | OPTIONAL_FIELDS, r["id"]
        assert "added" not in r or re.fullmatch(r"\d{4}-\d{2}-\d{2}[a-z]?", r["added"]), r["id"]
        assert r.get("sealed", True) is True and ("sealed" not in r or "added" in r), r["id"]
        assert r["split"] in ("dev", "test") and r["url"].startswith("http") and r["outlet"].strip(), r["id"]
        assert r["date"] is None or DATE.match(r["date"]), r["id"]
        assert re.fullmatch(r"[a-z]{2}", r["lang"]) and r["why"].strip(), r["id"]
        for e in r["expected"]:
            assert set(e) == {"nation", "sector", "role", "status"}, r["id"]
            assert e["role"] == "lead" and e["sector"] in SECTORS and e["status"] in STATUSES, r["id"]
            assert e["nation"] and e["nation"] not in PARTIES, r["id"]
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["url"] for r in records}) == len(records)


def test_the_set_is_large_varied_and_has_leads_and_traps_in_both_splits(records) -> None:
    assert len(records) >= 80
    langs = {r["lang"] for r in records}
    assert len(langs) >= 10
    assert {"en", "ar", "he", "tr", "id", "sq", "fr", "de", "ru", "es", "it", "ur"} <= langs
    for split in ("dev", "test"):
        mine = [r for r in records if r["split"] == split]
        assert len(mine) >= 35, split
        assert sum(bool(r["expected"]) for r in mine) >= 15, split
        assert sum(not r["expected"] for r in mine) >= 15, split
        assert len({r["lang"] for r in mine if r["expected"]}) >= 6, split
    # more than one nation and more than the two southern sectors are placed somewhere in the set
    assert len({e["nation"] for r in records for e in r["expected"]}) >= 4
    assert len({e["sector"] for r in records for e in r["expected"]}) >= 4


def test_articles_after_issue_10_are_split_by_the_hash_of_their_url(records) -> None:
    later = [r for r in records if r["id"] not in FIRST_SET]
    assert len(later) >= 70
    assert [r["id"] for r in later if r["split"] != url_split(r["url"])] == []
    assert {r["id"] for r in records} >= FIRST_SET


def test_excerpts_follow_the_verbatim_formatting_rules(records) -> None:
    """Copied text, as stored: no edits a copy would not have (trimmed lines, tabs, CR, ellipses put in by hand,
    markup), paragraphs joined by exactly one blank line."""
    for r in records:
        text = r["text"]
        assert text and text == text.strip(), r["id"]
        assert "\r" not in text and "\t" not in text and "\n\n\n" not in text, r["id"]
        assert all(line == line.strip() for line in text.split("\n")), r["id"]
        assert "[…]" not in text and "[...]" not in text and "(...)" not in text, r["id"]
        assert not re.search(r"</?[a-z][a-z0-9]*[\s>/]", text), r["id"]
        assert len(text) <= 3000, r["id"]  # only the paragraphs a test needs, not whole pages


def test_every_expected_lead_is_written_in_its_own_excerpt(records) -> None:
    for r in records:
        folded = r["text"].casefold()
        for e in r["expected"]:
            assert any(s in folded for s in SECTOR_SPELLINGS[e["sector"]]), (r["id"], e["sector"])
            assert any(s in folded for s in NATION_SPELLINGS[e["nation"]]), (r["id"], e["nation"])


def test_the_test_split_text_is_not_in_the_rules_or_the_hand_corpus(records) -> None:
    """Sentences only the test split (or a sealed line) holds never reach the extractor's data, the tuning corpus,
    the hand-written cases (tests/ingest_cases) or the test modules (tests/*.py, this one and tests/realworld aside):
    no 40-character run of such a line, taken at every character, that the dev text and the seeds lack appears in
    them. A failure names the file:line of each leaked run, never its text."""
    width = 40
    patterns = ("mapview/ingest/**/*.py", "mapview/ingest/**/*.toml", "mapview/ingest/**/*.json",
                "tests/ingest_corpus/*", "tests/ingest_cases/*", "tests/*.py")
    held_out = ROOT / "tests" / "realworld"
    files = sorted({p for pattern in patterns for p in ROOT.glob(pattern) if p.is_file()})
    files = [p for p in files if p.name != "test_ingest_realworld.py" and held_out not in p.parents]

    def runs(text: str) -> set[str]:  # every 40-character run of every line (a run never spans a line break)
        return {line[i:i + width] for line in text.split("\n") for i in range(len(line) - width + 1)}

    # the dev text and the five seed articles as received (read since the first rule): a wire copy of a seed in a
    # test article shares its words with them, not with anything the test split alone holds
    dev = runs("\n".join([*(r["text"] for r in records if r["split"] == "dev" and not r.get("sealed")),
                           *(p.read_text(encoding="utf-8") for p in sorted(SHARED_SEEDS.iterdir()) if p.is_file())]))
    # sealed lines are held out whatever their split
    held = runs("\n".join(r["text"] for r in records if r["split"] == "test" or r.get("sealed"))) - dev
    leaks = [f"{p.relative_to(ROOT)}:{n}"
             for p in files
             for n, line in enumerate(p.read_text(encoding="utf-8").split("\n"), 1)
             if not held.isdisjoint(line[i:i + width] for i in range(len(line) - width + 1))]
    assert leaks == [], (f"{len(leaks)} line(s) share a 40-character run with test-split text (not in the dev "
                         "text): " + ", ".join(leaks))


def test_the_report_hides_the_test_split_misses(articles, records, capsys) -> None:
    test_ids = {a.id for a in articles if a.split == "test"} | {r["id"] for r in records if r.get("sealed")}
    main(["--split", "dev"])
    shown = capsys.readouterr().out
    assert "real-world dev, leads" in shown and "seeds' sentences, leads" in shown
    assert [i for i in test_ids if re.search(rf"^{re.escape(i)} \[", shown, re.M)] == []
    main([])
    default = capsys.readouterr().out
    assert [i for i in test_ids if re.search(rf"^{re.escape(i)} \[", default, re.M)] == []
    assert "test split: misses of" in default
    main(["--show-test-misses"])
    full = capsys.readouterr().out
    sealed_ids = {r["id"] for r in records if r.get("sealed")}
    assert [i for i in sealed_ids if re.search(rf"^{re.escape(i)} \[", full, re.M)] == []  # not even on request
    assert not sealed_ids or "sealed 2026-12-05b" in full
    missed = {a.id for a in articles if a.split == "test" and a.expected_leads != a.found_leads}
    assert {i for i in test_ids if re.search(rf"^{re.escape(i)} \[", full, re.M)} >= missed


# Floors: a rule change may raise them, never lower them. Recall was dev 22/42, test 11/44 when the set was first
# scored (2026-12-05); with issue #20's placement frame (tuned on dev only) it was dev 61/63 and test 60/71. The
# test split holds the articles added in session 3 (issue-20e), sealed: scored, never read or tuned on; on them
# precision fell below the issue's 95 % (test 60 of 65 leads right, 92.3 %), so the test split is held at what it
# measures and the issue's target stays an expected failure until it is met. Session 5's language files and
# paraphrase rules (tuned on dev) raised them to dev 63/63, test 62/71 with 2 false leads.
# Batch 2026-12-05c (101 articles in 37 languages, split before any rule was written for them) is held apart: it
# was first scored at dev 5/10, test 3/13 with 3 false leads; after session 5's dev tuning and language files
# (ro among them) dev is 10/10 and test 5/13, 3 false leads. Pooling it into the floors above would have lowered them.
# Session 13's batch (2026-12-06, 49 articles, one placing article per split) is pooled into the floors: with it
# they measure dev 65/65, test 64/73, no false lead (its test article's two leads found, no trap given a lead).
LATEST_BATCH = "2026-12-05c"
RECALL_FLOOR = {"dev": 65 / 65, "test": 64 / 73}
PRECISION_FLOOR = {"dev": 0.95, "test": 64 / 64}
LATEST_RECALL_FLOOR = {"dev": 10 / 10, "test": 7 / 13}
LATEST_PRECISION_FLOOR = {"dev": 0.95, "test": 7 / 9}
# Unsafe findings allowed per split: none on dev; on the sealed test split, no more than measured (session 9,
# 2026-12-06): one `confirmed` lead from reported/hedged text and two leads for a nation the article assigns nothing.
UNSAFE_CEILING = {"dev": {}, "test": {"confirmed from hedged text": 1,
                                      "lead for a nation the article assigns nothing": 2,
                                      "outlet or party as contributor": 2, "traps given a lead": 2}}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_lead_recall_and_precision_floors(articles, split) -> None:
    score = lead_score([a for a in articles if a.split == split and a.added != LATEST_BATCH])
    assert score.precision >= PRECISION_FLOOR[split] - 1e-9, score.line(split)
    assert score.recall >= RECALL_FLOOR[split] - 1e-9, score.line(split)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_lead_recall_and_precision_floors_on_the_latest_batch(articles, split) -> None:
    score = lead_score([a for a in articles if a.split == split and a.added == LATEST_BATCH])
    assert score.tp + score.fn >= 10, "the batch places a nation in at least ten (nation, sector) pairs per split"
    assert score.precision >= LATEST_PRECISION_FLOOR[split] - 1e-9, score.line(split)
    assert score.recall >= LATEST_RECALL_FLOOR[split] - 1e-9, score.line(split)


@pytest.mark.xfail(reason="issue #20 target: met on the first 44 test articles (88.6 %, precision 100 %), not on the "
                          "test split with the session-3, session-5 and session-13 batches (82.6 %, 71/86, "
                          "precision 97.3 % after session 13; 69/84 before its batch was added)",
                   strict=False)
def test_issue_20_target_on_the_test_split(articles) -> None:
    score = lead_score([a for a in articles if a.split == "test"])
    assert score.recall >= 0.85 and score.precision >= 0.95, score.line("test")


@pytest.mark.parametrize("split", ["dev", "test"])
def test_no_confirmed_from_hedged_text_and_no_outlet_or_party_as_contributor(articles, split) -> None:
    mine = [a for a in articles if a.split == split]
    for name, unsafe in (("confirmed from hedged text", hedged_confirmed(mine)),
                         ("lead for a nation the article assigns nothing", foreign_nations(mine)),
                         ("finding naming a party", party_findings(mine)),
                         ("outlet or party as contributor", outlet_or_party_contributors(mine))):
        count = len(unsafe)  # counted outside the assert: pytest would print a test-split list it names
        assert count <= UNSAFE_CEILING[split].get(name, 0), (name, unsafe if split == "dev"
                                                             else f"{count} in the test split")


@pytest.mark.parametrize("split", ["dev", "test"])
def test_traps_give_no_lead(articles, split) -> None:
    wrong = [(a.id, a.found_leads) for a in articles if a.split == split and not a.expected and a.found_leads]
    count = len(wrong)  # counted outside the assert: pytest would print a test-split list it names
    assert count <= UNSAFE_CEILING[split].get("traps given a lead", 0), (
        wrong if split == "dev" else f"{count} test-split trap(s) given a lead")
