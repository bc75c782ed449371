"""Claim edits as QUndoCommands: each does and undoes a change of the claims file (mapview.data.claimedit),
re-reading the file under the project lock each time, then asks the window to reload the project."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from mapview.data.claimedit import Change, EditError, apply_edit
from mapview.data.project import ProjectPaths


class EditCommand(QUndoCommand):
    """One claim edit: ``do`` and ``undo`` are changes of the claims document. The first ``redo`` (Qt calls it on
    push) is the edit already made before pushing, so it is not made twice."""

    def __init__(self, text: str, paths: ProjectPaths, do: Change, undo: Change, reload: Callable[[], None],
                 report: Callable[[str], None]) -> None:
        super().__init__(text)
        self.paths, self.do, self.undo_change, self.reload, self.report = paths, do, undo, reload, report
        self.first = True

    def redo(self) -> None:  # noqa: D102 (Qt override)
        if self.first:
            self.first = False
            return
        self._apply(self.do)

    def undo(self) -> None:  # noqa: D102 (Qt override)
        self._apply(self.undo_change)

    def _apply(self, change: Change) -> None:
        try:
            apply_edit(self.paths, change)
        except (EditError, OSError) as exc:
            self.report(f"{self.text()}: {exc}")
            return
        self.reload()
