"""The derived view: lead per sector, contested sectors, broken claims, as-of filtering."""

from __future__ import annotations

import json
from datetime import date

from mapview.data.project import Project, ProjectPaths, load_project
from tests.conftest import SEEDS

KOSOVO_SOURCE = "000_53179621937ae718.txt"


def _lead(view, sector_id):
    lead = view.by_id()[sector_id].lead
    return (lead.nation, lead.status) if lead else None


def test_the_seeds_leads_are_speculative_hedged_passages_only(project: Project) -> None:
    # before the first later article (2026-02-10) the map is the seeds': every lead passage hedged
    view = project.view(date(2026, 2, 9))
    assert _lead(view, "north-gaza") == ("Kosovo", "speculative")
    assert _lead(view, "deir-al-balah") == ("Albania", "speculative")
    for sector_id in ("gaza-city", "khan-yunis", "rafah"):
        assert _lead(view, sector_id) is None
    assert [c.id for c in view.by_id()["rafah"].claims] == ["isf-first-deployment-rafah"]
    assert all(c.sector is None for c in view.force)


def test_the_later_reporting_moves_the_map(project: Project) -> None:
    """Typed from the articles: Kan's report of an area between Rafah and Khan Yunis for Indonesia's troops
    (2026-02-10, relayed, so reported), the commander's Rafah-first sequence (2026-02-19/20, the force's own
    official: confirmed, no nation), and Kosovo's and Albania's sectors 'according to the planning' (2026-02-24)."""
    kan = project.view(date(2026, 2, 10))
    assert _lead(kan, "rafah") == _lead(kan, "khan-yunis") == ("Indonesia", "reported")
    assert _lead(kan, "north-gaza") == ("Kosovo", "speculative")
    rafah_first = project.view(date(2026, 2, 20)).by_id()["rafah"]
    phase = next(c for c in rafah_first.claims if c.id == "isf-first-deployment-rafah")
    assert (phase.nation, phase.status) == (None, "confirmed")
    plan = project.view(date(2026, 2, 24))
    assert _lead(plan, "north-gaza") == ("Kosovo", "reported")
    assert _lead(plan, "deir-al-balah") == ("Albania", "reported")
    assert _lead(plan, "gaza-city") is None
    assert _lead(project.view(), "north-gaza") == ("Kosovo", "reported")


def test_as_of_before_the_kosovo_article_removes_its_leads(project: Project) -> None:
    # article 000 dates from 2026 (agreement "reached in October last year" = October 2025)
    view = project.view(date(2025, 12, 31), include_undated=True)
    assert _lead(view, "north-gaza") is None and _lead(view, "deir-al-balah") is None
    assert view.by_id()["rafah"].claims, "undated article 002 stays when undated sources are included"
    strict = project.view(date(2025, 12, 31), include_undated=False)
    assert not strict.by_id()["rafah"].claims
    later = project.view(date(2026, 2, 23), include_undated=False)
    assert _lead(later, "north-gaza") == ("Kosovo", "speculative")


def test_as_of_drops_only_the_later_passages_of_a_claim(project: Project) -> None:
    view = project.view(date(2025, 12, 1), include_undated=False)
    ids = {c.id for c in view.force}
    assert "deployment-early-2026" in ids  # 004 (on or after 2025-11-20) counts; 003 is undated
    claim = next(c for c in view.force if c.id == "deployment-early-2026")
    assert [e.source_id for e in claim.evidence] == ["004_5daf8beab54a5ef0.txt"]


def _edit_claims(paths: ProjectPaths, edit) -> Project:
    doc = json.loads(paths.claims.read_text(encoding="utf-8"))
    edit(doc)
    paths.claims.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return load_project(paths)


