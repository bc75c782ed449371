"""The project's own data: seeds unchanged, metadata supported by the text (or given with the excerpt), every claim
verified."""

from __future__ import annotations

import hashlib
import json

import pytest

from mapview.data.project import Project
from tests.conftest import DATA, ROOT, SEEDS, SHARED_SEEDS

SEED_NAMES = [
    "000_53179621937ae718.txt", "001_85464286b225c7d4.txt", "002_6f0e372212bc0567.txt",
    "003_05d531274f9820ed.txt", "004_5daf8beab54a5ef0.txt",
]


def _text(name: str) -> str:
    return (SEEDS / name).read_bytes().decode("utf-8")


def _added() -> dict[str, dict]:
    """The articles ingested after the five seeds, by name, each with the real-world excerpt it holds: the
    dev-split entry of tests/realworld/articles.jsonl whose text it is (None when it is none of them)."""
    dev = {}
    for line in (ROOT / "tests" / "realworld" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["split"] == "dev":  # the test split is held out: never shipped as a seed
            dev[entry["text"].rstrip("\n") + "\n"] = entry
    return {p.name: dev.get(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))
            if p.name not in SEED_NAMES}


def test_seeds_are_the_five_received_articles_byte_for_byte() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt"))[:5] == SEED_NAMES
    recorded = {s["id"]: s["sha256"] for s in json.loads((SEEDS / "sources.json").read_text())["sources"]}
    for path in SEEDS.glob("*.txt"):
        assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded[path.name], f"{path.name} changed"
    for name in SEED_NAMES:
        if SHARED_SEEDS.is_dir():
            assert (SEEDS / name).read_bytes() == (SHARED_SEEDS / name).read_bytes()


def test_later_articles_are_dev_excerpts_with_their_url_outlet_and_date() -> None:
    """Every article after the seeds is a verbatim dev-split excerpt of tests/realworld, described with the URL,
    outlet and day kept there, each recorded as given by the person who ingested it."""
    added = _added()
    assert added, "the shipped project holds reporting after the seeds"
    meta = {m["id"]: m for m in json.loads((SEEDS / "sources.json").read_text())["sources"]}
    for name, entry in added.items():
        assert entry is not None, f"{name} is not a dev-split excerpt of tests/realworld"
        m = meta[name]
        assert (m["url"], m["url_from"], m["outlet"], m["outlet_from"]) == (entry["url"], "user", entry["outlet"],
                                                                            "user")
        assert (m["date"]["kind"], m["date"]["label"], m["date"]["from"]) == ("exact", entry["date"], "user")


def test_seed_oddities_are_kept() -> None:
    assert "\u00a0" in _text("004_5daf8beab54a5ef0.txt")
    assert "\u201cPeace Board\u201d" in _text("000_53179621937ae718.txt")
    assert _text("003_05d531274f9820ed.txt").endswith("\n\n\n\n\n\n\n\n\n\n")


def test_every_passage_verifies(project: Project) -> None:
    assert project.problems == []
    assert project.passages == project.verified_passages >= 40
    for claim in project.claims.claims:
        for ev in claim.evidence:
            raw = _text(ev.source_id)
            assert raw[ev.start:ev.end] == ev.anchor.exact, claim.id


def test_lead_claims_quote_what_the_article_says(project: Project) -> None:
    """Expected passages are typed here from the article, not copied from the code's output."""
    claims = project.claims.by_id()
    kosovo = claims["kosovo-lead-north-gaza"]
    # hedged throughout ("may assume", maps "suggesting … could be responsible"): speculative
    assert (kosovo.nation, kosovo.role, kosovo.sector, kosovo.status) == ("Kosovo", "lead", "north-gaza",
                                                                          "speculative")
    assert any("Kosovo could be responsible for Northern Gaza" in e.text for e in kosovo.evidence)
    albania = claims["albania-lead-deir-al-balah"]
    assert (albania.nation, albania.sector, albania.status) == ("Albania", "deir-al-balah", "speculative")
    assert albania.evidence[0].text == "According to reports, Albania may be responsible for the Deir al-Balah sector."
    raw = _text("000_53179621937ae718.txt")
    assert raw.index(albania.evidence[0].text) == albania.evidence[0].start


