"""Start the desktop application: load the project, show the main window, run the event loop.

With ``MAPVIEW_BENCH_STARTUP=1`` in the environment the app measures its own cold start for ``benchmarks/``: after
the map canvas has first been painted it prints one line ``MAPVIEW_BENCH_STARTUP painted_s=... rss_mb=...
cpu_s=...`` and quits. The time is counted from the process's start as the kernel recorded it
(``/proc/self/stat``), so the interpreter's own start-up and every import are included; ``cpu_s`` is the CPU time
the process has used until then (all threads), which other programs on the machine disturb less.
"""

from __future__ import annotations

import os
import sys
import time

from mapview.data.gisread import GEOJSON_SUFFIXES
from mapview.data.project import ProjectPaths, load_project
from mapview.procstats import collection_paused, rss_megabytes, seconds_since_process_start, settle_heap

BENCH_ENV = "MAPVIEW_BENCH_STARTUP"


def run_app(paths: ProjectPaths) -> int:
    """Open the window for the project at ``paths``; returns the application's exit code."""
    with collection_paused(freeze_after=True):  # start-up imports all stay: out of the collector's way
        _import_drawing()
        from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("mapview")
    app.setApplicationDisplayName("mapview")
    if paths.sectors.suffix.lower() not in GEOJSON_SUFFIXES:  # a GIS file may need its layer and fields
        from mapview.qt.layer_dialog import ask_layer_choice

        paths = ask_layer_choice(paths)
    project = load_project(paths)
    settle_heap()  # the records just loaded are never garbage while shown: out of the collector's way at once
    # The window's Qt side; imported here so `--help` and errors stay quick.
    with collection_paused(freeze_after=True):
        from mapview.qt.mainwindow import MainWindow

    window = MainWindow(project)
    settle_heap()
    window.error_route.install()
    window.place_on_screen()
    if os.environ.get(BENCH_ENV) == "1":
        _report_first_paint(window.canvas, app)
    window.show()
    return int(app.exec())


def _import_drawing() -> None:
    """Import the map drawing (matplotlib, headless) before Qt: once PySide6 is imported, it reads the source of
    every module imported after it (looking for its own name, for its ``__feature__`` switches): ~300 modules and
    ~30 ms of CPU at start-up, and the sources stay in memory (``linecache``)."""
    import mapview.render.mapfigure  # noqa: I001, F401 (first: the render package sets matplotlib up)
    import matplotlib.backend_bases  # noqa: F401 (what the canvas imports that needs no Qt)


def _report_first_paint(canvas, app) -> None:
    """Benchmark hook: once the canvas has painted a drawn map, print the elapsed time and RSS, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint and not self.property("done"):
                self.setProperty("done", True)
                # Runs once the paint event (which draws the figure and copies it to the widget) has finished.
                QTimer.singleShot(0, report)
            return False

    def report() -> None:
        print(f"{BENCH_ENV} painted_s={seconds_since_process_start():.3f} rss_mb={rss_megabytes():.1f} "
              f"cpu_s={time.process_time():.3f}", flush=True)
        app.quit()

    probe = FirstPaint(canvas)
    canvas.installEventFilter(probe)
