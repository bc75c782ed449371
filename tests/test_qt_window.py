"""The real window driven with pytest-qt: click sectors, read the evidence, open passages, keys, hover, as-of."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication

from mapview.data.project import Project, load_project
from mapview.qt.mainwindow import MainWindow
from mapview.render.style import NO_LEAD_COLOUR
from tests.conftest import DATA, click_row, close_colours, drawn_fill, passage_row, shown_quote

ARTICLE_000 = next((DATA / "seeds").glob("000_*.txt"))
KOSOVO_QUOTE = "Kosovo could be responsible for Northern Gaza"
ALBANIA_SENTENCE = "According to reports, Albania may be responsible for the Deir al-Balah sector."


def seed_text(path: Path = ARTICLE_000) -> str:
    """An article exactly as stored."""
    return path.read_bytes().decode("utf-8")


def open_window(qtbot, project: Project, size: tuple[int, int] = (1400, 900)) -> MainWindow:
    """A shown, laid-out window with the map drawn (opened at ``size``, not resized to it afterwards)."""
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.resize(*size)
    with qtbot.waitExposed(window):
        window.show()
    window.canvas.draw()
    return window


@pytest.fixture()
def window(qtbot, project: Project) -> MainWindow:
    return open_window(qtbot, project)


def sector(project: Project, sector_id: str):
    return project.sectors.by_id()[sector_id]


def click_sector(qtbot, window: MainWindow, sector_id: str) -> None:
    """Click the canvas at the sector's interior point, as a user would."""
    point = window.canvas.data_to_widget(*sector(window.project, sector_id).label_point)
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=point)


def rendered_fill(window: MainWindow, sector_id: str, draw: bool = True) -> str:
    """The most common rendered colour inside a sector, away from its label (hatch lines are the minority)."""
    geometry = sector(window.project, sector_id).geometry
    inner = geometry.buffer(-0.003)
    label_lon, label_lat = sector(window.project, sector_id).label_point
    xmin, ymin, xmax, ymax = inner.bounds
    from shapely.geometry import Point

    if draw:
        window.canvas.draw()
    colours: Counter[str] = Counter()
    steps = 30
    for i in range(steps + 1):
        for j in range(steps + 1):
            lon, lat = xmin + (xmax - xmin) * i / steps, ymin + (ymax - ymin) * j / steps
            if not inner.contains(Point(lon, lat)) or abs(lat - label_lat) < 0.01 and abs(lon - label_lon) < 0.03:
                continue
            r, g, b = window.canvas.pixel_rgb(window.canvas.data_to_widget(lon, lat))
            colours[f"#{r:02x}{g:02x}{b:02x}"] += 1
    assert colours, "no sample point inside the sector"
    return colours.most_common(1)[0][0]


def test_click_north_gaza_names_kosovo_with_the_verbatim_passage(qtbot, window: MainWindow) -> None:
    click_sector(qtbot, window, "north-gaza")
    assert window.evidence.title.text() == "North Gaza"
    # the seed's hedged passages, then Detay Kıbrıs (2026-02-24) "according to the planning": reported
    assert "Kosovo (reported)" in window.evidence.lead.text()
    text = window.evidence.plain_text()
    assert KOSOVO_QUOTE in text
    assert KOSOVO_QUOTE in seed_text()  # the panel quotes the article, not a paraphrase
    assert "≈ 2026" in text  # approximate date marked
    assert "2026-02-24" in text and "Kosova birlikleri Kuzey Gazze’de" in text


def test_click_deir_al_balah_names_albania(qtbot, window: MainWindow) -> None:
    click_sector(qtbot, window, "deir-al-balah")
    assert window.evidence.title.text() == "Deir al-Balah"
    assert "Albania" in window.evidence.lead.text()
    assert ALBANIA_SENTENCE in window.evidence.plain_text()


