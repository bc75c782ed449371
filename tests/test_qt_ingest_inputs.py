"""Real reporting in through the window: drop a saved page, paste an article, open an unclassified mention."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mapview.qt.mainwindow import MainWindow
from tests.conftest import NEXT_SEED, ROOT, click_row

PAGE = ROOT / "tests" / "fixtures" / "news_page.html"
MENTION = "Kosovo and Albania discussed North Gaza with officials on Monday."


@pytest.fixture()
def window(window_on_copy: MainWindow) -> MainWindow:
    return window_on_copy


def _drop(window: MainWindow, files: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_dropping_a_saved_page_adds_it_with_its_metadata(window: MainWindow, data_copy) -> None:
    _drop(window, [PAGE])
    assert window.last_ingest.added == 3, window.last_ingest.text()
    source = next(s for s in window.state.project.sources.values() if s.id.startswith(NEXT_SEED))
    assert (source.title, source.outlet) == ("Kosovo troops to serve in North Gaza, plan says", "Balkan Daily")
    text = window.proposals.plain_text()
    assert "Kosovo — sector lead — reported — North Gaza" in text
    assert "Albania — sector lead — reported — Deir al-Balah" in text


def test_paste_article_dialog_adds_the_clipboard_article(window: MainWindow, qtbot) -> None:
    QGuiApplication.clipboard().setText("Pasted brief on the force\n\nThe Moroccan contingent has been assigned "
                                        "to the Gaza City sector, officials said.\n")
    window.paste_article_action.trigger()
    dialog = window.paste_dialog
    assert "Moroccan contingent" in dialog.text.toPlainText()
    dialog.url.setText("https://example.org/brief")
    dialog.outlet.setText("Example Wire")
    dialog.day.setText("2099-01-01")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "future" in dialog.error.text() and dialog.isVisible()  # refused, nothing written
    dialog.day.setText("2026-02-21")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert window.last_ingest.added == 1
    source = next(s for s in window.state.project.sources.values() if s.title == "Pasted brief on the force")
    assert (source.url, source.outlet, source.date.earliest.isoformat(), source.date.origin) == (
        "https://example.org/brief", "Example Wire", "2026-02-21", "user")
    assert "Morocco — sector lead — reported — Gaza City" in window.proposals.plain_text()


def test_an_empty_paste_is_refused_with_a_message(window: MainWindow, qtbot) -> None:
    QGuiApplication.clipboard().setText("")
    window.paste_article_action.trigger()
    dialog = window.paste_dialog
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "holds no text" in dialog.error.text()


def test_an_unclassified_mention_is_listed_and_opens_selected(window: MainWindow, tmp_path, qtbot) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(f"Talks on Gaza\n\n{MENTION}\n", encoding="utf-8")
    summary = window.add_articles([article])
    assert summary.added == 0
    mentions = window.proposals.mentions_list
    rows = mentions.model().outline.top
    assert len(rows) == 1 and MENTION in rows[0].text and MENTION in window.proposals.plain_text()
    assert "Unclassified mentions (1)" in window.proposals.mentions_heading.text()
    click_row(qtbot, mentions, rows[0])
    view = window.source_view
    assert view.text.textCursor().selectedText() == MENTION
    assert "Unclassified mention" in view.status.text()
    window.select_sector("rafah")  # a sector click does not make the mention look like Rafah's evidence
    QApplication.processEvents()
    assert view.text.textCursor().selectedText() == MENTION
    assert window.evidence.plain_text().count(MENTION) == 0


def test_dropping_many_files_reads_them_on_every_core_and_adds_each(window: MainWindow, tmp_path,
                                                                    monkeypatch) -> None:
    """45 files dropped at once: a helper process is spawned for them (the window's process has Qt loaded, so none
    is forked; small files may all be read before it is ready), and each article is added once with its own
    placement."""
    from mapview.ingest import parallel

    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "1")
    assert parallel._start_method() == "spawn"
    # (nation, sector as the article writes it, the sector's name in geodata/sectors.geojson, as the panel shows it)
    places = [("Morocco", "Gaza City", "Gaza City"), ("Kazakhstan", "Khan Younis", "Khan Yunis"),
              ("Indonesia", "Rafah", "Rafah")]
    files = []
    for n in range(parallel.PARALLEL_FROM + 5):
        nation, sector, _ = places[n % 3]
        path = tmp_path / f"brief-{n:02d}.txt"
        path.write_text(f"Brief {n}\n\nAccording to reports, {nation} may be responsible for the {sector} sector. "
                        f"Item {n}.\n", encoding="utf-8")
        files.append(path)
    before = len(window.state.project.sources)
    _drop(window, files)
    assert len(window.state.project.sources) == before + len(files), window.last_ingest.text()
    text = window.proposals.plain_text()
    for nation, _, shown in places:
        assert f"{nation} — sector lead — speculative — {shown}" in text
