"""One undo stack for every decision (issue #22 item 4): accept, reject, new claim, edit, retire and restore are
each undone by Ctrl+Z with the decision files byte for byte as they were, redone by Ctrl+Shift+Z; an added article
clears Redo, F5 the whole history; a file changed meanwhile is never written over."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mapview.data.project import ProjectPaths, load_project
from mapview.qt.mainwindow import MainWindow
from mapview.state import SECTOR
from tests.test_qt_annotate import ARTICLE_000, QUOTE, _create, _on_disk, _select
from tests.test_qt_proposals import ARTICLE, KOSOVO_SENTENCE, TURKEY_SENTENCE, card_with, press


def files(paths: ProjectPaths) -> dict[str, bytes | None]:
    """The decision files' bytes (None: absent)."""
    folder = paths.claims.parent
    return {name: (folder / name).read_bytes() if (folder / name).exists() else None
            for name in ("claims.json", "proposals.json", "rejected.json")}


def key(qtbot, window: MainWindow, letter: Qt.Key, shift: bool = False) -> None:
    """Ctrl+<letter> (Ctrl+Shift+<letter>) pressed in the window, as a user does."""
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(QApplication.focusWidget() or window.canvas, letter, modifiers)


@pytest.fixture()
def window(qtbot, data_copy: ProjectPaths, tmp_path: Path) -> MainWindow:
    window = MainWindow(load_project(data_copy))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.canvas)
    article = tmp_path / "sectors-news.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    window.add_articles([article])
    return window


def test_accept_and_reject_are_undone_byte_for_byte_and_redone(qtbot, window: MainWindow, data_copy) -> None:
    start = files(data_copy)
    press(qtbot, window, card_with(window, KOSOVO_SENTENCE), "accept")
    accepted = files(data_copy)
    assert accepted["claims.json"] != start["claims.json"] and accepted["proposals.json"] != start["proposals.json"]
    # the shipped reporting names Indonesia there: accepting Kosovo contests the sector
    assert window.state.view.by_id()["khan-yunis"].lead.candidates == ("Indonesia", "Kosovo")
    window.canvas.setFocus()
    key(qtbot, window, Qt.Key.Key_Z)
    assert files(data_copy) == start
    assert window.state.view.by_id()["khan-yunis"].lead.nation == "Indonesia"  # the map follows
    assert card_with(window, KOSOVO_SENTENCE)  # pending again, listed for review
    key(qtbot, window, Qt.Key.Key_Z, shift=True)
    assert files(data_copy) == accepted
    key(qtbot, window, Qt.Key.Key_Z)
    assert files(data_copy) == start

    press(qtbot, window, card_with(window, TURKEY_SENTENCE), "reject")
    assert files(data_copy)["rejected.json"] is not None
    window.canvas.setFocus()
    key(qtbot, window, Qt.Key.Key_Z)
    assert files(data_copy) == start  # rejected.json gone again: the wrong Reject is taken back
    assert card_with(window, TURKEY_SENTENCE)
    assert window.undo_stack.count() == 1 and window.undo_stack.index() == 0  # the reject replaced the redo


def test_new_claim_edit_retire_and_restore_are_each_undone_exactly(qtbot, window: MainWindow, data_copy) -> None:
    ok = QDialogButtonBox.StandardButton.Ok
    start = files(data_copy)
    _select(window, ARTICLE_000, QUOTE)
    _create(window, qtbot, "Albania", "gaza-city")
    assert "albania-lead-gaza-city" in _on_disk(data_copy)
    made = files(data_copy)
    window.undo_action.trigger()
    assert files(data_copy) == start
    window.redo_action.trigger()
    assert files(data_copy) == made

    window.select_sector("north-gaza")
    window.state.open(window.state.view.by_id()["north-gaza"].claims[0].evidence[0], SECTOR)
    edit = window.edit_open_claim()
    edit.note.setText("Edited in a test.")
    qtbot.mouseClick(edit.buttons.button(ok), Qt.MouseButton.LeftButton)
    assert _on_disk(data_copy)["kosovo-lead-north-gaza"]["note"] == "Edited in a test."
    window.undo_action.trigger()
    assert files(data_copy) == made

    window.state.open(window.state.view.by_id()["north-gaza"].claims[0].evidence[0], SECTOR)
    assert window.retire_open_claim("superseded in a test") == "kosovo-lead-north-gaza"
    assert "retired" in window.statusBar().currentMessage()  # the retiring is confirmed where the user looks
    retired = files(data_copy)
    assert window.restore_retired("kosovo-lead-north-gaza")
    assert "retired" not in _on_disk(data_copy)["kosovo-lead-north-gaza"]
    window.undo_action.trigger()  # un-restore: retired again, exactly as it was
    assert files(data_copy) == retired
    window.undo_action.trigger()  # un-retire
    assert files(data_copy) == made


