"""The Changes list in the window: the same changes as ``changes --json``, passages that open, a toggle that shows
the earlier map, and "since I last looked" remembered per user."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from datetime import date

from PySide6.QtCore import Qt

from mapview.cli import main
from mapview.data.lookedfile import last_looked, looked_file
from mapview.data.project import load_project
from mapview.qt.mainwindow import MainWindow
from tests.changes_fixture import (
    BEFORE,
    DAY_B,
    QUOTE_B_ALBANIA,
    QUOTE_B_KOSOVO,
    QUOTE_C,
    add_late_article,
    dated_project,
)


def _window(qtbot, paths) -> MainWindow:
    window = MainWindow(load_project(paths))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.keep_current.show_changes()
    return window


def _json(paths, since: str) -> dict:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        assert main(["changes", "--since", since, "--json", "--sectors", str(paths.sectors),
                     "--claims", str(paths.claims), "--seeds", str(paths.seeds)]) == 0
    return json.loads(out.getvalue())


def test_changes_list_and_changes_json_agree(qtbot, tmp_path) -> None:
    paths = dated_project(tmp_path)
    window = _window(qtbot, paths)
    panel = window.keep_current.changes
    panel.set_days(date.fromisoformat(BEFORE))
    doc = _json(paths, BEFORE)
    expected = [e["text"] for e in doc["sectors"] + doc["claims"] + doc["disagreements"]]
    assert panel.entry_texts() == expected
    assert panel.heading.text() == doc["heading"]
    for entry in doc["sectors"] + doc["claims"]:
        assert panel.passage_texts(entry["text"]) == [p["exact"] for p in entry["passages"]]
    north = next(t for t in expected if t.startswith("North Gaza — status changed"))
    assert panel.passage_texts(north) == [QUOTE_B_KOSOVO]
    assert any(t.startswith("Deir al-Balah — lead changed: no lead reported → Albania") for t in expected)

    # a click on a sector's change selects the sector; a click on a passage opens it in its article, selected
    outline = panel.list.outline_model.outline
    row = next(r for r in outline.top if r.text.startswith("Deir al-Balah"))
    rect = panel.list.visualRect(panel.list.outline_model.index_of(row))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.selected == "deir-al-balah"
    passage = row.children[0]
    assert panel.list.is_shown(passage)  # the click opened the change: its passage is in sight
    panel.list.scrollTo(panel.list.outline_model.index_of(passage))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.point_of(passage))
    assert QUOTE_B_ALBANIA in window.source_view.text.textCursor().selectedText()


def test_the_earlier_map_is_a_toggle(qtbot, tmp_path) -> None:
    window = _window(qtbot, dated_project(tmp_path))
    panel = window.keep_current.changes
    panel.set_days(date.fromisoformat(BEFORE))
    later = window.state.view.by_id()
    assert later["deir-al-balah"].lead.nation == "Albania"
    panel.show_earlier.click()
    earlier = window.state.view.by_id()
    assert window.state.as_of == date.fromisoformat(BEFORE)
    assert earlier["deir-al-balah"].lead is None and earlier["north-gaza"].lead.status == "speculative"
    assert not window.all_dates.isChecked()  # the toolbar says which day the map shows
    panel.show_earlier.click()
    assert window.state.as_of is None and window.state.view.by_id()["deir-al-balah"].lead.nation == "Albania"
    # a day chosen in the toolbar ends the toggle
    panel.show_earlier.click()
    window.set_as_of(date.fromisoformat(DAY_B))
    assert not panel.show_earlier.isChecked()


def test_since_i_last_looked_is_remembered_per_user_and_project(qtbot, tmp_path) -> None:
    paths = dated_project(tmp_path)
    window = _window(qtbot, paths)
    panel = window.keep_current.changes
    # never looked: from the eve of the newest source, so its changes show
    assert panel.since == date(2026, 1, 31) and panel.entry_texts()
    assert "not marked" in panel.looked_note.text()
    panel.mark_button.click()
    assert last_looked(paths.claims) == date.today()
    assert panel.entry_texts() == [] and "nothing changed" in panel.heading.text()
    assert looked_file().is_file() and not (paths.claims.parent / "looked.json").exists()  # per user
    assert last_looked(dated_project(tmp_path / "other").claims) is None  # per project
    # an article added after the look, though published before it, is what changed since I last looked
    add_late_article(paths)
    window.reload_project()
    texts = panel.entry_texts()
    assert texts[0].startswith("Rafah — lead changed: no lead reported → Indonesia"), texts
    assert panel.passage_texts(texts[0]) == [QUOTE_C]
    assert panel.heading.text().startswith("Changes since you last looked")
    assert not panel.show_earlier.isEnabled()  # the map replays days, and a look is not a day
    assert texts == [e["text"] for e in _json_looked(paths)]  # the same lines as `changes --last-looked`
    # a new window of the same user starts from the last look
    window2 = _window(qtbot, paths)
    assert window2.keep_current.changes.entry_texts() == texts
    assert "Last looked: " + date.today().isoformat() in window2.keep_current.changes.looked_note.text()
    # a day typed instead compares with that day; the toggle comes back
    panel.set_days(date(2026, 1, 15))
    assert panel.show_earlier.isEnabled() and "Rafah" not in " ".join(panel.entry_texts())
    looked_file().write_text("{damaged", encoding="utf-8")
    assert last_looked(paths.claims) is None  # a damaged file reads as never looked, and is replaced on marking
    panel.mark_button.click()
    assert last_looked(paths.claims) == date.today() and panel.entry_texts() == []


def _json_looked(paths) -> list[dict]:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        assert main(["changes", "--last-looked", "--json", "--sectors", str(paths.sectors),
                     "--claims", str(paths.claims), "--seeds", str(paths.seeds)]) == 0
    doc = json.loads(out.getvalue())
    assert doc["last_looked"]
    return doc["sectors"] + doc["claims"] + doc["disagreements"]