def test_click_gaza_city_says_no_lead_reported(qtbot, window: MainWindow) -> None:
    click_sector(qtbot, window, "gaza-city")
    assert window.evidence.title.text() == "Gaza City"
    assert "no lead reported" in window.evidence.lead.text()
    assert "Kosovo" not in window.evidence.plain_text()


def test_clicking_the_sea_clears_the_selection(qtbot, window: MainWindow) -> None:
    click_sector(qtbot, window, "north-gaza")
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=window.canvas.data_to_widget(34.30, 31.55))
    assert window.selected is None
    assert window.evidence.title.text() == "No sector selected"


def test_clicking_a_passage_opens_its_article_with_exactly_that_span_highlighted(qtbot, window: MainWindow) -> None:
    click_sector(qtbot, window, "north-gaza")
    passage = passage_row(window.evidence, KOSOVO_QUOTE)
    click_row(qtbot, window.evidence.list, passage)
    view = window.source_view
    article = seed_text()
    assert view.source is not None and view.source.id == ARTICLE_000.name
    assert view.text.toPlainText() == article
    shown = shown_quote(passage).strip("“”")
    start = article.find(shown)
    assert start >= 0 and article.find(shown, start + 1) == -1
    assert view.highlighted_span() == (start, start + len(shown))
    assert KOSOVO_QUOTE in article[slice(*view.highlighted_span())]
    # The article's other cited passages are marked lightly, the Albania sentence among them.
    albania = article.find(ALBANIA_SENTENCE)
    assert (albania, albania + len(ALBANIA_SENTENCE)) in view.marked_spans()
    assert view.highlighted_span() not in view.marked_spans()
    assert ARTICLE_000.name in view.meta.text() and "≈ 2026" in view.meta.text()
    assert_highlight_in_view(window)


def assert_highlight_in_view(window: MainWindow) -> None:
    """The start of the highlighted passage is scrolled into the visible part of the editor."""
    editor = window.source_view.text
    selection = next(s for s in editor.extraSelections() if s.format.fontUnderline())
    cursor = QTextCursor(editor.document())
    cursor.setPosition(selection.cursor.selectionStart())
    top = editor.cursorRect(cursor).top()
    assert 0 <= top < editor.viewport().height()


def test_each_passage_is_scrolled_into_view_in_its_article(qtbot, window: MainWindow) -> None:
    for sector_id in ("rafah", "north-gaza", "deir-al-balah"):
        click_sector(qtbot, window, sector_id)
        for passage in window.evidence.passage_rows():
            click_row(qtbot, window.evidence.list, passage)
            assert window.source_view.source.id == passage.evidence.source_id
            assert_highlight_in_view(window)


def test_copy_with_citation_puts_passage_title_date_and_offsets_on_the_clipboard(qtbot, window) -> None:
    click_sector(qtbot, window, "deir-al-balah")
    passage = passage_row(window.evidence, ALBANIA_SENTENCE)
    click_row(qtbot, window.evidence.list, passage, "copy")
    copied = QGuiApplication.clipboard().text()
    start = seed_text().find(ALBANIA_SENTENCE)
    assert ALBANIA_SENTENCE in copied
    assert window.project.sources[ARTICLE_000.name].title in copied
    assert "≈ 2026" in copied
    assert f"{start}–{start + len(ALBANIA_SENTENCE)}" in copied


def test_hover_moves_the_highlight_between_sectors(qtbot, window: MainWindow) -> None:
    canvas = window.canvas
    with qtbot.waitSignal(canvas.sectorHovered, check_params_cb=lambda sid: sid == "north-gaza"):
        qtbot.mouseMove(canvas, canvas.data_to_widget(*sector(window.project, "north-gaza").label_point))
    assert canvas.hovered == "north-gaza"
    before = canvas.hover_artist.get_path().vertices.copy()
    with qtbot.waitSignal(canvas.sectorHovered, check_params_cb=lambda sid: sid == "deir-al-balah"):
        qtbot.mouseMove(canvas, canvas.data_to_widget(*sector(window.project, "deir-al-balah").label_point))
    assert canvas.hovered == "deir-al-balah"
    after = canvas.hover_artist.get_path()
    assert canvas.hover_artist.get_visible()
    assert after is canvas.artists.paths["deir-al-balah"]
    assert before.shape != after.vertices.shape or (before != after.vertices).any()
    assert window.statusBar().currentMessage() == "Deir al-Balah — Albania (reported)"


