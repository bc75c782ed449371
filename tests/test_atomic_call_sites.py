"""Every write is atomic at its call site (issue #14): the export and Accept never open their target for writing
(only a temp file beside it, then a rename), and a process killed just before the rename leaves the old file
whole. Run in subprocesses with an audit hook, so the real code paths are exercised unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT

HOOK = textwrap.dedent("""
    import os, sys
    target, when = os.path.abspath(sys.argv[1]), sys.argv[2]
    def hook(event, args):
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.path.abspath(os.fsdecode(args[0]))
            mode, flags = args[1] or "", args[2] or 0
            if path == target and (any(c in mode for c in "wax+") or flags & (os.O_WRONLY | os.O_RDWR)):
                os._exit(3)  # the call site writes its target in place
        if event == "os.rename" and when == "kill" and os.path.abspath(os.fsdecode(args[1])) == target:
            os._exit(9)  # killed after writing the temp file, before the rename
    sys.addaudithook(hook)
""")


def _run(code: str, target: Path, when: str, *args: str) -> subprocess.CompletedProcess:
    script = HOOK + textwrap.dedent(code)
    return subprocess.run([sys.executable, "-c", script, str(target), when, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=240)


EXPORT = """
    from mapview.cli import main
    sys.exit(main(["export", sys.argv[1], "--dpi", "60"]))
"""

ACCEPT = """
    from pathlib import Path
    from mapview.ingest import review
    claims = Path(sys.argv[1])
    review.accept(sys.argv[3], claims, claims.with_name("proposals.json"))
"""


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf", "geojson"])
def test_export_never_writes_its_file_in_place_and_a_kill_keeps_the_old_one(tmp_path, suffix) -> None:
    out = tmp_path / f"map.{suffix}"
    out.write_bytes(b"the previous export")
    done = _run(EXPORT, out, "write")
    assert done.returncode == 0, done.stderr  # 3 would mean the target was opened for writing
    assert out.read_bytes() != b"the previous export"
    out.write_bytes(b"the previous export")
    killed = _run(EXPORT, out, "kill")
    assert killed.returncode == 9
    assert out.read_bytes() == b"the previous export"


def test_accept_never_writes_claims_in_place_and_a_kill_keeps_the_old_file(data_copy, tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nOfficials said Kosovo will lead the Khan Younis sector.\n", encoding="utf-8")
    from mapview.cli import main

    assert main(["--claims", str(data_copy.claims), "--seeds", str(data_copy.seeds), "--sectors",
                 str(data_copy.sectors), "ingest", str(article)]) == 0
    proposal = json.loads(data_copy.claims.with_name("proposals.json").read_text("utf-8"))["claims"][0]["id"]
    before = data_copy.claims.read_bytes()
    killed = _run(ACCEPT, data_copy.claims, "kill", proposal)
    assert killed.returncode == 9, killed.stderr
    assert data_copy.claims.read_bytes() == before
    done = _run(ACCEPT, data_copy.claims, "write", proposal)
    assert done.returncode == 0, done.stderr
    assert proposal.split(".")[0] in data_copy.claims.read_text("utf-8")
