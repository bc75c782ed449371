"""Source view: one article as plain text, the chosen passage highlighted and the other cited passages marked."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QShowEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from mapview import wording
from mapview.data.sources import Source
from mapview.qt.plaintext import plain_tooltip
from mapview.qt.subscriptions import Subscriptions
from mapview.qt.textpos import Utf16Offsets, display_text
from mapview.state import AppState, ClosedPassage, OpenPassage, ReadingSpan, passages_in_source

START_TEXT = "Click a passage in the evidence panel to read it in its article."
HIGHLIGHT = QColor("#ffd54f")  # the chosen passage
MARKED = QColor("#fff3c4")  # other passages of this article that back a claim


class SourceView(QWidget):
    """Read-only article text with a header (title, date and its basis, source id)."""

    def __init__(self, state: AppState | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = self._label(START_TEXT, "sourceHeader")
        self.meta = self._label("", "sourceMeta")
        self.status = self._label("", "sourceStatus")
        self.status.hide()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setUndoRedoEnabled(False)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = QFont(self.text.font())
        font.setPointSizeF(font.pointSizeF() + 1)
        self.text.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.meta)
        layout.addWidget(self.status)
        layout.addWidget(self.text, 1)
        self.source: Source | None = None
        self._offsets = Utf16Offsets("")
        self._pending_scroll: tuple[int, int] | None = None
        self.state = state
        if state is not None:
            self._subscriptions = Subscriptions(self)
            self._subscriptions.connect(state.passage_changed, self.show_passage)

    def show_passage(self, passage: OpenPassage | ReadingSpan | ClosedPassage | None) -> None:
        """Follow the state's open passage: show it in its article, say why it was closed, or show the start text."""
        if isinstance(passage, OpenPassage):
            evidence = passage.evidence
            project = self.state.project if self.state is not None else None
            source = evidence.source or (project.sources.get(evidence.source_id) if project else None)
            marked = passages_in_source(project.claims.claims, evidence.source_id) if project else []
            notes = [passage.note] if passage.note else []
            if not evidence.found:
                notes.append(wording.passage_not_found_note(evidence))
            span = (evidence.start, evidence.end) if evidence.found else None
            self.show_source(source, span, marked, "\n".join(notes), warning=not evidence.found)
            return
        if isinstance(passage, ReadingSpan):
            project = self.state.project if self.state is not None else None
            source = project.sources.get(passage.source_id) if project else None
            marked = passages_in_source(project.claims.claims, passage.source_id) if project else []
            self.show_source(source, (passage.start, passage.end), marked, passage.note)  # highlighted, in view
            if source is not None and source.text is not None:
                self.layout().activate()
                self._scroll_to((passage.start, passage.end))
                self.text.setTextCursor(self._cursor((passage.start, passage.end)))  # ready to become a claim
            return
        self.show_source(None, note=passage.note if isinstance(passage, ClosedPassage) else "")
        if passage is None:
            self.header.setText(START_TEXT)

    @staticmethod
    def _label(text: str, name: str) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setObjectName(name)
        return label

    def show_source(self, source: Source | None, highlight: tuple[int, int] | None = None,
                    marked: list[tuple[int, int]] | None = None, note: str = "", warning: bool = False) -> None:
        """Show an article, highlight ``highlight`` (Python offsets) and mark the ``marked`` spans lightly; the
        note above it is a warning (in red) only when something is wrong with the passage or its article."""
        self.source = source
        self._pending_scroll = None
        if source is None:
            self.header.setText("No passage open.")
            self.meta.setText("")
            self.text.setExtraSelections([])
            self.text.setPlainText("")
            self._set_status(note)
            self._offsets = Utf16Offsets("")
            return
        self.header.setText(source.title)
        self.meta.setText(wording.source_meta_line(source))
        self.meta.setToolTip("")
        if source.date and source.date.reasoning:
            self.meta.setToolTip(plain_tooltip(f"Date basis: {source.date.reasoning}"))
            self.meta.setText(self.meta.text() + f"\nDate basis: {source.date.reasoning}")
        raw = source.text
        if raw is None:
            self.text.setExtraSelections([])
            self.text.setPlainText("")
            self._set_status(note or "The article file could not be read.", warning=True)
            self._offsets = Utf16Offsets("")
            return
        if self.text.toPlainText() != display_text(raw):
            self.text.setPlainText(display_text(raw))
        self._offsets = Utf16Offsets(raw)
        self._set_status(note, warning)
        selections = [self._selection(span, MARKED) for span in marked or [] if span != highlight]
        if highlight is not None:
            selections.append(self._selection(highlight, HIGHLIGHT, bold=True))
        self.text.setExtraSelections(selections)
        if highlight is not None:
            self.layout().activate()  # header lines may have changed: size the editor before scrolling it
            self._scroll_to(highlight)

    def selection(self) -> tuple[str, int, int, str] | None:
        """The selected words of the shown article: (source id, raw start, raw end, the words), or None."""
        cursor = self.text.textCursor()
        if self.source is None or self.source.text is None or not cursor.hasSelection():
            return None
        start, end = self._offsets.from_qt(cursor.selectionStart()), self._offsets.from_qt(cursor.selectionEnd())
        return self.source.id, start, end, self.source.text[start:end]

    def _set_status(self, note: str, warning: bool = False) -> None:
        self.status.setText(note)
        self.status.setVisible(bool(note))
        if self.status.property("warning") != warning:
            self.status.setProperty("warning", warning)
            self.status.style().unpolish(self.status)  # the style sheet reads the property again
            self.status.style().polish(self.status)

    def status_is_warning(self) -> bool:
        """Whether the note above the article is shown as a warning (red), not as a plain note."""
        return bool(self.status.property("warning"))

    def _cursor(self, span: tuple[int, int]) -> QTextCursor:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._offsets.to_qt(span[0]))
        cursor.setPosition(self._offsets.to_qt(span[1]), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _selection(self, span: tuple[int, int], colour: QColor, bold: bool = False) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        if bold:
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(QColor("#b26a00"))
        selection.format = fmt
        selection.cursor = self._cursor(span)
        return selection

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """A passage opened while the view was hidden (a tab behind another) is scrolled to once it shows."""
        super().showEvent(event)
        if self._pending_scroll is not None:
            QTimer.singleShot(0, self._scroll_pending)  # once the tab that shows it has been laid out

    def _scroll_pending(self) -> None:
        if self._pending_scroll is not None and self.isVisible():
            span, self._pending_scroll = self._pending_scroll, None
            selected = self.text.textCursor()  # a mention's words, selected ready to become a claim, stay so
            self.layout().activate()
            self._scroll_now(span)
            if selected.hasSelection():
                self.text.setTextCursor(selected)

    def _scroll_to(self, span: tuple[int, int]) -> None:
        """Bring a span into view now, and again once the window has laid out what changed with it (a longer
        title wraps, a tab comes to the front): a scroll against the old height would leave it out of view."""
        self._pending_scroll = span
        self._scroll_now(span)
        if self.isVisible():
            QTimer.singleShot(0, self._scroll_pending)

    def _scroll_now(self, span: tuple[int, int]) -> None:
        # Show the end first, then the start, so the start of a long passage is what stays in view.
        cursor = self._cursor((span[1], span[1]))
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        cursor = self._cursor((span[0], span[0]))
        self.text.setTextCursor(cursor)
        self.text.centerCursor()

    def _spans(self) -> list[tuple[tuple[int, int], bool]]:
        out = []
        for selection in self.text.extraSelections():
            cursor = selection.cursor
            span = (self._offsets.from_qt(cursor.selectionStart()), self._offsets.from_qt(cursor.selectionEnd()))
            out.append((span, selection.format.background().color() == HIGHLIGHT))
        return out

    def highlighted_span(self) -> tuple[int, int] | None:
        """The highlighted passage as Python offsets into the raw article, read back from the editor."""
        chosen = [span for span, main in self._spans() if main]
        return chosen[0] if chosen else None

    def marked_spans(self) -> list[tuple[int, int]]:
        """The lightly marked passages (other cited passages of the article), in text order."""
        return sorted(span for span, main in self._spans() if not main)
