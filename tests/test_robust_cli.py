"""The CLI on bad input: a non-zero exit and a located message, never a Python traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mapview.data.project import ProjectPaths
from tests.conftest import CURATED_CLAIMS, CURATED_PASSAGES

ROOT = Path(__file__).resolve().parents[1]
SUMMARY = re.compile(r"^\d+ claims, \d+ passages verified, \d+ broken passages?; \d+ broken claims?, \d+ problems?$")


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python main.py ARGS`` as a user would; output decoded leniently so odd bytes cannot hide a crash."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, errors="replace", timeout=120, env={**os.environ, **(env or {})})


def data_args(paths: ProjectPaths) -> list[str]:
    return ["--sectors", str(paths.sectors), "--claims", str(paths.claims), "--seeds", str(paths.seeds)]


def _truncate(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8")[:-50], encoding="utf-8")


def _break_sectors(p: ProjectPaths) -> str:
    _truncate(p.sectors)
    return str(p.sectors)


def _break_claims(p: ProjectPaths) -> str:
    _truncate(p.claims)
    return str(p.claims)


def _latin1_article(p: ProjectPaths) -> str:
    path = p.seeds / "004_5daf8beab54a5ef0.txt"
    path.unlink()
    path.write_bytes(b"caf\xe9 au lait")
    return str(path)


def _binary_claims(p: ProjectPaths) -> str:
    p.claims.write_bytes(os.urandom(4096) + b"\x00")
    return str(p.claims)


def _huge_sectors(p: ProjectPaths) -> str:
    with p.sectors.open("r+b") as handle:
        handle.truncate(51_000_000)
    return "51,000,000 bytes"


def _escaping_source(p: ProjectPaths) -> str:
    doc = json.loads(p.claims.read_text(encoding="utf-8"))
    doc["claims"][0]["evidence"][0]["source"] = "../../etc/passwd"
    p.claims.write_text(json.dumps(doc), encoding="utf-8")
    return "unknown source '../../etc/passwd'"


def _self_intersecting(p: ProjectPaths) -> str:
    doc = json.loads(p.sectors.read_text(encoding="utf-8"))
    doc["features"][4]["geometry"]["coordinates"] = [[[34.2, 31.25], [34.3, 31.35], [34.3, 31.25],
                                                      [34.2, 31.35], [34.2, 31.25]]]
    p.sectors.write_text(json.dumps(doc), encoding="utf-8")
    return "features[4] (rafah): invalid polygon: Self-intersection"


def _claims_is_folder(p: ProjectPaths) -> str:
    p.claims.unlink()
    p.claims.mkdir()
    return "claims file is a folder"


def _seeds_missing(p: ProjectPaths) -> str:
    import shutil

    shutil.rmtree(p.seeds)
    return "seeds folder does not exist"


BAD_INPUTS: dict[str, Callable[[ProjectPaths], str]] = {
    "malformed sectors": _break_sectors,
    "malformed claims": _break_claims,
    "latin-1 article": _latin1_article,
    "binary claims": _binary_claims,
    "huge sectors": _huge_sectors,
    "escaping source id": _escaping_source,
    "self-intersecting sector": _self_intersecting,
    "claims is a folder": _claims_is_folder,
    "seeds missing": _seeds_missing,
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
@pytest.mark.parametrize("command", [["verify"], ["verify", "--json"], ["assignments"], ["assignments", "--json"]])
def test_bad_input_fails_cleanly(data_copy: ProjectPaths, case: str, command: list[str]) -> None:
    expected = BAD_INPUTS[case](data_copy)
    result = run_cli(*command, *data_args(data_copy))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    if "--json" in command:
        report = json.loads(result.stdout)  # still a complete JSON document, problems included
        lines = [f"{p['file']}: {p['location']}: {p['message']}" for p in report["problems"]]
        assert any(expected in line for line in lines), lines
    else:
        assert expected in output


def test_verify_lists_problems_with_file_and_location_then_summary_last(data_copy: ProjectPaths) -> None:
    _self_intersecting(data_copy)
    result = run_cli("verify", *data_args(data_copy))
    lines = result.stdout.splitlines()
    assert SUMMARY.match(lines[-1]), lines[-1]
    in_rafah = sum(c.get("sector") == "rafah" for c in json.loads(data_copy.claims.read_text())["claims"])
    broken = f"{in_rafah} broken claim{'s' if in_rafah != 1 else ''}"
    summary = f"{CURATED_CLAIMS} claims, {CURATED_PASSAGES} passages verified, 0 broken passages; {broken},"
    assert lines[-1].startswith(summary)
    problem_lines = lines[:-1]
    assert f"error: {data_copy.sectors}: features[4] (rafah): invalid polygon: Self-intersection" in result.stdout
    claims_line = next(line for line in problem_lines if line.startswith(f"error: {data_copy.claims}: "))
    assert "claims[2] (isf-first-deployment-rafah)" in claims_line and "unknown sector 'rafah'" in claims_line
    assert result.returncode == 1


def test_verify_on_the_real_data_is_clean() -> None:
    result = run_cli("verify")
    assert result.returncode == 0, result.stdout
    summary = (f"{CURATED_CLAIMS} claims, {CURATED_PASSAGES} passages verified, 0 broken passages; 0 broken claims, "
               "0 problems")
    assert result.stdout.splitlines() == [summary]


def test_strict_fails_on_warnings_only(data_copy: ProjectPaths) -> None:
    doc = json.loads(data_copy.sectors.read_text(encoding="utf-8"))
    doc["crs"] = {"type": "name", "properties": {"name": "EPSG:4326"}}
    data_copy.sectors.write_text(json.dumps(doc), encoding="utf-8")
    relaxed = run_cli("verify", *data_args(data_copy))
    strict = run_cli("verify", "--strict", *data_args(data_copy))
    assert relaxed.returncode == 0 and strict.returncode == 1
    for result in (relaxed, strict):
        assert f"warning: {data_copy.sectors}: crs: " in result.stdout
        assert SUMMARY.match(result.stdout.splitlines()[-1])
    strict_json = json.loads(run_cli("verify", "--strict", "--json", *data_args(data_copy)).stdout)
    assert strict_json["ok"] is False


def test_strict_passes_on_clean_data() -> None:
    assert run_cli("verify", "--strict").returncode == 0


@pytest.mark.parametrize("args", [
    ["verify", "--as-of", "yesterday"],
    ["assignments", "--as-of", "2026-13-40"],
    ["no-such-command"],
    ["verify", "--no-such-option"],
    ["anchor"],
    ["anchor", "--occurrence", "x", "000_53179621937ae718.txt", "Kosovo"],
])
def test_usage_errors_exit_2_without_traceback(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert "error:" in result.stderr and "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(("args", "expected"), [
    (["anchor", "../../etc/passwd", "root"], "no readable source '../../etc/passwd'"),
    (["anchor", "000_53179621937ae718.txt", "Atlantis will lead Rafah"], "quote not found"),
    (["anchor", "000_53179621937ae718.txt", "Kosovo", "--occurrence", "999"], "quote not found 1000 time(s)"),
])
def test_anchor_errors(args: list[str], expected: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 1 and expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_undecodable_path_and_ascii_terminal_do_not_crash(tmp_path: Path) -> None:
    odd = os.fsdecode(bytes(tmp_path) + b"/claims-\xff.json")
    for env in ({"PYTHONIOENCODING": "utf-8"}, {"PYTHONIOENCODING": "ascii"}):
        for command in (["verify"], ["verify", "--json"], ["assignments"]):
            result = run_cli(*command, "--claims", odd, env=env)
            assert result.returncode == 1, result.stderr
            assert "Traceback" not in result.stdout + result.stderr
            assert "claims-" in result.stdout + result.stderr


@pytest.mark.parametrize("command", [["ingest", "ARTICLE"], ["review"], ["review", "--accept", "x"], ["follow"]])
def test_commands_that_write_refuse_a_claims_folder_and_write_nothing(data_copy: ProjectPaths, tmp_path: Path,
                                                                       command: list[str]) -> None:
    # "--claims claims" (the folder) would put proposals.json in the folder's parent, where nothing reads it
    article = tmp_path / "article.txt"
    article.write_text("Indonesian troops will be stationed in Rafah, officials said.\n", encoding="utf-8")
    folder = data_copy.claims.parent
    before = sorted(p.name for p in folder.parent.iterdir()), sorted(p.name for p in folder.iterdir())
    seeds_before = sorted(p.name for p in data_copy.seeds.iterdir())
    args = [str(article) if a == "ARTICLE" else a for a in command]
    result = run_cli("--sectors", str(data_copy.sectors), "--claims", str(folder), "--seeds", str(data_copy.seeds),
                     *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"{folder}: claims file is a folder" in result.stderr and "claims.json" in result.stderr
    assert "Traceback" not in result.stderr
    assert (sorted(p.name for p in folder.parent.iterdir()), sorted(p.name for p in folder.iterdir())) == before
    assert sorted(p.name for p in data_copy.seeds.iterdir()) == seeds_before
