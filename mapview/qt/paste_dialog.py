"""File ▸ Paste article…: the clipboard's article text (its HTML flavour when present) with optional URL,
outlet, title and date; the reading itself is mapview.ingest.formats.paste's."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mapview.ingest.formats import ArticleRecord, InputError

INTRO = ("The article text from the clipboard. Check it is the article and nothing else (menus, comments), fill "
         "in what you know, then Add: it is stored like any added article and read for claims.")


def parse_day(text: str) -> date | None:
    """A YYYY-MM-DD day typed by the user (blank: None); ValueError with a plain message otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"date {text!r} is not a day written YYYY-MM-DD") from None
    if day > date.today():
        raise ValueError(f"date {day.isoformat()} is in the future")
    return day


class PasteArticleDialog(QDialog):
    """Text (prefilled from the clipboard), URL, outlet, title and date; ``record()`` reads them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste article")
        self.resize(720, 560)
        mime = QGuiApplication.clipboard().mimeData()
        self.clipboard_html = mime.html() if mime is not None and mime.hasHtml() else ""
        clipboard_text = mime.text() if mime is not None and mime.hasText() else ""
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setPlainText(clipboard_text)
        self.text.setObjectName("pasteText")
        self._pasted_text = clipboard_text
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.outlet = QLineEdit()
        self.title = QLineEdit()
        self.title.setPlaceholderText("(optional: the first line is used otherwise)")
        self.day = QLineEdit()
        self.day.setPlaceholderText("YYYY-MM-DD (publication date, if you know it)")
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("URL", self.url)
        form.addRow("Outlet", self.outlet)
        form.addRow("Title", self.title)
        form.addRow("Published", self.day)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add article")
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._record: ArticleRecord | None = None

    def record(self) -> ArticleRecord:
        """The article as typed/pasted; raises InputError or ValueError with a plain message."""
        from mapview.ingest.formats.paste import read_paste

        text = self.text.toPlainText()
        # the HTML flavour is the clipboard's: used only while the text is what was pasted
        html = self.clipboard_html if text == self._pasted_text else None
        return read_paste(text, html, url=self.url.text(), outlet=self.outlet.text(),
                          day=parse_day(self.day.text()), title=self.title.text())

    def _try_accept(self) -> None:
        try:
            self._record = self.record()
        except (InputError, ValueError) as exc:
            self.error.setText(f"Not added: {exc}")
            return
        self.accept()

    @property
    def accepted_record(self) -> ArticleRecord | None:
        """The record read when the user pressed Add article."""
        return self._record
