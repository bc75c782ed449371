"""The window's ingests read (extract) their articles before taking the project lock and hold it only to number,
filter and write, as ``mapview ingest`` does: dropped files, a paste, Add from URL and Check feeds, each through
its real window action, with another thread asking whether the lock is free."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from mapview.qt.mainwindow import MainWindow
from tests.test_project_lock import ESTONIAN, _own_mention, watch_the_lock
from tests.test_qt_ingest_inputs import PAGE, _drop
from tests.web_pages import KOSOVO_BODY, KOSOVO_TITLE, article_page
from tests.webserver import Route

PASTED = "Pasted brief on the force\n\nThe Moroccan contingent has been assigned to the Gaza City sector.\n"


def _drop_files(window: MainWindow, qtbot, web, tmp_path) -> int:
    unread = tmp_path / "unread.txt"  # Estonian, read by no file: listed as a mention of its own article
    unread.write_text(ESTONIAN, encoding="utf-8")
    _drop(window, [PAGE, unread])
    return 2


def _paste(window: MainWindow, qtbot, web, tmp_path) -> int:
    QGuiApplication.clipboard().setText(PASTED)
    window.paste_article_action.trigger()
    qtbot.mouseClick(window.paste_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    return 1


def _add_from_url(window: MainWindow, qtbot, web, tmp_path) -> int:
    web.routes["/kosovo"] = Route(article_page(KOSOVO_TITLE, KOSOVO_BODY))
    dialog = window.keep_current.add_from_url([web.url("/kosovo")])
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.keep_current.last_outcome is not None, timeout=10000)
    return 1


def _check_feeds(window: MainWindow, qtbot, web, tmp_path) -> int:
    from tests.test_feeds import rss

    web.routes["/kosovo"] = Route(article_page(KOSOVO_TITLE, KOSOVO_BODY))
    web.routes["/rss"] = Route(rss([(KOSOVO_TITLE, web.url("/kosovo"), "Kosovo")]),
                               content_type="application/rss+xml")
    keep = window.keep_current
    keep.check_feeds()
    qtbot.waitUntil(lambda: keep.feed_job is None, timeout=15000)
    return 1


@pytest.mark.parametrize("act", [_drop_files, _paste, _add_from_url, _check_feeds],
                         ids=["drop files", "paste", "add from url", "check feeds"])
def test_the_window_reads_its_articles_before_taking_the_lock(act, window_on_copy: MainWindow, qtbot, web,
                                                              only_this_machine, data_copy, tmp_path,
                                                              monkeypatch) -> None:
    window = window_on_copy
    if act is _check_feeds:  # followed before the watch: adding a feed reads no article
        assert window.keep_current.add_feed(web.url("/rss"), "Balkan Defence Review") is None
    before = {p.name for p in data_copy.seeds.glob("*.txt")}
    seen = watch_the_lock(monkeypatch, data_copy)
    articles = act(window, qtbot, web, tmp_path)
    assert seen == {"extract": [True] * articles, "apply": [False]}  # the probe sees a held lock only to write
    added = {p.name for p in data_copy.seeds.glob("*.txt")} - before
    assert len(added) == articles
    if act is _drop_files:
        _own_mention(data_copy, added)
    assert window.proposals.proposal_rows()  # listed for review
    assert {s for s in window.project.sources} >= added  # the window reloaded with them
    assert only_this_machine == []
