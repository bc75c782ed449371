"""Keeping the map current, wired into the main window in one place: the Changes dock, File ▸ Add from URL…
(Ctrl+L; also a URL dropped on the window or pasted with Ctrl+Shift+V when the clipboard holds only a link) and
File ▸ Check feeds. Fetching runs in a worker thread (``mapview.qt.fetchworker``), so the window never freezes;
everything it fetches goes through the same ingest and review as a saved page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from mapview import keymap, wording
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
        toggle = self.changes_dock.toggleViewAction()
        toggle.setShortcuts([QKeySequence(k) for k in keymap.shortcuts("changes")])
        if view_menu is not None:
            view_menu.addAction(toggle)
        self.add_url_action = window._action("Add from &URL…", lambda: self.add_from_url(), "add_from_url",
                                             "Fetch an article by its web address and propose claims from it, "
                                             "for review (or drop a link on the window)")
        self.check_feeds_action = window._action("Check &feeds", self.check_feeds, "check_feeds",
                                                 "Fetch the new items of the project's feeds and propose claims "
                                                 "from those that match its keywords")
        self.follow_feed_action = window._action("&Follow a feed…", self.follow_feed, "follow_feed",
                                                 "Add an RSS or Atom feed to the project's feeds")
        file_menu = _menu(window, "File")
        if file_menu is not None:
            before = window.export_action
            for action in (self.add_url_action, self.check_feeds_action, self.follow_feed_action):
                file_menu.insertAction(before, action)
            file_menu.insertSeparator(before)
        self.dialog = None
        self.feed_job = None
        self.last_outcome = None
        window.installEventFilter(self)

    # ----- Add from URL --------------------------------------------------------------------------------------

    def add_from_url(self, addresses: list[str] | None = None, start: bool = False):
        """File ▸ Add from URL…: the dialog (window-modal; prefilled from the clipboard or ``addresses``)."""
        from mapview.qt.fetchworker import AddFromUrlDialog

        dialog = AddFromUrlDialog(self.window, addresses if isinstance(addresses, list) else None)
        dialog.fetched.connect(self._ingest_fetched)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        if start:
            dialog.start()
        return dialog

    @staticmethod
    def clipboard_addresses() -> list[str]:
        """The web addresses the clipboard holds when it holds nothing else (a copied link), else []."""
        from PySide6.QtGui import QGuiApplication

        from mapview.qt.fetchworker import addresses_in

        clipboard = QGuiApplication.clipboard()
        text = clipboard.text().strip() if clipboard is not None else ""
        addresses = addresses_in(text)
        return addresses if addresses and len(addresses) == len(text.split()) else []

    def _ingest_fetched(self, outcome) -> None:
        """Ingest what the fetch read (as a saved page would be), then show the proposals for review."""
        self.last_outcome = outcome
        if not outcome.records:
            self.window.statusBar().showMessage("; ".join(outcome.refused) or "Nothing fetched.", 10000)
            return
        summary = self.window.review.add_read(outcome.records, outcome.refused, outcome.fetched)
        self.window.proposals_dock.show()
        self.window.proposals_dock.raise_()
        self.window.statusBar().showMessage(summary.text() if summary.error else
                                            f"{summary.added} proposal(s) added for review", 10000)
        self.window.last_ingest = summary

    # ----- feeds ---------------------------------------------------------------------------------------------

    def follow_feed(self) -> str | None:
        """File ▸ Follow a feed…: add a feed's address to the project's feeds."""
        url, ok = QInputDialog.getText(self.window, "Follow a feed", "RSS or Atom feed address:")
        if not ok or not url.strip():
            return None
        return self.add_feed(url.strip())

    def add_feed(self, url: str, name: str | None = None, keywords: list[str] | None = None) -> str | None:
        """Follow ``url``; the message shown (None when added)."""
        from mapview.data.lock import ProjectBusy, project_lock
        from mapview.ingest.feeds import FeedsError, add_feed, feeds_path_for, read_feeds, write_feeds

        paths = self.window.project.paths
        try:
            with project_lock(paths):
                doc = read_feeds(feeds_path_for(paths.claims))
                feed = add_feed(doc, url, name, keywords)
                write_feeds(feeds_path_for(paths.claims), doc)
        except (FeedsError, ProjectBusy, OSError) as exc:
            self.window.statusBar().showMessage(f"Feed not added: {exc}", 10000)
            return str(exc)
        self.window.statusBar().showMessage(f"Following {feed['name']}; File ▸ Check feeds fetches its new items.",
                                            10000)
        return None

    def check_feeds(self) -> None:
        """File ▸ Check feeds: every feed checked in a worker thread; new items ingested for review."""
        from mapview.ingest.feeds import FeedsError, check_feeds, feeds_path_for, read_feeds
        from mapview.qt.fetchworker import FetchOutcome, start_job

        if self.feed_job is not None:
            self.window.statusBar().showMessage("The feeds are being checked…", 5000)
            return
        path = feeds_path_for(self.window.project.paths.claims)
        try:
            doc = read_feeds(path)
        except FeedsError as exc:
            self._feed_problems([_problem(str(path), "", f"feeds not checked: {exc}")])
            return
        if not doc["feeds"]:
            self.window.statusBar().showMessage("No feeds followed yet: File ▸ Follow a feed…", 10000)
            return

        def work(progress, cancelled):
            return FetchOutcome(extra=check_feeds(doc, str(path), progress, cancelled))

        self.check_feeds_action.setEnabled(False)
        self.window.statusBar().showMessage(f"Checking {len(doc['feeds'])} feed(s)…")
        self.feed_job, _thread = start_job(work)
        self.feed_job.done.connect(self._feeds_checked)
        self.feed_job.failed.connect(lambda message: self._feeds_checked(None, message))

    def _feeds_checked(self, outcome, failure: str = "") -> None:
        from mapview.data.lock import ProjectBusy
        from mapview.ingest.feeds import ingest_check, summary_lines
        from mapview.ingest.proposals import ProposalsError

        self.feed_job = None
        self.check_feeds_action.setEnabled(True)
        paths = self.window.project.paths
        if outcome is None:
            self._feed_problems([_problem(str(paths.claims.parent), "feeds", f"feeds not checked: {failure}")])
            return
        check = outcome.extra
        self.last_check = check
        try:
            plan = ingest_check(paths, check)
        except (ProposalsError, ProjectBusy, OSError) as exc:
            self._feed_problems([*check.problems, _problem(str(paths.claims.parent), "feeds",
                                                           f"new items not added: {exc}")])
            return
        self._feed_problems(check.problems)
        added = sum(len(a.proposals) for a in plan.articles)
        self.window.statusBar().showMessage(" · ".join(summary_lines(check)) + f" — {added} proposal(s) added",
                                            15000)
        if plan.articles:
            self.window.reload_project()
            self.window.proposals_dock.show()
            self.window.proposals_dock.raise_()

    def _feed_problems(self, problems: list) -> None:
        """List the feeds' problems in the Problems panel, in place of the last check's."""
        window = self.window
        window.internal_errors[:] = [p for p in window.internal_errors if not p.location.startswith("feed")]
        for problem in problems:
            window.add_problem(problem)
        if not problems:
            window._show_problems(window.project)

    # ----- a link dropped on the window ----------------------------------------------------------------------

    @staticmethod
    def _dropped_addresses(event) -> list[str]:
        from mapview.qt.fetchworker import addresses_in

        mime = event.mimeData()
        if mime is None:
            return []
        urls = [u.toString() for u in mime.urls() if u.scheme() in ("http", "https")]
        return urls or (addresses_in(mime.text()) if mime.hasText() else [])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """A web link dragged onto the window is fetched as File ▸ Add from URL… does; files go on as before."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop()
        if watched is self.window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            addresses = self._dropped_addresses(event)
            if addresses:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    self.add_from_url(addresses, start=True)
                return True
        return super().eventFilter(watched, event)

    def _read(self, evidence) -> None:
        self.window.state.read(evidence.source_id, evidence.start, evidence.end,
                               wording.CHANGED_PASSAGE_NOTE)

    def stop(self) -> None:
        """The window is closing: cancel running fetches and wait for them briefly."""
        import sys

        worker = sys.modules.get("mapview.qt.fetchworker")  # none was started unless it was loaded
        if worker is not None:
            worker.stop_all()

    def show_changes(self) -> None:
        """Bring the Changes list to the front."""
        self.changes_dock.show()
        self.changes_dock.raise_()



def _problem(file: str, location: str, message: str):
    from mapview.data.problems import Problem

    return Problem(file, location, message)
