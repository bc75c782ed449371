"""Cold start of the window, measured two ways, against ``naive_start`` (geopandas + pyplot imported eagerly).

- painted: ``python main.py`` with ``MAPVIEW_BENCH_STARTUP=1`` prints the seconds from the process's start (the
  kernel's start time in ``/proc/self/stat``, so interpreter start-up and every import count; 10 ms ticks) to
  the end of the canvas's first paint event, and quits. ``naive_start`` prints the same clock the same way.
- whole process: wall time of the same commands from outside, spawn to exit (adds interpreter teardown).
- memory: the process's VmRSS at that first paint, window open.

Both run under ``QT_QPA_PLATFORM=offscreen``; each is run ``RUNS`` times and the median is kept, after one
unmeasured run of each that warms the disk cache and writes the bytecode cache (to a temporary
``PYTHONPYCACHEPREFIX``, so the tree stays clean and ``PYTHONDONTWRITEBYTECODE`` in the environment does not make
every run recompile the project).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Result

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
LINE = re.compile(r"painted_s=([0-9.]+) rss_mb=([0-9.]+)")


def _env(pycache: str, platform: str = "offscreen") -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=platform, MAPVIEW_BENCH_STARTUP="1", PYTHONPYCACHEPREFIX=pycache,
               XDG_CONFIG_HOME=str(Path(pycache) / "config"))  # the window saves its layout: never the user's
    env.pop("MPLBACKEND", None)  # the naive script picks QtAgg itself; the app never uses pyplot
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached; so do both sides here
    return env


def measure(args: list[str], pycache: str, platform: str = "offscreen") -> tuple[float, float, float]:
    """One run: (seconds to first paint from inside, wall seconds from outside, RSS MB at first paint)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=_env(pycache, platform), capture_output=True,
                          text=True, timeout=120)
    wall = time.perf_counter() - start
    match = LINE.search(done.stdout)
    if done.returncode != 0 or match is None:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}: {done.stdout}{done.stderr}")
    return float(match.group(1)), wall, float(match.group(2))


def medians(args: list[str], pycache: str, runs: int = RUNS, platform: str = "offscreen") -> tuple[float, float, float]:
    """Median of each figure over ``runs`` runs, after one warm-up run (which also fills the bytecode cache)."""
    measure(args, pycache, platform)
    samples = [measure(args, pycache, platform) for _ in range(runs)]
    return tuple(statistics.median(s[i] for s in samples) for i in range(3))  # type: ignore[return-value]


QGIS_PROBE = """
import os
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface
def since_start():
    with open("/proc/self/stat") as f:
        start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        return float(f.read().split()[0]) - start_ticks / os.sysconf("SC_CLK_TCK")
def report():
    print(f"QGIS_WINDOW visible={iface.mainWindow().isVisible()} since_start_s={since_start():.3f}", flush=True)
    QApplication.instance().exit(0)
QTimer.singleShot(0, report)
"""
QGIS_LINE = re.compile(r"QGIS_WINDOW visible=True since_start_s=([0-9.]+)")


def qgis_window_seconds(folder: str, runs: int = RUNS) -> float | None:
    """Median seconds from QGIS's process start to its main window shown (no splash, no plugins, fresh profile).

    QGIS runs ``--code`` once its interface is up; the probe reads the same kernel clock as ours. None without
    ``qgis`` on the PATH or an X display (QGIS does not start on the offscreen platform).
    """
    if shutil.which("qgis") is None or not os.environ.get("DISPLAY"):
        return None
    probe = Path(folder) / "qgis_probe.py"
    probe.write_text(QGIS_PROBE, encoding="utf-8")
    args = ["qgis", "--nologo", "--noversioncheck", "--noplugins", "--profiles-path", str(Path(folder) / "profiles"),
            "--code", str(probe)]
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    samples = []
    for i in range(runs + 1):
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
        match = QGIS_LINE.search(done.stdout)
        if match is None:
            return None
        if i:  # the first run builds the profile and warms the disk cache
            samples.append(float(match.group(1)))
    return statistics.median(samples)


def run() -> list[Result]:
    """Window painted from process start, whole-process wall time, RSS with the window open; QGIS 3 if present."""
    with tempfile.TemporaryDirectory(prefix="mapview-bench-pyc-") as pycache:
        ours = medians(["main.py"], pycache)
        naive = medians(["-m", "benchmarks.naive_start"], pycache)
        qgis = qgis_window_seconds(pycache)
        ours_x = None
        if qgis is not None:  # ours on the same X display, for a like-for-like row
            ours_x = medians(["main.py"], pycache, platform="xcb")
    results = [
        Result("cold start: map painted (from process start)", ours[0] * 1000, naive[0] * 1000, "ms", "< 0.8 s",
               800.0),
        Result("cold start: whole process (wall, outside)", ours[1] * 1000, naive[1] * 1000, "ms", ""),
        Result("memory: RSS with the window open", ours[2], naive[2], "MB", "< 300 MB", 300.0),
    ]
    if qgis is not None and ours_x is not None:
        results.append(Result("vs QGIS 3 window open (same X display; baseline = QGIS, empty, no plugins)",
                              ours_x[0] * 1000, qgis * 1000, "ms", ""))
    return results


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
