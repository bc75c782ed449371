"""The Source view never keeps a passage beside a sector, date or project it no longer belongs to (issue #12).

Each test opens the North Gaza passage "Kosovo may assume a significant security role …" (article 000, dated
≈ 2026) by clicking it, as a user would, then changes something: another sector, Escape, an as-of day before the
article, a reload. What the Source view shows afterwards is read back from its widgets.
"""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from mapview.data.project import ProjectPaths, load_project
from mapview.qt.mainwindow import MainWindow
from tests.conftest import click_row, passage_row
from tests.test_qt_window import ARTICLE_000, KOSOVO_QUOTE, click_sector, open_window, seed_text


def open_kosovo_passage(qtbot, window: MainWindow) -> None:
    """Select North Gaza and click its Kosovo passage; the Source view then highlights exactly that passage."""
    click_sector(qtbot, window, "north-gaza")
    click_row(qtbot, window.evidence.list, passage_row(window.evidence, KOSOVO_QUOTE))
    view = window.source_view
    span = view.highlighted_span()
    assert span is not None and KOSOVO_QUOTE in view.text.toPlainText()[span[0]:span[1]]


def assert_no_passage_shown(window: MainWindow, *words: str) -> None:
    """Nothing highlighted, no article text, and a visible note that says why (containing ``words``)."""
    view = window.source_view
    assert view.highlighted_span() is None
    assert view.text.toPlainText() == ""
    assert view.source is None
    assert view.header.text() == "No passage open."
    assert view.status.isVisibleTo(window)
    for word in words:
        assert word in view.status.text()


def test_selecting_another_sector_closes_the_passage_of_the_previous_one(qtbot, project) -> None:
    window = open_window(qtbot, project)
    open_kosovo_passage(qtbot, window)
    click_sector(qtbot, window, "gaza-city")
    assert window.evidence.title.text() == "Gaza City"
    assert_no_passage_shown(window, "North Gaza", "no longer selected")


def test_escape_closes_the_passage_with_the_selection(qtbot, project) -> None:
    window = open_window(qtbot, project)
    open_kosovo_passage(qtbot, window)
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.selected is None
    assert window.evidence.title.text() == "No sector selected"
    assert_no_passage_shown(window, "North Gaza")


def test_an_as_of_day_before_the_article_closes_its_passage(qtbot, project) -> None:
    window = open_window(qtbot, project)
    open_kosovo_passage(qtbot, window)
    window.all_dates.setChecked(False)
    window.as_of_edit.setDate(QDate(2025, 12, 31))
    assert window.view.as_of == date(2025, 12, 31)
    assert window.selected == "north-gaza"  # the sector stays selected; only its ≈ 2026 article no longer counts
    assert KOSOVO_QUOTE not in window.evidence.plain_text()
    title = project.sources[ARTICLE_000.name].title
    assert_no_passage_shown(window, title, "2025-12-31")


def test_an_as_of_day_that_keeps_the_article_keeps_the_passage(qtbot, project) -> None:
    window = open_window(qtbot, project)
    open_kosovo_passage(qtbot, window)
    span = window.source_view.highlighted_span()
    window.all_dates.setChecked(False)
    window.as_of_edit.setDate(QDate(2026, 12, 31))
    assert window.source_view.highlighted_span() == span
    assert KOSOVO_QUOTE in window.evidence.plain_text()



def test_reload_after_the_article_changed_re_points_the_passage_with_a_note(qtbot, data_copy: ProjectPaths) -> None:
    window = open_window(qtbot, load_project(data_copy))
    open_kosovo_passage(qtbot, window)
    old_start, old_end = window.source_view.highlighted_span()
    passage = seed_text()[old_start:old_end]
    article = data_copy.seeds / ARTICLE_000.name
    inserted = "Editor's note: this paragraph was added after the first reading.\n\n"
    article.write_bytes((inserted + seed_text()).encode("utf-8"))
    window.reload_project()
    view = window.source_view
    new_text = article.read_bytes().decode("utf-8")
    assert view.text.toPlainText() == new_text  # the article as it is on disk now, not as it was
    assert view.highlighted_span() == (old_start + len(inserted), old_end + len(inserted))
    assert new_text[old_start + len(inserted):old_end + len(inserted)] == passage
    assert view.status.isVisibleTo(window) and "reloaded" in view.status.text()


def test_reload_that_drops_the_claim_closes_the_passage(qtbot, data_copy: ProjectPaths) -> None:
    window = open_window(qtbot, load_project(data_copy))
    open_kosovo_passage(qtbot, window)
    document = json.loads(data_copy.claims.read_text(encoding="utf-8"))
    document["claims"] = [c for c in document["claims"] if c["id"] != "kosovo-lead-north-gaza"]
    data_copy.claims.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    window.reload_project()
    assert KOSOVO_QUOTE not in window.evidence.plain_text()
    assert_no_passage_shown(window, "reloaded", "North Gaza")


def test_closing_the_window_unsubscribes_every_view_from_the_state(qtbot, project) -> None:
    window = open_window(qtbot, project)
    state = window.state
    signals = (state.project_changed, state.view_changed, state.selected_changed, state.emphasised_changed,
               state.passage_changed)
    assert all(len(signal) > 0 for signal in signals[1:])
    window.close()
    assert [len(signal) for signal in signals] == [0] * len(signals)
    state.select("north-gaza")  # nothing left to call: no error from a closed view
    state.set_as_of(date(2025, 12, 31))


def test_a_panel_deleted_on_its_own_is_unsubscribed(qtbot, project) -> None:
    from mapview.qt.panels.evidence import EvidencePanel
    from mapview.state import AppState

    state = AppState(project)
    panel = EvidencePanel(state)
    assert len(state.selected_changed) == 1
    panel.deleteLater()
    qtbot.waitUntil(lambda: len(state.selected_changed) == 0, timeout=2000)
    state.select("north-gaza")
