"""The window fixes of issue #12, item 6, checked the way a user meets them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mapview.qt.mainwindow import MainWindow
from tests.conftest import DATA, click_row, shown_quote
from tests.test_qt_window import click_sector, open_window

RAFAH_PASSAGE_END = "The mission would then expand “sector by sector.”"  # seeds/002_*.txt, line 14, as stored


def open_small(qtbot, project) -> MainWindow:
    """A window opened at 1024x700 (not resized down from a larger size)."""
    return open_window(qtbot, project, (1024, 700))


def test_the_evidence_panel_scrolls_no_further_than_its_content(qtbot, project) -> None:
    window = open_small(qtbot, project)
    window.select_sector("north-gaza")
    # The list lays its rows out from posted requests. Deliver them directly: after an earlier test has quit the
    # application (test_qt_app), qtbot.wait no longer turns the event loop.
    for _ in range(5):
        QApplication.sendPostedEvents()
    view = window.evidence.list
    rows = [r for r in view.model().outline.walk()]
    assert len(rows) > 3
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.sendPostedEvents()
    last = view.visualRect(view.model().index_of(rows[-1]))
    tallest = max(view.visualRect(view.model().index_of(r)).height() for r in rows if view.is_shown(r))
    assert last.bottom() <= view.viewport().height()  # the last row is whole on screen
    assert view.viewport().height() - last.bottom() < tallest  # was about 500 px of empty grey at this size


def test_choosing_another_nation_starts_at_its_heading(qtbot, project) -> None:
    window = open_window(qtbot, project)
    window.resize(1024, 700)
    window.nations_dock.raise_()
    window.nations.select_nation("Egypt")
    bar = window.nations.claims.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)  # Egypt's evidence is taller than the panel
    bar.setValue(bar.maximum())
    window.nations.select_nation("Jordan")
    qtbot.wait(10)
    assert bar.value() == 0 and window.nations.heading.text().startswith("Jordan")


def test_escape_still_clears_the_selection_after_the_export_dialog(qtbot, project) -> None:
    window = open_window(qtbot, project)
    click_sector(qtbot, window, "north-gaza")
    QTimer.singleShot(200, lambda: QApplication.activeModalWidget().reject())
    window.export_action.trigger()  # modal until the timer cancels it
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.canvas, timeout=2000)
    focus = QApplication.focusWidget()
    QTest.keyClick(focus, Qt.Key.Key_Escape)
    assert window.selected is None and window.evidence.title.text() == "No sector selected"


def type_day(window: MainWindow, text: str) -> None:
    field = window.as_of_edit.edit
    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def test_a_typed_day_is_taken_whole_and_a_future_or_malformed_one_is_refused_visibly(qtbot, project) -> None:
    window = open_window(qtbot, project)
    window.all_dates.setChecked(False)
    type_day(window, "2025-10-01")
    assert window.as_of == date(2025, 10, 1)  # QDateEdit kept the year of the day shown: 2026-10-01
    assert "as of 2025-10-01" in window.as_of_label.text()
    today = date.today()
    future = date(today.year + 1, 1, 1).isoformat()
    type_day(window, future)
    assert window.as_of == date(2025, 10, 1)
    assert window.as_of_edit.edit.text() == "2025-10-01"
    assert f"{future} is after today" in window.statusBar().currentMessage()
    assert window.as_of_edit.edit.property("invalid") is True
    type_day(window, "2025-13-01")
    assert window.as_of == date(2025, 10, 1) and "is not a day" in window.statusBar().currentMessage()
    type_day(window, "2025-12-31")
    assert window.as_of == date(2025, 12, 31) and window.as_of_edit.edit.property("invalid") is False


def test_copy_with_citation_says_copied(qtbot, project) -> None:
    from mapview.qt.panels.outline_view import COPIED_MS

    window = open_window(qtbot, project)
    click_sector(qtbot, window, "rafah")
    view = window.evidence.list
    row = view.passage_rows()[0]
    click_row(qtbot, view, row, "copy")
    assert view.delegate.button_text(row) == "Copied ✓"
    assert row.evidence.text in QApplication.clipboard().text()
    qtbot.waitUntil(lambda: view.delegate.button_text(row) == "Copy with citation", timeout=COPIED_MS + 2000)


def test_a_cross_reference_scrolls_to_the_claim_it_names(qtbot, project) -> None:
    window = open_window(qtbot, project)
    window.resize(1024, 700)
    window.nations_dock.raise_()
    window.nations.select_nation("Egypt")
    qtbot.wait(10)
    view = window.nations.claims
    reference = next(r for r in view.model().outline.walk()
                     if r.kind == "reference" and "Egypt — police — speculative" in r.text)
    card = view.model().index_of(view.model().outline.claim_rows["egypt-police"])
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    click_row(qtbot, view, reference)
    top = view.visualRect(card).top()
    assert 0 <= top < view.viewport().height()
    assert view.currentIndex() == card


def test_the_rafah_passage_is_shown_verbatim_with_one_closing_quote(qtbot, project) -> None:
    article = next((DATA / "seeds").glob("002_*.txt")).read_bytes().decode("utf-8")
    assert RAFAH_PASSAGE_END in article
    window = open_window(qtbot, project)
    click_sector(qtbot, window, "rafah")
    shown = next(shown_quote(row) for row in window.evidence.passage_rows() if row.evidence.source_id[:3] == "002")
    assert shown.endswith(RAFAH_PASSAGE_END) and shown in article  # no quote mark added around it


def test_the_title_names_the_application_once(qtbot, project) -> None:
    app = QApplication.instance()
    app.setApplicationDisplayName("mapview")
    try:
        window = open_window(qtbot, project)
        title = window.windowHandle().title() or window.windowTitle()
        assert "ISF sectors in Gaza" in title and title.count("mapview") <= 1
        assert "mapview" not in window.windowTitle()
    finally:
        app.setApplicationDisplayName("")


def test_the_attribution_is_whole_at_1024_wide_and_in_as_of_mode(qtbot, project) -> None:
    window = open_window(qtbot, project)
    window.resize(1024, 700)
    window.set_as_of(date(2025, 12, 31))
    qtbot.wait(10)
    label = window.attribution
    assert "geoBoundaries" in label.text() and "Natural Earth" in label.text()
    assert label.isVisible()
    if label.wordWrap():  # every wrapped line has room
        assert label.height() >= label.heightForWidth(label.width())
    else:  # one line: it must fit
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
    assert window.rect().contains(label.mapTo(window, label.rect().bottomRight()))
    caption = "Deir al-Balah — Albania (speculative, single source) — broken evidence"
    room = window.statusBar().width() - window.as_of_label.width()
    assert window.statusBar().fontMetrics().horizontalAdvance(caption) < room


def test_the_first_window_fits_the_screen_and_the_layout_comes_back(qtbot, project, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "mapview.ini"), QSettings.Format.IniFormat)
    first = MainWindow(project, settings=settings)
    qtbot.addWidget(first)
    first.place_on_screen()
    available = first.screen().availableGeometry()
    assert first.width() <= available.width() and first.height() <= available.height()
    first.show()
    first.resize(700, 600)
    first.problems_dock.hide()
    first.close()
    second = MainWindow(project, settings=QSettings(str(tmp_path / "mapview.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    second.place_on_screen()
    second.show()
    assert (second.width(), second.height()) == (700, 600)
    assert not second.problems_dock.isVisible() and second.evidence_dock.isVisible()


def test_at_1024_by_700_every_shown_label_stays_in_its_sector_and_none_overlap(qtbot, project) -> None:
    window = open_small(qtbot, project)
    artists = window.canvas.artists
    renderer = window.canvas.get_renderer()
    inverse = window.canvas.ax.transData.inverted()
    shown = {sid: label for sid, label in artists.labels.items() if label.get_visible()}
    assert "north-gaza" in shown  # the biggest sectors keep at least their name
    boxes = []
    for sid, label in shown.items():
        box = label.get_window_extent(renderer)
        middle = (box.y0 + box.y1) / 2
        inset = box.width * 0.1
        assert artists.paths[sid].contains_point(inverse.transform((box.x0 + inset, middle))), sid
        assert artists.paths[sid].contains_point(inverse.transform((box.x1 - inset, middle))), sid
        # the name leads, maybe broken over two lines ("Deir al-\nBalah")
        shown_text = label.get_text().replace("\n", " ").replace("- ", "-")
        assert shown_text.startswith(project.sectors.by_id()[sid].name), shown_text
        boxes.append(box)
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    # Wider and zoomed to fit the new size, the whole labels come back: name and lead. (A resize alone keeps the
    # zoom: the labels are fitted again for the map as drawn, and at that scale the lead line does not fit.)
    window.resize(1600, 1000)
    window.canvas.zoom_to_all()
    whole = "North Gaza\nKosovo (reported)"
    qtbot.waitUntil(lambda: artists.labels["north-gaza"].get_text() == whole, timeout=3000)
