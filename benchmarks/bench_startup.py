"""Cold start of the window, measured two ways, against ``naive_start`` (geopandas + pyplot imported eagerly).

- painted: ``python main.py`` with ``MAPVIEW_BENCH_STARTUP=1`` prints the seconds from the process's start (the
  kernel's start time in ``/proc/self/stat``, so interpreter start-up and every import count; 10 ms ticks) to
  the end of the canvas's first paint event, and quits. ``naive_start`` prints the same clock the same way.
- whole process: wall time of the same commands from outside, spawn to exit (adds interpreter teardown).
- memory: the process's VmRSS at that first paint, window open.

Both run under ``QT_QPA_PLATFORM=offscreen``; each is run ``RUNS`` times and the median is kept, after one
unmeasured run of each that warms the disk cache and writes the bytecode cache (to a temporary
``PYTHONPYCACHEPREFIX``, so the tree stays clean and ``PYTHONDONTWRITEBYTECODE`` in the environment does not make
every run recompile the project). The painted time is measured again with a second process burning one core
(``common.burning_core``, as ``bench_scale`` does). ``bench_qgis`` sets ours beside QGIS 3 on an X display.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Result, burning_core

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
LINE = re.compile(r"painted_s=([0-9.]+) rss_mb=([0-9.]+)(?: cpu_s=([0-9.]+))?")


def bench_env(pycache: str, platform: str = "offscreen", root: Path = ROOT) -> dict[str, str]:
    """The environment of a measured process: the tree at ``root`` first on the path, bytecode cached in
    ``pycache`` (as an installed app has it), a throw-away config folder."""
    env = dict(os.environ, QT_QPA_PLATFORM=platform, MAPVIEW_BENCH_STARTUP="1", PYTHONPYCACHEPREFIX=pycache,
               PYTHONPATH=str(root),
               XDG_CONFIG_HOME=str(Path(pycache) / "config"))  # the window saves its layout: never the user's
    env.pop("MPLBACKEND", None)  # the naive script picks QtAgg itself; the app never uses pyplot
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached; so do both sides here
    return env


def measure(args: list[str], pycache: str, platform: str = "offscreen",
            root: Path = ROOT) -> tuple[float, float, float, float | None]:
    """One run of the tree at ``root``: (seconds to first paint from inside, wall seconds from outside, RSS MB at
    first paint, CPU seconds used until the first paint: None from a version that does not print it)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=root, env=bench_env(pycache, platform, root),
                          capture_output=True, text=True, timeout=120)
    wall = time.perf_counter() - start
    match = LINE.search(done.stdout)
    if done.returncode != 0 or match is None:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}: {done.stdout}{done.stderr}")
    return float(match.group(1)), wall, float(match.group(2)), float(match.group(3)) if match.group(3) else None


def medians(args: list[str], pycache: str, runs: int = RUNS, platform: str = "offscreen") -> tuple[float, float, float]:
    """Median of each figure over ``runs`` runs, after one warm-up run (which also fills the bytecode cache)."""
    measure(args, pycache, platform)
    samples = [measure(args, pycache, platform) for _ in range(runs)]
    return tuple(statistics.median(s[i] for s in samples) for i in range(3))  # type: ignore[return-value]


def run() -> list[Result]:
    """Window painted from process start, whole-process wall time, RSS with the window open; the painted time
    again with one core busy. (QGIS side by side: ``bench_qgis``.)"""
    with tempfile.TemporaryDirectory(prefix="mapview-bench-pyc-") as pycache:
        ours = medians(["main.py"], pycache)
        naive = medians(["-m", "benchmarks.naive_start"], pycache)
        with burning_core():
            ours_busy = medians(["main.py"], pycache)
            naive_busy = medians(["-m", "benchmarks.naive_start"], pycache)
    results = [
        Result("cold start: map painted (from process start)", ours[0] * 1000, naive[0] * 1000, "ms", "< 0.8 s",
               800.0),
        Result("cold start: whole process (wall, outside)", ours[1] * 1000, naive[1] * 1000, "ms", ""),
        Result("memory: RSS with the window open", ours[2], naive[2], "MB", "< 300 MB", 300.0),
        Result("cold start: map painted, one core busy", ours_busy[0] * 1000, naive_busy[0] * 1000, "ms", ""),
    ]
    return results


if __name__ == "__main__":
    from benchmarks.common import print_table

    print_table(run())
