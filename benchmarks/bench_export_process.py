"""Whole-process export: ``python main.py export map.png --dpi 300`` (A4) from a cold process, median of 5.

Measured in the same run over the same page:
- ours: the full layout (title, legend, scale bar, north arrow, attribution, labels);
- baseline: the plain script a competent engineer would write first (geopandas reads the GeoJSON,
  ``GeoDataFrame.plot`` fills the sectors by lead colour, five labels, ``savefig`` at 300 dpi on A4);
- QGIS, when PyQGIS is on the machine: the same five sectors filled and labelled with the exported .qml, rendered
  to an A4 300-dpi PNG by ``benchmarks/peers/qgis_a4.py`` (no legend, scale bar or text: a bare render).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _has_pyqgis() -> bool:
    return Path(QGIS_PYTHON).exists() and subprocess.run(
        [QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True).returncode == 0


def run() -> list[Result]:
    """Median whole-process seconds: ours, the baseline script, and QGIS when installed."""
    with tempfile.TemporaryDirectory(prefix="mapview-bench-export-") as tmp:
        folder = Path(tmp)
        geojson = folder / "map.geojson"
        subprocess.run([sys.executable, "main.py", "export", str(geojson)], check=True, capture_output=True,
                       cwd=ROOT)
        ours = _median_seconds([sys.executable, "main.py", "export", str(folder / "ours.png"), "--dpi", "300"])
        script = folder / "baseline.py"
        script.write_text(BASELINE, encoding="utf-8")
        baseline = _median_seconds([sys.executable, str(script), str(geojson), str(folder / "baseline.png")])
        results = [Result("export: A4 300-dpi PNG, whole process", ours * 1000, baseline * 1000, "ms",
                          "<= QGIS bare render")]
        if _has_pyqgis():
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            qgis = _median_seconds([QGIS_PYTHON, str(ROOT / "benchmarks" / "peers" / "qgis_a4.py"), str(geojson),
                                    str(folder / "qgis.png")], env)
            results[0].limit = qgis * 1000
            results.append(Result("export: same, vs QGIS 3 bare render (peer)", ours * 1000, qgis * 1000, "ms",
                                  "ratio >= 1"))
            print(f"whole-process A4 300-dpi PNG: ours {ours:.2f} s (full layout), QGIS {qgis:.2f} s (bare "
                  f"render), geopandas baseline {baseline:.2f} s")
        else:
            print(f"whole-process A4 300-dpi PNG: ours {ours:.2f} s, geopandas baseline {baseline:.2f} s "
                  "(QGIS not installed: no peer figure)")
    return results


def main() -> int:
    """Print the measurements and the shared result table."""
    print_table(run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
