"""The evidence lists as model/view (issue #15): filter box, sort, collapsed nation groups in a contested sector,
keyboard copy and open; driven through the real widgets."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from benchmarks.bench_scale import build_project
from mapview.data.project import load_project
from tests.conftest import DATA, click_row, close_colours, drawn_fill, passage_row
from tests.test_qt_window import KOSOVO_QUOTE, click_sector, open_window, rendered_fill


def test_the_filter_box_narrows_the_list_says_how_many_match_and_never_changes_the_map(qtbot, project) -> None:
    window = open_window(qtbot, project)
    click_sector(qtbot, window, "north-gaza")
    panel = window.evidence
    assert panel.count.text() == "Supporting claims (2)"  # the seed's (hedged) and Detay Kıbrıs's
    qtbot.keyClicks(panel.filter_bar.box, "nation:albania")
    qtbot.waitUntil(lambda: panel.count.text() == "Supporting claims (0 of 2 match the filter)")  # typing paused
    assert "No claim matches the filter “nation:albania”." in panel.plain_text()
    assert KOSOVO_QUOTE not in panel.plain_text()
    # the map is not filtered
    assert close_colours(rendered_fill(window, "north-gaza"), drawn_fill("Kosovo", "reported"))
    # One state: the nations panel's box shows the same filter.
    assert window.nations.filter_bar.box.text() == "nation:albania"
    panel.filter_bar.box.clear()
    assert panel.count.text() == "Supporting claims (2)" and KOSOVO_QUOTE in panel.plain_text()


def test_typing_is_filtered_once_the_keys_pause_not_at_every_key(qtbot, project) -> None:
    window = open_window(qtbot, project)
    click_sector(qtbot, window, "north-gaza")
    applied = []
    window.state.filter_changed.connect(lambda f: applied.append(f.query))
    qtbot.keyClicks(window.evidence.filter_bar.box, "kosovo")  # six keys, faster than the pause
    assert applied == []
    qtbot.waitUntil(lambda: applied == ["kosovo"])  # one filter for the word
    window.evidence.filter_bar.box.clear()  # emptying the box shows every claim at once
    assert applied == ["kosovo", ""]


def test_a_filter_on_status_keeps_only_those_claims_in_the_nations_list(qtbot, project) -> None:
    window = open_window(qtbot, project)
    window.nations_dock.raise_()
    window.nations.select_nation("Indonesia")
    raw = json.loads(project.paths.claims.read_text(encoding="utf-8"))["claims"]
    indonesia = [c for c in raw if c.get("nation") == "Indonesia" and not c.get("retired")]
    before = window.nations.plain_text()
    assert len([c for c in indonesia]) >= 2
    qtbot.keyClicks(window.nations.filter_bar.box, "nosuchword")
    qtbot.waitUntil(lambda: "No claim matches the filter “nosuchword”." in window.nations.plain_text())
    window.nations.filter_bar.box.clear()
    assert window.nations.plain_text() == before


@pytest.fixture()
def contested_window(qtbot, tmp_path):
    """A window on a synthetic project of 40 articles: every sector has lead claims from several nations."""
    paths = build_project(tmp_path, articles=40, source=DATA)
    project = load_project(paths)
    return open_window(qtbot, project), json.loads(paths.claims.read_text(encoding="utf-8"))["claims"]


def test_a_contested_sector_shows_its_nations_collapsed_and_a_click_opens_one(qtbot, contested_window) -> None:
    window, raw = contested_window
    click_sector(qtbot, window, "khan-yunis")
    view = window.evidence.list
    groups = [r for r in view.model().outline.top if r.kind == "group"]
    nations = sorted({c["nation"] for c in raw if c["sector"] == "khan-yunis"})
    assert sorted(g.group.nation for g in groups) == nations
    shown = window.evidence.plain_text()
    for nation in nations:
        count = sum(c["sector"] == "khan-yunis" and c["nation"] == nation for c in raw)
        assert f"{nation} — {count} claim" in shown
    assert not any(view.is_shown(r) for r in view.passage_rows())  # groups closed: no passage listed yet
    first = groups[0]
    click_row(qtbot, view, first)
    assert view.isExpanded(view.model().index_of(first))
    passage = next(r for r in first.children if r.kind == "passage")
    assert view.is_shown(passage)
    click_row(qtbot, view, passage)
    source = window.source_view
    assert source.source is not None and source.source.id == passage.evidence.source_id
    start, end = source.highlighted_span()
    assert source.text.toPlainText()[start:end] == passage.evidence.text
    click_row(qtbot, view, first)  # and a second click closes it
    assert not view.is_shown(passage)


def test_newest_first_orders_each_nations_claims_by_their_article_date(qtbot, contested_window) -> None:
    window, _raw = contested_window
    click_sector(qtbot, window, "rafah")
    sort = window.evidence.filter_bar.sort
    sort.setCurrentIndex(sort.findText("Newest first"))
    assert window.state.evidence_filter.sort == "date"
    sources = {s["id"]: date.fromisoformat(s["date"]["earliest"]) for s in json.loads(
        (window.project.paths.seeds / "sources.json").read_text(encoding="utf-8"))["sources"]}
    for group in (r for r in window.evidence.list.model().outline.top if r.kind == "group"):
        days = [max(sources[e.source_id] for e in r.claim.evidence) for r in group.children if r.kind == "claim"]
        assert days == sorted(days, reverse=True) and len(set(days)) > 1


def test_keyboard_ctrl_c_copies_the_current_passage_and_enter_opens_it(qtbot, project) -> None:
    window = open_window(qtbot, project)
    click_sector(qtbot, window, "north-gaza")
    view = window.evidence.list
    row = passage_row(window.evidence, KOSOVO_QUOTE)
    view.setFocus()
    view.setCurrentIndex(view.model().index_of(row))
    QGuiApplication.clipboard().setText("")
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert row.evidence.text in copied and f"{row.evidence.start}–{row.evidence.end}" in copied
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.source_view.source is not None and window.source_view.source.id == row.evidence.source_id


def test_the_list_marks_the_passage_the_source_view_reads_and_keeps_it_after_a_rebuild(qtbot, project) -> None:
    window = open_window(qtbot, project)
    click_sector(qtbot, window, "north-gaza")
    view = window.evidence.list
    rows = view.passage_rows()
    second = rows[1]
    click_row(qtbot, view, second)
    assert window.source_view.source.id == second.evidence.source_id
    assert view.model().row_at(view.currentIndex()) is second and view.selectionModel().isSelected(view.currentIndex())
    qtbot.keyClicks(window.evidence.filter_bar.box, "kosovo")  # the list is rebuilt: the open passage stays marked
    qtbot.waitUntil(lambda: window.state.evidence_filter.query == "kosovo")
    marked = view.model().row_at(view.currentIndex())
    assert marked is not None and marked.evidence.anchor.exact == second.evidence.anchor.exact
    click_sector(qtbot, window, "deir-al-balah")  # another sector closes the passage: nothing marked
    assert not view.selectionModel().hasSelection()


def test_an_as_of_change_keeps_the_claim_being_read_at_the_top(qtbot, contested_window) -> None:
    window, _raw = contested_window
    click_sector(qtbot, window, "gaza-city")
    view = window.evidence.list
    group = next(r for r in view.model().outline.top if r.kind == "group")
    click_row(qtbot, view, group)  # open one nation's claims
    claims = [r for r in group.children if r.kind == "claim"]
    target = claims[len(claims) // 2]
    view.scrollTo(view.model().index_of(target), view.ScrollHint.PositionAtTop)
    assert view.top_claim() == target.claim.id
    window.set_as_of(date(2026, 11, 1))  # a new day rebuilds the list: the reader keeps their place
    assert view.top_claim() == target.claim.id
    click_sector(qtbot, window, "rafah")  # another sector starts at its top
    assert view.verticalScrollBar().value() == 0
