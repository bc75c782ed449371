"""Atomic writes proven by killing the writer: the target is always a complete old or new version, never a part."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mapview.data.atomic import atomic_write_bytes, atomic_write_text

KILLS = 30
# The writer rewrites a ~1.5 MB claims-like file as fast as it can and reports each version once os.replace
# returned. Each version embeds the SHA-256 of its own payload, so any partial or mixed file is detectable.
WRITER = r"""
import hashlib, json, sys
from pathlib import Path
from mapview.data.atomic import atomic_write_bytes

target = Path(sys.argv[1])
version = int(sys.argv[2])
print("ready", flush=True)
while True:
    version += 1
    claims = [{"id": f"claim-{version}-{i}", "nation": "Kosovo", "role": "troops", "sector": None,
               "status": "reported", "note": f"v{version} " + "x" * 200} for i in range(5000)]
    payload = json.dumps(claims, separators=(",", ":"))
    digest = hashlib.sha256(payload.encode()).hexdigest()
    doc = {"schema": "mapview-claims/1", "version": version, "sha256": digest, "claims": claims}
    atomic_write_bytes(target, json.dumps(doc, separators=(",", ":")).encode())
    print(version, flush=True)
"""


def _complete_version(target: Path) -> int:
    """Parse the target and check its embedded checksum; return its version (fails the test if partial)."""
    doc = json.loads(target.read_bytes())
    payload = json.dumps(doc["claims"], separators=(",", ":"))
    assert hashlib.sha256(payload.encode()).hexdigest() == doc["sha256"], "target holds a mix of two versions"
    return int(doc["version"])


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_never_leaves_a_partial_target(tmp_path: Path) -> None:
    target = tmp_path / "claims.json"
    target.write_text(json.dumps({"version": 0, "sha256": hashlib.sha256(b"[]").hexdigest(), "claims": []}))
    rng = random.Random(20260101)
    last_complete = 0
    changed = 0
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(last_complete)],
                                 stdout=subprocess.PIPE, text=True)
        # timed from the end of start-up (whose length depends on the machine's load; nothing is written in it),
        # a random moment: during a write, an fsync or a rename
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.5))
        child.send_signal(signal.SIGKILL)
        reported, _ = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        done = [int(v) for v in reported.split()]
        acknowledged = done[-1] if done else last_complete
        found = _complete_version(target)
        # the last acknowledged version, or the one in flight whose rename landed before the report
        assert found in (acknowledged, acknowledged + 1), (found, acknowledged)
        changed += found != last_complete
        last_complete = found
    leftovers = [p.name for p in tmp_path.iterdir() if p != target]
    assert all(name.startswith(".claims.json.") and name.endswith(".tmp") for name in leftovers), leftovers
    assert changed > KILLS // 3, "the writer hardly ever completed a write: the test proved little"


def test_temp_files_never_match_the_target_name(tmp_path: Path) -> None:
    target = tmp_path / "claims.json"
    atomic_write_text(target, "{}")
    assert target.read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.json"]


def test_failed_write_keeps_the_old_file_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "claims.json"
    atomic_write_bytes(target, b'{"v": 1}')

    with pytest.raises(TypeError):
        atomic_write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b'{"v": 1}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.json"]


def test_permissions_of_an_existing_target_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "claims.json"
    target.write_text("{}")
    os.chmod(target, 0o640)
    atomic_write_text(target, '{"a": 1}')
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "new.json"
    atomic_write_text(fresh, "{}")
    assert fresh.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("count", [3, 12])  # an fsync of each, and one flush of the filesystem for the batch
def test_a_batch_replaces_every_file_or_nothing_before_its_renames(tmp_path: Path, count: int,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from mapview.data.atomic import atomic_write_files

    existing = tmp_path / "f0.txt"
    existing.write_bytes(b"old")
    os.chmod(existing, 0o640)
    files = [(tmp_path / f"f{i}.txt", f"new {i}".encode()) for i in range(count)]
    done: list[Path] = []
    atomic_write_files(files, done)
    assert done == [path for path, _ in files]
    assert [path.read_bytes() for path, _ in files] == [data for _, data in files]
    assert existing.stat().st_mode & 0o777 == 0o640 and files[1][0].stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(path.name for path, _ in files)

    # a file that cannot be created (its folder is gone): nothing replaced, no temp file left
    with pytest.raises(OSError):
        atomic_write_files([(path, b"newer") for path, _ in files] + [(tmp_path / "gone" / "x.txt", b"x")])
    assert [path.read_bytes() for path, _ in files] == [data for _, data in files]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(path.name for path, _ in files)

    # the disk fills at the second rename: the first is in place and reported, the rest untouched, no temp file
    real, calls = os.replace, [0]

    def replace(src, dst) -> None:
        calls[0] += 1
        if calls[0] == 2:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    done = []
    with pytest.raises(OSError, match="No space"):
        atomic_write_files([(path, b"newest") for path, _ in files], done)
    assert done == [files[0][0]]
    assert [path.read_bytes() for path, _ in files] == [b"newest", *(data for _, data in files[1:])]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(path.name for path, _ in files)
