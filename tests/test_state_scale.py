"""The lists the state checks an open passage against are the ones the panels show, found without walking every
disagreement once per claim (opening a passage in a 2,000-claim sector took seconds)."""

from __future__ import annotations

from benchmarks.bench_scale import build_project
from mapview import wording
from mapview.data.project import Project, load_project
from mapview.state import SECTOR, AppState, with_contradictions
from tests.conftest import DATA


def _by_claim(claims, view):
    """The rule as first written: each claim asks for its disagreements, each adds the claims it names."""
    by_id = view.claims_by_id
    listed = {c.id: c for c in claims}
    for claim in claims:
        for disagreement in view.disagreements_of(claim.id):
            for other in disagreement.claim_ids:
                if other in by_id:
                    listed.setdefault(other, by_id[other])
    return list(listed.values())


def test_contradicting_claims_come_in_the_same_order_as_asked_claim_by_claim(project: Project) -> None:
    view = project.view()
    assert view.disagreements
    lists = [v.claims for v in view.sectors] + [s.claims for s in wording.nation_summaries(view)]
    for claims in lists:
        assert [c.id for c in with_contradictions(claims, view)] == [c.id for c in _by_claim(claims, view)]


def test_a_passage_of_a_large_contested_sector_opens_and_follows_a_new_day(tmp_path) -> None:
    state = AppState(load_project(build_project(tmp_path, articles=300, source=DATA)))
    worst = max(state.view.sectors, key=lambda v: len(v.claims))
    state.select(worst.sector.id)
    evidence = worst.claims[-1].evidence[0]  # the last claim of ~600, in a dispute naming all of them
    state.open(evidence, SECTOR)
    assert state.open_passage is not None and state.open_passage.evidence is evidence
    state.set_as_of(evidence.source.date.earliest)
    assert state.open_passage is not None and state.open_passage.evidence.anchor == evidence.anchor
