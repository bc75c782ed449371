"""Review in the window: add an article, read its proposals, accept / reject / edit them, see the map follow."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from shapely.geometry import Point

from mapview import wording
from mapview.data.project import ProjectPaths, load_project
from mapview.qt.mainwindow import MainWindow
from mapview.render.style import NO_LEAD_COLOUR
from tests.conftest import click_row

KOSOVO_SENTENCE = "Officials said Kosovo will lead the Khan Younis sector."
TURKEY_SENTENCE = "Turkey could be responsible for Rafah."
INDONESIA_SENTENCE = "Indonesia will lead the Gaza City sector, a diplomat said."
ARTICLE = (
    "Stabilization force sectors take shape\n\n"
    "GENEVA — Diplomats met on Tuesday to discuss the stabilization force and its funding.\n\n"
    f"{KOSOVO_SENTENCE} {TURKEY_SENTENCE} {INDONESIA_SENTENCE}\n\n"
    "The talks continue next week, and no date for the deployment has been fixed.\n"
)
KOSOVO_BLUE = "#0072b2"  # the Okabe–Ito blue the legend gives Kosovo
EGYPT = "Egypt"


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "sectors-news.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture()
def window(qtbot, data_copy: ProjectPaths) -> MainWindow:
    # Khan Yunis and Rafah start with no lead here (the shipped Indonesia lead claims taken out of the copy), so
    # that only the proposals below could colour them
    doc = claims_doc(data_copy)
    doc["claims"] = [c for c in doc["claims"] if not (c["role"] == "lead" and c["sector"] in ("khan-yunis", "rafah"))]
    data_copy.claims.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    window = MainWindow(load_project(data_copy))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitExposed(window):
        window.show()
    return window


def claims_doc(paths: ProjectPaths) -> dict:
    return json.loads(paths.claims.read_text(encoding="utf-8"))


def card_with(window: MainWindow, sentence: str):
    """The card row of the proposal quoting ``sentence`` (fails when none does)."""
    cards = [c for c in window.proposals.proposal_rows() if any(p.anchor.exact == sentence for p in c.item.evidence)]
    assert len(cards) == 1, [c.item.id for c in window.proposals.proposal_rows()]
    return cards[0]


def card_text(window: MainWindow, card) -> str:
    """A proposal's card and passages as the list shows them."""
    return window.proposals.card_text(card.item.id)


def press(qtbot, window: MainWindow, card, button: str) -> None:
    """Choose a proposal by clicking its card, then click Accept, Reject or Edit… as a reviewer does."""
    click_row(qtbot, window.proposals.list, card)
    assert window.proposals.current() is card.item
    qtbot.mouseClick(getattr(window.proposals, f"{button}_button"), Qt.MouseButton.LeftButton)


def map_colour(window: MainWindow, sector_id: str) -> str:
    """The most common rendered colour inside a sector, away from its label (hatch lines are the minority)."""
    sector = window.project.sectors.by_id()[sector_id]
    inner = sector.geometry.buffer(-0.003)
    label_lon, label_lat = sector.label_point
    xmin, ymin, xmax, ymax = inner.bounds
    window.canvas.draw()
    colours: Counter[str] = Counter()
    for i in range(21):
        for j in range(21):
            lon, lat = xmin + (xmax - xmin) * i / 20, ymin + (ymax - ymin) * j / 20
            if not inner.contains(Point(lon, lat)) or abs(lat - label_lat) < 0.01 and abs(lon - label_lon) < 0.03:
                continue
            r, g, b = window.canvas.pixel_rgb(window.canvas.data_to_widget(lon, lat))
            colours[f"#{r:02x}{g:02x}{b:02x}"] += 1
    assert colours
    return colours.most_common(1)[0][0]