def test_an_added_article_clears_redo_and_f5_clears_the_history(qtbot, window: MainWindow, data_copy,
                                                                 tmp_path: Path) -> None:
    press(qtbot, window, card_with(window, KOSOVO_SENTENCE), "accept")
    window.undo_action.trigger()
    assert window.redo_action.isEnabled()
    more = tmp_path / "more.txt"
    more.write_text("More news\n\nIndonesia will lead the Rafah sector, officials said.\n", encoding="utf-8")
    window.add_articles([more])
    assert not window.redo_action.isEnabled()  # what was undone is not offered again over the new proposals
    press(qtbot, window, card_with(window, TURKEY_SENTENCE), "reject")
    assert window.undo_action.isEnabled()
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_F5)
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert "undo history was cleared" in window.statusBar().currentMessage()


def test_an_undo_never_writes_over_a_file_changed_meanwhile(qtbot, window: MainWindow, data_copy,
                                                             tmp_path: Path) -> None:
    press(qtbot, window, card_with(window, KOSOVO_SENTENCE), "accept")
    other = MainWindow(load_project(data_copy))  # a second window adds an article: proposals.json changes
    qtbot.addWidget(other)
    more = tmp_path / "more.txt"
    more.write_text("More news\n\nIndonesia will lead the Rafah sector, officials said.\n", encoding="utf-8")
    other.add_articles([more])
    changed = files(data_copy)
    window.undo_action.trigger()
    assert files(data_copy) == changed  # nothing written over the other window's proposals
    assert "changed since" in window.statusBar().currentMessage()
    assert not window.undo_action.isEnabled()  # the refused entry left the stack


def test_history_records_only_what_changed_and_an_undo_over_another_edit_says_undone(
        qtbot, window: MainWindow, data_copy) -> None:
    """Item 5: editing only the note records the note's old and new value, adds no empty figures; an undo that
    cannot restore the file (another window wrote it since) records "undone", never a made-up edit."""
    ok = QDialogButtonBox.StandardButton.Ok
    before = _on_disk(data_copy)["kosovo-lead-north-gaza"]
    window.select_sector("north-gaza")
    window.state.open(window.state.view.by_id()["north-gaza"].claims[0].evidence[0], SECTOR)
    edit = window.edit_open_claim()
    edit.note.setText("Edited in a test.")
    qtbot.mouseClick(edit.buttons.button(ok), Qt.MouseButton.LeftButton)
    after = _on_disk(data_copy)["kosovo-lead-north-gaza"]
    entry = after["history"][-1]
    assert entry["action"] == "edited"
    assert entry["changes"] == {"note": {"from": before.get("note") or None, "to": "Edited in a test."}}
    assert ("figures" in after) == ("figures" in before)  # no empty figures written
    assert {k: v for k, v in after.items() if k not in ("note", "history")} == \
        {k: v for k, v in before.items() if k not in ("note", "history")}
    assert "note: " in window.evidence.plain_text() and "“Edited in a test.”" in window.evidence.plain_text()

    # OK without a change records nothing and writes nothing
    unchanged = data_copy.claims.read_bytes()
    window.state.open(window.state.view.by_id()["north-gaza"].claims[0].evidence[0], SECTOR)
    edit = window.edit_open_claim()
    qtbot.mouseClick(edit.buttons.button(ok), Qt.MouseButton.LeftButton)
    assert data_copy.claims.read_bytes() == unchanged and window.undo_stack.count() == 1

    # another window makes a claim meanwhile; our undo then works on the file as it is now
    other = MainWindow(load_project(data_copy))
    qtbot.addWidget(other)
    _select(other, ARTICLE_000, QUOTE)
    _create(other, qtbot, "Albania", "gaza-city")
    window.undo_action.trigger()
    on_disk = _on_disk(data_copy)
    assert "albania-lead-gaza-city" in on_disk  # the other window's claim is kept
    undone = on_disk["kosovo-lead-north-gaza"]
    assert undone.get("note") == before.get("note")
    assert [h["action"] for h in undone["history"]] == [*(h["action"] for h in after["history"]), "undone"]
    assert "edited" not in [h["action"] for h in undone["history"][len(after["history"]):]]


