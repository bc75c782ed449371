"""Proposals read like evidence: a click or Enter on a proposal opens its passage in its article, the sentences
around it in view, with a plain note (not a red warning) saying it is not yet a claim (issue #22 items 3, 7)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mapview.data.project import load_project
from mapview.outline import PROPOSED_PASSAGE
from tests.conftest import click_row
from tests.test_qt_proposals import (  # noqa: F401 (fixtures)
    ARTICLE,
    INDONESIA_SENTENCE,
    KOSOVO_SENTENCE,
    article,
    card_with,
    window,
)
from tests.test_qt_window import break_albania_passage, open_window, passage_row


def shown_in_view(view, start: int) -> bool:
    """Whether the character at ``start`` of the article is on screen in the Source view's text."""
    text = view.text
    cursor = view._cursor((start, start))
    return text.viewport().rect().contains(text.cursorRect(cursor).center())


def test_clicking_a_proposal_opens_its_passage_in_its_article(qtbot, window, article) -> None:  # noqa: F811
    window.add_articles([article])
    card = card_with(window, KOSOVO_SENTENCE)
    click_row(qtbot, window.proposals.list, card)
    view = window.source_view
    passage = card.item.evidence[0]
    assert view.source is not None and view.source.id == passage.source
    assert view.text.toPlainText().replace("\u2029", "\n") == ARTICLE  # the whole article, not just the sentence
    assert view.highlighted_span() == (passage.anchor.start, passage.anchor.end)
    assert view.source.text[passage.anchor.start:passage.anchor.end] == KOSOVO_SENTENCE
    before = ARTICLE.index("Diplomats met on Tuesday")  # the sentences around it are in view
    after = ARTICLE.index("The talks continue next week")
    assert shown_in_view(view, before) and shown_in_view(view, after)
    assert "Proposed, not yet a claim" in view.status.text() and "Khan Yunis" in view.status.text()
    assert not view.status_is_warning()
    assert window.source_dock.isVisible()
    assert window.proposals.current() is card.item  # still the one Accept and Reject act on


def test_enter_on_a_proposed_passage_opens_it(qtbot, window, article) -> None:  # noqa: F811
    window.add_articles([article])
    window.go_to_pane("proposals")
    listed = window.proposals.list
    assert QApplication.focusWidget() is listed
    target = card_with(window, INDONESIA_SENTENCE)
    for _ in range(20):  # down the list by keyboard to the Indonesia proposal's passage
        row = listed.model().row_at(listed.currentIndex())
        if row is not None and row.kind == PROPOSED_PASSAGE and row.item is target.item:
            break
        qtbot.keyClick(listed, Qt.Key.Key_Down)
    qtbot.keyClick(listed, Qt.Key.Key_Return)
    anchor = target.item.evidence[0].anchor
    assert window.source_view.highlighted_span() == (anchor.start, anchor.end)
    assert window.source_view.text.textCursor().selectedText() == INDONESIA_SENTENCE


def test_only_a_passage_not_found_is_a_red_warning(qtbot, data_copy) -> None:
    break_albania_passage(data_copy)
    shown = open_window(qtbot, load_project(data_copy))
    shown.select_sector("north-gaza")
    shown.open_passage(passage_row(shown.evidence, "Kosovo could be responsible").evidence)
    shown.select_sector("deir-al-balah")  # the Kosovo passage is no longer listed: closed, and said so
    assert shown.source_view.status.isVisible() and not shown.source_view.status_is_warning()
    broken = next(p for p in shown.evidence.passage_rows() if not p.evidence.found)
    shown.open_passage(broken.evidence)
    assert "not found" in shown.source_view.status.text()
    assert shown.source_view.status_is_warning()


def test_review_by_keyboard_alone(qtbot, window, article, data_copy) -> None:  # noqa: F811
    """Ctrl+4 reaches the proposals; Ctrl+Backspace rejects the chosen one, Ctrl+Z takes it back, Ctrl+Return
    accepts."""
    window.add_articles([article])
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_pane() == "proposals"
    listed = window.proposals.list
    chosen = window.proposals.current()
    assert chosen is not None and QApplication.focusWidget() is listed
    qtbot.keyClick(listed, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert chosen.id not in [r.item.id for r in window.proposals.proposal_rows()]
    assert (data_copy.claims.parent / "rejected.json").exists()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert chosen.id in [r.item.id for r in window.proposals.proposal_rows()]
    assert not (data_copy.claims.parent / "rejected.json").exists()
    window.go_to_pane("proposals")
    window.proposals.choose(chosen.id)
    qtbot.keyClick(listed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert chosen.id not in [r.item.id for r in window.proposals.proposal_rows()]
    assert any(c.nation == chosen.nation and c.sector == chosen.sector for c in window.project.claims.claims)
