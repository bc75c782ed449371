"""An article in a script no installed font shows is named in the Problems panel (Qt would draw empty boxes and
say nothing); the scripts are told from the article's letters."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase

from mapview.cli import main as cli_main
from mapview.data.project import load_project
from mapview.data.scripts import articles_by_script, scripts_in
from mapview.qt import fontcheck
from tests.test_qt_window import open_window

KOREAN = "인도네시아군은 가자지구 라파와 칸유니스 사이 남부 지역에 배치될 예정이다."


@pytest.mark.parametrize(("text", "scripts"), [
    (KOREAN, {"Korean (Hangul)"}),
    ("印尼同意接管拉法口岸。", {"Chinese (Han)"}),
    ("インドネシア軍はラファに派遣される。", {"Japanese (kana)", "Chinese (Han)"}),  # kana and kanji (軍, 派遣)
    ("כוחות אינדונזיים יוצבו ברפיח.", {"Hebrew"}),
    ("ทหารอินโดนีเซียจะประจำการที่ราฟาห์", {"Thai"}),
    ("Indonesian troops will be stationed in Rafah.", set()),
    ("Les troupes indonésiennes seront déployées à Rafah.", set()),  # accents are Latin
])
def test_the_scripts_an_article_is_written_in(text: str, scripts: set[str]) -> None:
    assert scripts_in(text) == scripts


def test_articles_are_listed_under_each_script_they_use() -> None:
    found = articles_by_script([("a.txt", KOREAN), ("b.txt", "Rafah"), ("c.txt", "Rafah " + KOREAN)])
    assert found == {"Korean (Hangul)": ["a.txt", "c.txt"]}


def _add_korean_article(paths, tmp_path) -> None:
    article = tmp_path / "yonhap.txt"
    article.write_text(KOREAN + "\n", encoding="utf-8")
    assert cli_main(["--claims", str(paths.claims), "--seeds", str(paths.seeds), "--sectors", str(paths.sectors),
                     "ingest", "--outlet", "Yonhap", "--date", "2026-11-20", str(article)]) == 0


def test_an_article_no_font_shows_is_named_in_the_problems_panel(qtbot, data_copy, tmp_path, monkeypatch) -> None:
    _add_korean_article(data_copy, tmp_path)
    korean = QFontDatabase.WritingSystem.Korean
    monkeypatch.setattr(fontcheck, "font_families", lambda system: [] if system == korean else ["Any Font"])
    window = open_window(qtbot, load_project(data_copy))
    [row] = [r for r in window.problems.rows() if "Korean (Hangul)" in " ".join(r)]
    text = " ".join(row)
    assert "warning" in text and "1 article (" in text and "empty boxes" in text and "fonts-noto-cjk" in text
    assert str(data_copy.seeds) in text
    assert window.problems_dock.windowTitle() == window.problems.title() and "(0)" not in window.problems.title()


def test_with_a_font_for_every_script_no_font_problem_is_listed(qtbot, data_copy, tmp_path, monkeypatch) -> None:
    _add_korean_article(data_copy, tmp_path)
    monkeypatch.setattr(fontcheck, "font_families", lambda system: ["Any Font"])
    window = open_window(qtbot, load_project(data_copy))
    assert not [r for r in window.problems.rows() if "no font on this computer" in " ".join(r)]
