"""Scale: ``python -m benchmarks.bench_scale`` builds seeded synthetic projects of 1,000 articles / 10,000 claims
and 5,000 articles / 50,000 claims with contested sectors (in a temp folder, never committed) and times what a user
does with them, each figure twice: on the machine as it is, and with a second process burning one core (started and
stopped by the benchmark), so the figures hold on a busy machine. Each figure is the median of 5.

The articles are built from the seeds' own lines, plus lead sentences in the seed's own wording ("X could be
responsible for Y", from article 000) naming several nations for every sector, so all five sectors are contested;
each claim is anchored with the project's own ``make_anchor`` and records who says it and how. Reported: load and
verify, window open to painted map, the worst sector click to its first cards shown, an as-of change, a nation
change, the HTML dossier (time and size), and RSS. The baseline for a click is the simple thing: a QTreeWidget
holding one word-wrapped item per claim and per passage of the same sector, all built, timed to the same point (events
delivered and the list repainted). A click endurance run (1k only) reports the RSS growth. ``verify`` and the HTML
dossier run as the CLI does, each in its own process (wall time and that process's peak RSS).

Each condition runs in a fresh process (``--child``), so RSS is that of one window, not of the runs before it.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.common import Result, burning_core, print_table

ROOT = Path(__file__).resolve().parents[1]
NATIONS = ("Kosovo", "Albania", "Indonesia", "Kazakhstan", "Morocco", "Azerbaijan", "Egypt", "Jordan")


def build_project(folder: Path, articles: int = 1000, claims_per_article: int = 10, seed: int = 7,
                  source: Path = ROOT):
    """Write a synthetic project into ``folder``, from the seeds and geodata of the project at ``source`` (tests
    pass their copy); return its ProjectPaths."""
    from mapview.data.anchors import make_anchor
    from mapview.data.project import ProjectPaths

    rng = random.Random(seed)
    lines = [line.strip() for path in sorted((source / "seeds").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 60]
    sectors = json.loads((source / "geodata" / "sectors.geojson").read_text(encoding="utf-8"))["features"]
    names = [(f["properties"]["id"], f["properties"]["name"]) for f in sectors]
    for sub in ("geodata",):
        shutil.copytree(source / sub, folder / sub)
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


SCENARIOS = {"1k": 1000, "5k": 5000}
# (figure, unit, target per scenario: the "done when")
FIGURES = [
    ("open: load + window painted", "ms", {"1k": 1000, "5k": 2000}),
    ("load_project", "ms", {}),
    ("sector click to first rows (median)", "ms", {"1k": 50, "5k": 100}),
    ("sector click to first rows (worst)", "ms", {}),
    ("as-of change", "ms", {"1k": 50, "5k": 100}),
    ("nation change", "ms", {"1k": 50, "5k": 100}),
    ("filter keystroke", "ms", {"1k": 50, "5k": 30}),
    ("worst sector's list filled", "ms", {}),
    ("  same list as a QTreeWidget of every row", "ms", {}),
    ("RSS of the window", "MB", {"5k": 400}),
    ("a proposal per claim listed (after an ingest)", "ms", {}),
    ("verify (CLI process)", "ms", {"5k": 3000}),
    ("HTML dossier (CLI process)", "ms", {"5k": 10_000}),
    ("HTML dossier peak RSS", "MB", {"5k": 300}),
    ("HTML dossier size", "MB", {}),
]


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def measure_window(folder: Path, endurance_clicks: int = 0, actions: int = 3) -> dict[str, list[float]]:
    """In this (fresh) process: open the project once as run_app does, then time clicks, day, nation and filter
    changes (``actions`` of each); every sample is returned, the caller pools the processes' samples."""
    import gc

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from mapview.data.project import load_project
    from mapview.outline import OutlineCache
    from mapview.procstats import rss_megabytes, settle_heap
    from mapview.qt.mainwindow import MainWindow

    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    project = load_project(project_paths(folder))
    settle_heap()  # as run_app does right after loading
    loaded = time.perf_counter()
    window = MainWindow(project)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    window.canvas.draw()
    opened = time.perf_counter()
    settle_heap()  # as run_app does once the window is open
    view = window.state.view
    sizes = {v.sector.id: len(v.claims) for v in view.sectors}
    worst = max(sizes, key=sizes.get)
    evidence_view = window.evidence.list
    clicks = [_first_rows_ms(app, lambda s=s: window.select_sector(s), evidence_view) for s in list(sizes) * 2]
    days = [date(2026, 2, 1) + timedelta(days=23 * i) for i in range(actions)]  # a new day each time
    window.select_sector(worst)
    as_of = [_first_rows_ms(app, lambda d=d: window.set_as_of(d), evidence_view) for d in days]
    window.set_as_of(None)
    window.nations_dock.raise_()
    nation = [_first_rows_ms(app, lambda i=i: window.nations.list.setCurrentRow(i), window.nations.claims)
              for i in range(actions)]
    window.evidence_dock.raise_()
    window.select_sector(worst)
    deadline = time.perf_counter() + 10  # the user moves to the filter box: idle steps run meanwhile
    preparing = getattr(evidence_view, "preparing", None)  # (idle steps; a version without them has none)
    while preparing is not None and preparing.isActive() and time.perf_counter() < deadline:
        app.processEvents()
    typed = "kosovo"
    keys = [_first_rows_ms(app, lambda q=typed[:i + 1]: window.state.set_filter(query=q), evidence_view)
            for i in range(actions)]
    window.state.set_filter(query="")
    gc.collect()
    rss = rss_megabytes()  # the window after use, before the benchmark's own baseline lists below
    sector_view = window.state.view.by_id()[worst]
    names = {v.sector.id: v.sector.name for v in window.state.view.sectors}
    window.select_sector(None)
    window.evidence.outlines = OutlineCache()  # nothing built yet: the panel builds the worst sector's outline
    fill = _first_rows_ms(app, lambda: window.evidence.show_sector(sector_view, window.state.view), evidence_view)
    tree, fill_tree = baseline_tree(app, sector_view, names)
    tree.resize(evidence_view.size())
    baseline_fill = _first_rows_ms(app, fill_tree, tree)
    tree.close()
    pending = synthetic_proposals(window.state.view)
    window.proposals_dock.raise_()
    proposals = _first_rows_ms(app, lambda: window.proposals.set_proposals(pending, names, window.project.sources),
                               window.proposals.list)
    figures = {
        "open: load + window painted": [(opened - start) * 1000], "load_project": [(loaded - start) * 1000],
        "sector click to first rows (median)": clicks, "sector click to first rows (worst)": [max(clicks)],
        "as-of change": as_of, "nation change": nation, "filter keystroke": keys,
        "worst sector's list filled": [fill], "  same list as a QTreeWidget of every row": [baseline_fill],
        "RSS of the window": [rss], "a proposal per claim listed (after an ingest)": [proposals],
        "claims": [float(sum(sizes.values()))], "worst sector claims": [float(sizes[worst])],
    }
    if endurance_clicks:
        window.proposals_dock.close()
        window.evidence_dock.raise_()
        order = list(sizes)
        for sector in order:  # every sector visited once: what a user's first clicks build is not growth
            window.select_sector(sector)
            app.processEvents()
        gc.collect()
        before = rss_megabytes()
        start = time.perf_counter()
        for i in range(endurance_clicks):
            window.select_sector(order[i % len(order)])
            app.processEvents()
        figures["endurance seconds"] = [time.perf_counter() - start]
        gc.collect()
        figures["RSS growth over the clicks (%)"] = [(rss_megabytes() - before) / before * 100]
    window.close()
    return figures


