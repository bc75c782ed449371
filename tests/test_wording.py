"""The one wording of leads, captions, citations and nations, checked against the shipped data."""

from __future__ import annotations

from datetime import date

from mapview import state, wording
from mapview.data.assignments import Lead
from mapview.data.project import Project
from tests.conftest import DATA


def test_lead_wording() -> None:
    assert wording.lead_text(None) == "no lead reported"
    assert wording.lead_text(Lead("Kosovo", "reported")) == "Kosovo (reported)"
    assert wording.lead_text(Lead(None, "contested", ("Albania", "Kosovo"))) == "contested: Albania / Kosovo"


def test_tooltip_caption_names_sector_and_lead(project: Project) -> None:
    views = project.view().by_id()
    assert wording.sector_caption(views["north-gaza"]) == "North Gaza — Kosovo (reported)"
    assert wording.sector_caption(views["gaza-city"]) == "Gaza City — no lead reported"
    seeds = project.view(date(2026, 2, 9)).by_id()  # the seeds' map: one hedged article
    assert wording.sector_caption(seeds["north-gaza"]) == "North Gaza — Kosovo (speculative, single source)"


def test_citation_carries_passage_title_date_and_offsets(project: Project) -> None:
    claim = next(c for c in project.claims.claims if c.nation == "Kosovo" and c.role == "lead")
    evidence = claim.evidence[1]
    article = next((DATA / "seeds").glob("000_*.txt")).read_bytes().decode("utf-8")
    start = article.find(evidence.text)
    cited = wording.citation_text(evidence)
    assert f"“{evidence.text}”" in cited
    assert "Kosovo may assume a significant security role" in cited and "≈ 2026" in cited
    assert f"characters {start}–{start + len(evidence.text)}" in cited
    assert evidence.source_id in cited


def test_every_nation_in_the_claims_is_summarised_with_its_roles(project: Project) -> None:
    summaries = {s.name: s for s in wording.nation_summaries(project.view())}
    named = {c.nation for c in project.claims.claims if c.nation and c.scope == "isf"}
    assert named <= set(summaries)
    # France's gendarmes and the EU's trainees train PA police after the ISF: not listed as ISF roles (004)
    assert not {"France", "European Union"} & set(summaries)
    assert summaries["Kosovo"].sector_ids == ["north-gaza"]
    assert "sector lead (speculative)" in summaries["Kosovo"].roles  # the seed's hedged passages
    assert "sector lead (reported)" in summaries["Kosovo"].roles  # Detay Kıbrıs's plan
    assert "troops (confirmed)" in summaries["Kosovo"].roles
    assert "deputy command (confirmed)" in summaries["Indonesia"].roles
    assert summaries["Indonesia"].sector_ids == ["khan-yunis", "rafah"]  # a site between the two towns
    assert list(summaries)[-1] == wording.FORCE_NAME


def test_north_to_south_order_follows_latitude(project: Project) -> None:
    order = state.north_to_south(project.view())
    assert order[0] == "north-gaza" and order[-1] == "rafah" and len(order) == 5


def test_cited_spans_of_an_article_are_its_found_passages(project: Project) -> None:
    article = next((DATA / "seeds").glob("000_*.txt"))
    spans = state.passages_in_source(project.claims.claims, article.name)
    text = article.read_bytes().decode("utf-8")
    assert spans == sorted(spans)
    sentence = "According to reports, Albania may be responsible for the Deir al-Balah sector."
    assert (text.find(sentence), text.find(sentence) + len(sentence)) in spans
