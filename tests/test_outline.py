"""The evidence outline (mapview.outline): filter, sort, grouping by nation, each disagreement once, passages under
their claim. Expected values come from the claims files themselves (the curated claims.json, or the synthetic
project's), never from the outline's own output."""

from __future__ import annotations

import json

import pytest

from benchmarks.bench_scale import build_project
from mapview import wording
from mapview.data.assignments import derive
from mapview.data.project import load_project
from mapview.outline import (
    CLAIM,
    DISAGREEMENT,
    GROUP,
    PASSAGE,
    REFERENCE,
    EvidenceFilter,
    OutlineCache,
    build_outline,
    claim_matches,
    parse_query,
    sort_claims,
)
from tests.conftest import DATA

RAW = json.loads((DATA / "claims" / "claims.json").read_text(encoding="utf-8"))["claims"]


def every_claim(view):
    return [c for v in view.sectors for c in v.claims + v.broken_claims] + list(view.force) + list(view.related)


def test_a_query_splits_into_keyed_parts_and_words() -> None:
    parsed = parse_query("Nation:Kosovo  status:rep Brigadier foo:bar nation:")
    assert parsed.keyed == (("nation", "kosovo"), ("status", "rep"))
    assert parsed.words == ("brigadier", "foo:bar", "nation:")


def test_filter_by_nation_source_status_and_words_on_the_curated_claims(project) -> None:
    claims = every_claim(project.view())
    live = {c["id"] for c in RAW if not c.get("retired")}

    def ids(query: str) -> set[str]:
        return {c.id for c in claims if claim_matches(c, parse_query(query))}

    assert ids("nation:kosovo") == {c["id"] for c in RAW if c.get("nation") == "Kosovo"} & live
    from_004 = {c["id"] for c in RAW if any(e["source"].startswith("004_") for e in c["evidence"])} & live
    described = json.loads((DATA / "seeds" / "sources.json").read_text(encoding="utf-8"))["sources"]
    israel = {s["id"] for s in described
              if any("israel" in str(s.get(k) or "").casefold() for k in ("id", "title", "outlet"))}
    assert any(s.startswith("004_") for s in israel)  # "All Israel News"
    assert ids("source:israel") == {c["id"] for c in RAW if any(e["source"] in israel for e in c["evidence"])} & live
    assert ids("source:004_") == from_004 and from_004
    confirmed = ids("status:confirmed")
    assert confirmed and all(c.status == "confirmed" for c in claims if c.id in confirmed)
    assert not any(c.status == "confirmed" for c in claims if c.id not in confirmed)
    # "brigadier" is in the Kosovo lead's figures (the rank Peci names), not in its heading
    assert "kosovo-lead-north-gaza" in ids("brigadier")
    assert ids("nation:kosovo brigadier") == {"kosovo-lead-north-gaza"}
    assert ids("nation:kosovo nosuchword") == set()


def test_newest_first_puts_dated_sources_first_newest_on_top(project) -> None:
    claims = every_claim(project.view())
    ordered = sort_claims(claims, "date")
    days = [max((e.source.date.earliest for e in c.evidence if e.source and e.source.date), default=None)
            for c in ordered]
    dated = [d for d in days if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert days[:len(dated)] == dated  # undated claims come after every dated one
    by_status = [c.status for c in sort_claims(claims, "status")]
    assert by_status == sorted(by_status, key=["confirmed", "reported", "speculative", "denied"].index)


def test_each_disagreement_is_listed_once_with_the_other_nations_claims_under_it(project) -> None:
    view = project.view()
    egypt = next(s for s in wording.nation_summaries(view) if s.name == "Egypt")
    outline = build_outline(list(egypt.claims), view, None)
    rows = outline.top
    disagreements = [r for r in rows if r.kind == DISAGREEMENT]
    raw = json.loads((DATA / "claims" / "claims.json").read_text(encoding="utf-8"))["disagreements"]
    egypt_ids = {c["id"] for c in RAW if c.get("nation") == "Egypt"}
    expected = [d for d in raw if egypt_ids & set(d["claims"])]
    assert len(disagreements) == len(expected) == 1
    under = disagreements[0].children
    assert {r.claim.id for r in under if r.kind != PASSAGE} == set(expected[0]["claims"])
    assert {r.claim.id for r in under if r.kind == REFERENCE} == egypt_ids  # Egypt's own: "see: …" lines
    others = [r for r in under if r.kind != PASSAGE and r.claim.id not in egypt_ids]
    assert others and all(r.kind == CLAIM for r in others)  # Jordan's claims: shown here, once


@pytest.fixture(scope="module")
def contested(tmp_path_factory):
    """A synthetic project of 40 articles / 400 lead claims, several nations per sector (seeded)."""
    paths = build_project(tmp_path_factory.mktemp("contested"), articles=40, source=DATA)
    return load_project(paths), json.loads(paths.claims.read_text(encoding="utf-8"))["claims"]


def test_a_contested_sector_groups_claims_by_nation_with_counts_collapsed(contested) -> None:
    project, raw = contested
    view = project.view()
    sector = view.by_id()["rafah"]
    outline = build_outline(sector.claims, view, None)
    groups = [r for r in outline.top if r.kind == GROUP]
    in_rafah = [c for c in raw if c["sector"] == "rafah"]
    nations = {c["nation"] for c in in_rafah}
    assert len(groups) == len(nations) > 1 and outline.collapsed_groups
    for group in groups:
        mine = [c for c in in_rafah if c["nation"] == group.group.nation]
        sources = {e["source"] for c in mine for e in c["evidence"]}
        days = sorted(s["date"]["earliest"] for s in json.loads(
            (project.paths.seeds / "sources.json").read_text(encoding="utf-8"))["sources"] if s["id"] in sources)
        claims_word = "claim" if len(mine) == 1 else "claims"
        sources_word = "source" if len(sources) == 1 else "sources"
        assert group.text == (f"{group.group.nation} — {len(mine)} {claims_word}, {len(sources)} independent "
                              f"{sources_word}, latest {days[-1]}")
        claims = [r for r in group.children if r.kind == CLAIM]
        assert len(claims) == len(mine)
    # every passage row follows its own claim's row
    for group in groups:
        for row in group.children:
            if row.kind == PASSAGE:
                assert row.owner is not None and row.evidence in row.owner.claim.evidence
                assert group.children.index(row.owner) < group.children.index(row)


def test_the_cache_gives_back_an_outline_only_for_the_same_view(contested) -> None:
    project, _raw = contested
    view = project.view()
    cache = OutlineCache(size=2)
    built = []

    def build():
        built.append(1)
        return build_outline(view.by_id()["rafah"].claims, view, None)

    first = cache.get(view, ("rafah", EvidenceFilter()), build)
    assert cache.get(view, ("rafah", EvidenceFilter()), build) is first and len(built) == 1
    other_view = derive(project.sectors.sectors, project.claims)  # another derivation (a reload) never reuses it
    assert cache.get(other_view, ("rafah", EvidenceFilter()), build) is not first and len(built) == 2
    assert cache.get(view, ("rafah", EvidenceFilter("kosovo")), build) is not first