def test_the_seeds_name_two_leads_and_no_source_confirms_a_lead(project: Project) -> None:
    leads = [c for c in project.claims.claims if c.role == "lead"]
    from_seeds = [c for c in leads if all(e.source_id in SEED_NAMES for e in c.evidence)]
    assert {(c.nation, c.sector) for c in from_seeds} == {("Kosovo", "north-gaza"), ("Albania", "deir-al-balah")}
    # the later reporting: Kosovo and Albania's units per a plan (Detay Kıbrıs); Indonesia's between Rafah and
    # Khan Yunis (Kan, as A News, Lebanon24, Yeni Şafak and Son Dakika relay it; Il Giornale in its own voice)
    assert {(c.nation, c.sector) for c in leads} == {
        ("Kosovo", "north-gaza"), ("Albania", "deir-al-balah"), ("Indonesia", "rafah"), ("Indonesia", "khan-yunis")}
    assert all(c.status != "confirmed" for c in leads), "no source confirms a sector lead"


def test_rafah_is_the_first_deployment_area_without_a_nation(project: Project) -> None:
    rafah = project.claims.by_id()["isf-first-deployment-rafah"]
    assert (rafah.role, rafah.sector, rafah.nation) == ("deployment-phase", "rafah", None)
    assert "initially deploy in Rafah" in rafah.evidence[0].text


@pytest.mark.parametrize(("topic", "words"), [
    ("commander-rank", ("U.S. Army General Jasper Jeffers", "U.S. Major General Jasper Jeffers")),
    ("morocco-contribution", ("pledged to send troops", "ready to send police officers")),
])
def test_disagreements_are_modelled_with_both_sides_quoted(project: Project, topic: str, words: tuple) -> None:
    disagreement = next(d for d in project.claims.disagreements if d.id == topic)
    claims = project.claims.by_id()
    texts = " | ".join(e.text for cid in disagreement.claim_ids for e in claims[cid].evidence)
    for word in words:
        assert word in texts


def test_source_dates_only_where_the_text_supports_them(project: Project) -> None:
    sources = project.sources
    dated = {sid: s.date for sid, s in sources.items() if s.date and sid in SEED_NAMES}
    assert set(dated) == {"000_53179621937ae718.txt", "004_5daf8beab54a5ef0.txt"}
    photo = dated["004_5daf8beab54a5ef0.txt"]
    assert photo.kind == "approximate" and photo.earliest.isoformat() == "2025-11-20"
    assert "November 20, 2025" in _text("004_5daf8beab54a5ef0.txt")[photo.basis.result.start:photo.basis.result.end]
    agreement = dated["000_53179621937ae718.txt"]
    assert agreement.kind == "approximate"
    basis = _text("000_53179621937ae718.txt")[agreement.basis.result.start:agreement.basis.result.end]
    assert "reached in October last year" in basis
    for sid in ("001_85464286b225c7d4.txt", "002_6f0e372212bc0567.txt", "003_05d531274f9820ed.txt"):
        assert sources[sid].date is None and sources[sid].date_display() == "undated"


def test_titles_are_anchored_and_outlets_never_invented(project: Project) -> None:
    assert project.sources["001_85464286b225c7d4.txt"].title.startswith("Five Countries Pledge Troops for Gaza")
    assert project.sources["004_5daf8beab54a5ef0.txt"].outlet == "All Israel News"
    meta = {m["id"]: m for m in json.loads((DATA / "seeds" / "sources.json").read_text())["sources"]}
    for source in project.sources.values():
        if source.id in SEED_NAMES or meta[source.id].get("title_from") == "text":
            assert source.title_basis is not None and source.title_basis.result.found
        else:  # a headline typed by the person who ingested the excerpt, which does not hold it
            assert meta[source.id]["title_from"] == "user" and source.title not in source.text
        if source.outlet and source.id in SEED_NAMES:
            assert source.outlet in source.text
    assert all(meta[name].get("url") is None for name in SEED_NAMES), "no URL is stated in any seed"
