"""One route for unexpected errors: a row in the Problems panel and a plain-text message box, not just stderr.

PySide6 only prints an exception raised in a slot (through ``sys.excepthook``) and the window carries on as if
nothing happened. ``ErrorRoute`` takes that hook while the window is open: the traceback still goes to stderr,
the error becomes a Problems row (severity error, where it was raised) and one message box says what happened in
plain text, with the traceback under "Show Details…". Further errors while the box is open only add rows.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mapview import wording
from mapview.data.problems import Problem

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def raised_at(tb: TracebackType | None) -> str:
    """'mapview/qt/mainwindow.py:212 in select_sector': the innermost frame of mapview's own code (else the last)."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    ours = [f for f in frames if "/mapview/" in f.filename.replace("\\", "/")]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return ""
    path = frame.filename.replace("\\", "/")
    short = path[path.rindex("/mapview/") + 1:] if "/mapview/" in path else path.rsplit("/", 1)[-1]
    return f"{short}:{frame.lineno} in {frame.name}"


class ErrorRoute(QObject):
    """Installs itself as ``sys.excepthook`` for ``report`` (a callback taking the Problem) and the message box."""

    def __init__(self, parent: QWidget, report: Callable[[Problem], None]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._report = report
        self._previous: ExceptHook | None = None
        self.box: QMessageBox | None = None
        self.errors: list[Problem] = []

    def install(self) -> None:
        """Take ``sys.excepthook`` (the previous hook comes back with ``uninstall``)."""
        if self._previous is None:
            self._previous = sys.excepthook
            sys.excepthook = self.hook

    def uninstall(self) -> None:
        """Give ``sys.excepthook`` back, if it is still ours."""
        if self._previous is not None and sys.excepthook == self.hook:
            sys.excepthook = self._previous
        self._previous = None

    def hook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """Print the traceback, add a Problems row, and show (or keep) the message box."""
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            (self._previous or sys.__excepthook__)(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        print(details, file=sys.stderr, end="")
        problem = Problem("mapview (internal error)", raised_at(tb), wording.unexpected_error(exc_type.__name__,
                                                                                              str(exc)))
        self.errors.append(problem)
        try:
            self._report(problem)
        except Exception:  # the route itself must never raise into Qt's event loop
            traceback.print_exc()
        if self.box is not None and self.box.isVisible():
            return
        box = QMessageBox(self._parent)
        box.setWindowTitle("Unexpected error")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(wording.unexpected_error_message(exc_type.__name__, str(exc)))
        box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()  # not exec(): an error raised inside a nested event loop must not stack dialogs
        self.box = box