def test_an_added_article_is_proposed_not_drawn_and_accepting_draws_it(qtbot, window, article, data_copy) -> None:
    claims_before = data_copy.claims.read_bytes()
    assert window.proposals_dock.windowTitle() == "Proposals (none)"
    summary = window.add_articles([article])
    assert summary.added == 3 and not summary.refused and summary.error is None
    assert window.proposals_dock.windowTitle() == "Proposals (3)"

    card = card_with(window, KOSOVO_SENTENCE)
    text = card_text(window, card)
    assert "Kosovo" in text and "Khan Yunis" in text and "sector lead" in text
    assert f"“{KOSOVO_SENTENCE}”" in text  # verbatim, as the article says it
    assert "Stabilization force sectors take shape" in text  # the source's title, read from its first line
    # Proposed, not accepted: the claims file is untouched and the map still says nothing about Khan Yunis.
    assert data_copy.claims.read_bytes() == claims_before
    assert map_colour(window, "khan-yunis") == NO_LEAD_COLOUR.lower()

    press(qtbot, window, card, "accept")

    claim = next(c for c in claims_doc(data_copy)["claims"] if c["nation"] == "Kosovo" and c["sector"] == "khan-yunis")
    assert claim["role"] == "lead" and "status" not in claim  # derived from who says the passage, as curated ones
    assert [(e["said_by"], e["manner"]) for e in claim["evidence"]] == [("unnamed-officials", "stated")]
    quotes = [s["exact"] for e in claim["evidence"] for s in e["selector"] if s["type"] == "TextQuoteSelector"]
    assert quotes == [KOSOVO_SENTENCE]
    backups = list((data_copy.claims.parent / "backups").glob("*.json"))
    assert [b.read_bytes() for b in backups] == [claims_before]
    # The window reloaded: the map colours Khan Yunis Kosovo blue (hatched: reported), the panel shrank.
    assert window.project.problems == []
    khan_yunis = window.view.by_id()["khan-yunis"]
    assert (khan_yunis.lead.nation, khan_yunis.lead.status) == ("Kosovo", "reported")
    assert map_colour(window, "khan-yunis") == KOSOVO_BLUE
    assert window.canvas.artists.paths["khan-yunis"] is not None
    assert window.proposals_dock.windowTitle() == "Proposals (2)"
    assert all(KOSOVO_SENTENCE not in card_text(window, c) for c in window.proposals.proposal_rows())
    window.select_sector("khan-yunis")
    assert "Kosovo (reported, single source)" in window.evidence.lead.text()
    assert KOSOVO_SENTENCE in window.evidence.plain_text()


def test_a_rejected_proposal_disappears_and_is_not_proposed_again(qtbot, window, article, data_copy) -> None:
    claims_before = data_copy.claims.read_bytes()
    window.add_articles([article])
    press(qtbot, window, card_with(window, TURKEY_SENTENCE), "reject")
    assert window.proposals_dock.windowTitle() == "Proposals (2)"
    assert TURKEY_SENTENCE not in window.proposals.plain_text()
    assert data_copy.claims.read_bytes() == claims_before  # a rejection adds nothing to the map
    again = window.add_articles([article])
    assert again.added == 0
    assert TURKEY_SENTENCE not in window.proposals.plain_text()
    assert window.proposals_dock.windowTitle() == "Proposals (2)"
    assert map_colour(window, "rafah") == NO_LEAD_COLOUR.lower()


def test_edit_changes_the_nation_before_accepting(qtbot, window, article, data_copy) -> None:
    window.add_articles([article])
    press(qtbot, window, card_with(window, INDONESIA_SENTENCE), "edit")
    dialog = window.proposals.edit_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.nation.currentText() == "Indonesia" and dialog.sector.currentText() == "Gaza City"
    assert {dialog.sector.itemText(i) for i in range(dialog.sector.count())} >= {"Rafah", "none / force-wide"}
    dialog.choose("nation", EGYPT)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    claim = next(c for c in claims_doc(data_copy)["claims"] if c["sector"] == "gaza-city")
    assert (claim["nation"], claim["role"]) == (EGYPT, "lead")
    assert (window.view.by_id()["gaza-city"].lead.nation, window.view.by_id()["gaza-city"].lead.status) == (
        EGYPT, "reported")
    assert INDONESIA_SENTENCE not in window.proposals.plain_text()