def test_as_of_before_article_000_removes_the_kosovo_lead_but_keeps_undated_sources(qtbot, window) -> None:
    window.all_dates.setChecked(False)
    window.as_of_edit.setDate(QDate(2025, 12, 31))
    assert window.view.as_of == date(2025, 12, 31)
    assert "as of 2025-12-31" in window.as_of_label.text()
    click_sector(qtbot, window, "north-gaza")
    assert "no lead reported" in window.evidence.lead.text()
    assert KOSOVO_QUOTE not in window.evidence.plain_text()
    assert rendered_fill(window, "north-gaza") == NO_LEAD_COLOUR.lower()
    # Article 002 is undated: its Rafah passage still counts, marked "undated".
    click_sector(qtbot, window, "rafah")
    text = window.evidence.plain_text()
    assert "Israeli security forces would initially deploy in Rafah" in text
    assert "undated" in text
    # The day before the later reporting: the seed's hedged passages alone.
    window.as_of_edit.setDate(QDate(2026, 2, 23))
    click_sector(qtbot, window, "north-gaza")
    assert "Kosovo (speculative, single source)" in window.evidence.lead.text()
    # Back to all dates: Detay Kıbrıs's plan makes it reported.
    window.all_dates.setChecked(True)
    click_sector(qtbot, window, "north-gaza")
    assert "Kosovo (reported)" in window.evidence.lead.text()


def north_to_south_ids(project: Project) -> list[str]:
    """Sector ids by descending centroid latitude, straight from the geodata."""
    return [s.id for s in sorted(project.sectors.sectors, key=lambda s: -s.geometry.centroid.y)]


