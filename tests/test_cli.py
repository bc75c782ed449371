"""The CLI end to end, as a user runs it: `python main.py verify` and `assignments`."""

from __future__ import annotations

import json
import subprocess
import sys

from mapview.data.project import ProjectPaths
from tests.conftest import CURATED_CLAIMS, CURATED_PASSAGES, DATA, ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_verify_passes_on_the_project_data() -> None:
    result = run("verify")
    assert result.returncode == 0, result.stdout + result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith(f"{CURATED_CLAIMS} claims, {CURATED_PASSAGES} passages verified, 0 broken")


def test_assignments_json_shows_the_leads_with_verbatim_passages() -> None:
    result = run("assignments", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    sectors = {s["id"]: s for s in doc["sectors"]}
    # the seed's hedged "may assume" / "may be responsible", then Detay Kıbrıs's plan (stated by the outlet)
    assert sectors["north-gaza"]["lead"] == {"nation": "Kosovo", "status": "reported", "independent_sources": 2}
    assert sectors["deir-al-balah"]["lead"] == {"nation": "Albania", "status": "reported", "independent_sources": 2}
    # only Il Giornale d'Italia places Indonesia IN them ("nella zona di Rafah e Khan Younis"); Kan's report as
    # A News, Lebanon24, Yeni Şafak and Son Dakika relay put it at one site BETWEEN them, which colours neither
    for sector_id in ("rafah", "khan-yunis"):
        assert sectors[sector_id]["lead"] == {"nation": "Indonesia", "status": "reported", "independent_sources": 1}
    assert sectors["gaza-city"]["lead"] is None
    for sector in sectors.values():
        for claim in sector["claims"]:
            for ev in claim["evidence"]:
                article = (DATA / "seeds" / ev["source"]).read_text(encoding="utf-8")
                assert article[ev["start"]:ev["end"]] == ev["exact"]
    assert any("Albania may be responsible for the Deir al-Balah sector" in ev["exact"]
               for c in sectors["deir-al-balah"]["claims"] for ev in c["evidence"])
    assert {"force", "problems"} <= set(doc) and doc["problems"] == []


def test_assignments_as_of_excludes_later_and_undated_sources() -> None:
    doc = json.loads(run("assignments", "--json", "--as-of", "2025-12-31").stdout)
    assert all(s["lead"] is None for s in doc["sectors"])
    assert all(ev["source"] == "004_5daf8beab54a5ef0.txt" for c in doc["force"] for ev in c["evidence"])


def test_table_output_is_readable() -> None:
    out = run("assignments").stdout
    assert "North Gaza" in out and "Kosovo" in out and "no lead reported" in out


def test_bad_paths_give_messages_and_exit_codes_not_tracebacks(tmp_path) -> None:
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", encoding="utf-8")
    result = run("verify", "--sectors", str(bad))
    assert result.returncode == 1
    assert "malformed JSON" in result.stdout and "line 1" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    result = run("verify", "--claims", str(tmp_path / "nope.json"))
    assert result.returncode == 1 and "claims file is missing" in result.stdout
    result = run("assignments", "--as-of", "yesterday")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_other_data_through_options(data_copy: ProjectPaths) -> None:
    article = data_copy.seeds / "000_53179621937ae718.txt"
    article.write_bytes(article.read_bytes().replace(b"Albania may be responsible", b"Albania may be in charge"))
    result = run("verify", "--claims", str(data_copy.claims), "--seeds", str(data_copy.seeds))
    assert result.returncode == 1
    assert "albania-lead-deir-al-balah" in result.stdout and "broken passage" in result.stdout


def test_anchor_prints_selectors_for_a_quote() -> None:
    result = run("anchor", "000_53179621937ae718.txt", "Kosovo could be responsible for Northern Gaza")
    doc = json.loads(result.stdout)
    article = (DATA / "seeds" / "000_53179621937ae718.txt").read_text(encoding="utf-8")
    quote, position = doc["selector"]
    assert article[position["start"]:position["end"]] == quote["exact"]


def test_verify_json_prints_each_claims_status_and_basis(data_copy: ProjectPaths, capsys) -> None:
    from mapview.cli import main

    args = ["--seeds", str(data_copy.seeds), "--claims", str(data_copy.claims), "--sectors", str(data_copy.sectors)]
    assert main([*args, "verify", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    statuses = {s["id"]: s for s in doc["statuses"]}
    assert len(statuses) == CURATED_CLAIMS
    kosovo = statuses["kosovo-lead-north-gaza"]
    assert kosovo["status"] == kosovo["basis"]["status"] == "speculative"
    assert {(p["said_by"], p["manner"]) for p in kosovo["basis"]["passages"]} == {
        ("media", "hedged"), ("maps", "hedged"), ("analyst", "hedged")}
    assert kosovo["basis_text"].startswith("speculative: 4 passages")
    # the related efforts (not part of the ISF) have their own member in assignments --json
    assert main([*args, "assignments", "--json"]) == 0
    view = json.loads(capsys.readouterr().out)
    assert {c["id"] for c in view["related"]} >= {"france-police-training", "eu-police-training"}
    assert not {c["id"] for c in view["related"]} & {c["id"] for c in view["force"]}