def test_a_proposal_whose_passage_left_its_article_is_refused_and_nothing_is_written(qtbot, window, article,
                                                                                      data_copy) -> None:
    window.add_articles([article])
    card = card_with(window, KOSOVO_SENTENCE)
    stored = data_copy.seeds / card.item.source
    stored.write_text("Stabilization force sectors take shape\n\nNothing about sectors.\n", encoding="utf-8")
    claims_before = data_copy.claims.read_bytes()
    press(qtbot, window, card, "accept")
    assert data_copy.claims.read_bytes() == claims_before
    assert not (data_copy.claims.parent / "backups").exists()
    assert window.proposals.error.isVisible() and "nothing was written" in window.proposals.error.text()
    assert window.proposals_dock.windowTitle() == "Proposals (3)"
    assert map_colour(window, "khan-yunis") == NO_LEAD_COLOUR.lower()


def test_an_unreadable_file_is_refused_and_said_so(window, tmp_path: Path) -> None:
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00not text")
    summary = window.add_articles([bad])
    assert summary.added == 0 and summary.refused
    assert "refused" in summary.text() and "binary.txt" in summary.text()
    assert window.proposals_dock.windowTitle() == "Proposals (none)"


def test_the_window_offers_add_article_and_a_proposals_toggle(window) -> None:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert window.add_article_action in file_menu.actions()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.proposals_dock.toggleViewAction() in view_menu.actions()


def test_after_a_decision_the_next_proposal_is_chosen(qtbot, window, article) -> None:
    window.add_articles([article])
    order = [c.item.id for c in window.proposals.proposal_rows()]
    assert len(order) == 3
    assert window.proposals.current().id == order[0]  # the first is chosen: Accept and Reject work at once
    first = window.proposals.proposal_rows()[0]
    press(qtbot, window, first, "reject")
    assert [c.item.id for c in window.proposals.proposal_rows()] == order[1:]
    assert window.proposals.current().id == order[1]  # the next one, ready for Accept or Reject
    assert window.proposals.accept_button.isEnabled()
    qtbot.mouseClick(window.proposals.reject_button, Qt.MouseButton.LeftButton)
    assert window.proposals.current().id == order[2]
    qtbot.mouseClick(window.proposals.reject_button, Qt.MouseButton.LeftButton)
    assert window.proposals.proposal_rows() == [] and not window.proposals.accept_button.isEnabled()


def test_the_card_shows_who_says_it_and_the_edit_dialog_derives_the_status(qtbot, window, article,
                                                                          data_copy) -> None:
    window.add_articles([article])
    card = card_with(window, INDONESIA_SENTENCE)
    text = card_text(window, card)
    assert "said by unnamed officials (diplomat), stated → reported" in text
    assert "Status reported: 1 passage — unnamed officials, stated; not stated by an official of Indonesia" in text
    press(qtbot, window, card, "edit")
    dialog = window.proposals.edit_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert "The passages give: reported" in dialog.derived.text()
    # a status the passages do not give: refused until a reason is written
    dialog.choose("status", "confirmed")
    assert not ok.isEnabled() and "write the reason" in dialog.reason_error.text()
    dialog.choose("status", "reported")
    # the reviewer reads the article again: Indonesia's own foreign ministry says it
    dialog.choose_said(0, "nation-official", "stated")
    assert "The passages give: confirmed" in dialog.derived.text() and dialog.status.currentData() == "confirmed"
    assert ok.isEnabled()
    dialog.said[0][2].setText("Indonesia's foreign ministry")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    claim = next(c for c in claims_doc(data_copy)["claims"] if c["sector"] == "gaza-city")
    assert "status" not in claim and claim["evidence"][0]["said_by"] == "nation-official"
    assert window.view.by_id()["gaza-city"].lead.status == "confirmed"


def test_accepting_a_status_with_a_reason_shows_the_reason_as_its_basis(qtbot, window, article, data_copy) -> None:
    window.add_articles([article])
    press(qtbot, window, card_with(window, TURKEY_SENTENCE), "edit")
    dialog = window.proposals.edit_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.status.currentData() == "speculative"  # "could be responsible": hedged
    dialog.choose("status", "reported")
    assert not ok.isEnabled()
    dialog.reason.setText("Turkey's defence ministry site lists it (not yet in the seeds)")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    claim = next(c for c in window.project.claims.claims if c.sector == "rafah" and c.nation == "Turkey")
    assert claim.status == "reported" and claim.basis.rules_status == "speculative"
    assert "set to reported by a reviewer: Turkey's defence ministry site lists it" in wording.status_basis_text(claim)