def test_two_nations_named_for_one_sector_make_it_contested(data_copy: ProjectPaths) -> None:
    def add_rival(doc):
        rival = json.loads(json.dumps(doc["claims"][1]))  # Albania / Deir al-Balah
        rival.update(id="kosovo-lead-deir-al-balah-test", nation="Kosovo")
        doc["claims"].append(rival)

    project = _edit_claims(data_copy, add_rival)
    view = project.view()
    lead = view.by_id()["deir-al-balah"].lead
    assert lead.status == "contested" and lead.nation is None
    assert lead.candidates == ("Albania", "Kosovo")
    assert any(d.id == "lead-deir-al-balah" for d in view.disagreements)


def test_a_denial_of_the_named_lead_contests_it(data_copy: ProjectPaths) -> None:
    def add_denial(doc):
        denial = json.loads(json.dumps(doc["claims"][0]))
        denial["id"] = "kosovo-lead-denied-test"
        for passage in denial["evidence"]:  # status follows from who says it and how: here, all deny
            passage.update(said_by="nation-official", manner="denied")
        doc["claims"].append(denial)

    lead = _edit_claims(data_copy, add_denial).view().by_id()["north-gaza"].lead
    assert lead.status == "contested" and lead.candidates == ("Kosovo",)


def test_confirmed_beats_speculative_for_the_same_nation(data_copy: ProjectPaths) -> None:
    def confirm(doc):
        stronger = json.loads(json.dumps(doc["claims"][0]))
        stronger["id"] = "kosovo-lead-confirmed-test"
        stronger["evidence"][0].update(said_by="nation-official", manner="stated")  # stated by Kosovo: confirmed
        doc["claims"].append(stronger)

    assert _lead(_edit_claims(data_copy, confirm).view(), "north-gaza") == ("Kosovo", "confirmed")


def test_broken_passage_is_reported_and_never_drawn_as_sound(data_copy: ProjectPaths) -> None:
    def break_kosovo(doc):
        quote = doc["claims"][0]["evidence"][1]["selector"][0]
        quote["exact"] = "Kosovo will certainly lead Northern Gaza."  # no source says this

    project = _edit_claims(data_copy, break_kosovo)
    sector = project.view(date(2026, 2, 23)).by_id()["north-gaza"]  # the broken claim was the only one then
    assert sector.lead is None
    assert [c.id for c in sector.broken_claims] == ["kosovo-lead-north-gaza"]
    now = project.view().by_id()["north-gaza"]  # later, the lead rests on the sound claim alone
    assert (now.lead.nation, now.lead.status, now.lead.sources) == ("Kosovo", "reported", 1)
    assert "kosovo-lead-north-gaza" not in [c.id for c in now.claims]
    messages = [str(p) for p in project.problems]
    assert any("claims[0] (kosovo-lead-north-gaza).evidence[1]" in m and "broken passage" in m for m in messages)


def test_unknown_sector_nation_and_source_are_problems(data_copy: ProjectPaths) -> None:
    def corrupt(doc):
        doc["claims"][1]["sector"] = "gaza-port"
        doc["claims"][3]["nation"] = "Atlantis"
        doc["claims"][4]["evidence"][0]["source"] = "999_missing.txt"

    project = _edit_claims(data_copy, corrupt)
    text = "\n".join(str(p) for p in project.problems)
    assert "unknown sector 'gaza-port'" in text
    assert "unknown nation 'Atlantis'" in text
    assert "unknown source '999_missing.txt'" in text
    assert project.broken_claims == 3
    assert _lead(project.view(date(2026, 2, 23)), "north-gaza") == ("Kosovo", "speculative")  # the sound rest


def test_moved_passage_in_edited_article_still_verifies(data_copy: ProjectPaths) -> None:
    article = data_copy.seeds / KOSOVO_SOURCE
    article.write_bytes(b"Update: corrected headline.\n" + (SEEDS / KOSOVO_SOURCE).read_bytes())
    project = load_project(data_copy)
    assert project.broken_claims == 0
    assert _lead(project.view(date(2026, 2, 23)), "north-gaza") == ("Kosovo", "speculative")
    assert any("passage moved" in p.message and p.severity == "warning" for p in project.problems)
    assert any("sha256 changed" in p.message for p in project.problems)
