"""Stress (``make test-slow``): several processes ingest hundreds of small articles while others accept and reject
the proposals as they appear, all on one project. Afterwards nothing is lost, no article number is used twice and
``verify`` reports no problem (issue #14)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import CURATED_CLAIMS, ROOT

INGESTERS = 4
RUNS_EACH = 6
ARTICLES_PER_RUN = 10  # 4 x 6 x 10 = 240 articles
REVIEWERS = 2
NATIONS = ("Kosovo", "Albania")
SECTORS = ("Khan Younis", "Rafah", "Deir al-Balah", "North Gaza", "Gaza City")

# A reviewer does what the window's Accept and Reject buttons do: under the project lock, read the pending
# proposals and decide the first one. It goes on until the ingests are over and nothing is left pending.
REVIEWER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from mapview.data.lock import project_lock
    from mapview.data.project import ProjectPaths
    from mapview.ingest import review

    claims, seeds, sectors, done, me = (Path(a) for a in sys.argv[1:6])
    paths = ProjectPaths(sectors, claims, seeds, sectors)
    proposals = review.proposals_path_for(claims)
    decided = 0
    while True:
        finished = done.exists()
        with project_lock(paths, timeout=120):
            pending = review.pending(proposals)
            if pending:
                proposal = pending[0]
                if decided % 4 == 3:
                    review.reject(proposal.id, proposals)
                    print(json.dumps({"rejected": proposal.id}), flush=True)
                else:
                    claim = review.accept(proposal.id, claims, proposals, seeds=seeds, sectors=sectors)
                    print(json.dumps({"accepted": proposal.id, "claim": claim.id}), flush=True)
                decided += 1
        if not pending:
            if finished:
                break
            time.sleep(0.05)
""")


def _articles(folder: Path, worker: int, run: int) -> list[Path]:
    paths = []
    for i in range(ARTICLES_PER_RUN):
        n = (worker * RUNS_EACH + run) * ARTICLES_PER_RUN + i
        path = folder / f"w{worker}-r{run}-{i}.txt"
        path.write_text(f"Dispatch {n} on the stabilization force\n\nOfficials said {NATIONS[n % 2]} will lead the "
                        f"{SECTORS[n % len(SECTORS)]} sector, according to dispatch number {n}.\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.slow
def test_concurrent_ingest_and_review_lose_nothing(data_copy, tmp_path) -> None:
    args = ["--claims", str(data_copy.claims), "--seeds", str(data_copy.seeds), "--sectors", str(data_copy.sectors)]
    before = {p.name for p in data_copy.seeds.glob("*.txt")}
    done = tmp_path / "ingests-done"
    script = tmp_path / "reviewer.py"
    script.write_text(REVIEWER, encoding="utf-8")
    reviewers = [subprocess.Popen([sys.executable, str(script), str(data_copy.claims), str(data_copy.seeds),
                                   str(data_copy.sectors), str(done), str(r)], cwd=ROOT, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for r in range(REVIEWERS)]
    # each ingester is a shell loop of sequential `ingest` runs; the ingesters run side by side
    ingesters = []
    for w in range(INGESTERS):
        commands = [[sys.executable, str(ROOT / "main.py"), *args, "ingest", *map(str, _articles(tmp_path, w, r))]
                    for r in range(RUNS_EACH)]
        ingesters.append(subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
            import subprocess, sys, json
            for command in json.loads(sys.argv[1]):
                result = subprocess.run(command, capture_output=True, text=True)
                if result.returncode != 0:
                    sys.exit(result.stderr or f"exit {result.returncode}")
            """), json.dumps(commands)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    for run in ingesters:
        _, err = run.communicate(timeout=900)
        assert run.returncode == 0, err
    done.touch()
    accepted, rejected = {}, set()
    for run in reviewers:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
        for line in out.splitlines():
            item = json.loads(line)
            if "accepted" in item:
                assert item["accepted"] not in accepted, "a proposal accepted twice"
                accepted[item["accepted"]] = item["claim"]
            else:
                rejected.add(item["rejected"])

    total = INGESTERS * RUNS_EACH * ARTICLES_PER_RUN
    added = {p.name for p in data_copy.seeds.glob("*.txt")} - before
    assert len(added) == total  # every article copied once
    numbers = [int(re.match(r"(\d+)_", name).group(1)) for name in added]
    assert len(set(numbers)) == total  # no NNN used twice
    described = {e["id"] for e in json.loads((data_copy.seeds / "sources.json").read_text("utf-8"))["sources"]}
    assert added <= described  # no run's sources.json entries lost
    proposals = json.loads((data_copy.claims.parent / "proposals.json").read_text("utf-8"))["claims"]
    assert {e["source"] for p in proposals for e in p["evidence"]} == added  # nor any run's proposals
    assert len({p["id"] for p in proposals}) == len(proposals)
    assert all(p["review"] != "pending" for p in proposals)  # the reviewers decided every one
    assert {p["id"] for p in proposals if p["review"] == "accepted"} == set(accepted)
    assert {p["id"] for p in proposals if p["review"] == "rejected"} == rejected
    claims = json.loads(data_copy.claims.read_text("utf-8"))["claims"]
    assert len(claims) == CURATED_CLAIMS + len(accepted)  # no accepted claim lost to another writer
    assert {c["id"] for c in claims} >= set(accepted.values())
    remembered = json.loads((data_copy.claims.parent / "rejected.json").read_text("utf-8"))["rejected"]
    assert {r["proposal"] for r in remembered} == rejected
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "verify", "--json"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["ok"], result.stderr
    assert report["problems"] == [] and report["broken_claims"] == 0
    assert report["claims"] == CURATED_CLAIMS + len(accepted)
