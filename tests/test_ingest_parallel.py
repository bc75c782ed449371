"""Ingest of many files on every core (mapview.ingest.parallel): the same result as one by one, in the same order,
and nothing lost when a helper process cannot start or fails."""

from __future__ import annotations

import json
from concurrent.futures import Future
from pathlib import Path

import pytest

from mapview.cli import main
from mapview.data.project import ProjectPaths
from mapview.ingest import parallel
from mapview.ingest.command import read_and_extract
from mapview.ingest.gazetteer import load_gazetteer

NATIONS = ["Albania", "Kosovo", "Indonesia", "Morocco", "Kazakhstan"]
SECTORS = [("Deir al-Balah", "deir-al-balah"), ("North Gaza", "north-gaza"), ("Rafah", "rafah"),
           ("Khan Younis", "khan-yunis"), ("Gaza City", "gaza-city")]
FILES = 2 * parallel.PARALLEL_FROM + 3  # past the threshold, several chunks for each side


def _articles(folder: Path) -> list[tuple[Path, str, str]]:
    """FILES articles, each placing one nation in one sector in words the extractor reads; and one bad PDF."""
    folder.mkdir()
    made = []
    for n in range(FILES):
        nation, (sector, key) = NATIONS[n % 5], SECTORS[(n // 5) % 5]
        path = folder / f"article-{n:03d}.txt"
        path.write_text(f"Report number {n}\n\nAccording to reports, {nation} may be responsible for the {sector} "
                        f"sector.\nAirstrikes hit Nuseirat on day {n}.\n", encoding="utf-8")
        made.append((path, nation, key))
    return made


def _ingest_json(paths: ProjectPaths, files: list[Path], capsys) -> dict:
    code = main(["--seeds", str(paths.seeds), "--claims", str(paths.claims), "--sectors", str(paths.sectors),
                 "ingest", *map(str, files), "--dry-run", "--json"])
    doc = json.loads(capsys.readouterr().out)
    return {"code": code, **doc}


def test_ingest_on_all_cores_proposes_what_one_by_one_does_in_the_same_order(
        data_copy: ProjectPaths, tmp_path: Path, capsys, monkeypatch) -> None:
    made = _articles(tmp_path / "incoming")
    bad = tmp_path / "incoming" / "broken.pdf"
    bad.write_bytes(b"not a pdf at all")
    files = [p for p, _, _ in made[:30]] + [bad] + [p for p, _, _ in made[30:]]
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "0")
    alone = _ingest_json(data_copy, files, capsys)
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    shared = _ingest_json(data_copy, files, capsys)
    assert shared == alone
    assert shared["code"] == 1 and len(shared["refused"]) == 1 and "broken.pdf" in shared["refused"][0]
    # each article's own placement, beside its own source, in the order given (checked against the texts written)
    assert [s["file"] for s in shared["sources"]] == [str(p) for p, _, _ in made]
    by_source = {s["id"]: s["file"] for s in shared["sources"]}
    expected = {(str(p), nation, key) for p, nation, key in made}
    found = {(by_source[p["source"]], p["nation"], p["sector"]) for p in shared["proposals"] if p["role"] == "lead"}
    assert found == expected
    for proposal in shared["proposals"]:
        text = Path(by_source[proposal["source"]]).read_text(encoding="utf-8")
        for ev in proposal["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["exact"]


class _NoProcesses:
    def __init__(self, *args, **kwargs) -> None:
        raise OSError("no more processes allowed")


class _FailingHelpers:
    """An executor whose helpers start, then fail every chunk they are given (a helper killed, say)."""

    given = 0

    def __init__(self, *args, **kwargs) -> None:
        pass

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        if fn is parallel._ready:
            future.set_result(True)
        else:
            _FailingHelpers.given += 1
            future.set_exception(RuntimeError("helper died"))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


@pytest.mark.parametrize("executor", [_NoProcesses, _FailingHelpers])
def test_a_helper_that_cannot_start_or_fails_loses_nothing(tmp_path: Path, monkeypatch, executor) -> None:
    made = _articles(tmp_path / "incoming")
    files = [p for p, _, _ in made]
    gazetteer = load_gazetteer(ProjectPaths.defaults().sectors)
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "0")
    alone = read_and_extract(files, gazetteer)
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "1")
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", executor)
    shared = read_and_extract(files, gazetteer)
    assert shared == alone
    assert [p for p, _ in shared[0]] == files and len(shared[2]) == FILES
    if executor is _FailingHelpers:
        assert _FailingHelpers.given >= 2  # helpers were given chunks, and each was read again here


