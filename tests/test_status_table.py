"""One status engine: every sentence of tests/status_table.jsonl gets the status the README's rules give, through
ingest (a proposal) and through Accept (a claim), and the two never disagree.

Each row is a sentence worded after real reporting (``wording_from``: the article whose attribution, hedge or denial
wording it follows), in English, Turkish, Albanian, Indonesian and Arabic, with who says it (``said_by``), how
(``manner``) and the status, judged by hand from README.md "Status" — not from the code's output. A row with a
``context`` is a quote or a name whose speaker the sentence before it introduces.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mapview.data.project import ProjectPaths, load_project
from mapview.data.status import derive_status
from mapview.ingest.command import apply_plan, plan_ingest
from mapview.ingest.review import accept, load_proposals, proposals_path_for
from tests.conftest import DATA, SHARED_SEEDS

TABLE = [json.loads(line) for line in (Path(__file__).with_name("status_table.jsonl")).read_text(
    encoding="utf-8").splitlines() if line.strip()]


def empty_project(root: Path) -> ProjectPaths:
    """A project with the sectors and nothing else: no articles, no claims."""
    shutil.copytree(DATA / "geodata", root / "geodata")
    (root / "seeds").mkdir()
    (root / "claims").mkdir()
    (root / "claims" / "claims.json").write_text(
        json.dumps({"schema": "mapview-claims/2", "claims": [], "disagreements": []}), encoding="utf-8")
    return ProjectPaths(sectors=root / "geodata" / "sectors.geojson", claims=root / "claims" / "claims.json",
                        seeds=root / "seeds", context=root / "geodata" / "context.geojson")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectPaths, dict[int, str]]:
    """Every row ingested as an article of its own (the sentence, after its context if it has one)."""
    root = tmp_path_factory.mktemp("status-table")
    paths = empty_project(root / "project")
    incoming = root / "incoming"
    incoming.mkdir()
    files = []
    for i, row in enumerate(TABLE):
        path = incoming / f"row-{i:03d}.txt"
        path.write_text((row["context"] + " " if "context" in row else "") + row["text"] + "\n", encoding="utf-8")
        files.append(path)
    plan = plan_ingest(files, paths)
    apply_plan(plan, paths)
    assert not plan.refused
    return paths, {i: article.source_id for i, article in enumerate(plan.articles)}


def test_the_table_covers_every_language_speaker_and_manner() -> None:
    assert len(TABLE) >= 60
    assert {r["lang"] for r in TABLE} == {"en", "tr", "sq", "id", "ar"}
    for lang in ("tr", "sq", "id", "ar"):
        assert sum(r["lang"] == lang for r in TABLE) >= 10, lang
    assert {r["said_by"] for r in TABLE} >= {"nation-official", "force-official", "other-government",
                                            "unnamed-officials", "media", "analyst", "maps"}
    assert {r["manner"] for r in TABLE} == {"stated", "hedged", "denied"}
    assert {r["status"] for r in TABLE} == {"confirmed", "reported", "speculative", "denied"}
    assert sum("context" in r for r in TABLE) >= 3  # quotes and names tied to a speaker named before
    assert all(r["wording_from"] for r in TABLE)


def _proposal(paths: ProjectPaths, source: str, row: dict):
    found = [p for p in load_proposals(proposals_path_for(paths.claims))
             if p.source == source and p.nation == row["nation"] and p.sector == row["sector"]]
    assert len(found) == 1, (row["text"], [(p.nation, p.sector, p.role) for p in found])
    return found[0]


@pytest.mark.parametrize("index", range(len(TABLE)), ids=[f"{r['lang']}-{i}" for i, r in enumerate(TABLE)])
def test_ingest_proposes_the_rules_status_and_accept_keeps_it(ingested, index: int) -> None:
    paths, sources = ingested
    row = TABLE[index]
    proposal = _proposal(paths, sources[index], row)
    said = proposal.evidence[-1].attribution  # the row's sentence (a context sentence comes before it)
    assert proposal.evidence[-1].anchor.exact == row["text"]
    assert (proposal.role, said.said_by, said.manner, proposal.status) == (
        row["role"], row["said_by"], row["manner"], row["status"]), row["text"]
    # ingest and data agree: the proposal's status is the engine's for its passages
    assert proposal.status == derive_status([p.attribution for p in proposal.evidence],
                                            [p.source for p in proposal.evidence], "x",
                                            force_wide=proposal.nation is None).status
    # Accept, unchanged: the claim records who says each passage and comes out with the same status
    claim = accept(proposal.id, paths.claims, proposals_path_for(paths.claims), seeds=paths.seeds,
                   sectors=paths.sectors)
    loaded = load_project(paths).claims.by_id()[claim.id]
    assert [e.attribution for e in loaded.evidence] == [p.attribution for p in proposal.evidence]
    assert loaded.status == row["status"], row["text"]


def test_the_five_seeds_ingested_into_an_empty_project_propose_both_leads_as_speculative(tmp_path: Path) -> None:
    paths = empty_project(tmp_path / "project")
    seeds = sorted(SHARED_SEEDS.glob("*.txt"))
    assert len(seeds) == 5
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    for seed in seeds:
        shutil.copyfile(seed, incoming / seed.name)
    plan = plan_ingest(sorted(incoming.glob("*.txt")), paths)
    leads = {(p.nation, p.sector): p for p in plan.proposals if p.role == "lead"}
    assert set(leads) == {("Kosovo", "north-gaza"), ("Albania", "deir-al-balah")}
    for proposal in leads.values():
        assert proposal.status == "speculative"
        assert {p.attribution.manner for p in proposal.evidence} == {"hedged"}
    # nothing the seeds say is proposed stronger than its passages allow
    for proposal in plan.proposals:
        assert proposal.status == proposal.basis.status


def test_the_commander_confirms_the_nations_minister_denies_the_sector_is_contested(tmp_path: Path) -> None:
    paths = empty_project(tmp_path / "project")
    article = tmp_path / "dispute.txt"
    article.write_text("Kosovo will lead the North Gaza sector, the ISF commander said. Kosovo's defence minister "
                       "denied that Kosovo will lead the North Gaza sector.\n", encoding="utf-8")
    apply_plan(plan := plan_ingest([article], paths), paths)
    assert sorted(p.status for p in plan.proposals) == ["confirmed", "denied"]
    for proposal in plan.proposals:
        accept(proposal.id, paths.claims, proposals_path_for(paths.claims), seeds=paths.seeds, sectors=paths.sectors)
    view = load_project(paths).view()
    lead = view.by_id()["north-gaza"].lead
    assert lead is not None and lead.contested and lead.candidates == ("Kosovo",)
    assert any(d.id == "lead-north-gaza" for d in view.disagreements)
