"""Several processes ingesting into one project lose nothing and never reuse an article number (issue #14)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mapview.data.lock import ProjectBusy, lock_path, project_lock
from tests.conftest import ROOT
from tests.test_ingest_unread import ESTONIAN

WORKERS = 4
ARTICLES_EACH = 6


def _articles(folder: Path, worker: int) -> list[Path]:
    paths = []
    for i in range(ARTICLES_EACH):
        path = folder / f"w{worker}-{i}.txt"
        path.write_text(f"Report {worker}-{i} on the force\n\nOfficials said Kosovo will lead the Khan Younis sector, "
                        f"according to dispatch number {worker * 100 + i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_concurrent_ingests_keep_every_article_and_number_each_once(data_copy, tmp_path) -> None:
    before = {p.name for p in data_copy.seeds.glob("*.txt")}
    args = ["--claims", str(data_copy.claims), "--seeds", str(data_copy.seeds), "--sectors", str(data_copy.sectors)]
    runs = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args, "ingest",
                              *map(str, _articles(tmp_path, w))], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for w in range(WORKERS)]
    for run in runs:
        out, err = run.communicate(timeout=240)
        assert run.returncode == 0, err
    added = {p.name for p in data_copy.seeds.glob("*.txt")} - before
    assert len(added) == WORKERS * ARTICLES_EACH
    numbers = [int(re.match(r"(\d+)_", name).group(1)) for name in added]
    assert len(set(numbers)) == len(numbers)  # no NNN used twice
    described = {e["id"] for e in json.loads((data_copy.seeds / "sources.json").read_text("utf-8"))["sources"]}
    assert added <= described  # no run's sources.json entries lost
    proposals = json.loads((data_copy.claims.parent / "proposals.json").read_text("utf-8"))["claims"]
    assert {e["source"] for c in proposals for e in c["evidence"]} == added  # nor its proposals


def test_a_held_lock_makes_the_other_writer_wait_then_say_why(data_copy) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(data_copy.claims)], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(ProjectBusy, match="being changed by another mapview process"), \
                project_lock(data_copy, timeout=0.2):
            pass
    finally:
        holder.kill()
        holder.wait()
    with project_lock(data_copy, timeout=5):  # released when its holder is killed
        pass
    assert lock_path(data_copy).parent == data_copy.claims.parent


HOLD = """
import sys, time
from pathlib import Path
from types import SimpleNamespace
from mapview.data.lock import project_lock
with project_lock(SimpleNamespace(claims=Path(sys.argv[1]))):
    print("held", flush=True)
    time.sleep(120)
"""


def _free_in_another_thread(paths, timeout: float) -> bool:
    """Whether another thread (which waits like another process) can take the project lock within ``timeout``."""
    import threading

    free: list[bool] = []

    def probe() -> None:
        try:
            with project_lock(paths, timeout=timeout):
                free.append(True)
        except ProjectBusy:
            free.append(False)

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    return free[0]


def test_the_lock_is_re_entrant_in_one_thread_and_not_across_threads(data_copy) -> None:
    with project_lock(data_copy), project_lock(data_copy, timeout=0.2):  # the same thread takes it again
        assert not _free_in_another_thread(data_copy, 0.2)


def watch_the_lock(monkeypatch, paths) -> dict[str, list[bool]]:
    """Whether the project lock was free for another thread each time an article was read (extracted) and each time
    an ingest wrote its plan: an ingest holds it only to number, filter and write, since reading the articles
    (nearly all of an ingest's time) under it kept other ingests and reviews waiting until they gave up on a busy
    machine."""
    import mapview.ingest.command as command

    seen: dict[str, list[bool]] = {"extract": [], "apply": []}
    extract_all, apply_plan = command.extract_all, command.apply_plan

    def extract(*args, **kwargs):
        seen["extract"].append(_free_in_another_thread(paths, 0))
        return extract_all(*args, **kwargs)

    def apply(*args, **kwargs):
        seen["apply"].append(_free_in_another_thread(paths, 0))
        return apply_plan(*args, **kwargs)

    monkeypatch.setattr(command, "extract_all", extract)
    monkeypatch.setattr(command, "apply_plan", apply)
    return seen


def _own_mention(paths, added: set[str]) -> None:
    """The mentions listed (of the unread article) name their own article, read before it had its name."""
    proposals = json.loads((paths.claims.parent / "proposals.json").read_text("utf-8"))["claims"]
    mentions = json.loads((paths.claims.parent / "mentions.json").read_text("utf-8"))["mentions"]
    sources = {m["source"] for m in mentions}
    assert len(sources) == 1 and sources <= added - {e["source"] for p in proposals for e in p["evidence"]}


def test_ingest_reads_its_articles_before_taking_the_lock(data_copy, tmp_path, monkeypatch) -> None:
    from mapview.cli import main

    seen = watch_the_lock(monkeypatch, data_copy)
    args = ["--claims", str(data_copy.claims), "--seeds", str(data_copy.seeds), "--sectors", str(data_copy.sectors)]
    unread = tmp_path / "unread.txt"  # Estonian (no file reads it): its sentence is listed as a mention
    unread.write_text(ESTONIAN, encoding="utf-8")
    before = {p.name for p in data_copy.seeds.glob("*.txt")}
    assert main([*args, "ingest", *map(str, _articles(tmp_path, 0)), str(unread)]) == 0
    assert seen == {"extract": [True] * (ARTICLES_EACH + 1), "apply": [False]}  # the probe sees a held lock
    _own_mention(data_copy, {p.name for p in data_copy.seeds.glob("*.txt")} - before)


def test_a_feed_check_reads_its_items_before_taking_the_lock(data_copy, web, only_this_machine,
                                                             monkeypatch) -> None:
    """``mapview follow`` (and the window's Check feeds, through the same ``ingest_check``)."""
    from tests.test_feeds import _follow, rss
    from tests.web_pages import ALBANIA_BODY, ALBANIA_TITLE, KOSOVO_BODY, KOSOVO_TITLE, article_page
    from tests.webserver import Route

    items = {"/kosovo": (KOSOVO_TITLE, KOSOVO_BODY), "/albania": (ALBANIA_TITLE, ALBANIA_BODY),
             "/eesti": ("Indoneesia sõdurid Rafahisse", ESTONIAN)}  # unread: listed as a mention
    for route, (title, body) in items.items():
        web.routes[route] = Route(article_page(title, body))
    web.routes["/rss"] = Route(rss([(t, web.url(r), t) for r, (t, _) in items.items()]),
                               content_type="application/rss+xml")
    assert _follow(data_copy, "--add", web.url("/rss"), "--name", "Balkan Defence Review")[0] == 0
    seen = watch_the_lock(monkeypatch, data_copy)
    before = {p.name for p in data_copy.seeds.glob("*.txt")}
    code, _, err = _follow(data_copy)
    assert code == 0, err
    assert seen == {"extract": [True] * len(items), "apply": [False]}
    added = {p.name for p in data_copy.seeds.glob("*.txt")} - before
    assert len(added) == len(items)
    _own_mention(data_copy, added)
    state = json.loads((data_copy.claims.parent / "feeds.json").read_text("utf-8"))
    assert set(state["seen"]) == {web.url(r) for r in items}  # written under the lock, after the articles
    assert only_this_machine == []
