"""Review: accept adds a verified claim (with a backup), reject is remembered across ingests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapview.cli import main
from mapview.data.project import ProjectPaths, load_project
from mapview.ingest.review import ReviewError, accept, load_proposals, pending, reject
from tests.conftest import NEXT_SEED

ARTICLE = ("Sector news\n"
           "Kosovo will lead the North Gaza sector, officials said. Turkey could be responsible for Khan Younis.\n")


def _ingest(paths: ProjectPaths, article: Path) -> int:
    return main(["--seeds", str(paths.seeds), "--claims", str(paths.claims), "--sectors", str(paths.sectors),
                 "ingest", str(article)])


@pytest.fixture()
def ingested(data_copy: ProjectPaths, tmp_path: Path) -> tuple[ProjectPaths, Path, Path]:
    article = tmp_path / "news.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert _ingest(data_copy, article) == 0
    return data_copy, article, data_copy.claims.parent / "proposals.json"


def _id(proposals: Path, nation: str) -> str:
    return next(p.id for p in load_proposals(proposals) if p.nation == nation)


def test_pending_lists_the_new_proposals(ingested) -> None:
    _, _, proposals = ingested
    assert {(p.nation, p.sector, p.role, p.status) for p in pending(proposals)} == {
        ("Kosovo", "north-gaza", "lead", "reported"), ("Turkey", "khan-yunis", "lead", "speculative")}


def test_accept_adds_a_verified_claim_and_keeps_a_backup(ingested) -> None:
    paths, _, proposals = ingested
    before = paths.claims.read_bytes()
    claim = accept(_id(proposals, "Kosovo"), paths.claims, proposals)
    assert claim.nation == "Kosovo" and not claim.broken
    backups = list((paths.claims.parent / "backups").glob("claims-*.json"))
    assert [b.read_bytes() for b in backups] == [before]

    project = load_project(paths)
    assert project.problems == []
    added = project.claims.by_id()[claim.id]
    assert (added.nation, added.sector, added.role, added.status) == ("Kosovo", "north-gaza", "lead", "reported")
    assert [e.text for e in added.evidence] == ["Kosovo will lead the North Gaza sector, officials said."]
    assert all(e.found for e in added.evidence)
    assert [p.id for p in pending(proposals)] == [_id(proposals, "Turkey")]


def test_accept_with_edits(ingested) -> None:
    paths, _, proposals = ingested
    before = paths.claims.read_bytes()
    # "Turkey could be responsible …" is hedged: reported is a status the rules do not give, so it needs a reason
    with pytest.raises(ReviewError, match="write the reason"):
        accept(_id(proposals, "Turkey"), paths.claims, proposals, {"role": "troops", "status": "reported"})
    assert paths.claims.read_bytes() == before
    claim = accept(_id(proposals, "Turkey"), paths.claims, proposals,
                   {"role": "troops", "status": "reported", "status_reason": "the ministry's site lists it"})
    project = load_project(paths)
    added = project.claims.by_id()[claim.id]
    assert (added.nation, added.sector, added.role, added.status) == ("Turkey", "khan-yunis", "troops", "reported")
    assert added.basis.rules_status == "speculative" and added.basis.reason == "the ministry's site lists it"
    assert [(e.attribution.said_by, e.attribution.manner) for e in added.evidence] == [("media", "hedged")]


def test_accepted_unchanged_a_claim_records_who_says_it_and_is_never_stronger(ingested) -> None:
    paths, _, proposals = ingested
    claim = accept(_id(proposals, "Kosovo"), paths.claims, proposals)
    raw = next(c for c in json.loads(paths.claims.read_text(encoding="utf-8"))["claims"] if c["id"] == claim.id)
    assert "status" not in raw  # derived from the passages, as for the curated claims
    assert [(e["said_by"], e["manner"]) for e in raw["evidence"]] == [("unnamed-officials", "stated")]
    assert load_project(paths).claims.by_id()[claim.id].status == "reported"


def test_the_reviewer_changes_who_says_a_passage_and_so_its_status(ingested) -> None:
    paths, _, proposals = ingested
    said = [{"said_by": "nation-official", "manner": "stated", "speaker": "Kosovo's defence minister"}]
    claim = accept(_id(proposals, "Kosovo"), paths.claims, proposals, {"attributions": said})
    added = load_project(paths).claims.by_id()[claim.id]
    assert added.status == "confirmed" and added.evidence[0].attribution.speaker == "Kosovo's defence minister"
    with pytest.raises(ReviewError, match="said_by"):
        accept(_id(proposals, "Turkey"), paths.claims, proposals, {"attributions": [{"said_by": "the pope"}]})


def test_accept_refuses_a_claim_that_does_not_verify(ingested) -> None:
    paths, _, proposals = ingested
    before = paths.claims.read_bytes()
    with pytest.raises(ReviewError, match="unknown sector"):
        accept(_id(proposals, "Turkey"), paths.claims, proposals, {"sector": "sinai"})
    with pytest.raises(ReviewError, match="cannot edit"):
        accept(_id(proposals, "Turkey"), paths.claims, proposals, {"evidence": []})
    # the article changed under the proposal: its passage is gone, so nothing may be written
    article = next(paths.seeds.glob(f"{NEXT_SEED}*.txt"))
    article.write_text("Sector news\nNothing about sectors here.\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="broken passage"):
        accept(_id(proposals, "Kosovo"), paths.claims, proposals)
    assert paths.claims.read_bytes() == before
    assert not (paths.claims.parent / "backups").exists()
    assert len(pending(proposals)) == 2


def test_rejected_proposals_are_not_proposed_again(ingested) -> None:
    paths, article, proposals = ingested
    turkey = _id(proposals, "Turkey")
    reject(turkey, proposals)
    rejected = json.loads((paths.claims.parent / "rejected.json").read_text())
    (entry,) = rejected["rejected"]
    assert (entry["source"], entry["nation"], entry["sector"], entry["role"]) == (
        next(paths.seeds.glob(f"{NEXT_SEED}*.txt")).name, "Turkey", "khan-yunis", "lead")
    assert entry["passages"][0]["exact"] == "Turkey could be responsible for Khan Younis."

    # a fresh proposals file (as if the reviewer cleared it): the rejection alone keeps Turkey out
    proposals.unlink()
    assert _ingest(paths, article) == 0
    assert {p.nation for p in load_proposals(proposals)} == {"Kosovo"}
    with pytest.raises(ReviewError, match="no proposal"):
        reject(turkey, proposals)


def test_a_fifo_as_proposals_file_is_refused_not_read(tmp_path) -> None:
    """Reading a FIFO would block forever; the shared JSON reader refuses anything but a regular file."""
    import os

    from mapview.ingest.proposals import ProposalsError, read_proposals

    fifo = tmp_path / "proposals.json"
    os.mkfifo(fifo)
    with pytest.raises(ProposalsError, match="not a regular file"):
        read_proposals(fifo)


@pytest.mark.parametrize("decision", ["accept", "reject"])
def test_a_full_disk_at_the_proposals_write_leaves_the_decision_undone(ingested, monkeypatch, decision) -> None:
    """The first file (claims.json or rejected.json) is put back: the proposal stays pending and accepting it
    again, once the disk has room, adds it once."""
    import errno

    from mapview.ingest import review

    paths, _, proposals = ingested
    rejected = paths.claims.parent / "rejected.json"
    claims_before, proposals_before = paths.claims.read_bytes(), proposals.read_bytes()
    rejected_before = rejected.read_bytes() if rejected.exists() else None
    kosovo = _id(proposals, "Kosovo")

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(review, "write_proposals", full)
    with pytest.raises(ReviewError, match="No space left on device.*nothing was changed"):
        if decision == "accept":
            accept(kosovo, paths.claims, proposals)
        else:
            reject(kosovo, proposals)
    assert paths.claims.read_bytes() == claims_before and proposals.read_bytes() == proposals_before
    assert (rejected.read_bytes() if rejected.exists() else None) == rejected_before
    monkeypatch.undo()
    accept(kosovo, paths.claims, proposals)
    added = [c for c in json.loads(paths.claims.read_text(encoding="utf-8"))["claims"] if c["nation"] == "Kosovo"
             and c.get("sector") == "north-gaza" and c["id"].startswith(kosovo)]  # the proposal's id, or id-2…
    assert len(added) == 1
