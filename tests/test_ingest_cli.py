"""`mapview ingest` end to end on a private copy of the project."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from mapview.cli import main
from mapview.data.project import ProjectPaths, load_project
from tests.conftest import CURATED_CLAIMS, NEXT_SEED

ARTICLE = (
    "Albania and Kosovo named as sector leads\n"
    "\n"
    "Published in Tirana, November 20, 2025. According to reports, Albania may be responsible for the "
    "Deir al-Balah sector.\n"
    "Initial deployments will begin in Rafah, with Indonesia, Morocco and Kazakhstan sending troops.\n"
    "Airstrikes hit Nuseirat as Kosovo and Albania discussed the plan.\n"
)


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _run(paths: ProjectPaths, *args: str) -> int:
    return main(["--seeds", str(paths.seeds), "--claims", str(paths.claims), "--sectors", str(paths.sectors),
                 "ingest", *args])


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "incoming" / "tirana.txt"
    path.parent.mkdir()
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


def test_dry_run_writes_nothing_and_prints_the_proposals(data_copy: ProjectPaths, article: Path, capsys) -> None:
    root = data_copy.seeds.parent
    before = _tree(root)
    assert _run(data_copy, str(article), "--dry-run", "--json") == 0
    assert _tree(root) == before
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"sources", "proposals", "mentions", "refused"}
    assert [(s["file"], s["title"], s["kind"]) for s in doc["sources"]] == [
        (str(article), "Albania and Kosovo named as sector leads", "text")]
    printed = doc["proposals"]
    assert {(p["nation"], p["sector"], p["role"], p["status"]) for p in printed} == {
        ("Albania", "deir-al-balah", "lead", "speculative"), (None, "rafah", "deployment-phase", "reported")}
    lead = next(p for p in printed if p["role"] == "lead")
    assert lead["evidence"] == [{"start": 82, "end": 160, "exact": "According to reports, Albania may be "
                                 "responsible for the Deir al-Balah sector.", "said_by": "media",
                                 "manner": "hedged", "speaker": "reports"}]
    assert ARTICLE[82:160] == lead["evidence"][0]["exact"]
    assert lead["source"].startswith(NEXT_SEED)


def test_ingest_copies_describes_and_proposes(data_copy: ProjectPaths, article: Path, capsys) -> None:
    assert _run(data_copy, str(article)) == 0
    digest = hashlib.sha256(article.read_bytes()).hexdigest()
    copy = data_copy.seeds / f"{NEXT_SEED}{digest[:16]}.txt"
    assert copy.read_bytes() == article.read_bytes()
    out = capsys.readouterr().out
    assert NEXT_SEED in out and "Albania" in out

    entry = next(e for e in json.loads((data_copy.seeds / "sources.json").read_text())["sources"]
                 if e["id"] == copy.name)
    assert entry["title"] == "Albania and Kosovo named as sector leads"
    assert entry["date"]["kind"] == "approximate" and entry["date"]["earliest"] == "2025-11-20"

    proposals = json.loads((data_copy.claims.parent / "proposals.json").read_text())
    assert proposals["schema"] == "mapview-proposals/1"
    assert {c["review"] for c in proposals["claims"]} == {"pending"}
    assert all(e["source"] == copy.name for c in proposals["claims"] for e in c["evidence"])

    project = load_project(data_copy)  # the new source and its metadata passages verify
    assert project.problems == []
    source = project.sources[copy.name]
    assert source.title == "Albania and Kosovo named as sector leads"
    assert source.date is not None and source.date.label == "on or after 2025-11-20"
    assert len(project.claims.claims) == CURATED_CLAIMS  # nothing unreviewed joins the claims


def test_ingesting_again_copies_nothing_and_proposes_nothing_new(data_copy: ProjectPaths, article: Path,
                                                                 capsys) -> None:
    assert _run(data_copy, str(article)) == 0
    after_first = _tree(data_copy.seeds.parent)
    assert _run(data_copy, str(article), str(data_copy.seeds / "000_53179621937ae718.txt")) == 0
    assert _tree(data_copy.seeds.parent) == after_first
    assert "already in the seeds" in capsys.readouterr().out


def test_binary_and_oversized_files_are_refused(data_copy: ProjectPaths, article: Path, tmp_path: Path,
                                                capsys) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"Kosovo will lead North Gaza. " * 80_000)  # 2.3 MB
    assert _run(data_copy, str(binary), str(huge), str(article)) == 1
    err = capsys.readouterr().err
    assert "photo.txt" in err and "binary" in err
    assert "huge.txt" in err and "limit" in err
    names = sorted(p.name for p in data_copy.seeds.glob("*.txt"))
    assert len(names) == int(NEXT_SEED[:3]) + 1  # only the good article was added


def test_missing_seeds_folder_is_a_usage_error(data_copy: ProjectPaths, article: Path, tmp_path: Path) -> None:
    paths = ProjectPaths(data_copy.sectors, data_copy.claims, tmp_path / "nowhere", data_copy.context)
    assert _run(paths, str(article)) == 2


@pytest.mark.parametrize("syncfs", [True, False])
def test_articles_are_flushed_once_renamed_then_synced_per_folder_before_sources_json_names_them(
        data_copy: ProjectPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, syncfs: bool) -> None:
    """Ingest writes every article's temp file, flushes them all to disk (one syncfs, or an fsync of each where
    there is none), renames each into place, fsyncs each folder once, and only then renames sources.json (which
    describes them). One fsync and one folder fsync per file cost seconds for 1,000 pages."""
    import os

    from mapview.data import atomic

    pages = []
    for n in range(6):
        page = tmp_path / "incoming" / f"page-{n}.html"
        page.parent.mkdir(exist_ok=True)
        page.write_text(f"<html><head><title>Report {n}</title></head><body><article><p>{ARTICLE} Item {n}.</p>"
                        "</article></body></html>", encoding="utf-8")
        pages.append(page)
    events: list[tuple[str, object]] = []
    real_replace, real_sync, real_fsync, real_syncfs = os.replace, atomic._fsync_dir, os.fsync, atomic._syncfs

    def replace(src, dst) -> None:
        events.append(("rename", Path(dst)))
        real_replace(src, dst)

    def sync(folder) -> None:
        events.append(("sync", Path(folder)))
        real_sync(folder)

    def fsync(fd) -> None:
        events.append(("fsync", None))
        real_fsync(fd)

    def flush_all():
        function = real_syncfs() if syncfs else None
        if function is None:
            return None
        return lambda folder: (events.append(("syncfs", Path(folder))), function(folder))

    monkeypatch.setattr(atomic.os, "replace", replace)
    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic, "_fsync_dir", sync)
    monkeypatch.setattr(atomic, "_syncfs", flush_all)
    assert _run(data_copy, *map(str, pages)) == 0

    renamed = [path for kind, path in events if kind == "rename"]
    articles = [p for p in renamed if p.parent.name == "originals" or p.suffix == ".txt"]
    assert len(articles) == 12  # six originals, six stored texts
    first_rename = events.index(("rename", articles[0]))
    flushes = [kind for kind, _ in events[:first_rename]]
    if syncfs and real_syncfs() is not None:
        assert flushes == ["syncfs"]  # one flush for all twelve
    else:
        assert flushes == ["fsync"] * 12  # each file's data on disk before any rename
    described = events.index(("rename", data_copy.seeds / "sources.json"))
    for path in articles:
        renamed_at = events.index(("rename", path))
        assert ("sync", path.parent) in events[renamed_at:described], path
    folder_syncs = [path for kind, path in events[:described] if kind == "sync"]
    assert sorted(folder_syncs) == sorted({data_copy.seeds, data_copy.seeds / "originals"})
