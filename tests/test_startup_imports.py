"""The first paint imports only what it draws: ingest, sentence splitting, exports and the scale bar load later."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOT_AT_START = ("pysbd", "trafilatura", "htmldate", "pypdf", "matplotlib_scalebar", "geopandas", "pyproj",
                "mapview.ingest.extract", "mapview.ingest.formats", "mapview.ingest.segment",
                "mapview.render.export", "mapview.render.layout", "mapview.render.dossier",
                "mapview.qt.export_dialog", "mapview.qt.paste_dialog")
PROBE = f"""
import atexit, runpy, sys
def report():
    print("LOADED", sorted(m for m in sys.modules if m.startswith({NOT_AT_START!r})))
    order = list(sys.modules)
    print("BEFORE_QT", sorted(m for m in ("matplotlib.figure", "matplotlib.backend_bases", "mapview.render.mapfigure")
                              if order.index(m) < order.index("PySide6")))
atexit.register(report)
sys.argv = ["main.py"]
runpy.run_path("main.py", run_name="__main__")
"""


@pytest.fixture(scope="module")
def started() -> str:
    """What the probe printed about a real start-up of the window (to the first paint)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MAPVIEW_BENCH_STARTUP="1")
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert "MAPVIEW_BENCH_STARTUP painted_s=" in done.stdout, done.stdout + done.stderr
    return done.stdout


def test_the_window_paints_without_ingest_export_or_scale_bar_code(started: str) -> None:
    assert "LOADED []" in started, started


def test_the_map_drawing_is_imported_before_qt(started: str) -> None:
    # PySide6 reads the source of every module imported after it (issue #24: ~300 modules, ~30 ms at start-up).
    assert "BEFORE_QT ['mapview.render.mapfigure', 'matplotlib.backend_bases', 'matplotlib.figure']" in started, started
