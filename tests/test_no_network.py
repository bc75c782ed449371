"""Nothing remote is ever loaded: loading, verify, assignments and anchor never try to open a connection."""

from __future__ import annotations

import io
import json
import socket
from contextlib import redirect_stderr, redirect_stdout

import pytest

from mapview.cli import main
from mapview.data.project import ProjectPaths, load_project
from tests.conftest import CURATED_CLAIMS, CURATED_PASSAGES

HOSTILE = ("<img src=http://evil.example/pixel.gif>\n<script src=\"https://evil.example/x.js\"></script>\n"
           "<link rel=stylesheet href=//evil.example/s.css> Kosovo may lead the northern sector.\n")


def _run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        code = main(argv)
    return code, out.getvalue()


def test_the_guard_itself_works(network_attempts: list[str]) -> None:
    with pytest.raises(OSError, match="network access attempted"), socket.create_connection(("example.org", 80)):
        pass
    assert network_attempts
    network_attempts.clear()


def test_load_verify_assignments_anchor_stay_offline(network_attempts: list[str], data_copy: ProjectPaths) -> None:
    (data_copy.seeds / "zz_links.txt").write_text(HOSTILE, encoding="utf-8")
    meta = json.loads((data_copy.seeds / "sources.json").read_text(encoding="utf-8"))
    meta["sources"][0]["url"] = "http://evil.example/article"
    (data_copy.seeds / "sources.json").write_text(json.dumps(meta), encoding="utf-8")
    args = ["--sectors", str(data_copy.sectors), "--claims", str(data_copy.claims), "--seeds", str(data_copy.seeds)]

    project = load_project(data_copy)
    assert project.verified_passages == CURATED_PASSAGES and project.sources["zz_links.txt"].text == HOSTILE
    code, out = _run(["verify", *args])
    summary = f"{CURATED_CLAIMS} claims, {CURATED_PASSAGES} passages verified, 0 broken"
    assert code == 0 and out.splitlines()[-1].startswith(summary)
    code, out = _run(["verify", "--strict", "--json", *args])
    assert code == 0 and json.loads(out)["ok"] is True
    code, out = _run(["assignments", "--json", *args])
    assert code == 0 and json.loads(out)["sectors"][0]["lead"]["nation"] == "Kosovo"
    code, out = _run(["assignments", *args])
    assert code == 0 and "Kosovo" in out
    code, out = _run(["anchor", "zz_links.txt", "Kosovo may lead the northern sector.", *args])
    assert code == 0 and json.loads(out)["source"] == "zz_links.txt"
    assert network_attempts == []


def test_default_project_stays_offline(network_attempts: list[str]) -> None:
    code, _ = _run(["verify"])
    assert code == 0
    assert network_attempts == []