def project_paths(folder: Path):
    """The ProjectPaths of a project built by :func:`build_project` in ``folder``."""
    from mapview.data.project import ProjectPaths

    return ProjectPaths(sectors=folder / "geodata" / "sectors.geojson", claims=folder / "claims" / "claims.json",
                        seeds=folder / "seeds", context=folder / "geodata" / "context.geojson")


def measure_cli(folder: Path, command: str) -> dict[str, float]:
    """In this process: run ``mapview verify`` or ``mapview dossier`` as the CLI does; wall time and peak RSS."""
    import resource

    from mapview.cli import main as cli_main

    paths = project_paths(folder)
    data = ["--sectors", str(paths.sectors), "--claims", str(paths.claims), "--seeds", str(paths.seeds)]
    out = folder / "dossier.html"
    argv = [command, *data] + ([str(out)] if command == "dossier" else [])
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        stdout = sys.stdout
        sys.stdout = sink
        try:
            cli_main(argv)
        finally:
            sys.stdout = stdout
    wall = (time.perf_counter() - start) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"wall": wall, "peak": peak}
    if command == "dossier":
        result["size"] = out.stat().st_size / 1e6
    return result


def _child(args: list[str]) -> dict[str, float]:
    """Run one measurement in a fresh process (``python -m benchmarks.bench_scale --child ...``)."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench_scale", "--child", *args], capture_output=True,
                          text=True, check=True, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_condition(folder: Path, repeat: int, endurance_clicks: int) -> dict[str, float]:
    """Every figure of one condition (quiet or busy), the median over ``repeat`` fresh processes of each kind: the
    window (one open each, its interaction samples pooled), ``verify`` and the dossier."""
    pooled: dict[str, list[float]] = {}
    for run in range(repeat):
        for figure, samples in _child(["window", str(folder), str(endurance_clicks if run == 0 else 0)]).items():
            pooled.setdefault(figure, []).extend(samples)
    figures = {figure: (max(samples) if figure.endswith("(worst)") else _median(samples))
               for figure, samples in pooled.items()}
    verify = [_child(["verify", str(folder)])["wall"] for _ in range(repeat)]
    dossiers = [_child(["dossier", str(folder)]) for _ in range(repeat)]
    figures["verify (CLI process)"] = _median(verify)
    figures["HTML dossier (CLI process)"] = _median([d["wall"] for d in dossiers])
    figures["HTML dossier peak RSS"] = _median([d["peak"] for d in dossiers])
    figures["HTML dossier size"] = dossiers[0]["size"]
    return figures


def scenario(name: str, repeat: int = 5, endurance_clicks: int = 0) -> list[Result]:
    """One synthetic project, measured quiet and with one core burning; printed side by side."""
    articles = SCENARIOS[name]
    with tempfile.TemporaryDirectory(prefix="mapview-bench-scale-") as tmp:
        folder = Path(tmp)
        build_project(folder, articles)
        quiet = measure_condition(folder, repeat, endurance_clicks)
        with burning_core():
            busy = measure_condition(folder, repeat, 0)
    print(f"\n{name}: {articles:,} articles, {quiet['claims']:,.0f} sector claims (worst sector "
          f"{quiet['worst sector claims']:,.0f}); medians over {repeat} processes (interactions pooled)")
    print(f"{'figure':<46}{'as is':>12}{'one core busy':>16}  target")
    results = []
    for figure, unit, targets in FIGURES:
        target = targets.get(name)
        shown = f"<= {target:,} {unit}" if target else ""
        print(f"{figure:<46}{quiet[figure]:>9,.0f} {unit:<3}{busy[figure]:>12,.0f} {unit:<3}  {shown}")
        if target or figure.endswith("filled"):
            baseline = busy.get("  same list as a QTreeWidget of every row") if figure.endswith("filled") else None
            results.append(Result(f"scale {name} (core busy): {figure}", busy[figure], baseline, unit,
                                  shown, limit=target))
    if "RSS growth over the clicks (%)" in quiet:
        print(f"{endurance_clicks:,} clicks in {quiet['endurance seconds']:.1f} s, RSS growth "
              f"{quiet['RSS growth over the clicks (%)']:+.1f} %")
        results.append(Result(f"scale {name}: RSS growth over {endurance_clicks:,} clicks",
                              quiet["RSS growth over the clicks (%)"], None, "%", "< 10 %", limit=10))
    return results


def run(names: tuple[str, ...] = ("1k", "5k"), repeat: int = 5) -> list[Result]:
    """Both scenarios (``make bench``), each figure as is and with one core burning."""
    results = []
    for name in names:
        results += scenario(name, repeat, endurance_clicks=2000 if name == "1k" else 0)
    return results


def main() -> int:
    """``--scenario 1k|5k`` (default both), ``--repeat N``; ``--child`` is the benchmark's own per-process step."""
    argv = sys.argv[1:]
    if argv[:1] == ["--child"]:
        kind, folder = argv[1], Path(argv[2])
        window = kind == "window"
        figures = measure_window(folder, int(argv[3])) if window else measure_cli(folder, kind)
        print(json.dumps(figures))
        return 0
    names = (argv[argv.index("--scenario") + 1],) if "--scenario" in argv else ("1k", "5k")
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 5
    print_table(run(names, repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
