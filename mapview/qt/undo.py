"""Every decision made in the window (accept, reject, new claim, edit, retire, restore, passage, disagreement) as
one QUndoCommand on one stack: it keeps the project's decision files (``claims.json``, ``proposals.json``,
``rejected.json``, proposal archives) exactly as they were before and after, and Undo writes them back byte for
byte, Redo likewise, under the project lock.

A file changed meanwhile by someone else (another window, an ingest) is never written over: a claims edit is then
undone by its inverse change on the file as it is now (the claim's history says "undone", not a false edit); a
decision that has no such change (accept, reject) is refused with a message and leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QUndoCommand

from mapview.data.atomic import atomic_write_bytes
from mapview.data.claimedit import Change, EditError, apply_edit, as_undo
from mapview.data.lock import ProjectBusy, project_lock
from mapview.data.project import ProjectPaths
from mapview.ingest.proposals import archives
from mapview.ingest.review import proposals_path_for, rejected_path_for

Files = dict[Path, bytes | None]  # a file's bytes, None when it does not exist


def decision_files(paths: ProjectPaths) -> list[Path]:
    """The files a decision may change: the claims file, proposals, rejections and the proposal archives."""
    proposals = proposals_path_for(paths.claims)
    return [Path(paths.claims), proposals, rejected_path_for(proposals), *archives(proposals.parent)]


def read_files(files: list[Path]) -> Files:
    """Each file's bytes as they are now (None: absent)."""
    return {path: path.read_bytes() if path.is_file() else None for path in files}


def changed_files(before: Files, after: Files) -> tuple[Files, Files]:
    """Only the files whose bytes differ, before and after (a file created appears as None before)."""
    names = [p for p in dict.fromkeys([*before, *after]) if before.get(p) != after.get(p)]
    return {p: before.get(p) for p in names}, {p: after.get(p) for p in names}


class DecisionCommand(QUndoCommand):
    """One decision: the changed files before and after it. The first ``redo`` (Qt calls it on push) is the
    decision already made, so it is not made twice. ``inverse`` / ``again``: the same decision as changes of the
    claims document, used only when the claims file changed since (claims edits only)."""

    def __init__(self, text: str, paths: ProjectPaths, before: Files, after: Files, reload: Callable[[], None],
                 report: Callable[[str], None], inverse: Change | None = None, again: Change | None = None,
                 claim_id: str | None = None) -> None:
        super().__init__(text)
        self.paths, self.before, self.after = paths, before, after
        self.reload, self.report = reload, report
        self.inverse, self.again, self.claim_id = inverse, again, claim_id
        self.first = True

    def redo(self) -> None:  # noqa: D102 (Qt override)
        if self.first:
            self.first = False
            return
        self._put(self.before, self.after, self.again)

    def undo(self) -> None:  # noqa: D102 (Qt override)
        change = as_undo(self.inverse, self.claim_id, self.text()) if self.inverse is not None else None
        self._put(self.after, self.before, change)

    def _put(self, expected: Files, wanted: Files, change: Change | None) -> None:
        """Write ``wanted`` if the files still hold ``expected``; else make ``change`` on the claims file as it is
        now, or refuse (and leave the stack: what it would undo is no longer there to undo)."""
        try:
            with project_lock(self.paths):
                now = read_files(list(expected))
                exact = now == expected
                if exact:
                    for path, data in wanted.items():
                        if data is None:
                            path.unlink(missing_ok=True)
                        else:
                            atomic_write_bytes(path, data)
            if not exact:
                claims_only = set(expected) == {Path(self.paths.claims)}
                if change is None or not claims_only:
                    names = ", ".join(sorted(p.name for p in expected if now.get(p) != expected[p]))
                    raise EditError(f"{names} changed since (another window or an added article); nothing was "
                                    "written")
                apply_edit(self.paths, change)
        except (EditError, ProjectBusy, OSError) as exc:
            self.report(f"Not done: {self.text()}: {exc}")
            self.setObsolete(True)
            return
        self.reload()
