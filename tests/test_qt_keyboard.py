"""The window by keyboard only: Tab leaves the map, F6 / Ctrl+Tab walk the panes, every action has a key that Help
▸ Keyboard lists (issue #22 item 1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mapview import keymap
from mapview.qt.mainwindow import PANE_LABELS, MainWindow
from tests.test_qt_window import north_to_south_ids, open_window

PANES = list(PANE_LABELS)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard is now (the focus widget), as a user presses it."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard"
    QTest.keyClick(target, key, modifier)


def ready(qtbot, project) -> MainWindow:
    window = open_window(qtbot, project)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.canvas)
    return window


def test_tab_walks_the_sectors_then_leaves_the_map_and_shift_tab_comes_back(qtbot, project) -> None:
    window = ready(qtbot, project)
    order = north_to_south_ids(project)
    for sector_id in order:
        press(Qt.Key.Key_Tab)
        assert window.selected == sector_id and window.canvas.hasFocus()
    press(Qt.Key.Key_Tab)  # after the last sector: the keyboard moves on, the selection stays
    assert not window.canvas.hasFocus() and QApplication.focusWidget() is not None
    assert window.selected == order[-1]
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back onto the map
    assert window.canvas.hasFocus()
    for sector_id in reversed(order[:-1]):
        press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        assert window.selected == sector_id and window.canvas.hasFocus()
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # before the first: the keyboard leaves backwards
    assert not window.canvas.hasFocus()
    assert window.selected == order[0]


def test_f6_and_ctrl_tab_walk_every_pane_and_each_works_by_keyboard(qtbot, project) -> None:
    window = ready(qtbot, project)
    press(Qt.Key.Key_Tab)  # the northernmost sector: its evidence fills the evidence pane
    north = north_to_south_ids(project)[0]
    assert window.selected == north
    reached = [window.current_pane()]
    for _ in range(len(PANES)):
        press(Qt.Key.Key_F6)
        reached.append(window.current_pane())
    assert reached == [*PANES, "map"]  # every pane once, in order, and round to the map again
    for _ in range(len(PANES)):
        press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        if window.current_pane() == "source":
            break
    assert window.current_pane() == "source"
    before = PANES[PANES.index("source") - 1]
    press(Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.current_pane() == before
    press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.current_pane() == PANES[PANES.index(before) - 1]

    # In the evidence pane, Down then Enter opens a passage in the Source view.
    press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane() == "evidence"
    rows = window.evidence.list
    for _ in range(40):
        current = rows.model().row_at(rows.currentIndex())
        if current is not None and current.evidence is not None:
            break
        press(Qt.Key.Key_Down)
    assert current is not None and current.evidence is not None, "no passage reached with the Down key"
    press(Qt.Key.Key_Return)
    assert window.source_view.source is not None
    assert current.evidence.text in window.source_view.text.toPlainText()

    # Ctrl+F reaches the filter; what is typed there narrows the list.
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane() == "filter"
    QTest.keyClicks(QApplication.focusWidget(), "nosuchwordanywhere")
    qtbot.waitUntil(lambda: window.state.evidence_filter.query == "nosuchwordanywhere")  # once typing pauses
    assert not window.evidence.passage_rows()

    # Back to the map, and Escape there clears the selection.
    press(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.hasFocus()
    press(Qt.Key.Key_Escape)
    assert window.selected is None


def test_every_menu_action_has_a_key_and_help_keyboard_lists_it(qtbot, project, monkeypatch) -> None:
    window = ready(qtbot, project)
    actions = [a for menu in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))
               for a in menu.actions() if not a.isSeparator() and a.menu() is None]
    assert len(actions) > 25
    docks = {d.toggleViewAction() for d in (window.evidence_dock, window.source_dock, window.nations_dock,
                                              window.proposals_dock, window.problems_dock)}
    listed = keymap.keyboard_text()
    for action in actions:
        if action in docks:  # show/hide a dock: Ctrl+1…6 reach (and show) each pane instead
            continue
        assert not action.shortcut().isEmpty(), f"{action.text()} has no key"
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        assert shown in listed, f"{action.text()}: {shown} is not in Help ▸ Keyboard"
    seen: list[tuple[str, str]] = []
    # The box itself is a modal QMessageBox (exec); what F1 puts in it is what matters here.
    monkeypatch.setattr(window, "_message", lambda title, text: seen.append((title, text)))
    press(Qt.Key.Key_F1)
    assert seen == [("Keyboard", listed)]
    assert "F6 / Ctrl+Tab" in listed and "Tab after the last leaves the map" in listed
