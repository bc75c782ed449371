"""The window fits small screens: 1024x700 at scale 1 and 1600x1000 at QT_SCALE_FACTOR=2 (800x500 logical), each
in a fresh process on Qt's offscreen platform given that screen; the remembered layout is kept per scale factor
(issue #22 item 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT

PROBE = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    from mapview.data.project import load_project
    from mapview.qt.mainwindow import MainWindow

    settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
    window = MainWindow(load_project(), settings=settings)
    window.place_on_screen()
    window.show()
    for _ in range(5):
        app.processEvents()
    window.select_sector("north-gaza")
    window.open_passage(window.evidence.passage_rows()[0].evidence)
    for _ in range(5):
        app.processEvents()

    def box(widget):
        top_left = widget.mapTo(window, widget.rect().topLeft())
        return [top_left.x(), top_left.y(), widget.width(), widget.height()]

    text = window.source_view.text
    docks = {}
    for dock in (window.evidence_dock, window.source_dock, window.nations_dock, window.proposals_dock,
                 window.problems_dock):
        dock.raise_()
        app.processEvents()
        docks[dock.objectName()] = dock.isVisible() and dock.widget().height() > 40
    side_by_side = window.evidence_dock not in window.tabifiedDockWidgets(window.source_dock)
    window.source_dock.raise_()
    app.processEvents()
    lines = text.viewport().height() // text.fontMetrics().lineSpacing()
    cursor = text.textCursor()
    shown = text.viewport().rect().contains(text.cursorRect(cursor).center())
    from PySide6.QtWidgets import QTabBar
    cut_titles = [bar.tabText(i) for bar in window.findChildren(QTabBar) if bar.isVisible()
                  for i in range(bar.count())
                  if bar.tabRect(i).width() < bar.fontMetrics().horizontalAdvance(bar.tabText(i))]
    available = window.screen().availableGeometry()
    minimum = window.minimumSizeHint()
    print(json.dumps({
        "ratio": window.screen().devicePixelRatio(),
        "available": [available.width(), available.height()],
        "window": [window.width(), window.height()],
        "minimum": [minimum.width(), minimum.height()],
        "status_bar": box(window.statusBar()), "canvas": box(window.canvas),
        "source_lines": lines, "passage_in_view": shown, "docks": docks,
        "restored": window.layout_restored, "evidence_and_source_together": side_by_side,
        "cut_titles": cut_titles, "tab_titles": [bar.tabText(i) for bar in window.findChildren(QTabBar)
                                                 if bar.isVisible() for i in range(bar.count())],
    }))
    window.close()
""")


def probe(tmp_path: Path, width: int, height: int, scale: int, settings: Path | None = None) -> dict:
    """Open the window in a fresh process on a ``width`` x ``height`` screen at ``scale``; what it measured."""
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale))
    done = subprocess.run([sys.executable, "-c", PROBE, str(settings or tmp_path / "mapview.ini")], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


FRAME = 40  # what a window manager's title bar may add (logical pixels)


@pytest.mark.parametrize(("width", "height", "scale"), [(1024, 700, 1), (1600, 1000, 2)])
def test_the_whole_window_fits_the_screen_and_every_pane_has_room(tmp_path: Path, width, height, scale) -> None:
    seen = probe(tmp_path, width, height, scale)
    assert seen["ratio"] == scale
    room_w, room_h = seen["available"]
    assert [room_w, room_h] == [width // scale, height // scale]
    # the window, with a title bar, and even its least size, fit the screen
    assert seen["window"][0] <= room_w and seen["window"][1] + FRAME <= room_h
    assert seen["minimum"][0] <= room_w and seen["minimum"][1] + FRAME <= room_h
    x, y, w, h = seen["status_bar"]
    assert h > 0 and y + h <= seen["window"][1]  # the status bar is inside the window, not below the screen
    assert seen["canvas"][2] >= 240 and seen["canvas"][3] >= 240
    assert all(seen["docks"].values()), seen["docks"]  # every pane shows with room when its tab is raised
    assert seen["source_lines"] >= 8  # the Source view reads more than a line or two
    assert seen["passage_in_view"]  # and the opened passage is in view
    # 700 px leave room for the evidence and its article at once; 500 px only for tabs
    assert seen["evidence_and_source_together"] == (height // scale >= 620)
    # the tabbed panes say their whole names ("Evid…" told a new user nothing)
    assert "Evidence" in seen["tab_titles"] and seen["cut_titles"] == [], seen


def test_a_layout_saved_at_one_scale_is_not_used_at_another(tmp_path: Path) -> None:
    settings = tmp_path / "shared.ini"
    first = probe(tmp_path, 1600, 1000, 1, settings)  # closing saves the layout at scale 1
    assert not first["restored"]
    again = probe(tmp_path, 1600, 1000, 1, settings)
    assert again["restored"]  # the same scale: the layout comes back
    doubled = probe(tmp_path, 1600, 1000, 2, settings)
    assert not doubled["restored"]  # another scale: a layout made for this screen instead
    assert doubled["window"][1] + FRAME <= doubled["available"][1]
