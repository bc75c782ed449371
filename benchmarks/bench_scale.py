"""Scale: ``python -m benchmarks.bench_scale`` builds a seeded synthetic project of 1,000 articles and 10,000
claims with contested sectors (in a temp folder, never committed) and times what a user does with it.

The articles are built from the seeds' own lines, plus lead sentences in the seed's own wording ("X could be
responsible for Y", from article 000) naming several nations for every sector, so all five sectors are contested;
each claim is anchored with the project's own ``make_anchor`` and records who says it and how. Reported: load and
verify, window open to painted map, the worst sector click to its first cards shown, an as-of change, a nation
change, the HTML dossier (time and size), and RSS. The baseline for a click is the simple thing: a QTreeWidget
holding one word-wrapped item per claim and per passage of the same sector, all built, timed to the same point (events
delivered and the list repainted). A 10,000-click endurance run reports the RSS growth.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.common import Result, print_table

ROOT = Path(__file__).resolve().parents[1]
NATIONS = ("Kosovo", "Albania", "Indonesia", "Kazakhstan", "Morocco", "Azerbaijan", "Egypt", "Jordan")


def build_project(folder: Path, articles: int = 1000, claims_per_article: int = 10, seed: int = 7):
    """Write a synthetic project into ``folder``; return its ProjectPaths."""
    from mapview.data.anchors import make_anchor
    from mapview.data.project import ProjectPaths

    rng = random.Random(seed)
    lines = [line.strip() for path in sorted((ROOT / "seeds").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 60]
    sectors = json.loads((ROOT / "geodata" / "sectors.geojson").read_text(encoding="utf-8"))["features"]
    names = [(f["properties"]["id"], f["properties"]["name"]) for f in sectors]
    for sub in ("geodata",):
        shutil.copytree(ROOT / sub, folder / sub)
    (folder / "seeds").mkdir()
    (folder / "claims").mkdir()
    sources, claims = [], []
    for i in range(articles):
        picks = []
        body = rng.sample(lines, 4)
        for _ in range(claims_per_article):
            nation, (sector_id, sector_name) = rng.choice(NATIONS), rng.choice(names)
            picks.append((nation, sector_id, f"{nation} could be responsible for {sector_name} ({i}-{len(picks)})."))
        text = "\n".join([f"Synthetic report {i}", *body, *(p[2] for p in picks)]) + "\n"
        data = text.encode("utf-8")
        source_id = f"{i:04d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        (folder / "seeds" / source_id).write_bytes(data)
        day = date(2026, 1, 1) + timedelta(days=i % 300)
        sources.append({"id": source_id, "date": {"kind": "exact", "label": day.isoformat(),
                                                  "earliest": day.isoformat(), "latest": day.isoformat(),
                                                  "from": "user", "reasoning": "synthetic", "evidence": None}})
        for j, (nation, sector_id, sentence) in enumerate(picks):
            start = text.index(sentence)
            claims.append({"id": f"c{i}-{j}", "nation": nation, "role": "lead", "sector": sector_id,
                           "evidence": [{"source": source_id,
                                         "selector": make_anchor(text, start, start + len(sentence)).to_selectors(),
                                         "said_by": "media", "manner": "hedged"}]})
    (folder / "seeds" / "sources.json").write_text(json.dumps({"schema": "mapview-sources/1", "sources": sources}),
                                                  encoding="utf-8")
    (folder / "claims" / "claims.json").write_text(
        json.dumps({"schema": "mapview-claims/2", "claims": claims, "disagreements": []}), encoding="utf-8")
    return ProjectPaths(sectors=folder / "geodata" / "sectors.geojson", claims=folder / "claims" / "claims.json",
                        seeds=folder / "seeds", context=folder / "geodata" / "context.geojson")


def _ms(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _first_rows_ms(app, action, view) -> float:
    """Time ``action`` until the list has painted its first rows (events delivered, viewport repainted)."""
    start = time.perf_counter()
    action()
    app.processEvents()
    view.viewport().repaint()
    return (time.perf_counter() - start) * 1000


def baseline_tree(app, sector_view, names):
    """The simple thing: a QTreeWidget with one word-wrapped item per claim card and per passage, every one built."""
    from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

    from mapview.outline import claim_lines, passage_lines

    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    tree.setWordWrap(True)
    tree.resize(480, 700)
    tree.show()

    def fill() -> None:
        tree.clear()
        items = []
        for claim in sector_view.claims:
            item = QTreeWidgetItem(["\n".join(t for _s, t in claim_lines(claim, names))])
            item.addChildren([QTreeWidgetItem(["\n".join(t for _s, t in passage_lines(e))]) for e in claim.evidence])
            items.append(item)
        tree.addTopLevelItems(items)
        tree.expandAll()

    return tree, fill


def synthetic_proposals(view) -> list:
    """A pending proposal for each lead claim of the view (10,000 at full size): what a big ingest leaves to review."""
    from mapview.ingest.proposals import Passage, Proposal

    return [Proposal(f"p-{c.id}", c.nation, c.role, c.sector, "reported",
                     [Passage(e.source_id, e.anchor) for e in c.evidence])
            for v in view.sectors for c in v.claims]


def run(articles: int = 1000, endurance_clicks: int = 10_000) -> list[Result]:
    """Build the project and time the user's actions on it."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from mapview.data.project import load_project
    from mapview.outline import OutlineCache
    from mapview.procstats import rss_megabytes, settle_heap
    from mapview.qt.mainwindow import MainWindow
    from mapview.render.dossier import write_dossier

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="mapview-bench-scale-") as tmp:
        paths = build_project(Path(tmp), articles)
        start = time.perf_counter()
        project = load_project(paths)
        load_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        window = MainWindow(project)
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        window.canvas.draw()
        open_ms = (time.perf_counter() - start) * 1000
        settle_heap()  # as run_app does once the window is open
        sizes = {v.sector.id: len(v.claims) for v in window.state.view.sectors}
        worst = max(sizes, key=sizes.get)
        evidence_view = window.evidence.list
        clicks = [_first_rows_ms(app, lambda s=s: window.select_sector(s), evidence_view) for s in list(sizes) * 2]
        sector_view = window.state.view.by_id()[worst]
        names = {v.sector.id: v.sector.name for v in window.state.view.sectors}
        tree, fill = baseline_tree(app, sector_view, names)
        tree.resize(evidence_view.size())
        baseline_fill = _first_rows_ms(app, fill, tree)
        tree.close()
        window.select_sector(None)
        window.evidence.outlines = OutlineCache()  # nothing built yet: the panel builds the worst sector's outline
        panel_fill = _first_rows_ms(app, lambda: window.evidence.show_sector(sector_view, window.state.view),
                                    evidence_view)
        window.select_sector(worst)
        as_of_ms = _first_rows_ms(app, lambda: window.set_as_of(date(2026, 6, 1)), evidence_view)
        window.set_as_of(None)
        window.nations_dock.raise_()
        nation_ms = _first_rows_ms(app, lambda: window.nations.list.setCurrentRow(0), window.nations.claims)
        filter_ms = _first_rows_ms(app, lambda: window.state.set_filter(query="nation:kosovo"), evidence_view)
        window.state.set_filter(query="")
        pending = synthetic_proposals(window.state.view)
        window.proposals_dock.raise_()
        proposals_ms = _first_rows_ms(app, lambda: window.proposals.set_proposals(
            pending, names, window.project.sources), window.proposals.list)
        out = Path(tmp) / "dossier.html"
        dossier_ms = _ms(lambda: write_dossier(project, out))
        dossier_mb = out.stat().st_size / 1e6
        rss = rss_megabytes()
        order = list(sizes)
        start = time.perf_counter()
        for i in range(endurance_clicks):
            window.select_sector(order[i % len(order)])
            app.processEvents()
        endurance_s = time.perf_counter() - start
        rss_after = rss_megabytes()
        window.close()
    growth = (rss_after - rss) / rss * 100
    print(f"{articles} articles, {sum(sizes.values())} sector claims; worst sector {worst}: {sizes[worst]} claims")
    print(f"load+verify {load_ms:.0f} ms, window painted {open_ms:.0f} ms, worst click {max(clicks):.0f} ms "
          f"(list alone {panel_fill:.0f} ms, QTreeWidget of every row {baseline_fill:.0f} ms),"
          f" as-of {as_of_ms:.0f} ms, nation {nation_ms:.0f} ms, "
          f"filter {filter_ms:.0f} ms, {len(pending)} proposals listed {proposals_ms:.0f} ms,"
          f" dossier {dossier_ms / 1000:.1f} s / {dossier_mb:.1f} MB, RSS {rss:.0f} MB; "
          f"{endurance_clicks} clicks in {endurance_s:.1f} s, RSS {rss:.0f} -> {rss_after:.0f} MB ({growth:+.1f} %)")
    return [
        Result("scale: window open to painted map", open_ms, None, "ms", "<= 2 s", limit=2000),
        Result("scale: worst sector click to first rows", max(clicks), None, "ms", "<= 100 ms", limit=100),
        Result("scale: worst sector's list filled (vs QTreeWidget)", panel_fill, baseline_fill, "ms", ""),
        Result("scale: as-of change", as_of_ms, None, "ms", "<= 100 ms", limit=100),
        Result("scale: nation change", nation_ms, None, "ms", "<= 100 ms", limit=100),
        Result("scale: filter typed", filter_ms, None, "ms", "<= 100 ms", limit=100),
        Result("scale: 10,000 proposals listed after an ingest", proposals_ms, None, "ms", ""),
        Result("scale: HTML dossier", dossier_ms, None, "ms", "<= 10 s", limit=10_000),
        Result("scale: HTML dossier size", dossier_mb, None, "MB", "<= 50 MB", limit=50),
        Result("scale: RSS", rss, None, "MB", "<= 300 MB", limit=300),
        Result(f"scale: RSS growth over {endurance_clicks} clicks", growth, None, "%", "< 10 %", limit=10),
    ]


def main() -> int:
    """Print the measurements (``--articles N`` for a smaller project) and the shared table."""
    articles = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else 1000
    print_table(run(articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