def test_tab_and_arrow_keys_move_the_selection_and_the_panel_follows(qtbot, window: MainWindow) -> None:
    order = north_to_south_ids(window.project)
    names = {s.id: s.name for s in window.project.sectors.sectors}
    canvas = window.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert window.selected == order[0] and window.evidence.title.text() == names[order[0]]
    qtbot.keyClick(canvas, Qt.Key.Key_Tab)
    assert window.selected == order[1] and window.evidence.title.text() == names[order[1]]
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert window.selected == order[2] and window.evidence.title.text() == names[order[2]]
    assert "Albania" in window.evidence.lead.text()
    qtbot.keyClick(canvas, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert window.selected == order[1]
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert window.selected == order[0]
    assert canvas.artists.selected == order[0]
    assert canvas.hasFocus()  # Tab did not move the keyboard focus away from the map


def test_escape_clears_the_selection(qtbot, window: MainWindow) -> None:
    click_sector(qtbot, window, "north-gaza")
    assert window.canvas.artists.selected == "north-gaza"
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.selected is None
    assert window.canvas.artists.selected is None
    assert window.evidence.title.text() == "No sector selected"


def test_rendered_colours_match_the_lead_nations(window: MainWindow) -> None:
    # every lead is reported (stated by an outlet, or relayed from Kan): drawn at the reported opacity, hatched
    assert close_colours(rendered_fill(window, "north-gaza"), drawn_fill("Kosovo", "reported"))
    assert close_colours(rendered_fill(window, "deir-al-balah"), drawn_fill("Albania", "reported"))
    for sector_id in ("khan-yunis", "rafah"):
        assert close_colours(rendered_fill(window, sector_id), drawn_fill("Indonesia", "reported"))
    assert rendered_fill(window, "gaza-city") == NO_LEAD_COLOUR.lower()
    window.all_dates.setChecked(False)
    window.as_of_edit.setDate(QDate(2026, 2, 9))  # the seeds' map: hedged passages only, drawn faded
    assert close_colours(rendered_fill(window, "north-gaza"), drawn_fill("Kosovo"))
    assert rendered_fill(window, "rafah") == NO_LEAD_COLOUR.lower()


def test_problems_panel_is_empty_for_the_shipped_data(window: MainWindow) -> None:
    assert window.project.problems == []
    assert window.problems.empty.isVisible()
    assert "No problems found" in window.problems.empty.text()
    assert "none" in window.problems_dock.windowTitle()


def break_albania_passage(paths) -> None:
    """Change the first passage of every Albania lead claim to words its article does not contain (forged)."""
    doc = json.loads(paths.claims.read_text(encoding="utf-8"))
    for claim in doc["claims"]:
        if claim["nation"] != "Albania" or claim["role"] != "lead":
            continue
        for selector in claim["evidence"][0]["selector"]:
            if selector["type"] == "TextQuoteSelector":
                selector["exact"] = "Albania will certainly command the Deir al-Balah sector."
    paths.claims.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")


def test_a_broken_passage_is_listed_and_its_sector_is_not_drawn_as_sound(qtbot, data_copy) -> None:
    break_albania_passage(data_copy)
    project = load_project(data_copy)
    window = open_window(qtbot, project)
    rows = window.problems.rows()
    assert any(row[0] == "error" and "Albania will certainly command" in row[3] for row in rows)
    assert window.problems_dock.windowTitle() == f"Problems ({len(project.problems)})"
    assert not close_colours(rendered_fill(window, "deir-al-balah"), drawn_fill("Albania"))
    assert rendered_fill(window, "deir-al-balah") == NO_LEAD_COLOUR.lower()
    assert "deir-al-balah" in window.canvas.artists.broken  # the red broken-evidence outline
    click_sector(qtbot, window, "deir-al-balah")
    text = window.evidence.plain_text()
    assert "no lead reported" in window.evidence.lead.text()
    assert "BROKEN" in text and "passage not found" in text
    # The broken passage opens its article with nothing highlighted and says why.
    broken = next(p for p in window.evidence.passage_rows() if not p.evidence.found)
    QGuiApplication.clipboard().setText("before")
    click_row(qtbot, window.evidence.list, broken, "copy")
    assert QGuiApplication.clipboard().text() == "before"  # a forged quote cannot be copied as a citation
    click_row(qtbot, window.evidence.list, broken)
    assert window.source_view.highlighted_span() is None
    assert "not found" in window.source_view.status.text()


def test_claim_text_is_shown_as_plain_text_never_markup(qtbot, data_copy) -> None:
    doc = json.loads(data_copy.claims.read_text(encoding="utf-8"))
    claim = next(c for c in doc["claims"] if c["sector"] == "north-gaza" and c["role"] == "lead")
    claim["note"] = "<b>bold</b> <img src='http://example.invalid/x.png'> &amp;"
    data_copy.claims.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    window = open_window(qtbot, load_project(data_copy))
    click_sector(qtbot, window, "north-gaza")
    view = window.evidence.list
    card = view.model().outline.claim_rows[claim["id"]]
    # What is painted is the document the delegate laid out: its plain text keeps the tags as typed.
    painted = view.delegate.document(view.model().index_of(card)).toPlainText()
    assert "Note: " + claim["note"] in painted.splitlines()
    assert "Note: " + claim["note"] in window.evidence.plain_text()


def test_choosing_a_nation_emphasises_its_sectors_and_lists_its_evidence(qtbot, window: MainWindow) -> None:
    window.nations_dock.raise_()
    window.nations.select_nation("Kosovo")
    assert window.canvas.emphasised == {"north-gaza"}
    assert window.canvas.artists.emphasis["north-gaza"].get_visible()
    assert KOSOVO_QUOTE in window.nations.plain_text()
    window.nations.select_nation("Indonesia")  # Kan's site between Rafah and Khan Yunis: both sectors
    assert window.canvas.emphasised == {"khan-yunis", "rafah"}
    assert "deputy command" in window.nations.plain_text()
    window.nations.select_nation("Morocco")  # force-wide roles only: no sector to emphasise
    assert window.canvas.emphasised == set()
    assert "troops" in window.nations.plain_text()


def test_wheel_zooms_about_the_pointer_and_drag_pans(qtbot, window: MainWindow) -> None:
    canvas = window.canvas
    lon, lat = sector(window.project, "deir-al-balah").label_point
    point = canvas.data_to_widget(lon, lat)
    span_before = canvas.ax.get_xlim()[1] - canvas.ax.get_xlim()[0]
    event = QWheelEvent(QPointF(point), QPointF(canvas.mapToGlobal(point)), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas, event)
    canvas.draw()
    span_after = canvas.ax.get_xlim()[1] - canvas.ax.get_xlim()[0]
    assert span_after < span_before * 0.9
    assert canvas.index.sector_at(*canvas.ax.transData.inverted().transform(
        (point.x() * canvas.device_pixel_ratio, canvas.figure.bbox.height - point.y() * canvas.device_pixel_ratio))
    ) == "deir-al-balah"  # the point under the pointer stayed under it
    xlim = canvas.ax.get_xlim()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseMove(canvas, point + QPoint(80, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=point + QPoint(80, 0))
    assert canvas.ax.get_xlim()[0] < xlim[0]  # dragged right: the map moved right, the view left
    assert window.selected is None  # a drag is not a click
    window.zoom_all_action.trigger()
    canvas.draw()
    assert canvas.ax.get_xlim()[1] - canvas.ax.get_xlim()[0] >= span_before * 0.99


def test_attribution_note_and_about_text_are_shown(window: MainWindow) -> None:
    status = window.attribution.text()
    assert "Boundaries: geoBoundaries (Runfola et al. 2020), PSE ADM2, CC BY 4.0" in status
    assert "Sector lines follow governorate boundaries because the ISF's own sector lines are not published." in status
    from mapview.qt.mainwindow import about_text

    about = about_text(window.project)
    assert "CC BY 4.0" in about and "Natural Earth" in about and "public domain" in about
    assert "governorate boundaries" in about
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_hover_blits_instead_of_redrawing_and_only_when_the_sector_changes(qtbot, window: MainWindow) -> None:
    canvas = window.canvas
    qtbot.mouseMove(canvas, canvas.data_to_widget(34.30, 31.55))  # over the sea first
    QApplication.processEvents()
    draws, hovered = [], []
    canvas.mpl_connect("draw_event", lambda _e: draws.append(1))
    canvas.sectorHovered.connect(hovered.append)
    lon, lat = sector(window.project, "north-gaza").label_point
    qtbot.mouseMove(canvas, canvas.data_to_widget(lon, lat))
    qtbot.mouseMove(canvas, canvas.data_to_widget(lon + 0.002, lat + 0.001))  # same sector: nothing to repaint
    qtbot.mouseMove(canvas, canvas.data_to_widget(*sector(window.project, "gaza-city").label_point))
    QApplication.processEvents()
    assert hovered == ["north-gaza", "gaza-city"]
    assert draws == []  # the hover outline was blitted over the cached background
    # The blitted outline and tint are in the canvas pixels: Gaza City is no longer its plain grey.
    assert rendered_fill(window, "gaza-city", draw=False) != NO_LEAD_COLOUR.lower()
    qtbot.mouseMove(canvas, canvas.data_to_widget(34.30, 31.55))
    assert canvas.hovered is None
    assert rendered_fill(window, "gaza-city", draw=False) == NO_LEAD_COLOUR.lower()
