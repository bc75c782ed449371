"""The export page's source count says what the project holds (issue #22 item 7): after an article is added in
the window and none of its proposals accepted, the page says '5 of the project's 6 articles', not '5 articles'."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mapview.render.layout import compose, source_line
from tests.conftest import ARTICLES
from tests.test_qt_proposals import ARTICLE


def page_text(project) -> str:
    page = compose(project, project.view(), generated=date(2026, 1, 5))
    return " ".join(" ".join(t.get_text().split()) for t in page.texts)


def test_the_page_counts_the_articles_cited_of_those_held(window_on_copy, tmp_path: Path) -> None:
    window = window_on_copy
    held = ARTICLES  # the shipped articles, counted from the files: every one of them is cited by a claim
    assert f"Sources: {held} articles, all dates." in page_text(window.project)
    article = tmp_path / "sectors-news.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    window.add_articles([article])  # as File > Add article… does; its proposals are not accepted
    assert len(window.project.sources) == held + 1
    assert f"Sources: {held} of the project's {held + 1} articles, all dates." in page_text(window.project)
    assert source_line(window.project.view(date(2025, 12, 1), include_undated=False), held + 1) == \
        f"Sources: 1 of the project's {held + 1} articles, as of 2025-12-01, undated sources left out."
