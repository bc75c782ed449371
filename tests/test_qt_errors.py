"""An exception in a slot reaches the user: a Problems row and a plain-text message box (issue #12, item 4)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from mapview.qt import mainwindow
from tests.test_qt_window import click_sector, open_window


def test_an_error_in_a_slot_becomes_a_problems_row_and_a_plain_text_message(qtbot, project, monkeypatch,
                                                                              capsys) -> None:
    window = open_window(qtbot, project)
    window.error_route.install()
    try:
        def broken(_view):
            raise RuntimeError("<b>boom</b> & more")

        monkeypatch.setattr(mainwindow, "north_to_south", broken)
        window.canvas.setFocus()
        QTest.keyClick(window.canvas, Qt.Key.Key_Tab)  # the canvas asks the window to step: the slot raises
        rows = window.problems.rows()
        assert rows[-1][0] == "error"
        assert rows[-1][1] == "mapview (internal error)"
        assert "mainwindow.py" in rows[-1][2] and "step_selection" in rows[-1][2]
        assert rows[-1][3] == "Unexpected error in mapview: RuntimeError: <b>boom</b> & more"
        assert window.problems_dock.windowTitle() == "Problems (1)"
        box = window.error_route.box
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert box.textFormat() == Qt.TextFormat.PlainText  # the message is shown as typed, never as markup
        assert "RuntimeError: <b>boom</b> & more" in box.text()
        assert "Traceback" in box.detailedText()
        assert "RuntimeError" in capsys.readouterr().err  # still printed for a developer
        # A second error while the box is open adds a row, not a second box.
        QTest.keyClick(window.canvas, Qt.Key.Key_Tab)
        assert len(window.problems.rows()) == 2 and window.error_route.box is box
        box.close()
        # The window carries on.
        monkeypatch.undo()
        click_sector(qtbot, window, "north-gaza")
        assert window.evidence.title.text() == "North Gaza"
    finally:
        window.close()
    assert sys.excepthook != window.error_route.hook  # closing the window gives the hook back
