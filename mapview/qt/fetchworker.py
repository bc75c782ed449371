"""Fetching in a worker thread, so the window never freezes: File ▸ Add from URL… and File ▸ Check feeds.

The fetching itself is ``mapview.ingest.fetch`` / ``mapview.ingest.feeds`` (pure, no Qt); this module only runs a
callable in a ``QThread`` and carries its progress, result and errors back to the window through signals. Cancel
asks the work to stop between chunks; the dialog says so at once and the late result is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from mapview.ingest.fetch import is_web_address


@dataclass
class FetchOutcome:
    """What a fetch job brought back: the records read, refusal lines, and the fetch of each record."""

    records: list = field(default_factory=list)  # (WebAddress, ArticleRecord)
    refused: list[str] = field(default_factory=list)
    fetched: dict = field(default_factory=dict)  # id(record) -> (Fetched, feed name | None)
    problems: list = field(default_factory=list)  # Problem records (a failing feed)
    cancelled: bool = False
    extra: object = None  # what else the work returns (the feeds' new state)


class FetchJob(QObject):
    """Runs ``work(progress, cancelled) -> FetchOutcome`` in its own thread."""

    progressed = Signal(str, int, int)  # what, bytes so far, bytes expected (-1: unknown)
    done = Signal(object)  # FetchOutcome
    failed = Signal(str)  # an unexpected error's message

    def __init__(self, work: Callable[[Callable[[str, int, int | None], None], Callable[[], bool]], FetchOutcome]
                 ) -> None:
        super().__init__()
        self._work = work
        self._cancel = False

    def cancel(self) -> None:
        """Ask the work to stop at its next chunk."""
        self._cancel = True

    @property
    def cancelling(self) -> bool:
        """True once Cancel was asked."""
        return self._cancel

    @Slot()
    def run(self) -> None:
        """The thread's body."""
        try:
            outcome = self._work(lambda what, done, total: self.progressed.emit(what, done, -1 if total is None
                                                                                    else total),
                                 lambda: self._cancel)
        except Exception as exc:  # noqa: BLE001 (reported to the window, never lost in the thread)
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        outcome.cancelled = outcome.cancelled or self._cancel
        self.done.emit(outcome)


_RUNNING: set[tuple[FetchJob, QThread]] = set()  # held here, not by a dialog that may close while they run


def start_job(work) -> tuple[FetchJob, QThread]:
    """Run ``work`` in a new thread; the thread ends (and is let go) when the job does."""
    thread = QThread()
    job = FetchJob(work)
    pair = (job, thread)
    _RUNNING.add(pair)
    job.moveToThread(thread)
    thread.started.connect(job.run)
    job.done.connect(thread.quit)
    job.failed.connect(thread.quit)
    thread.finished.connect(lambda: _RUNNING.discard(pair))
    thread.start()
    return job, thread


def stop_all(wait_ms: int = 3000) -> None:
    """Cancel every running fetch and wait for its thread (the window is closing)."""
    for job, thread in list(_RUNNING):
        job.cancel()
        thread.quit()
        thread.wait(wait_ms)


def fetch_urls_work(urls: list[str]):
    """The work of Add from URL: fetch each address and read its article (``ingest.fetch``)."""
    from mapview.ingest.fetch import FetchCancelled, FetchError, WebAddress, fetch_article

    def work(progress, cancelled) -> FetchOutcome:
        outcome = FetchOutcome()
        for url in urls:
            if cancelled():
                outcome.cancelled = True
                break
            try:
                record, page = fetch_article(url, progress=lambda done, total, u=url: progress(u, done, total),
                                             cancelled=cancelled)
            except FetchCancelled:
                outcome.cancelled = True
                break
            except FetchError as exc:
                outcome.refused.append(f"refused: {exc}")
                continue
            outcome.records.append((WebAddress(url), record))
            outcome.fetched[id(record)] = (page, None)
        return outcome

    return work


def addresses_in(text: str) -> list[str]:
    """The web addresses in what the user typed or pasted, one per line or separated by spaces."""
    return [word for word in text.split() if is_web_address(word)]


class AddFromUrlDialog(QDialog):
    """Addresses (prefilled from the clipboard when it holds one), a progress bar, Add and Cancel.

    ``fetched`` carries the FetchOutcome when the fetch ends (not when cancelled); the window ingests it.
    """

    fetched = Signal(object)  # FetchOutcome

    def __init__(self, parent: QWidget | None = None, addresses: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add from URL")
        self.setMinimumWidth(560)
        intro = QLabel("The web address of an article (one per line). Its page is fetched, its text read as for "
                       "a saved page, and its proposals listed for review; the page and its address are kept.")
        intro.setWordWrap(True)
        self.addresses = QPlainTextEdit()
        self.addresses.setObjectName("urlAddresses")
        self.addresses.setPlaceholderText("https://…")
        self.addresses.setTabChangesFocus(True)
        if addresses is None:
            clipboard = QGuiApplication.clipboard().text() if QGuiApplication.clipboard() else ""
            addresses = addresses_in(clipboard)
        self.addresses.setPlainText("\n".join(addresses))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setTextVisible(True)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setObjectName("fetchStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText("Add")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.addresses, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.job: FetchJob | None = None
        self.outcome: FetchOutcome | None = None

    def start(self) -> bool:
        """Fetch the addresses in a worker thread; False (with the reason shown) when there is none."""
        urls = addresses_in(self.addresses.toPlainText())
        if not urls:
            self.status.setText("Give a web address starting with http:// or https://.")
            return False
        self.add_button.setEnabled(False)
        self.addresses.setReadOnly(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)  # busy until the size is known
        self.status.setText(f"Fetching {urls[0]}…")
        self.job, _thread = start_job(fetch_urls_work(urls))
        self.job.progressed.connect(self._progress)
        self.job.done.connect(self._done)
        self.job.failed.connect(self._failed)
        return True

    def _progress(self, what: str, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self.status.setText(f"Fetching {what}… {done:,} bytes")

    def cancel(self) -> None:
        """Cancel: stop a running fetch (its result is dropped) or close the dialog."""
        if self.job is not None and self.outcome is None:
            self.job.cancel()
            self.status.setText("Cancelled; nothing is added.")
        self.reject()

    def _done(self, outcome: FetchOutcome) -> None:
        self.outcome = outcome
        self.progress.setVisible(False)
        if outcome.cancelled or (self.job is not None and self.job.cancelling):
            return
        self.status.setText("\n".join(outcome.refused))
        self.fetched.emit(outcome)
        if outcome.records and not outcome.refused:
            self.accept()
        else:
            self.add_button.setEnabled(True)
            self.addresses.setReadOnly(False)

    def _failed(self, message: str) -> None:
        self.outcome = FetchOutcome(refused=[message])
        self.progress.setVisible(False)
        self.status.setText(f"Not added: {message}")
        self.add_button.setEnabled(True)
        self.addresses.setReadOnly(False)
