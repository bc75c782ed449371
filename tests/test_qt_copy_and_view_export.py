"""Copy map (Ctrl+Shift+C) and "the map's current view" in the Export dialog, driven through the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from mapview.data.project import load_project
from mapview.qt.export_dialog import ExportDialog
from mapview.qt.mainwindow import MainWindow


@pytest.fixture()
def window(qtbot) -> MainWindow:
    window = MainWindow(load_project())
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_ctrl_shift_c_puts_the_export_page_on_the_clipboard(window: MainWindow, qtbot) -> None:
    assert window.copy_map_action.shortcut() == QKeySequence("Ctrl+Shift+C")
    QGuiApplication.clipboard().clear()
    window.copy_map_action.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    image = QGuiApplication.clipboard().image()
    assert mime.hasFormat("image/png") and not image.isNull()
    assert (image.width(), image.height()) == (1654, 2339) or abs(image.width() - 1653) <= 1  # A4 at 200 dpi
    assert image.pixelColor(3, 3).name() == "#ffffff"  # the page, with its margins, not a bare map
    assert "copied" in window.statusBar().currentMessage()


def test_export_dialog_can_export_the_current_zoomed_view(window: MainWindow, qtbot, tmp_path: Path) -> None:
    window.canvas.ax.set_xlim(34.25, 34.40)
    window.canvas.ax.set_ylim(31.22, 31.36)
    extent = window.current_extent()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(window, window.project, current_extent=extent, settings=settings)
    qtbot.addWidget(dialog)
    assert dialog.current_view_box.isEnabled() and not dialog.current_view_box.isChecked()
    qtbot.mouseClick(dialog.current_view_box, Qt.MouseButton.LeftButton)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("svg"))
    dialog.path_edit.setText(str(tmp_path / "zoomed.svg"))
    dialog.accept()
    text = (tmp_path / "zoomed.svg").read_text(encoding="utf-8")
    # the zoomed view shows Rafah and Khan Yunis; North Gaza's label is outside it
    assert "Rafah" in text and "North Gaza" not in text
    full = ExportDialog(window, window.project, current_extent=extent, settings=settings)
    qtbot.addWidget(full)
    full.format_box.setCurrentIndex(full.format_box.findData("svg"))
    full.path_edit.setText(str(tmp_path / "full.svg"))
    full.accept()
    assert "North Gaza" in (tmp_path / "full.svg").read_text(encoding="utf-8")


def test_export_extent_current_is_the_area_the_window_showed_last(qtbot, tmp_path: Path, data_copy) -> None:
    from mapview.cli import main as cli_main
    from mapview.data.viewfile import views_file

    window = MainWindow(load_project(data_copy))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    data = ["--sectors", str(data_copy.sectors), "--claims", str(data_copy.claims), "--seeds", str(data_copy.seeds)]
    assert cli_main([*data, "export", str(tmp_path / "none.png"), "--extent", "current"]) == 2  # nothing saved yet
    before = sorted(p.name for p in data_copy.claims.parent.iterdir())
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    qtbot.waitUntil(lambda: views_file().exists(), timeout=3000)  # saved once the map is still
    shown = window.current_extent()
    window.close()
    assert sorted(p.name for p in data_copy.claims.parent.iterdir()) == before  # nothing written to the project
    assert cli_main([*data, "export", str(tmp_path / "current.png"), "--extent", "current", "--dpi", "60"]) == 0
    box = ",".join(f"{v:.7f}" for v in shown)
    assert cli_main([*data, "export", str(tmp_path / "box.png"), "--extent", box, "--dpi", "60"]) == 0
    assert (tmp_path / "current.png").read_bytes() == (tmp_path / "box.png").read_bytes()
    full = tmp_path / "all.png"
    assert cli_main([*data, "export", str(full), "--dpi", "60"]) == 0
    assert full.read_bytes() != (tmp_path / "current.png").read_bytes()  # the zoom really changed the page
