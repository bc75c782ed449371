"""QGIS 3 side by side, in one run: window start and the A4 300-dpi PNG export, ours vs a naive baseline vs QGIS.

Both comparisons run on the same data (the shipped project's sectors, exported by ``main.py export map.geojson``
with its ``map.qml``, which QGIS loads as the layer's style), paired: each round runs every side once, in an order
that rotates from round to round, so whatever else the machine does weighs on all sides alike. Median of
``RUNS`` rounds after one unmeasured round (bytecode cache written, disk cache warm, QGIS's profile built), first
as the machine is, then with a second process burning one core (``common.burning_core``).

- Window start, from the process's start as the kernel recorded it, on the same X display (QGIS does not run on
  the offscreen platform): ours, ``python main.py`` to the map canvas's first paint event finished (the
  ``MAPVIEW_BENCH_STARTUP`` hook); QGIS, ``qgis --nologo --noversioncheck --noplugins`` with a fresh profile and
  the layer on its command line, to its map canvas having rendered that layer (``mapCanvasRefreshed``); baseline,
  ``naive_start`` (geopandas + pyplot, map in pyplot's window).
- Export, wall time of the whole process, spawn to exit (the PNG written and closed): ours, ``python main.py
  export out.png --dpi 300`` (A4, full layout); QGIS, ``peers/qgis_a4.py`` (the layer rendered to 2480x3508 at 300
  dpi with its style and labels, no legend or text: a bare render); baseline, ``bench_export_process``'s
  geopandas ``plot`` + ``savefig`` script.

Without an X display the module runs itself under ``xvfb-run`` when that is installed; without QGIS it says so and
measures nothing. ``--before TREE`` adds another checkout's ``main.py`` (e.g. ``git worktree add /tmp/old main``)
to every round, for a before/after measured in the same rounds.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.bench_export_process import BASELINE, QGIS_PYTHON, has_pyqgis
from benchmarks.bench_startup import bench_env, measure
from benchmarks.common import Result, burning_core, print_table

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
WINDOW_TARGET = 0.67  # ours / QGIS (issue #24)
EXPORT_TARGET = 1.0
XVFB_SCREEN = "-screen 0 1600x1000x24"

QGIS_PROBE = """
import os, time
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface
def since_start():
    with open("/proc/self/stat") as f:
        start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")
canvas = iface.mapCanvas()
def report():
    print(f"QGIS_WINDOW visible={iface.mainWindow().isVisible()} since_start_s={since_start():.3f} "
          f"cpu_s={time.process_time():.3f}", flush=True)
    QApplication.instance().exit(0)
def rendered():
    if canvas.layers():  # the layer from the command line, drawn (not an empty canvas's first refresh)
        canvas.mapCanvasRefreshed.disconnect(rendered)
        QTimer.singleShot(0, report)  # once the rendered image is on the widget, as ours waits for its paint
canvas.mapCanvasRefreshed.connect(rendered)
"""
QGIS_LINE = re.compile(r"QGIS_WINDOW visible=True since_start_s=([0-9.]+) cpu_s=([0-9.]+)")
Sample = tuple[float, float | None]  # (seconds, CPU seconds) of one run


def qgis_window_once(folder: Path, layer: Path) -> Sample:
    """Seconds from QGIS's process start to its canvas showing ``layer`` (no splash, no plugins), and the CPU
    seconds it used until then."""
    probe = folder / "qgis_probe.py"
    if not probe.exists():
        probe.write_text(QGIS_PROBE, encoding="utf-8")
    args = ["qgis", "--nologo", "--noversioncheck", "--noplugins", "--profiles-path", str(folder / "profiles"),
            "--code", str(probe), str(layer)]
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    match = QGIS_LINE.search(done.stdout)  # QGIS 3.22 sometimes crashes on its way out; the line is printed before
    if match is None:
        raise RuntimeError(f"QGIS printed no start-up time: {done.stdout[-500:]}{done.stderr[-500:]}")
    return float(match.group(1)), float(match.group(2))


def whole_process(command: list[str], env: dict[str, str], cwd: Path) -> Sample:
    """Wall time of a whole process, spawn to exit, and the CPU time it used (user + system, all threads)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=cwd, timeout=120)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def _painted(args: list[str], pycache: str, root: Path = ROOT) -> Sample:
    painted, _wall, _rss, cpu = measure(args, pycache, "xcb", root)
    return painted, cpu


