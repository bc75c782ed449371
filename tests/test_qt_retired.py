"""Retired claims are listed with their reason and date and can be restored (issue #22 item 6)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mapview.qt.mainwindow import MainWindow
from mapview.state import SECTOR
from tests.test_qt_annotate import _on_disk


def test_retire_confirm_list_and_restore(qtbot, window_on_copy: MainWindow, data_copy) -> None:
    window = window_on_copy
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.canvas)
    qtbot.keyClick(window.canvas, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.retired_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.shown_lines() == [] and "No retired claims" in dialog.heading.text()
    assert not dialog.restore_button.isEnabled()
    dialog.close()

    window.select_sector("north-gaza")
    window.state.open(window.state.view.by_id()["north-gaza"].claims[0].evidence[0], SECTOR)
    assert window.retire_open_claim("superseded by a later report") == "kosovo-lead-north-gaza"
    message = window.statusBar().currentMessage()
    assert "kosovo-lead-north-gaza retired" in message and "superseded by a later report" in message
    # no longer drawn or listed: the sector's lead now rests on Detay Kıbrıs's claim alone
    assert "kosovo-lead-north-gaza" not in [c.id for c in window.state.view.by_id()["north-gaza"].claims]

    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert dialog.isVisible()
    at = _on_disk(data_copy)["kosovo-lead-north-gaza"]["retired"]["at"]
    [line] = dialog.shown_lines()
    assert line.startswith("kosovo-lead-north-gaza — Kosovo, sector lead, North Gaza — retired ")
    assert at in line and line.endswith(": superseded by a later report")
    assert "1 retired claim:" in dialog.heading.text()

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "retired" not in _on_disk(data_copy)["kosovo-lead-north-gaza"]
    assert window.state.view.by_id()["north-gaza"].lead.nation == "Kosovo"  # drawn again
    assert dialog.shown_lines() == []  # the list follows
    assert "restored" in window.statusBar().currentMessage()
    window.undo_action.trigger()  # Undo retires it again, and the list shows it again
    assert [line.split(" — ")[0] for line in dialog.shown_lines()] == ["kosovo-lead-north-gaza"]
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # Enter restores too
    assert dialog.shown_lines() == [] and "retired" not in _on_disk(data_copy)["kosovo-lead-north-gaza"]
