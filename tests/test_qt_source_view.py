"""Source view offsets: Python code points in, UTF-16 positions in Qt, back out unchanged (astral text, CRLF)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from mapview.data.sources import Source
from mapview.qt.panels.source_view import SourceView
from mapview.qt.textpos import Utf16Offsets


def make_source(text: str) -> Source:
    return Source("999_test.txt", Path("999_test.txt"), text, "A test article")


def selected_text(view: SourceView, span_qt: tuple[int, int]) -> str:
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(span_qt[0])
    cursor.setPosition(span_qt[1], QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def test_astral_characters_and_crlf_keep_the_highlight_on_the_passage(qtbot) -> None:
    text = "Intro 😀😀 line\r\nMore 𝔊𝔞𝔷𝔞 text. The passage 🇽🇰 is here.\r\nTail 😀 after the marked bit."
    passage, other = "The passage 🇽🇰 is here.", "the marked bit"
    view = SourceView()
    qtbot.addWidget(view)
    start, other_start = text.find(passage), text.find(other)
    view.show_source(make_source(text), (start, start + len(passage)),
                     [(other_start, other_start + len(other)), (start, start + len(passage))])
    assert view.highlighted_span() == (start, start + len(passage))
    assert view.marked_spans() == [(other_start, other_start + len(other))]
    selection = next(s for s in view.text.extraSelections() if s.format.fontUnderline())
    assert selection.cursor.selectedText() == passage  # what the user sees highlighted is the passage itself
    assert view.text.textCursor().position() == Utf16Offsets(text).to_qt(start)  # scrolled to the start


def test_article_text_is_never_interpreted_as_markup(qtbot) -> None:
    text = "<b>not bold</b> <img src='http://example.invalid/a.png'> &amp; plain"
    view = SourceView()
    qtbot.addWidget(view)
    view.show_source(make_source(text), (0, 15))
    assert view.text.toPlainText() == text
    assert view.highlighted_span() == (0, 15)


def test_unreadable_article_says_so(qtbot) -> None:
    view = SourceView()
    qtbot.addWidget(view)
    source = make_source("x")
    source.text = None
    view.show_source(source, None)
    assert view.text.toPlainText() == ""
    assert "could not be read" in view.status.text()
    assert view.highlighted_span() is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40), st.data())
def test_utf16_offsets_round_trip(text: str, data) -> None:
    offsets = Utf16Offsets(text)
    index = data.draw(st.integers(0, len(text)))
    qt = offsets.to_qt(index)
    assert qt == len(text[:index].encode("utf-16-le")) // 2
    assert offsets.from_qt(qt) == index
