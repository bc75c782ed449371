"""Start-up and the export hand-off: run_app shows the window; Ctrl+E passes the current date and selection."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer

from mapview.data.project import Project, ProjectPaths
from mapview.qt.app import run_app
from mapview.qt.mainwindow import MainWindow


def test_run_app_shows_the_main_window_and_returns_the_exit_code(qapp) -> None:
    seen: list[MainWindow] = []

    def close_soon() -> None:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(windows)
        for window in windows:
            window.close()
        qapp.exit(0)

    QTimer.singleShot(200, close_soon)
    assert run_app(ProjectPaths.defaults()) == 0
    # Closing the last window posts a Quit event; left in the queue it would end the next test's dialog at once.
    QCoreApplication.removePostedEvents(qapp, QEvent.Type.Quit)
    assert len(seen) == 1
    assert "ISF" in seen[0].windowTitle()
    assert len(seen[0].canvas.artists.sectors) == 5


def test_ctrl_e_opens_the_export_dialog_with_the_current_date_and_selection(qtbot, project: Project,
                                                                           monkeypatch) -> None:
    import mapview.qt.export_dialog as export_dialog

    calls: list[dict] = []

    def fake_dialog(parent, proj, *, as_of, include_undated, selected, current_extent=None):
        calls.append({"parent": parent, "project": proj, "as_of": as_of, "include_undated": include_undated,
                      "selected": selected})
        return Path("/tmp/never-written.png")

    monkeypatch.setattr(export_dialog, "open_export_dialog", fake_dialog)
    window = MainWindow(project)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.select_sector("deir-al-balah")
    window.set_as_of(date(2025, 12, 31))
    qtbot.keyClick(window.canvas, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert calls == [{"parent": window, "project": project, "as_of": date(2025, 12, 31), "include_undated": True,
                      "selected": "deir-al-balah"}]
    assert "never-written.png" in window.statusBar().currentMessage()
