"""Start the desktop application: load the project, show the main window, run the event loop.

With ``MAPVIEW_BENCH_STARTUP=1`` in the environment the app measures its own cold start for ``benchmarks/``: after
the map canvas has first been painted it prints one line ``MAPVIEW_BENCH_STARTUP painted_s=... rss_mb=...`` and
quits. The time is counted from the process's start as the kernel recorded it (``/proc/self/stat``), so the
interpreter's own start-up and every import are included.
"""

from __future__ import annotations

import os
import sys

from mapview.data.gisread import GEOJSON_SUFFIXES
from mapview.data.project import ProjectPaths, load_project
from mapview.procstats import rss_megabytes, seconds_since_process_start, settle_heap

BENCH_ENV = "MAPVIEW_BENCH_STARTUP"


def run_app(paths: ProjectPaths) -> int:
    """Open the window for the project at ``paths``; returns the application's exit code."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("mapview")
    app.setApplicationDisplayName("mapview")
    if paths.sectors.suffix.lower() not in GEOJSON_SUFFIXES:  # a GIS file may need its layer and fields
        from mapview.qt.layer_dialog import ask_layer_choice

        paths = ask_layer_choice(paths)
    project = load_project(paths)
    settle_heap()  # the records just loaded are never garbage while shown: out of the collector's way at once
    # The window pulls in matplotlib and the map drawing; imported here so `--help` and errors stay quick.
    from mapview.qt.mainwindow import MainWindow

    window = MainWindow(project)
    settle_heap()
    window.error_route.install()
    window.place_on_screen()
    if os.environ.get(BENCH_ENV) == "1":
        _report_first_paint(window.canvas, app)
    window.show()
    return int(app.exec())


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
        print(f"{BENCH_ENV} painted_s={seconds_since_process_start():.3f} rss_mb={rss_megabytes():.1f}", flush=True)
        app.quit()

    probe = FirstPaint(canvas)
    canvas.installEventFilter(probe)