def test_the_hover_caption_follows_an_undo(qtbot, window: MainWindow, data_copy) -> None:
    """Item 7: the status-bar caption of the sector under the pointer says what the map shows after Undo."""
    press(qtbot, window, card_with(window, KOSOVO_SENTENCE), "accept")
    window.canvas.draw()
    point = window.canvas.data_to_widget(*window.project.sectors.by_id()["khan-yunis"].label_point)
    qtbot.mouseMove(window.canvas, point)
    qtbot.waitUntil(lambda: window.canvas.hovered == "khan-yunis")
    assert "Kosovo" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert window.canvas.hovered == "khan-yunis"
    assert "Kosovo" not in window.statusBar().currentMessage()
    assert "Khan Yunis" in window.statusBar().currentMessage()


WRITER = """
import json, sys, time
from pathlib import Path
from mapview.data.atomic import atomic_write_bytes
from mapview.data.lock import project_lock
from types import SimpleNamespace
claims = Path(sys.argv[1])
with project_lock(SimpleNamespace(claims=claims), timeout=60):
    doc = json.loads(claims.read_text(encoding="utf-8"))
    other = dict(doc["claims"][0], id="written-by-another-process")
    doc["claims"].append(other)
    atomic_write_bytes(claims, json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))
"""


def test_another_process_writing_during_a_decision_is_not_undone_with_it(qtbot, window: MainWindow, data_copy,
                                                                           monkeypatch) -> None:
    """A second process writes claims.json while an accept is being made (it tries just after the window read the
    files for its undo record): it waits for the decision, and Undo, finding the file changed since, writes
    nothing over it (an accept has no change to make on the file as it is now)."""
    import contextlib
    import subprocess
    import sys

    import mapview.qt.mainwindow as mainwindow

    real_read, writers = mainwindow.read_files, []

    def read_then_let_another_process_write(paths):
        found = real_read(paths)
        if not writers:  # the first read: the record of the files before the accept
            writers.append(subprocess.Popen([sys.executable, "-c", WRITER, str(data_copy.claims)],
                                            cwd=Path(__file__).parents[1]))
            with contextlib.suppress(subprocess.TimeoutExpired):  # it writes now unless the lock keeps it waiting
                writers[0].wait(timeout=10)
        return found

    monkeypatch.setattr(mainwindow, "read_files", read_then_let_another_process_write)
    press(qtbot, window, card_with(window, KOSOVO_SENTENCE), "accept")
    assert writers[0].wait(timeout=60) == 0  # it waited for the decision, then wrote
    monkeypatch.setattr(mainwindow, "read_files", real_read)
    assert "written-by-another-process" in _on_disk(data_copy)
    window.undo_action.trigger()
    on_disk = _on_disk(data_copy)
    assert "written-by-another-process" in on_disk  # the other process's write survives the undo
    assert any(c.startswith("kosovo-lead-khan-yunis") for c in on_disk)  # refused, not written over
    assert "changed since" in window.statusBar().currentMessage()