def test_a_small_batch_starts_no_helper(monkeypatch) -> None:
    monkeypatch.delenv(parallel.WORKERS_VARIABLE, raising=False)
    assert parallel.helper_count(parallel.PARALLEL_FROM - 1) == 0
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "3")
    assert parallel.helper_count(parallel.PARALLEL_FROM) == 3


def test_from_the_command_line_helpers_are_forked_and_propose_the_same(data_copy: ProjectPaths,
                                                                        tmp_path: Path) -> None:
    """``mapview ingest`` as its own process (no Qt loaded, one thread): forked helpers, the same JSON."""
    import os
    import subprocess
    import sys

    made = _articles(tmp_path / "incoming")
    script = ("import sys\nfrom mapview.ingest import parallel\nassert parallel._start_method() == 'fork'\n"
              "from mapview.cli import main\nsys.exit(main(sys.argv[1:]))")
    args = [sys.executable, "-c", script, "--seeds", str(data_copy.seeds), "--claims", str(data_copy.claims),
            "--sectors", str(data_copy.sectors), "ingest", *(str(p) for p, _, _ in made), "--dry-run", "--json"]
    root = str(Path(__file__).resolve().parents[1])
    outputs = []
    for workers in ("0", "1"):
        env = {**os.environ, parallel.WORKERS_VARIABLE: workers, "PYTHONPATH": root}
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300, cwd=root)
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
    assert len({p["source"] for p in outputs[1]["proposals"] if p["role"] == "lead"}) == FILES


class _RecordingHelpers:
    """An executor whose helpers work each chunk at once, remembering what they were given first."""

    submitted: list[object] = []

    def __init__(self, *args, **kwargs) -> None:
        _RecordingHelpers.submitted = []

    def submit(self, fn, *args) -> Future:
        _RecordingHelpers.submitted.append(fn)
        future: Future = Future()
        future.set_result(fn(*args))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_a_forked_helper_gets_files_at_once_a_spawned_one_once_it_has_started(monkeypatch, start_method) -> None:
    chunks_worked: list[int] = []

    def work(items):
        chunks_worked.append(len(items))
        return [item * 2 for item in items]

    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "1")
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _RecordingHelpers)
    monkeypatch.setattr(parallel, "_start_method", lambda: start_method)
    monkeypatch.setattr(parallel.multiprocessing, "get_context", lambda method: None)
    items = list(range(5 * parallel.CHUNK + 1))
    assert parallel.map_on_all_cores(work, items) == [item * 2 for item in items]
    first = _RecordingHelpers.submitted[0]
    assert (first is work) if start_method == "fork" else (first is parallel._ready)
    assert sum(chunks_worked) == len(items)


def test_chunks_keep_order_and_the_first_whole_and_end_in_half_chunks() -> None:
    """Every file once, in order; the first chunk whole (the caller compiles its tables on it before a helper is
    forked); the last (helpers + 1) x AHEAD chunks' worth in half chunks, so the processes finish closer together."""
    for count, helpers in [(1000, 1), (100, 3), (parallel.PARALLEL_FROM, 1), (parallel.CHUNK + 1, 1)]:
        items = list(range(count))
        chunks = parallel.chunked(items, helpers)
        assert [item for chunk in chunks for item in chunk] == items
        assert len(chunks[0]) == parallel.CHUNK
        assert all(len(chunk) <= parallel.CHUNK // 2 for chunk in chunks[1:]
                   if chunk[0] >= count - (helpers + 1) * parallel.AHEAD * parallel.CHUNK)
    sizes = [len(chunk) for chunk in parallel.chunked(list(range(1000)), 1)]
    assert sizes[:5] == [parallel.CHUNK] * 5 and sizes[-8:-1] == [parallel.CHUNK // 2] * 7
