"""Issue #14 findings, each reproduced first: non-JSON numbers, anchor occurrences, the metadata file as an
article, raw terminal output from ingest."""

from __future__ import annotations

import json
import subprocess
import sys

from mapview.cli import main as cli_main
from mapview.data.project import load_project
from tests.conftest import ROOT


def _args(paths) -> list[str]:
    return ["--claims", str(paths.claims), "--seeds", str(paths.seeds), "--sectors", str(paths.sectors)]


def test_nan_and_infinity_in_claims_are_refused_with_a_location(data_copy, capsys) -> None:
    text = data_copy.claims.read_text(encoding="utf-8")
    doc = json.loads(text)
    doc["claims"][0]["figures"] = {"personnel": 1}
    data_copy.claims.write_text(json.dumps(doc).replace('"personnel": 1', '"personnel": NaN'), encoding="utf-8")
    project = load_project(data_copy)
    assert any("nan is not a JSON number" in p.message and p.location.endswith(".figures.personnel")
               for p in project.problems)
    assert cli_main([*_args(data_copy), "assignments", "--json"]) in (0, 1)
    json.loads(capsys.readouterr().out)  # whatever it prints is valid JSON (no NaN)


def test_anchor_occurrence_must_not_be_negative(capsys) -> None:
    source, quote = "000_53179621937ae718.txt", "Kosovo"
    assert cli_main(["anchor", source, quote, "--occurrence", "-1"]) != 0
    assert "occurrence must be 0 or more" in capsys.readouterr().err
    assert cli_main(["anchor", source, quote, "--occurrence", "-100"]) != 0
    assert "occurrence must be 0 or more" in capsys.readouterr().err


def test_the_metadata_file_never_becomes_a_citable_article(data_copy) -> None:
    meta_path = data_copy.seeds / "sources.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["sources"].append({"id": "sources.json", "title": "not an article"})
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    project = load_project(data_copy)
    assert "sources.json" not in project.sources
    assert any("is the metadata file, not an article" in p.message for p in project.problems)


def test_ingest_output_is_inert_in_a_terminal(data_copy, tmp_path) -> None:
    article = tmp_path / "evil\x1b[31mname\u202e.txt"
    article.write_text("Plain title\n\nOfficials said Kosovo will lead the Khan Younis sector.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *_args(data_copy), "ingest", str(article)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\\u001b[31mname\\u202e.txt" in result.stdout


def test_a_list_where_a_name_belongs_does_not_crash_ingest(data_copy, tmp_path) -> None:
    doc = json.loads(data_copy.claims.read_text(encoding="utf-8"))
    doc["claims"][0]["nation"] = ["Kosovo"]
    data_copy.claims.write_text(json.dumps(doc), encoding="utf-8")
    rejected = data_copy.claims.parent / "rejected.json"
    rejected.write_text(json.dumps({"schema": "mapview-rejected/1", "rejected": [
        {"source": {"a": 1}, "nation": ["x"], "passages": [{"start": 0, "end": 5}]}]}), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nOfficials said Kosovo will lead the Khan Younis sector.\n", encoding="utf-8")
    assert cli_main([*_args(data_copy), "ingest", str(article)]) == 0
    project = load_project(data_copy)
    assert any("nation must be a name or null" in p.message for p in project.problems)


def test_overlapping_sectors_are_warned_about(data_copy) -> None:
    doc = json.loads(data_copy.sectors.read_text(encoding="utf-8"))
    rafah = next(f for f in doc["features"] if f["properties"]["id"] == "rafah")
    khan = next(f for f in doc["features"] if f["properties"]["id"] == "khan-yunis")
    rafah["geometry"] = khan["geometry"]  # Rafah drawn over Khan Yunis
    rafah["properties"].pop("area_km2", None)
    data_copy.sectors.write_text(json.dumps(doc), encoding="utf-8")
    project = load_project(data_copy)
    assert any("overlaps" in p.message and p.severity == "warning" for p in project.problems)
    assert not [p for p in load_project().problems if "overlaps" in p.message]  # the real sectors only touch


def test_verify_reports_an_interrupted_writes_leftovers_and_repair_removes_them(data_copy, capsys) -> None:
    stray = data_copy.seeds / ".005_abc.txt.x1y2z3.tmp"
    stray.write_bytes(b"half an article")
    claims_stray = data_copy.claims.parent / ".claims.json.q9w8.tmp"
    claims_stray.write_bytes(b"{")
    assert cli_main([*_args(data_copy), "verify", "--strict"]) != 0
    report = capsys.readouterr().out
    assert stray.name in report and claims_stray.name in report and "verify --repair" in report
    assert cli_main([*_args(data_copy), "verify", "--repair", "--strict"]) == 0
    assert not stray.exists() and not claims_stray.exists()
    assert "removed" in capsys.readouterr().out
