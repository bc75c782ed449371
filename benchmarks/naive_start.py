"""The naive cold start the window is measured against: geopandas + pyplot imported eagerly, map in a Qt window.

Run as ``python -m benchmarks.naive_start``: reads both GeoJSON layers with geopandas, plots them with pyplot
(sectors coloured, labelled) in pyplot's Qt window, and after the first paint of the canvas prints
``NAIVE_START painted_s=... rss_mb=... cpu_s=...`` (seconds since the process started, from the same kernel clock as the
app's ``MAPVIEW_BENCH_STARTUP`` hook) and quits.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import geopandas as gpd
import matplotlib

matplotlib.use("QtAgg")
import matplotlib.pyplot as plt  # noqa: E402 (the backend must be chosen first)
from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mapview.procstats import rss_megabytes, seconds_since_process_start  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
COLOURS = {"north-gaza": "#2b6cb0", "deir-al-balah": "#c0392b"}  # the two reported leads; the rest grey


class _FirstPaint(QObject):
    """Report once the canvas widget has handled its first paint event."""

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and not self.property("done"):
            self.setProperty("done", True)
            QTimer.singleShot(0, _report)
        return False


def _report() -> None:
    print(f"NAIVE_START painted_s={seconds_since_process_start():.3f} rss_mb={rss_megabytes():.1f} "
          f"cpu_s={time.process_time():.3f}", flush=True)
    plt.close("all")


def main() -> int:
    """Open the naive window and quit after its first paint."""
    # Without a display matplotlib believes it is headless unless a QApplication already runs.
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (kept alive for pyplot)
    sectors = gpd.read_file(ROOT / "geodata" / "sectors.geojson")
    context = gpd.read_file(ROOT / "geodata" / "context.geojson")
    fig, ax = plt.subplots(figsize=(8, 7))
    context.plot(ax=ax, color="#ece8df", edgecolor="#b5ad9c")
    sectors.plot(ax=ax, color=[COLOURS.get(i, "#c8c8c8") for i in sectors["id"]], edgecolor="#333333",
                 hatch="//")
    for _, row in sectors.iterrows():
        point = row.geometry.representative_point()
        ax.annotate(row["name"], (point.x, point.y), ha="center", fontsize=8)
    xmin, ymin, xmax, ymax = sectors.total_bounds
    ax.set_xlim(xmin - 0.05, xmax + 0.05)
    ax.set_ylim(ymin - 0.05, ymax + 0.05)
    probe = _FirstPaint(fig.canvas)
    fig.canvas.installEventFilter(probe)
    plt.show()
    return 0


if __name__ == "__main__":
    sys.exit(main())
