"""The project's own data: seeds unchanged, metadata supported by the text, every claim verified."""

from __future__ import annotations

import hashlib
import json

import pytest

from mapview.data.project import Project
from tests.conftest import DATA, SEEDS, SHARED_SEEDS

SEED_NAMES = [
    "000_53179621937ae718.txt", "001_85464286b225c7d4.txt", "002_6f0e372212bc0567.txt",
    "003_05d531274f9820ed.txt", "004_5daf8beab54a5ef0.txt",
]


def _text(name: str) -> str:
    return (SEEDS / name).read_bytes().decode("utf-8")


def test_seeds_are_the_five_received_articles_byte_for_byte() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == SEED_NAMES
    recorded = {s["id"]: s["sha256"] for s in json.loads((SEEDS / "sources.json").read_text())["sources"]}
    for name in SEED_NAMES:
        digest = hashlib.sha256((SEEDS / name).read_bytes()).hexdigest()
        assert digest == recorded[name], f"{name} changed since it was received"
        if SHARED_SEEDS.is_dir():
            assert (SEEDS / name).read_bytes() == (SHARED_SEEDS / name).read_bytes()


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


def test_only_two_sectors_have_a_lead_and_nothing_is_confirmed(project: Project) -> None:
    leads = [c for c in project.claims.claims if c.role == "lead"]
    assert {(c.nation, c.sector) for c in leads} == {("Kosovo", "north-gaza"), ("Albania", "deir-al-balah")}
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
    dated = {sid: s.date for sid, s in sources.items() if s.date}
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
    for source in project.sources.values():
        assert source.title_basis is not None and source.title_basis.result.found
        if source.outlet:
            assert source.outlet in source.text
    meta = json.loads((DATA / "seeds" / "sources.json").read_text())["sources"]
    assert all(m.get("url") is None for m in meta), "no URL is stated in any article"
