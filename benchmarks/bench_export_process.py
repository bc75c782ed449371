"""Whole-process export: ``python main.py export map.png --dpi 300`` (A4) from a cold process, median of 5.

Measured in the same run over the same page:
- ours: the full layout (title, legend, scale bar, north arrow, attribution, labels);
- baseline: the plain script a competent engineer would write first (geopandas reads the GeoJSON,
  ``GeoDataFrame.plot`` fills the sectors by lead colour, five labels, ``savefig`` at 300 dpi on A4).

Both with their bytecode cached (a temporary ``PYTHONPYCACHEPREFIX``, written by one unmeasured run), as installed.
QGIS 3's bare render of the same layer is set beside ours, paired, in ``bench_qgis``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_startup import bench_env
from benchmarks.common import Result, print_table

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
QGIS_PYTHON = "/usr/bin/python3"

BASELINE = r"""
import sys, json
import geopandas
import matplotlib
matplotlib.use("Agg")
from matplotlib.figure import Figure
frame = geopandas.read_file(sys.argv[1])
fig = Figure(figsize=(8.27, 11.69))
ax = fig.add_subplot()
frame.plot(ax=ax, color=frame["fill"], edgecolor="#3c3c3c")
for _, row in frame.iterrows():
    p = row.geometry.representative_point()
    ax.annotate(row["label"], (p.x, p.y), ha="center", fontsize=8)
ax.set_axis_off()
fig.savefig(sys.argv[2], dpi=300)
"""


def _median_seconds(command: list[str], env: dict[str, str] | None = None) -> float:
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)  # warm-up: bytecode, disk cache
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def has_pyqgis() -> bool:
    """Whether the system Python can import PyQGIS."""
    return Path(QGIS_PYTHON).exists() and subprocess.run(
        [QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True).returncode == 0


def run() -> list[Result]:
    """Median whole-process seconds: ours and the baseline script."""
    with tempfile.TemporaryDirectory(prefix="mapview-bench-export-") as tmp:
        folder = Path(tmp)
        geojson = folder / "map.geojson"
        subprocess.run([sys.executable, "main.py", "export", str(geojson)], check=True, capture_output=True,
                       cwd=ROOT)
        env = bench_env(str(folder / "pycache"))
        ours = _median_seconds([sys.executable, "main.py", "export", str(folder / "ours.png"), "--dpi", "300"], env)
        script = folder / "baseline.py"
        script.write_text(BASELINE, encoding="utf-8")
        baseline = _median_seconds([sys.executable, str(script), str(geojson), str(folder / "baseline.png")], env)
    return [Result("export: A4 300-dpi PNG, whole process", ours * 1000, baseline * 1000, "ms", "")]


def main() -> int:
    """Print the measurements and the shared result table."""
    print_table(run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
