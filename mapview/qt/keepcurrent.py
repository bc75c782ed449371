"""Keeping the map current, wired into the main window in one place: the Changes dock, File ▸ Add from URL…
(Ctrl+L; also a URL dropped on the window or pasted with Ctrl+Shift+V when the clipboard holds only a link) and
File ▸ Check feeds. Fetching runs in a worker thread (``mapview.qt.fetchworker``), so the window never freezes;
everything it fetches goes through the same ingest and review as a saved page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu

from mapview import wording
from mapview.qt.panels.changes import ChangesPanel

if TYPE_CHECKING:
    from mapview.qt.mainwindow import MainWindow


def _menu(window: MainWindow, title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == title:
            return action.menu()
    return None


class KeepCurrent(QObject):
    """The window's Changes dock and its Add-from-URL and Check-feeds commands."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.changes = ChangesPanel(window.state)
        self.changes_dock = window._dock("Changes", self.changes, Qt.DockWidgetArea.RightDockWidgetArea)
        window.tabifyDockWidget(window.evidence_dock, self.changes_dock)
        window.evidence_dock.raise_()
        self.changes.passageActivated.connect(self._read)
        self.changes.sectorActivated.connect(window.select_sector)
        view_menu = _menu(window, "View")
        if view_menu is not None:
            view_menu.addAction(self.changes_dock.toggleViewAction())

    def _read(self, evidence) -> None:
        self.window.state.read(evidence.source_id, evidence.start, evidence.end,
                               wording.CHANGED_PASSAGE_NOTE)

    def show_changes(self) -> None:
        """Bring the Changes list to the front."""
        self.changes_dock.show()
        self.changes_dock.raise_()