def sides(folder: Path, before: Path | None) -> dict[str, Callable[[], Sample]]:
    """Every measured command, by name: one call is one run, (seconds, CPU seconds)."""
    pycache = str(folder / "pycache")
    layer = folder / "map.geojson"
    qgis_env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    baseline = folder / "baseline.py"
    baseline.write_text(BASELINE, encoding="utf-8")
    trees = {"ours": ROOT} | ({"before": before} if before else {})
    found: dict[str, Callable[[], Sample]] = {}
    for name, tree in trees.items():
        found[f"window {name}"] = lambda t=tree: _painted(["main.py"], pycache, t)
        found[f"export {name}"] = lambda t=tree, n=name: whole_process(
            [sys.executable, "main.py", "export", str(folder / f"{n}.png"), "--dpi", "300"], bench_env(pycache, root=t),
            t)
    found["window QGIS"] = lambda: qgis_window_once(folder, layer)
    found["window baseline"] = lambda: _painted(["-m", "benchmarks.naive_start"], pycache)
    found["export QGIS"] = lambda: whole_process(
        [QGIS_PYTHON, str(ROOT / "benchmarks" / "peers" / "qgis_a4.py"), str(layer), str(folder / "qgis.png")],
        qgis_env, ROOT)
    found["export baseline"] = lambda: whole_process(
        [sys.executable, str(baseline), str(layer), str(folder / "baseline.png")], bench_env(pycache), ROOT)
    return found


def paired_medians(measures: dict[str, Callable[[], Sample]], runs: int) -> tuple[dict[str, float], dict[str, float]]:
    """One unmeasured round, then ``runs`` rounds of every side once, the order rotated each round; the medians of
    the seconds and of the CPU seconds (the latter only for sides that report it)."""
    names = list(measures)
    samples: dict[str, list[Sample]] = {name: [] for name in names}
    for round_ in range(runs + 1):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            sample = measures[name]()
            if round_:
                samples[name].append(sample)
    wall = {name: statistics.median(s[0] for s in values) for name, values in samples.items()}
    cpu = {name: statistics.median(s[1] for s in values) for name, values in samples.items()
           if all(s[1] is not None for s in values)}
    return wall, cpu


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text(encoding="ascii").split()[:3])


def print_condition(title: str, wall: dict[str, float], cpu: dict[str, float]) -> None:
    """One condition's table: each side's median (time, then CPU time) and ours as a fraction of QGIS."""
    print(f"\n{title}")
    columns = [c for c in ("ours", "before", "baseline", "QGIS") if f"window {c}" in wall]
    print(f"{'':<18}" + "".join(f"{c:>10}" for c in columns) + "   ours/QGIS" +
          ("  before/QGIS" if "before" in columns else "") + "  target")
    for kind, target in (("window", WINDOW_TARGET), ("export", EXPORT_TARGET)):
        for label, figures in ((kind, wall), (f"  {kind} CPU", cpu)):
            cells = "".join(f"{figures[f'{kind} {c}'] * 1000:>8.0f}ms" if f"{kind} {c}" in figures else f"{'-':>10}"
                            for c in columns)
            ratio = figures[f"{kind} ours"] / figures[f"{kind} QGIS"]
            before = (f"{figures[f'{kind} before'] / figures[f'{kind} QGIS']:>13.2f}"
                      if f"{kind} before" in figures else (f"{'-':>13}" if "before" in columns else ""))
            print(f"{label:<18}{cells}{ratio:>11.2f}{before}  " + (f"<= {target:.2f}" if label == kind else ""))


def run(runs: int = RUNS, before: Path | None = None) -> list[Result]:
    """Both comparisons, quiet and with one core busy; the Results hold ours against QGIS."""
    if shutil.which("qgis") is None or not has_pyqgis():
        print("bench_qgis: QGIS 3 (qgis and PyQGIS) is not installed: no side-by-side figures")
        return []
    if not os.environ.get("DISPLAY"):
        if shutil.which("xvfb-run") is None:
            print("bench_qgis: no X display and no xvfb-run: QGIS cannot open its window")
            return []
        command = [sys.executable, "-m", "benchmarks.bench_qgis", "--runs", str(runs)]
        command += ["--before", str(before)] if before else []
        subprocess.run(["xvfb-run", "-a", "-s", XVFB_SCREEN, *command], cwd=ROOT, check=True)
        return []  # the run under Xvfb printed its own tables
    results = []
    with tempfile.TemporaryDirectory(prefix="mapview-bench-qgis-") as tmp:
        folder = Path(tmp)
        subprocess.run([sys.executable, "main.py", "export", str(folder / "map.geojson")], check=True,
                       capture_output=True, cwd=ROOT)
        measures = sides(folder, before)
        for condition in ("as is", "one core busy"):
            load = _load()
            if condition == "as is":
                wall, cpu = paired_medians(measures, runs)
            else:
                with burning_core():
                    wall, cpu = paired_medians(measures, runs)
            print_condition(f"{condition}: median of {runs} paired rounds (load average before: {load}, after: "
                            f"{_load()})", wall, cpu)
            for kind, label, target in (("window", "window start", WINDOW_TARGET),
                                        ("export", "A4 PNG (process)", EXPORT_TARGET)):
                qgis = wall[f"{kind} QGIS"] * 1000
                results.append(Result(f"QGIS, {condition}: {label}", wall[f"{kind} ours"] * 1000, qgis, "ms",
                                      f"{target:.2f}xQGIS", limit=target * qgis))
    return results


def main() -> int:
    """``--runs N`` rounds (default 5), ``--before TREE`` another checkout measured in the same rounds."""
    argv = sys.argv[1:]
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else RUNS
    before = Path(argv[argv.index("--before") + 1]).resolve() if "--before" in argv else None
    results = run(runs, before)
    if results:
        print()
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
