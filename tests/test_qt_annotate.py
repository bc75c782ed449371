"""Claims made where the analyst reads (issue #11): select words in the Source view, make a claim, see the map
follow, undo, redo, retire, restart; an article edited meanwhile is refused; awkward selections anchor."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox

from mapview.data.claimedit import EditError, passage_from_selection
from mapview.data.project import ProjectPaths, load_project
from mapview.qt.mainwindow import MainWindow
from mapview.state import SECTOR

ARTICLE_000 = "000_53179621937ae718.txt"
QUOTE = "The stabilization mission is expected to include around 20,000 soldiers"


@pytest.fixture()
def window(window_on_copy: MainWindow) -> MainWindow:
    return window_on_copy


def _select(window: MainWindow, source_id: str, words: str) -> None:
    """Open the article in the Source view and select ``words`` as a mouse drag would."""
    text = window.project.sources[source_id].text
    start = text.index(words)
    window.state.read(source_id, start, start, "")
    view = window.source_view
    cursor = view.text.textCursor()
    cursor.setPosition(view._offsets.to_qt(start))
    cursor.setPosition(view._offsets.to_qt(start + len(words)), QTextCursor.MoveMode.KeepAnchor)
    view.text.setTextCursor(cursor)
    assert view.selection()[3] == words


def _create(window: MainWindow, qtbot, nation: str, sector: str, said_by: str = "media",
            manner: str = "stated") -> None:
    window.new_claim_action.trigger()
    dialog = window.claim_dialog
    dialog.nation.setCurrentIndex(dialog.nation.findData(nation))
    dialog.sector.setCurrentIndex(dialog.sector.findData(sector))
    dialog.role.setCurrentIndex(dialog.role.findData("lead"))
    assert dialog.derived.text().startswith("The passages give: speculative")  # media, hedged: the default
    dialog.said_by.setCurrentIndex(dialog.said_by.findData(said_by))
    dialog.manner.setCurrentIndex(dialog.manner.findData(manner))
    if (said_by, manner) == ("media", "stated"):  # a media report, stated: reported
        assert dialog.derived.text().startswith("The passages give: reported")
    dialog.figures.setText("personnel: 1,200; bound: up to")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _on_disk(paths: ProjectPaths) -> dict[str, dict]:
    return {c["id"]: c for c in json.loads(paths.claims.read_text(encoding="utf-8"))["claims"]}


def test_make_undo_redo_retire_and_restart(window: MainWindow, qtbot, data_copy: ProjectPaths) -> None:
    assert window.state.view.by_id()["gaza-city"].lead is None
    _select(window, ARTICLE_000, QUOTE)
    _create(window, qtbot, "Albania", "gaza-city")
    made = _on_disk(data_copy)["albania-lead-gaza-city"]
    assert made["evidence"][0]["selector"][0]["exact"] == QUOTE and made["history"][0]["action"] == "created"
    assert made["figures"] == {"personnel": 1200, "bound": "up to"}
    lead = window.state.view.by_id()["gaza-city"].lead
    assert (lead.nation, lead.status, lead.single_source) == ("Albania", "reported", True)  # media, stated
    window.select_sector("gaza-city")
    assert QUOTE in window.evidence.plain_text()
    assert "History: created 20" in window.evidence.plain_text()
    assert list((data_copy.claims.parent / "backups").glob("claims-*.json"))  # the old file was kept

    window.undo_action.trigger()
    assert "albania-lead-gaza-city" not in _on_disk(data_copy)
    assert window.state.view.by_id()["gaza-city"].lead is None
    window.redo_action.trigger()
    assert "albania-lead-gaza-city" in _on_disk(data_copy)
    assert window.state.view.by_id()["gaza-city"].lead.nation == "Albania"

    window.select_sector("gaza-city")
    claim = window.project.claims.by_id()["albania-lead-gaza-city"]
    window.state.open(claim.evidence[0], SECTOR)
    assert window.retire_open_claim("made in a test") == "albania-lead-gaza-city"
    retired = _on_disk(data_copy)["albania-lead-gaza-city"]
    assert retired["retired"]["reason"] == "made in a test" and retired["history"][-1]["action"] == "retired"
    assert window.state.view.by_id()["gaza-city"].lead is None

    again = MainWindow(load_project(data_copy))  # restart: the same state from disk
    qtbot.addWidget(again)
    assert again.state.view.by_id()["gaza-city"].lead is None
    assert again.project.claims.by_id()["albania-lead-gaza-city"].retired is not None


def test_a_claim_on_an_article_edited_meanwhile_is_refused(window: MainWindow, qtbot, data_copy) -> None:
    _select(window, ARTICLE_000, QUOTE)
    path = data_copy.seeds / ARTICLE_000
    path.write_text("Edited first. " + path.read_text(encoding="utf-8"), encoding="utf-8")
    before = data_copy.claims.read_bytes()
    window._message = lambda title, text: setattr(window, "shown_message", text)
    _create(window, qtbot, "Albania", "gaza-city")
    assert "changed since it was opened" in window.shown_message
    assert data_copy.claims.read_bytes() == before


@pytest.mark.parametrize("words", [
    "peace agreement.\nThe willingness of Kosovo",  # across a line break
    "a founding member of the “Peace Board”",  # curly quotes
])
def test_awkward_selections_anchor_and_reverify(data_copy: ProjectPaths, words: str) -> None:
    text = (data_copy.seeds / ARTICLE_000).read_text(encoding="utf-8")
    start = text.index(words)
    passage = passage_from_selection(data_copy, ARTICLE_000, start, start + len(words), words)
    assert passage["selector"][0]["exact"] == words


def test_a_right_to_left_and_no_break_space_selection_anchors(data_copy: ProjectPaths) -> None:
    arabic = "وأكد جيفيرز أن قوة الاستقرار الدولية ستبدأ\u00a0انتشارها في رفح جنوب قطاع غزة.\n"
    (data_copy.seeds / "009_arabic.txt").write_text("تقرير\n\n" + arabic, encoding="utf-8")
    text = (data_copy.seeds / "009_arabic.txt").read_text(encoding="utf-8")
    words = "ستبدأ\u00a0انتشارها في رفح"
    start = text.index(words)
    passage = passage_from_selection(data_copy, "009_arabic.txt", start, start + len(words), words)
    assert passage["selector"][1]["start"] == start
    with pytest.raises(EditError, match="changed since it was opened"):
        passage_from_selection(data_copy, "009_arabic.txt", start, start + len(words), "رفح" + words)


def _open_kosovo_passage(window: MainWindow) -> None:
    window.select_sector("north-gaza")
    claim = window.state.view.by_id()["north-gaza"].claims[0]
    window.state.open(claim.evidence[0], SECTOR)


def test_add_passage_edit_and_mark_disagreement_each_undoable(window: MainWindow, qtbot, data_copy) -> None:
    ok = QDialogButtonBox.StandardButton.Ok
    # a passage added to Kosovo's lead claim, said by an analyst, hedged
    words = "Security expert Lulzim Peci noted that leading the sector"
    _select(window, ARTICLE_000, words)
    _open_kosovo_passage(window)
    _select(window, ARTICLE_000, words)
    dialog = window.add_selection_as_passage()
    dialog.claim.setCurrentIndex(dialog.claim.findData("kosovo-lead-north-gaza"))
    dialog.said_by.setCurrentIndex(dialog.said_by.findData("analyst"))
    dialog.manner.setCurrentIndex(dialog.manner.findData("hedged"))
    qtbot.mouseClick(dialog.buttons.button(ok), Qt.MouseButton.LeftButton)
    evidence = _on_disk(data_copy)["kosovo-lead-north-gaza"]["evidence"]
    assert evidence[-1]["selector"][0]["exact"] == words and evidence[-1]["said_by"] == "analyst"
    window.undo_action.trigger()
    assert len(_on_disk(data_copy)["kosovo-lead-north-gaza"]["evidence"]) == len(evidence) - 1

    # the claim's note edited
    _open_kosovo_passage(window)
    edit = window.edit_open_claim()
    edit.note.setText("Edited in a test.")
    qtbot.mouseClick(edit.buttons.button(ok), Qt.MouseButton.LeftButton)
    assert _on_disk(data_copy)["kosovo-lead-north-gaza"]["note"] == "Edited in a test."
    window.undo_action.trigger()
    assert _on_disk(data_copy)["kosovo-lead-north-gaza"]["note"] != "Edited in a test."

    # marked as disagreeing with Albania's lead
    _open_kosovo_passage(window)
    mark = window.mark_disagreement()
    mark.claim.setCurrentIndex(mark.claim.findData("albania-lead-deir-al-balah"))
    mark.topic.setText("Which Balkan state leads where")
    qtbot.mouseClick(mark.buttons.button(ok), Qt.MouseButton.LeftButton)
    topics = [d["topic"] for d in json.loads(data_copy.claims.read_text(encoding="utf-8"))["disagreements"]]
    assert "Which Balkan state leads where" in topics
    assert any(d.topic == "Which Balkan state leads where" for d in window.project.claims.disagreements)
    window.undo_action.trigger()
    topics = [d["topic"] for d in json.loads(data_copy.claims.read_text(encoding="utf-8"))["disagreements"]]
    assert "Which Balkan state leads where" not in topics


def test_two_windows_on_one_project_keep_each_others_claims(window: MainWindow, qtbot, data_copy) -> None:
    other = MainWindow(load_project(data_copy))  # opened before either makes a change: its copy goes stale
    qtbot.addWidget(other)
    _select(window, ARTICLE_000, QUOTE)
    _create(window, qtbot, "Albania", "gaza-city")
    _select(other, ARTICLE_000, QUOTE)
    _create(other, qtbot, "Kosovo", "khan-yunis")
    on_disk = _on_disk(data_copy)
    assert {"albania-lead-gaza-city", "kosovo-lead-khan-yunis"} <= set(on_disk)  # neither write lost the other
